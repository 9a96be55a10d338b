/**
 * Where the secret comes from, through the real CLI: standard input (not a
 * terminal), then OKTA_OAUTH2_CLIENT_SECRET, then a no-echo prompt on a real
 * pseudo-terminal (util-linux `script`). Typed secrets must never be echoed.
 */
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, createCli, runProcess, type Cli, type CliRun } from '../support/cli/cli-process';

const ID = '0oa1prompttest000h7';
const SECRET = 'typed-secret-0123456789_abcdefghijklmnopqrstuvwxyz';
const ENV_SECRET = 'env-secret-9876543210_ZYXWVUTSRQPONMLKJIHGFEDCBA';

let bin: string;
let cli: Cli;
const encoded = (secret: string): string => Buffer.from(`${ID}:${secret}`, 'utf8').toString('base64');

beforeAll(() => {
  bin = buildCli();
  cli = createCli(bin, [SECRET, ENV_SECRET]);
});

/** Runs `encode` on a pseudo-terminal and types `keys` once the hidden prompt is shown. */
async function onTerminal(keys: string | null, env: Record<string, string> = {}): Promise<CliRun & { prompted: boolean }> {
  let prompted = false;
  const run = await runProcess('script', ['-qfec', `${process.execPath} ${bin} encode --client-id ${ID}`, '/dev/null'], [SECRET, ENV_SECRET], {
    keepStdinOpen: true,
    env,
    timeoutMs: 15_000,
    onStdout: (soFar, stdin) => {
      if (!prompted && soFar.includes('Client secret (input hidden): ')) {
        prompted = true;
        if (keys !== null) stdin.write(keys);
      }
    },
  });
  return { ...run, prompted };
}

/** util-linux `script` provides the pseudo-terminal; without it (not Linux) the terminal cases cannot run. */
const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('a no-echo prompt on a terminal', () => {
  it('asks on the terminal and never echoes what is typed', async () => {
    const run = await onTerminal(`${SECRET}\r`);
    expect(run.prompted).toBe(true);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(encoded(SECRET));
  });

  it('Backspace and Ctrl+U edit the hidden input', async () => {
    const run = await onTerminal(`wrong\u0015${SECRET}xy\u007f\u007f\r`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(encoded(SECRET));
  });

  it('Ctrl+C cancels: exit 130, nothing encoded', async () => {
    const run = await onTerminal('abc\u0003');
    expect(run.code).toBe(130);
    expect(run.stdout).toContain('cancelled');
    expect(run.stdout).not.toContain(encoded('abc'));
  });

  it('OKTA_OAUTH2_CLIENT_SECRET comes before the prompt', async () => {
    const run = await onTerminal(null, { OKTA_OAUTH2_CLIENT_SECRET: ENV_SECRET });
    expect(run.prompted).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(encoded(ENV_SECRET));
  });
});

describe('standard input', () => {
  it('an open but silent pipe gets a hint on stderr, then the secret is read when it comes', async () => {
    let hinted = false;
    const run = await cli.run(['encode', '--client-id', ID], {
      keepStdinOpen: true,
      onStderr: (soFar, stdin) => {
        if (!hinted && soFar.includes('waiting for the client secret on standard input')) {
          hinted = true;
          stdin.end(SECRET);
        }
      },
    });
    expect(hinted).toBe(true);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${encoded(SECRET)}\n`);
  });

  it('an oversized stdin is refused (a secret is small)', async () => {
    const run = await cli.run(['encode', '--client-id', ID], { input: 'x'.repeat(65 * 1024) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('larger than 64 KiB');
  });
});
