/**
 * scripts/start-electron.mjs as a real child process, in a throwaway copy of
 * the project layout: one clear line and exit 1 without a binary or a build;
 * otherwise it spawns the binary with exactly ['.'] (never --no-sandbox).
 */
import { spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('scripts/start-electron.mjs');
const isWindows = process.platform === 'win32';
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bh-start-'));
  await mkdir(path.join(root, 'scripts'));
  await copyFile(SCRIPT, path.join(root, 'scripts', 'start-electron.mjs'));
  await mkdir(path.join(root, 'node_modules', 'electron'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function run(env: Record<string, string> = {}) {
  const clean = { ...process.env };
  delete clean.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'start-electron.mjs')], { env: { ...clean, ...env }, encoding: 'utf8', timeout: 15_000 });
}

async function build(): Promise<void> {
  await mkdir(path.join(root, 'dist', 'main'), { recursive: true });
  await writeFile(path.join(root, 'dist', 'main', 'main.cjs'), '');
}

/** A stand-in Electron that records its arguments, cwd and one env var, then exits 7. */
async function stubBinary(distDir: string, name = 'electron'): Promise<string> {
  const record = path.join(root, 'record.txt');
  const exe = path.join(distDir, name);
  await mkdir(path.dirname(exe), { recursive: true });
  await writeFile(exe, `#!/bin/sh\nprintf '%s\\n' "$*" "$PWD" "run-as-node=\${ELECTRON_RUN_AS_NODE:-unset}" > "${record}"\nexit 7\n`);
  await chmod(exe, 0o755);
  return record;
}

describe('start-electron.mjs', () => {
  it('without a binary: one clear line on stderr, exit 1, no stack trace', () => {
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/no Electron binary on this machine/);
    expect(lines[0]).toMatch(/npx install-electron/);
    expect(lines[0]).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.skipIf(isWindows)('with a binary but no build: one line telling you to build', async () => {
    await writeFile(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    await stubBinary(path.join(root, 'node_modules', 'electron', 'dist'));
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/npm run build/);
  });

  it.skipIf(isWindows)('spawns node_modules/electron/dist/<path.txt> with exactly ["."], from the project root', async () => {
    await build();
    await writeFile(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    const record = await stubBinary(path.join(root, 'node_modules', 'electron', 'dist'));
    const result = run({ ELECTRON_RUN_AS_NODE: '1' });
    expect(result.status).toBe(7);
    const [args, cwd, runAsNode] = (await readFile(record, 'utf8')).trimEnd().split('\n');
    expect(args).toBe('.');
    expect(cwd).toBe(root);
    expect(runAsNode).toBe('run-as-node=unset');
  });

  it.skipIf(isWindows)('honours ELECTRON_OVERRIDE_DIST_PATH (and the platform default without path.txt)', async () => {
    await build();
    const platformDefault = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    const record = await stubBinary(path.join(root, 'my-electron'), platformDefault);
    const result = run({ ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'my-electron') });
    expect(result.status).toBe(7);
    expect((await readFile(record, 'utf8')).split('\n')[0]).toBe('.');
  });
});
