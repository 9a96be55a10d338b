/**
 * Every file `basic-header test` reads (--ca-file, --private-key FILE,
 * NODE_EXTRA_CA_CERTS) is read with a byte cap, as the built CLI runs it:
 * /dev/zero, a FIFO fed by `yes` and a bash <(yes) are refused with exit 2 and
 * one line naming the option and the cap, and the server receives nothing. A
 * file at the cap still works. Without the cap these runs do not end: the
 * harness kills a run after NO_HANG_MS and fails the test, so none can hang the
 * suite (the unit suite, tests/cli/capped-file.test.ts, has the positive
 * control: a read to the end of the file is still waiting where the capped one
 * has returned).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CA_FILE_BYTES } from '../../../cli/trust-store';
import { MAX_KEY_TEXT_LENGTH } from '../../../core/okta/key-formats';
import { DEFAULT_CLIENT, startAuthServer, type AuthServer } from '../../support/auth-server';
import { buildCli, createCli, runProcess, tempFile, type Cli, type CliRun } from '../../support/cli/cli-process';
import { makeJwtClients, RSA_KID, type JwtClients } from '../../support/jwt-clients';
import { keyNeedles, keyText } from '../../support/key-files';

/** How long the harness lets one run go before killing it and failing the test: generous, a refusal takes a fraction of a second. */
const NO_HANG_MS = 20_000;
const TEST_MS = 60_000;

let server: AuthServer;
let cli: Cli;
let clients: JwtClients;
let caFile: { path: string; remove: () => void };
let dir: string;
const writers: ChildProcess[] = [];

beforeAll(async () => {
  clients = makeJwtClients();
  server = await startAuthServer({ clients: [DEFAULT_CLIENT, ...clients.all] });
  caFile = tempFile('ca.pem', server.ca);
  cli = createCli(buildCli(), [DEFAULT_CLIENT.clientSecret, ...keyNeedles(clients.rsa)]);
  dir = mkdtempSync(join(tmpdir(), 'basic-header-input-files-'));
});

afterEach(() => {
  // Only the FIFO writers this file started, by their own handle.
  for (const w of writers.splice(0)) w.kill('SIGKILL');
});

afterAll(async () => {
  await server?.close();
  caFile?.remove();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

type Option = 'ca-file' | 'private-key';

const CAPS: Readonly<Record<Option, string>> = { 'ca-file': '1 MiB', 'private-key': '64 KiB' };

/** Everything but the file under test: a secret client with a good CA, or the key client (no secret read). */
function argsFor(option: Option): string[] {
  return option === 'ca-file'
    ? ['test', '--client-id', DEFAULT_CLIENT.clientId, '--issuer', server.issuer, '--ca-file']
    : ['test', '--client-id', clients.keyClient.clientId, '--issuer', server.issuer, '--ca-file', caFile.path, '--key-id', RSA_KID, '--auth-method', 'private_key_jwt', '--private-key'];
}

/** A named FIFO with `yes` writing into it for as long as anyone reads. */
function endlessFifo(): string {
  const path = join(mkdtempSync(join(dir, 'fifo-')), 'endless');
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${String(made.stderr)}`);
  writers.push(spawn('sh', ['-c', 'exec yes > "$0"', path], { stdio: 'ignore' }));
  return path;
}

const SOURCES = {
  '/dev/zero': (option: Option) => cli.run([...argsFor(option), '/dev/zero'], { input: DEFAULT_CLIENT.clientSecret, timeoutMs: NO_HANG_MS }),
  'a FIFO fed by yes': (option: Option) => cli.run([...argsFor(option), endlessFifo()], { input: DEFAULT_CLIENT.clientSecret, timeoutMs: NO_HANG_MS }),
  // bash hands the CLI /dev/fd/63, a pipe from `yes` that never ends.
  '<(yes)': (option: Option) =>
    runProcess('bash', ['-c', 'exec "$@" <(yes)', 'bash', process.execPath, cli.bin, ...argsFor(option)], cli.needles, { input: DEFAULT_CLIENT.clientSecret, timeoutMs: NO_HANG_MS }),
} as const satisfies Record<string, (option: Option) => Promise<CliRun>>;

function errorLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line !== '');
}

describe('a file without end is refused before any traffic (exit 2, one line)', () => {
  const cases = (['ca-file', 'private-key'] as const).flatMap((option) => Object.keys(SOURCES).map((source) => [option, source as keyof typeof SOURCES] as const));
  it.each(cases)('--%s %s', async (option, source) => {
    const before = server.requestCount();
    const run = await SOURCES[source](option);
    expect(run.code).toBe(2);
    const lines = errorLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^basic-header: --${option} \\S+ is larger than ${CAPS[option]}; `));
    expect(run.stdout).toBe('');
    expect(server.requestCount()).toBe(before);
  }, TEST_MS);
});

describe('files at the cap still work; one byte over is refused', () => {
  it('a --ca-file of exactly 1 MiB (the CA and comment lines) gets a token; 1 MiB + 1 byte is exit 2', async () => {
    const cert = `${server.ca.trim()}\n`;
    const comments = (bytes: number): string => `${'# padding\n'.repeat(Math.floor(bytes / 10))}${'#'.repeat(bytes % 10)}`;
    const atCap = tempFile('at-cap.pem', `${cert}${comments(MAX_CA_FILE_BYTES - cert.length)}`);
    const overCap = tempFile('over-cap.pem', `${cert}${comments(MAX_CA_FILE_BYTES + 1 - cert.length)}`);
    try {
      const ok = await cli.run([...argsFor('ca-file'), atCap.path], { input: DEFAULT_CLIENT.clientSecret, timeoutMs: NO_HANG_MS });
      expect(ok.code).toBe(0);
      const before = server.requestCount();
      const over = await cli.run([...argsFor('ca-file'), overCap.path], { input: DEFAULT_CLIENT.clientSecret, timeoutMs: NO_HANG_MS });
      expect(over.code).toBe(2);
      expect(errorLines(over)).toEqual([expect.stringContaining(`--ca-file ${overCap.path} is larger than 1 MiB`)]);
      expect(server.requestCount()).toBe(before);
    } finally {
      atCap.remove();
      overCap.remove();
    }
  }, TEST_MS);

  it('a --private-key file of exactly 64 KiB (the PEM and blank lines) gets a token; 64 KiB + 1 byte is exit 2', async () => {
    const pem = keyText(clients.rsa, 'pkcs8-pem');
    const atCap = tempFile('at-cap.pem', `${pem}${'\n'.repeat(MAX_KEY_TEXT_LENGTH - pem.length)}`);
    const overCap = tempFile('over-cap.pem', `${pem}${'\n'.repeat(MAX_KEY_TEXT_LENGTH + 1 - pem.length)}`);
    try {
      const ok = await cli.run([...argsFor('private-key'), atCap.path], { timeoutMs: NO_HANG_MS });
      expect(ok.code).toBe(0);
      const before = server.requestCount();
      const over = await cli.run([...argsFor('private-key'), overCap.path], { timeoutMs: NO_HANG_MS });
      expect(over.code).toBe(2);
      expect(errorLines(over)).toEqual([`basic-header: --private-key ${overCap.path} is larger than 64 KiB; a private key file is a few KiB.`]);
      expect(server.requestCount()).toBe(before);
    } finally {
      atCap.remove();
      overCap.remove();
    }
  }, TEST_MS);

  it('NODE_EXTRA_CA_CERTS=/dev/zero is read with the same cap: one warning, and the test goes on', async () => {
    const run = await cli.run([...argsFor('ca-file'), caFile.path], { input: DEFAULT_CLIENT.clientSecret, env: { NODE_EXTRA_CA_CERTS: '/dev/zero' }, timeoutMs: NO_HANG_MS });
    expect(run.code).toBe(0);
    expect(errorLines(run).filter((l) => l.includes('NODE_EXTRA_CA_CERTS'))).toEqual([expect.stringMatching(/^warning: NODE_EXTRA_CA_CERTS \/dev\/zero is larger than 1 MiB; .* Only the default store and --ca-file are trusted\.$/)]);
  }, TEST_MS);
});
