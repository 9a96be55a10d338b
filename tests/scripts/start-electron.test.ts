/**
 * `npm start` without the internet: Electron's OWN installer (a copy of the
 * project's electron package, its install.js and @electron/get) fetches a stub
 * "Electron" from a mirror on 127.0.0.1, and the stub is then launched with the
 * app. An unreachable mirror or a wrong checksum ends in one line and exit 1.
 *
 * The fetch-and-launch path (scripts/electron-binary.mjs) runs in a child
 * process of its own, without the Node version gate of scripts/start-electron.mjs,
 * because that gate (rightly) stops the Node 20 this suite also runs on.
 * The gate itself, and the whole `npm start` where the Node is new enough, are
 * tested through the real script.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { olderThan, START_NODE } from '../../scripts/node-version.mjs';
import {
  closedPort, copyElectronPackage, ELECTRON_VERSION, PLATFORM_PATH, ROOT, sha256, startMirror, stubElectronZip, withoutElectronSettings, ZIP_NAME, type Mirror,
} from './support/electron-mirror';

const isWindows = process.platform === 'win32';
const nodeTooOldToStart = olderThan(process.versions.node, START_NODE);
const NO_STACK = /\n\s+at /;

let dir: string;
let app: string;
let electronDir: string;
let record: string;
let mirror: Mirror | undefined;
/** The project's own electron package, which no test may change. */
const projectElectron = readdirSync(join(ROOT, 'node_modules', 'electron'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bh-start-'));
  app = join(dir, 'app');
  mkdirSync(join(app, 'dist', 'main'), { recursive: true });
  writeFileSync(join(app, 'dist', 'main', 'main.cjs'), '');
  electronDir = copyElectronPackage(dir);
  record = join(dir, 'launched.txt');
  mkdirSync(join(dir, 'tmp'));
});

afterEach(async () => {
  await mirror?.close();
  mirror = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...withoutElectronSettings(process.env),
    // @electron/get's cache and its temporary download folder stay in this test's folder.
    electron_config_cache: join(dir, 'cache'),
    TMPDIR: join(dir, 'tmp'),
    TEMP: join(dir, 'tmp'),
    TMP: join(dir, 'tmp'),
    ...extra,
  };
}

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Asynchronous, so the mirror in this process keeps answering while the child downloads. */
function run(command: string, args: readonly string[], options: { cwd?: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** startApp() as `npm start` runs it after the version check, in a process of its own (the build is already done). */
function startApp(extra: Record<string, string>): Promise<Run> {
  const module = pathToFileURL(join(ROOT, 'scripts', 'electron-binary.mjs')).href;
  const code = `const { startApp } = await import(${JSON.stringify(module)});
    process.exit(await startApp({ root: ${JSON.stringify(app)}, electronDir: ${JSON.stringify(electronDir)}, env: process.env, build: () => true }));`;
  return run(process.execPath, ['--input-type=module', '-e', code], { env: env(extra) });
}

const launched = (): string[] => readFileSync(record, 'utf8').trimEnd().split('\n');

function expectOneLineFailure(result: Run): string {
  expect(result.status).toBe(1);
  expect(result.stderr).not.toMatch(NO_STACK);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('npm start fetches Electron with its own installer', () => {
  it.skipIf(isWindows)('downloads from ELECTRON_MIRROR into electron_config_cache, checks SHASUMS256.txt, then launches the binary with the app', async () => {
    mirror = await startMirror(stubElectronZip(record));
    const result = await startApp({ ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1', ELECTRON_RUN_AS_NODE: '1' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`downloading Electron ${ELECTRON_VERSION} with Electron's own installer`);
    // install.js (through @electron/get) asked the mirror for the checksums and the zip…
    expect(mirror.requests).toEqual(expect.arrayContaining([`/v${ELECTRON_VERSION}/SHASUMS256.txt`, `/v${ELECTRON_VERSION}/${ZIP_NAME}`]));
    // …kept the zip in electron_config_cache, unpacked it and wrote path.txt, in the copy only.
    const cached = readdirSync(join(dir, 'cache'), { recursive: true }).map(String);
    expect(cached.some((file) => file.endsWith(ZIP_NAME))).toBe(true);
    expect(readFileSync(join(electronDir, 'path.txt'), 'utf8')).toBe(PLATFORM_PATH);
    expect(readdirSync(join(ROOT, 'node_modules', 'electron'))).toEqual(projectElectron);
    // The fetched stub ran with exactly ['.'] in the app folder, as Electron, never with --no-sandbox.
    const [args, cwd, runAsNode] = launched();
    expect(args).toBe('.');
    expect(realpathSync(cwd ?? '')).toBe(realpathSync(app));
    expect(runAsNode).toBe('run-as-node=unset');
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);

    // Once there, the binary is used as it is: no second download.
    const before = mirror.requests.length;
    rmSync(record);
    const again = await startApp({ ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
    expect(mirror.requests).toHaveLength(before);
    expect(launched()[0]).toBe('.');
  });

  it('an unreachable mirror: one line naming the real ways out, exit 1, no stack trace, nothing launched', async () => {
    const port = await closedPort();
    const result = await startApp({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/` });
    const line = expectOneLineFailure(result);
    expect(line).toContain(`could not download Electron ${ELECTRON_VERSION} from http://127.0.0.1:${port}/ (TypeError: fetch failed)`);
    // No proxy variable set: no proxy advice.
    expect(line).not.toContain('ELECTRON_GET_USE_PROXY');
    expect(line).toContain('`npm ci` will not help');
    expect(line).toContain('network access');
    expect(line).toContain('ELECTRON_MIRROR');
    expect(line).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(`${result.stdout}${result.stderr}`).not.toContain('--no-sandbox');
    expect(existsSync(record)).toBe(false);
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false);
  });

  it('behind a proxy it names the setting Electron\'s download needs, and never prints the mirror\'s password', async () => {
    const port = await closedPort();
    const result = await startApp({ ELECTRON_MIRROR: `http://mirror-user:mirror-pass-7f3a@127.0.0.1:${port}/?api_key=mirror-key-9b2c`, HTTPS_PROXY: `http://127.0.0.1:${port}` });
    const line = expectOneLineFailure(result);
    expect(line).toContain(`from http://127.0.0.1:${port}/ (`);
    expect(line).toContain('HTTPS_PROXY is set, but Electron\'s download ignores it unless ELECTRON_GET_USE_PROXY=1 is set as well.');
    expect(`${result.stdout}${result.stderr}`).not.toContain('mirror-pass-7f3a');
    expect(`${result.stdout}${result.stderr}`).not.toContain('mirror-user');
    expect(`${result.stdout}${result.stderr}`).not.toContain('mirror-key-9b2c');
    // The download notice on stdout named the mirror, without its user name and password.
    expect(result.stdout).toContain(`ELECTRON_MIRROR=http://127.0.0.1:${port}/`);
  });

  it.skipIf(isWindows)('a zip that does not match SHASUMS256.txt is refused by the installer\'s checksum check', async () => {
    mirror = await startMirror(stubElectronZip(record), { checksum: '0'.repeat(64) });
    const line = expectOneLineFailure(await startApp({ ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' }));
    expect(line).toMatch(/could not download Electron .*checksum/i);
    expect(existsSync(record)).toBe(false);
  });

  it.skipIf(isWindows)('ELECTRON_CUSTOM_DIR and the checksums shipped in the package work too (no remote checksums)', async () => {
    const zip = stubElectronZip(record);
    mirror = await startMirror(zip, { folder: `electron/${ELECTRON_VERSION}` });
    const settings = { ELECTRON_MIRROR: mirror.url, ELECTRON_CUSTOM_DIR: 'electron/{{ version }}' };
    // Electron's shipped checksums.json holds the real zips' hashes: the stub must fail against them…
    expect(expectOneLineFailure(await startApp(settings))).toMatch(/checksum/i);
    expect(mirror.requests).toContain(`/electron/${ELECTRON_VERSION}/${ZIP_NAME}`);
    // …and pass once the copy's checksums.json names the stub's hash.
    const checksums = JSON.parse(readFileSync(join(electronDir, 'checksums.json'), 'utf8')) as Record<string, string>;
    writeFileSync(join(electronDir, 'checksums.json'), JSON.stringify({ ...checksums, [ZIP_NAME]: sha256(zip) }));
    const result = await startApp(settings);
    expect(result.status).toBe(0);
    expect(launched()[0]).toBe('.');
  });

  it('without `npm ci`: one line saying to run it', async () => {
    rmSync(electronDir, { recursive: true });
    const line = expectOneLineFailure(await startApp({}));
    expect(line).toContain('run `npm ci` first');
  });

  it.skipIf(isWindows)('ELECTRON_OVERRIDE_DIST_PATH is launched as it is, without any download', async () => {
    const override = join(dir, 'my-electron');
    mkdirSync(join(override, PLATFORM_PATH, '..'), { recursive: true });
    writeFileSync(join(override, PLATFORM_PATH), `#!/bin/sh\nprintf '%s\\n' "$*" > '${record}'\n`);
    chmodSync(join(override, PLATFORM_PATH), 0o755);
    const result = await startApp({ ELECTRON_OVERRIDE_DIST_PATH: override, ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/` });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(launched()).toEqual(['.']);
  });
});

/** A copy of the project's start scripts and electron package, with a package.json whose `build` leaves a marker. */
function startProject(): string {
  const project = join(dir, 'project');
  mkdirSync(project);
  for (const file of ['start-electron.mjs', 'electron-binary.mjs', 'node-version.mjs', 'electron-install-report.mjs']) {
    cpSync(join(ROOT, 'scripts', file), join(project, 'scripts', file));
  }
  const build = "node -e \"require('fs').mkdirSync('dist/main',{recursive:true});require('fs').writeFileSync('dist/main/main.cjs','')\"";
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'start-test', private: true, scripts: { start: 'node scripts/start-electron.mjs', build } }));
  copyElectronPackage(project);
  return project;
}

describe('scripts/start-electron.mjs', () => {
  it('on a Node older than Electron needs: one line saying so, before any build or download', async () => {
    const project = startProject();
    mirror = await startMirror(stubElectronZip(record));
    // Pretend to be the newest Node that is still too old (the check reads process.versions.node).
    const older = join(dir, 'older-node.cjs');
    writeFileSync(older, "Object.defineProperty(process.versions, 'node', { value: '22.11.0' });\n");
    const result = await run(process.execPath, ['--require', older, join(project, 'scripts', 'start-electron.mjs')], {
      cwd: project, env: env({ ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' }),
    });
    const line = expectOneLineFailure(result);
    expect(line).toContain(`needs Node.js ${START_NODE} or later`);
    expect(line).toContain('this is Node.js 22.11.0');
    expect(result.stdout).toBe('');
    expect(mirror.requests).toEqual([]);
    expect(existsSync(join(project, 'dist'))).toBe(false);
  });

  it.skipIf(isWindows || nodeTooOldToStart)('`npm start` on a new enough Node: fetches Electron, builds, launches', async () => {
    const project = startProject();
    mirror = await startMirror(stubElectronZip(record));
    const result = await run('npm', ['start', '--silent'], {
      cwd: project, env: env({ ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' }),
    });
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.status).toBe(0);
    expect(mirror.requests).toContain(`/v${ELECTRON_VERSION}/${ZIP_NAME}`);
    expect(existsSync(join(project, 'dist', 'main', 'main.cjs'))).toBe(true);
    const [args, cwd] = launched();
    expect(args).toBe('.');
    expect(realpathSync(cwd ?? '')).toBe(realpathSync(project));
  });
});
