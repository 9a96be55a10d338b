/**
 * `basic-header encode` as a child process: the value matches coreutils'
 * `base64 -w0` fed the same text, one trailing line ending on stdin is the
 * shell's, hygiene is reported on stderr, and the secret is never printed.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, createCli, type Cli } from '../../support/cli/cli-process';

let cli: Cli;

/** What `printf '%s' 'id:secret' | base64 -w0` prints. */
function coreutilsBase64(text: string): string {
  const result = spawnSync('base64', ['-w0'], { input: Buffer.from(text, 'utf8'), encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout;
}

const OKTA_ID = '0oa1b2c3d4e5f6g7h8i9';
const OKTA_SECRET = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3v-_';

const CASES: readonly (readonly [string, string, string])[] = [
  ['Okta-shaped', OKTA_ID, OKTA_SECRET],
  ['non-ASCII', '0oa1ünïcødé', 'sécrèt-密钥-🔑-ß'],
  ['colon-bearing secret', OKTA_ID, 'se:cr:et::with:colons'],
  ['3 000 characters', OKTA_ID, Array.from({ length: 3000 }, (_, i) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_~.'[i % 66]).join('')],
];

beforeAll(() => {
  cli = createCli(buildCli(), CASES.map((c) => c[2]));
});

describe('the value', () => {
  it.each(CASES)('%s: matches base64 -w0, alone on one line', async (_name, id, secret) => {
    const run = await cli.run(['encode', '--client-id', id], { input: secret });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${coreutilsBase64(`${id}:${secret}`)}\n`);
  });

  it('--header prints the whole header', async () => {
    const run = await cli.run(['encode', '--client-id', OKTA_ID, '--header'], { input: OKTA_SECRET });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Authorization: Basic ${coreutilsBase64(`${OKTA_ID}:${OKTA_SECRET}`)}\n`);
  });

  it('--json prints {value, header, warnings}', async () => {
    const run = await cli.run(['encode', '--client-id', OKTA_ID, '--json'], { input: OKTA_SECRET });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['header', 'value', 'warnings']);
    const value = coreutilsBase64(`${OKTA_ID}:${OKTA_SECRET}`);
    expect(out).toEqual({ value, header: `Authorization: Basic ${value}`, warnings: [] });
  });

  it('--form-encode applies RFC 6749 §2.3.1 before Base64', async () => {
    const secret = 'a b+c%d&e:f';
    const run = await cli.runGuarded(['encode', '--client-id', OKTA_ID, '--form-encode'], [secret], { input: secret });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${coreutilsBase64(`${OKTA_ID}:a+b%2Bc%25d%26e%3Af`)}\n`);
    const raw = await cli.runGuarded(['encode', '--client-id', OKTA_ID], [secret], { input: secret });
    expect(raw.stdout).toBe(`${coreutilsBase64(`${OKTA_ID}:${secret}`)}\n`);
    expect(raw.stderr).toContain('form-encoding-differs');
  });
});

describe('standard input', () => {
  it.each([['\\n', '\n'], ['\\r\\n', '\r\n']])('one trailing %s is the shell\'s: dropped silently, not encoded', async (_name, ending) => {
    const run = await cli.run(['encode', '--client-id', OKTA_ID], { input: `${OKTA_SECRET}${ending}` });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${coreutilsBase64(`${OKTA_ID}:${OKTA_SECRET}`)}\n`);
    expect(run.stderr).toBe('');
  });

  it('a second trailing newline is not the shell\'s: removed, and reported on stderr', async () => {
    const run = await cli.run(['encode', '--client-id', OKTA_ID], { input: `${OKTA_SECRET}\n\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${coreutilsBase64(`${OKTA_ID}:${OKTA_SECRET}`)}\n`);
    expect(run.stderr).toMatch(/^warning: |^note: /m);
    expect(run.stderr).toContain('[removed-line-break]');
  });

  it('other hygiene fixes are reported with their code, in --json as warnings', async () => {
    const run = await cli.run(['encode', '--client-id', ` ${OKTA_ID}`, '--json'], { input: `\uFEFF${OKTA_SECRET}` });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { value: string; warnings: { code: string; message: string }[] };
    expect(out.value).toBe(coreutilsBase64(`${OKTA_ID}:${OKTA_SECRET}`));
    expect(out.warnings.map((w) => w.code).sort()).toEqual(['removed-bom', 'trimmed-whitespace']);
    for (const w of out.warnings) expect(Object.keys(w).sort()).toEqual(['code', 'message']);
  });

  it('stdin wins over OKTA_OAUTH2_CLIENT_SECRET; the variable is used when stdin is empty', async () => {
    const fromStdin = await cli.run(['encode', '--client-id', OKTA_ID], { input: 'from-stdin-secret', env: { OKTA_OAUTH2_CLIENT_SECRET: OKTA_SECRET } });
    expect(fromStdin.stdout).toBe(`${coreutilsBase64(`${OKTA_ID}:from-stdin-secret`)}\n`);
    const fromEnv = await cli.run(['encode', '--client-id', OKTA_ID], { env: { OKTA_OAUTH2_CLIENT_SECRET: OKTA_SECRET } });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stdout).toBe(`${coreutilsBase64(`${OKTA_ID}:${OKTA_SECRET}`)}\n`);
  });

  it('OKTA_OAUTH2_CLIENT_ID gives the ID; --client-id overrides it', async () => {
    const fromEnv = await cli.run(['encode'], { input: OKTA_SECRET, env: { OKTA_OAUTH2_CLIENT_ID: OKTA_ID } });
    expect(fromEnv.stdout).toBe(`${coreutilsBase64(`${OKTA_ID}:${OKTA_SECRET}`)}\n`);
    const flag = await cli.run(['encode', '--client-id', '0oaFLAG'], { input: OKTA_SECRET, env: { OKTA_OAUTH2_CLIENT_ID: OKTA_ID } });
    expect(flag.stdout).toBe(`${coreutilsBase64(`0oaFLAG:${OKTA_SECRET}`)}\n`);
  });
});

describe('refusals: exit 2, one line on stderr, nothing on stdout', () => {
  it.each([
    ['an empty secret (only the line ending)', ['encode', '--client-id', OKTA_ID], '\n', 'empty'],
    ['no secret anywhere (stdin empty, no variable, no terminal)', ['encode', '--client-id', OKTA_ID], undefined, 'OKTA_OAUTH2_CLIENT_SECRET'],
    ['no client ID', ['encode'], OKTA_SECRET, 'OKTA_OAUTH2_CLIENT_ID'],
    ['a colon in the client ID', ['encode', '--client-id', '0oa1:x'], OKTA_SECRET, 'colon'],
    ['--header with --json', ['encode', '--client-id', OKTA_ID, '--header', '--json'], OKTA_SECRET, '--json'],
    ['a stray argument (maybe a secret): not echoed', ['encode', '--client-id', OKTA_ID, 'stray-argument-value'], OKTA_SECRET, 'not shown'],
    ['--client-secret', ['encode', '--client-id', OKTA_ID, '--client-secret', 'argv-secret-value'], OKTA_SECRET, 'shell history'],
  ])('%s', async (_name, argv, input, words) => {
    const run = await cli.runGuarded(argv, ['stray-argument-value', 'argv-secret-value'], input === undefined ? {} : { input });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^basic-header: /);
    expect(lines[0]).toContain(words);
  });

  it('a secret that is only whitespace in OKTA_OAUTH2_CLIENT_SECRET', async () => {
    const run = await cli.run(['encode', '--client-id', OKTA_ID], { env: { OKTA_OAUTH2_CLIENT_SECRET: '   ' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('OKTA_OAUTH2_CLIENT_SECRET');
  });

  it('a non-UTF-8 stdin', async () => {
    const run = await cli.run(['encode', '--client-id', OKTA_ID], { input: Buffer.from([0x61, 0xff, 0x62]) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('UTF-8');
  });
});
