/**
 * `basic-header decode` as a child process: what the classic tools produce
 * (echo | base64, certutil, base64url…) is diagnosed by stable code; exit 0
 * when clean, 1 when mistakes are found, 2 when there is nothing to decode.
 * The secret is never printed, only its length.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, createCli, type Cli } from '../../support/cli/cli-process';
import { rawControls, withoutOwnColour } from '../../support/cli/terminal-text';

const ID = '0oa1b2c3d4e5f6g7h8i9';
const SECRET = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3v-_';

let cli: Cli;

/** coreutils base64, with its default wrapping unless `-w0` is given. */
function base64(text: string, ...flags: string[]): string {
  const result = spawnSync('base64', flags, { input: Buffer.from(text, 'utf8'), encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout;
}

beforeAll(() => {
  cli = createCli(buildCli(), [SECRET]);
});

interface DecodeJson {
  clientId: string | null;
  secretLength: number | null;
  warnings: { code: string; message: string }[];
}

async function decodeJson(input: string): Promise<{ code: number | null; out: DecodeJson }> {
  const run = await cli.run(['decode', '--json'], { input });
  const out = JSON.parse(run.stdout) as DecodeJson;
  expect(Object.keys(out).sort()).toEqual(['clientId', 'secretLength', 'warnings']);
  return { code: run.code, out };
}

describe('clean values: exit 0', () => {
  it('a bare value: the client ID and the secret\'s length, never the secret', async () => {
    const run = await cli.run(['decode'], { input: base64(`${ID}:${SECRET}`, '-w0') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(ID);
    expect(run.stdout).toContain(`${SECRET.length} characters`);
    expect(run.stdout).toContain('No mistakes found');
  });

  it('a whole header, with the shell\'s trailing newline, in --json', async () => {
    const { code, out } = await decodeJson(`Authorization: Basic ${base64(`${ID}:${SECRET}`, '-w0')}\n`);
    expect(code).toBe(0);
    expect(out).toEqual({ clientId: ID, secretLength: SECRET.length, warnings: [] });
  });
});

describe('classic mistakes: exit 1, by stable code', () => {
  const value = base64(`${ID}:${SECRET}`, '-w0');
  it.each([
    ['trailing-newline', 'echo id:secret | base64 -w0', base64(`${ID}:${SECRET}\n`, '-w0')],
    ['line-wrapped', 'base64 without -w0 wraps at 76', base64(`${ID}:${SECRET}`)],
    ['pem-armor', 'certutil -encode', `-----BEGIN CERTIFICATE-----\r\n${value.replace(/(.{64})/g, '$1\r\n')}\r\n-----END CERTIFICATE-----\r\n`],
    ['missing-colon', 'only the secret was encoded', base64(SECRET, '-w0')],
    ['not-base64', 'the plain text pasted', `${ID}:${SECRET}`],
    ['url-safe-alphabet', 'base64url instead of Base64', Buffer.from(`${ID}:${SECRET}??>>`).toString('base64url')],
    ['whitespace', 'a space inside the value', `${value.slice(0, 20)} ${value.slice(20)}`],
  ])('%s (%s)', async (code, _how, input) => {
    const { code: exit, out } = await decodeJson(input);
    expect(exit).toBe(1);
    expect(out.warnings.map((w) => w.code)).toContain(code);
    const human = await cli.run(['decode'], { input });
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(code);
    expect(human.stdout).toContain('Mistakes found');
  });

  it('echo id:secret | base64 (wrapped and with a newline): both codes, the ID still found', async () => {
    const { code, out } = await decodeJson(base64(`${ID}:${SECRET}\n`));
    expect(code).toBe(1);
    expect(out.clientId).toBe(ID);
    expect(out.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['trailing-newline', 'line-wrapped']));
  });
});

describe('nothing to decode: exit 2', () => {
  it.each([['empty stdin', ''], ['only a line ending', '\n'], ['only spaces', '   \n']])('%s', async (_name, input) => {
    const run = await cli.run(['decode'], { input });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('nothing to decode');
  });

  it('decode takes no client ID or secret options', async () => {
    const run = await cli.run(['decode', '--client-id', ID], { input: 'x' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown option --client-id');
  });
});

describe('escape sequences in the pasted value (issue 5: NO_COLOR is respected)', () => {
  // printf '\x1b[8mhidden\x1b[0m0oaX:secret12' | base64 -w0: ESC[8m would conceal the rest of the line.
  const value = base64('\u001b[8mhidden\u001b[0m0oaX:secret12', '-w0');

  it.each([
    ['NO_COLOR set', { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['NO_COLOR unset, on a pipe', {}, false],
    ['NO_COLOR unset, colour on', { FORCE_COLOR: '1' }, true],
  ] as const)('%s: the client ID is shown with its escapes visible, never raw', async (_name, env, colour) => {
    const run = await cli.run(['decode'], { input: value, env });
    expect(run.code).toBe(1);
    expect(rawControls(`${run.stdout}${run.stderr}`, colour)).toEqual([]);
    expect(withoutOwnColour(run.stdout).split('\n')).toContain('Client ID:      \\u001b[8mhidden\\u001b[0m0oaX');
    expect(run.stdout).toContain('control-character');
    if (colour) expect(run.stdout).toContain('\u001b[1mClient ID:\u001b[22m');
  });

  it('--json: the client ID exactly, escaped by JSON', async () => {
    const run = await cli.run(['decode', '--json'], { input: value });
    expect(rawControls(run.stdout, false)).toEqual([]);
    expect((JSON.parse(run.stdout) as DecodeJson).clientId).toBe('\u001b[8mhidden\u001b[0m0oaX');
  });
});

/**
 * The pasted words are protected (they can carry the secret), but only those
 * long enough to: a short word such as `Bearer`, `basic:` or `null` once blanked
 * our own messages, codes and JSON wherever it appeared in them (attack review, 2026-12-02).
 */
describe('short pasted words are not blanked out of our own output', () => {
  it('a Bearer header and a "basic:" typo get their messages whole, naming what was pasted', async () => {
    const bearer = await cli.run(['decode'], { input: 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.abcdef' });
    expect(bearer.stdout).toContain('This is a “Bearer” header, not Basic');
    expect(bearer.stdout).not.toContain('[redacted]');
    const typo = await cli.run(['decode'], { input: `basic: ${base64(`${ID}:${SECRET}`, '-w0')}` });
    expect(typo.stdout).toContain('The scheme is written “basic:”');
    expect(typo.stdout).not.toContain('[redacted]');
    expect(typo.stdout).not.toContain(SECRET);
  });

  it.each(['xyz Base64', 'Basic secret', 'Basic warnings', 'Basic null', 'Basic error'])('--json stays valid JSON with its keys and codes for %j', async (input) => {
    const run = await cli.run(['decode', '--json'], { input });
    const out = JSON.parse(run.stdout) as DecodeJson;
    expect(Object.keys(out).sort()).toEqual(['clientId', 'secretLength', 'warnings']);
    for (const w of out.warnings) expect(w.code).toMatch(/^[a-z0-9-]+$/);
  });

  it('positive control: a long pasted word is still never echoed, in its own form or decoded', async () => {
    const value = base64(`${ID}:${SECRET}`, '-w0');
    const run = await cli.run(['decode', '--json'], { input: `Basic ${value} ${value}` });
    expect(run.stdout).not.toContain(value);
    expect(run.stdout).not.toContain(SECRET);
    expect(JSON.parse(run.stdout)).toHaveProperty('warnings');
  });
});
