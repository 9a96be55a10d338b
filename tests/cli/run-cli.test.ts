/**
 * scripts/run-cli.mjs, the `npm run --silent cli -- <command>` entry, in a
 * throwaway copy of the project (so the shared dist/ is never touched): it
 * builds dist/cli when missing or stale, keeps the build's output off stdout,
 * and passes stdin, stdout and the exit code through.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runProcess } from '../support/cli/cli-process';

const ID = '0oa1runclitest000h7';
const SECRET = 'run-cli-secret-0123456789_abcdefghijklmnopqrstuvwxyz';
const VALUE = Buffer.from(`${ID}:${SECRET}`).toString('base64');

let project: string;
let bundle: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'basic-header-run-cli-'));
  for (const path of ['cli', 'core', 'scripts/run-cli.mjs', 'package.json', 'vite.config.ts', 'tsconfig.json']) {
    cpSync(join(ROOT, path), join(project, path), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  bundle = join(project, 'dist', 'cli', 'basic-header.cjs');
});

afterAll(() => {
  if (project !== undefined) rmSync(project, { recursive: true, force: true });
});

const runCli = (args: string[], input?: string) =>
  runProcess(process.execPath, [join(project, 'scripts', 'run-cli.mjs'), ...args], [SECRET], { input, timeoutMs: 60_000 });

describe('scripts/run-cli.mjs', () => {
  it('builds on first use, with the build\'s output on stderr and only the result on stdout', { timeout: 60_000 }, async () => {
    expect(existsSync(bundle)).toBe(false);
    const run = await runCli(['encode', '--client-id', ID], SECRET);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${VALUE}\n`);
    expect(run.stderr).toContain('building the command line');
    expect(existsSync(bundle)).toBe(true);
  });

  it('does not rebuild when nothing changed', async () => {
    const built = statSync(bundle).mtimeMs;
    const run = await runCli(['encode', '--client-id', ID], SECRET);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(statSync(bundle).mtimeMs).toBe(built);
  });

  it('rebuilds when a source file is newer than the bundle', { timeout: 60_000 }, async () => {
    // Age the bundle, then make one source younger than it (but not in the future).
    const now = Date.now();
    utimesSync(bundle, new Date(now - 60_000), new Date(now - 60_000));
    utimesSync(join(project, 'core', 'encoding', 'base64.ts'), new Date(now - 30_000), new Date(now - 30_000));
    const run = await runCli(['encode', '--client-id', ID, '--header'], SECRET);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Authorization: Basic ${VALUE}\n`);
    expect(run.stderr).toContain('building the command line');
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(now - 30_000);
  });

  it('passes the exit code through', { timeout: 60_000 }, async () => {
    expect((await runCli(['decode'], 'not base64 at all!')).code).toBe(1);
    expect((await runCli(['encode', '--client-id', ID, '--secret', 'x'], SECRET)).code).toBe(2);
    expect((await runCli(['--version'])).code).toBe(0);
  });

  it('is what `npm run --silent cli -- …` runs', { timeout: 60_000 }, async () => {
    const run = await runProcess('npm', ['run', '--silent', '--prefix', project, 'cli', '--', 'encode', '--client-id', ID], [SECRET], {
      input: `${SECRET}\n`,
      timeoutMs: 60_000,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${VALUE}\n`);
  });
});
