/**
 * `basic-header decode` on a real pseudo-terminal (util-linux `script`), issue
 * 11 item 8: the whole paste is diagnosed, not its first line, whether the
 * terminal brackets the paste or delivers it line by line (then Ctrl+D ends);
 * the prompt says how to end; nothing typed is echoed; and the tool's own
 * words (the PEM armour it names) are not blanked into "[redacted]".
 */
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runProcess, type CliRun } from '../../support/cli/cli-process';

const ID = '0oa1terminalpaste0h7';
const SECRET = 'terminal-paste-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';
const VALUE = Buffer.from(`${ID}:${SECRET}`, 'utf8').toString('base64');
/** As GNU base64 wraps it: 76 columns. */
const WRAPPED = VALUE.match(/.{1,76}/g) ?? [];
const PEM = ['-----BEGIN CERTIFICATE-----', ...(VALUE.match(/.{1,64}/g) ?? []), '-----END CERTIFICATE-----'];

let bin: string;

beforeAll(() => {
  bin = buildCli();
});

const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs `decode` on a pseudo-terminal and sends `keys` once the prompt is shown. */
async function onTerminal(keys: string, extra = ''): Promise<CliRun & { prompt: string }> {
  let prompt = '';
  const run = await runProcess('script', ['-qfec', `${process.execPath} ${bin} decode ${extra}`, '/dev/null'], [SECRET], {
    keepStdinOpen: true,
    timeoutMs: 15_000,
    onStdout: (soFar, stdin) => {
      if (prompt === '' && soFar.includes('Ctrl+D: ')) {
        prompt = soFar;
        stdin.write(keys);
      }
    },
  });
  return { ...run, prompt };
}

describe.skipIf(!hasScript)('decode on a terminal reads the whole paste', () => {
  it('the prompt says how to end the input', async () => {
    const run = await onTerminal(`\u001b[200~${VALUE}\u001b[201~\r`, '--no-color');
    expect(run.prompt).toMatch(/Paste the Basic header or value.*Enter.*Ctrl\+D: /s);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Client ID:      ${ID}`);
    expect(run.stdout).toContain(`${[...SECRET].length} characters`);
    expect(run.stdout).not.toContain(VALUE.slice(0, 40));
  });

  it('a bracketed paste of a wrapped value: diagnosed as line-wrapped, with the full secret length', async () => {
    expect(WRAPPED.length).toBeGreaterThan(1);
    const run = await onTerminal(`\u001b[200~${WRAPPED.join('\r')}\u001b[201~\r`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('line-wrapped');
    expect(run.stdout).toContain(`${[...SECRET].length} characters`);
    expect(run.stdout).not.toContain('well-formed');
  });

  it('a paste delivered line by line (no bracketed paste), ended with Ctrl+D', async () => {
    const run = await onTerminal(`${WRAPPED.join('\r')}\r\u0004`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('line-wrapped');
    expect(run.stdout).toContain(`${[...SECRET].length} characters`);
  });

  it('a PEM paste is diagnosed as PEM armour, and the message naming the armour is not redacted', async () => {
    const run = await onTerminal(`\u001b[200~${PEM.join('\r')}\r\u001b[201~\r`, '--no-color');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('pem-armor');
    expect(run.stdout).toContain('-----BEGIN CERTIFICATE-----');
    expect(run.stdout).not.toContain('[redacted]');
    expect(run.stdout).toContain(`Client ID:      ${ID}`);
  });
});
