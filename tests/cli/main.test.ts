/**
 * The entry point as a child process: --help and --version, usage errors,
 * secrets on argv, colour rules, the lazy split of the bundle (encode never
 * loads the token-test code) and its start-up time. Also the positive control
 * for the harness's leak check.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, createCli, LeakError, ROOT, runProcess, tempFile, type Cli } from '../support/cli/cli-process';

const SECRET = 'main-test-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFG';
const ID = '0oa1maintest0000h7';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ANSI = new RegExp(`${String.fromCharCode(0x1b)}\\[`);

let bin: string;
let cli: Cli;
let tracer: { path: string; remove: () => void };

beforeAll(() => {
  bin = buildCli();
  cli = createCli(bin, [SECRET, Buffer.from(`${ID}:${SECRET}`).toString('base64')]);
  // Lists every module the CLI loads, on stderr at exit: proves what `encode` does not load.
  tracer = tempFile('trace.cjs', `
    const Module = require('node:module');
    const seen = [];
    const load = Module._load;
    Module._load = function (request, parent, isMain) { seen.push(request); return load.apply(this, arguments); };
    process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(seen) + '\\n'));
  `);
});

afterAll(() => tracer?.remove());

describe('the leak check (positive control)', () => {
  it('fails a run that prints a protected value, on stdout or on stderr', async () => {
    const echo = ['-e', 'process.stdin.pipe(process.stdout)'];
    await expect(runProcess(process.execPath, echo, [SECRET], { input: SECRET })).rejects.toBeInstanceOf(LeakError);
    const toStderr = ['-e', 'process.stdin.pipe(process.stderr)'];
    await expect(runProcess(process.execPath, toStderr, [SECRET], { input: `x${SECRET}y` })).rejects.toBeInstanceOf(LeakError);
    // …and passes the same run when the value is absent.
    await expect(runProcess(process.execPath, echo, [SECRET], { input: 'harmless' })).resolves.toMatchObject({ code: 0, stdout: 'harmless' });
  });
});

describe('--help and --version', () => {
  it('--version prints the package version', async () => {
    for (const argv of [['--version'], ['encode', '--version'], ['-V']]) {
      const run = await cli.run(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${VERSION}\n`);
    }
  });

  it('general --help lists the commands, the secret sources and the exit codes', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const run = await cli.run(argv);
      expect(run.code).toBe(0);
      for (const words of ['encode', 'decode', 'test', 'OKTA_OAUTH2_CLIENT_SECRET', 'standard input', 'Exit codes', VERSION]) {
        expect(run.stdout).toContain(words);
      }
    }
  });

  it.each([
    ['encode', ['--header', '--form-encode', '--json', "printf '%s' \"$SECRET\" | basic-header encode"]],
    ['decode', ['--json', 'trailing-newline', 'not-base64', 'Exit codes']],
    ['test', ['--scope', '--auth-method', '--timeout', '--ca-file', '--print-token', 'HTTPS_PROXY', 'NODE_EXTRA_CA_CERTS',
      "printf '%s' \"$SECRET\" | basic-header test --client-id 0oa… --issuer https://dev-123.okta.com/oauth2/default --scope api:read"]],
  ])('%s --help: options and examples', async (command, words) => {
    for (const argv of [[command, '--help'], [command, '-h'], ['help', command]]) {
      const run = await cli.run(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: basic-header ${command}`);
      expect(run.stdout).toContain('Examples:');
      for (const w of words) expect(run.stdout).toContain(w);
    }
  });

  it('no command: the help on stderr, exit 2', async () => {
    const run = await cli.run([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: basic-header <command>');
  });
});

describe('standard output that cannot be written (contract audit, 2026-12-02)', () => {
  it.skipIf(!existsSync('/dev/full'))('a full disk: exit 74 and one line on stderr, never exit 0 with the result lost', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['encode', '--client-id', ID], ['encode', '--client-id', ID, '--json'], ['--version'], ['--help']]) {
        const run = spawnSync(process.execPath, [bin, ...args], { input: SECRET, stdio: ['pipe', full, 'pipe'], encoding: 'utf8' });
        expect(run.status).toBe(74);
        expect(run.stderr.trim().split('\n')).toEqual(['basic-header: could not write to standard output (ENOSPC), so the output is lost or incomplete.']);
      }
      // A command that writes nothing to stdout keeps its own exit code (a usage error stays 2).
      const usage = spawnSync(process.execPath, [bin, 'encode', '--bogus'], { input: SECRET, stdio: ['pipe', full, 'pipe'], encoding: 'utf8' });
      expect(usage.status).toBe(2);
      expect(usage.stderr).not.toMatch(/could not write/);
    } finally {
      closeSync(full);
    }
  });

  it('a pipe closed by its reader is the reader\'s choice: the command\'s own exit code, nothing on stderr', () => {
    // Whether the writer meets the closed pipe (EPIPE) depends on timing: either way, exit 0 and a quiet stderr.
    const script = `"${process.execPath}" "${bin}" --help | head -c 1 > /dev/null; echo "rc=\${PIPESTATUS[0]}"`;
    const run = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('rc=0');
    expect(run.stderr).toBe('');
  });
});

describe('usage errors: exit 2, one line on stderr, no stack trace', () => {
  it.each([
    ['an unknown command', ['frobnicate'], 'unknown command "frobnicate"'],
    ['an unknown command that may be a credential is not echoed', ['0oa1:Zm9vYmFy=='], 'unknown command (not shown)'],
    ['an unknown option', ['encode', '--colour'], 'unknown option --colour'],
    ['a missing value', ['test', '--issuer'], '--issuer needs a value'],
  ])('%s', async (_name, argv, words) => {
    const run = await cli.runGuarded(argv, ['Zm9vYmFy'], { input: SECRET });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(words);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(['encode', 'decode', 'test', 'frobnicate'])('a secret on argv is refused for "%s" too, before anything else', async (command) => {
    const run = await cli.runGuarded([command, '--client-id', ID, '--client-secret', 'argv-secret-value-123'], ['argv-secret-value-123'], { input: SECRET });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('refusing --client-secret');
  });

  it('--help does not make a secret on argv acceptable', async () => {
    const run = await cli.runGuarded(['encode', '--help', '--secret=argv-secret-value-123'], ['argv-secret-value-123']);
    expect(run.code).toBe(2);
  });
});

describe('colour', () => {
  // decode's report uses bold labels: the easiest place to see colour.
  const value = Buffer.from(`${ID}:${SECRET}`).toString('base64');

  it('none on a pipe; FORCE_COLOR turns it on; NO_COLOR always wins', async () => {
    const plain = await cli.run(['decode'], { input: value });
    expect(plain.stdout).not.toMatch(ANSI);
    const forced = await cli.run(['decode'], { input: value, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    const noColor = await cli.run(['decode'], { input: value, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(ANSI);
    expect(noColor.stdout).toBe(plain.stdout);
    const flag = await cli.run(['decode', '--no-color'], { input: value, env: { FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toMatch(ANSI);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('on a real terminal: colour, unless NO_COLOR is set', async () => {
    // util-linux `script` gives the CLI a pseudo-terminal; the paste is typed at the hidden prompt.
    const onTty = async (env: Record<string, string>): Promise<string> => {
      let typed = false;
      const run = await runProcess('script', ['-qfec', `${process.execPath} ${bin} decode`, '/dev/null'], [SECRET], {
        keepStdinOpen: true,
        env,
        onStdout: (soFar, stdin) => {
          if (!typed && soFar.includes('Ctrl+D: ')) {
            typed = true;
            stdin.end(`${value}\r\u0004`);
          }
        },
      });
      expect(run.code).toBe(0);
      // Switching bracketed paste on and off is a terminal mode, not colour.
      return run.stdout.split('\u001b[?2004h').join('').split('\u001b[?2004l').join('');
    };
    expect(await onTty({})).toMatch(ANSI);
    expect(await onTty({ NO_COLOR: '1' })).not.toMatch(ANSI);
  });
});

describe('the bundle', () => {
  it('keeps undici in the test chunk and jose in chunks only test and keygen load', () => {
    const chunks = readdirSync(join(dirname(bin), 'chunks'));
    const testChunk = chunks.find((c) => c.startsWith('test-'));
    expect(testChunk).toBeDefined();
    const read = (file: string): string => readFileSync(file, 'utf8');
    const path = (chunk: string): string => join(dirname(bin), 'chunks', chunk);
    expect(read(path(testChunk ?? ''))).toContain('EnvHttpProxyAgent');
    for (const file of [bin, ...chunks.filter((c) => c !== testChunk).map(path)]) expect(read(file)).not.toContain('EnvHttpProxyAgent');
    // jose is shared by test and keygen (key generation), so it may sit in a chunk of its own; never in the entry or encode/decode.
    const joseChunks = chunks.filter((c) => read(path(c)).includes('JWSSignatureVerificationFailed'));
    expect(joseChunks.length).toBeGreaterThan(0);
    expect(read(bin)).not.toContain('JWSSignatureVerificationFailed');
    for (const c of chunks.filter((name) => /^(encode|decode)-/.test(name))) expect(joseChunks).not.toContain(c);
  });

  it('encode and decode never load the test chunk; test does', async () => {
    const loaded = async (args: string[], input: string): Promise<string[]> => {
      const run = await runProcess(process.execPath, ['--require', tracer.path, bin, ...args], [SECRET], { input });
      const line = run.stderr.split('\n').find((l) => l.startsWith('LOADED ')) ?? 'LOADED []';
      return JSON.parse(line.slice('LOADED '.length)) as string[];
    };
    const joseChunk = (r: string): boolean =>
      /chunks\/[^/]*\.cjs$/.test(r) && readFileSync(isAbsolute(r) ? r : join(dirname(bin), r), 'utf8').includes('JWSSignatureVerificationFailed');
    const isTestChunk = (r: string): boolean => /chunks\/test-[^/]*\.cjs$/.test(r) || joseChunk(r);
    const encode = await loaded(['encode', '--client-id', ID], SECRET);
    expect(encode.some((r) => /chunks\/encode-/.test(r))).toBe(true);
    expect(encode.some(isTestChunk)).toBe(false);
    const decode = await loaded(['decode'], Buffer.from(`${ID}:${SECRET}`).toString('base64'));
    expect(decode.some(isTestChunk)).toBe(false);
    // Control: the tracer does see the chunk when `test` runs (refused later for want of a server, exit 2).
    const test = await loaded(['test', '--client-id', ID, '--issuer', 'https://127.0.0.1:9/oauth2/default', '--scope', 'a"b'], SECRET);
    expect(test.some(isTestChunk)).toBe(true);
  });
});
