/**
 * The command line as users install it: `npm run pack:cli` (which runs
 * `npm pack`) makes the @basic-header/cli tarball; it holds only the bundle,
 * its README and the licence; it installs OFFLINE into an empty prefix (no
 * dependencies to fetch) and the installed `basic-header` command works:
 * --version, encode, decode, and test against the real HTTPS test server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runProcess, tempFile, type CliRun } from '../support/cli/cli-process';
import { DEFAULT_CLIENT, startAuthServer, type AuthServer } from '../support/auth-server';

const NAME = '@basic-header/cli';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TARBALL = `basic-header-cli-${VERSION}.tgz`;
const SECRET = DEFAULT_CLIENT.clientSecret;
const BASIC = Buffer.from(`${DEFAULT_CLIENT.clientId}:${SECRET}`).toString('base64');
const isWindows = process.platform === 'win32';

let dir: string;
let tarball: string;
let prefix: string;
let server: AuthServer | undefined;
let caFile: { path: string; remove: () => void } | undefined;

/** The files of a .tgz: a gzip'd tar is 512-byte headers (name, prefix, octal size) each followed by its data. */
function tarFiles(file: string): Map<string, Buffer> {
  const tar = gunzipSync(readFileSync(file));
  const files = new Map<string, Buffer>();
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0;) {
    const field = (start: number, length: number): string => tar.subarray(at + start, at + start + length).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim(), 8);
    const name = [field(345, 155), field(0, 100)].filter(Boolean).join('/');
    files.set(name, tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

function npm(args: string[], cwd: string) {
  return spawnSync(isWindows ? 'npm.cmd' : 'npm', args, { cwd, encoding: 'utf8', shell: isWindows, timeout: 120_000 });
}

/** Runs the INSTALLED command (npm's bin link, or its .cmd shim on Windows) with the harness's leak check. */
function installed(args: string[], input?: string, needles = [SECRET, BASIC]): Promise<CliRun> {
  const options = { input, timeoutMs: 30_000 };
  if (isWindows) return runProcess(process.env.ComSpec ?? 'cmd.exe', ['/d', '/c', join(prefix, 'basic-header.cmd'), ...args], needles, options);
  return runProcess(join(prefix, 'bin', 'basic-header'), args, needles, options);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bh-cli-package-'));
  const packed = spawnSync(process.execPath, [join(ROOT, 'scripts', 'pack-cli.mjs'), '--pack-destination', join(dir, 'out')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (packed.status !== 0) throw new Error(`pack-cli failed:\n${packed.stderr}`);
  tarball = packed.stdout.trim();
  prefix = join(dir, 'prefix');
  // An empty cache and --offline: the install can only succeed if nothing needs fetching.
  const install = npm(['install', '--global', '--prefix', prefix, '--offline', '--cache', join(dir, 'npm-cache'), '--no-audit', '--no-fund', tarball], dir);
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  server = await startAuthServer();
  caFile = tempFile('test-ca.pem', server.ca);
}, 180_000);

afterAll(async () => {
  await server?.close();
  caFile?.remove();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('the CLI tarball', () => {
  it(`is ${TARBALL}: the bundle, README and licence only, under 1 MB`, () => {
    expect(tarball).toBe(join(dir, 'out', TARBALL));
    expect(readFileSync(tarball).length).toBeLessThan(1_000_000);
    const files = tarFiles(tarball);
    const names = [...files.keys()].sort();
    expect(names.filter((name) => !/^package\/chunks\/[\w-]+\.cjs$/.test(name))).toEqual([
      'package/LICENSE', 'package/README.md', 'package/basic-header.cjs', 'package/package.json',
    ]);
    expect(names.some((name) => name.startsWith('package/chunks/'))).toBe(true);
    expect(names.join('\n')).not.toMatch(/dist\/main|main\.cjs|\.map$|\.ts$/);
    const bin = files.get('package/basic-header.cjs')?.toString('utf8') ?? '';
    expect(bin.split('\n')[0]).toBe('#!/usr/bin/env node');
    // The bundle inlines its libraries: their licences travel with it.
    const licence = files.get('package/LICENSE')?.toString('utf8') ?? '';
    expect(licence).toMatch(/^MIT License/);
    expect(licence).toContain('This package bundles undici');
  });

  it('declares a scoped name, the app\'s version, bin, engines, and no dependencies or scripts', () => {
    const manifest = JSON.parse(tarFiles(tarball).get('package/package.json')?.toString('utf8') ?? '{}') as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: NAME, version: VERSION, bin: { 'basic-header': 'basic-header.cjs' }, license: 'MIT', engines: { node: '>=20.18.1' } });
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'scripts', 'main', 'private']) expect(manifest).not.toHaveProperty(field);
  });

  it('the root package (the desktop app) refuses `npm pack`, so its old broken tarball cannot be made', () => {
    const result = npm(['pack', '--dry-run'], ROOT);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('npm run pack:cli');
    expect(existsSync(join(ROOT, `basic-header-${VERSION}.tgz`))).toBe(false);
  });
});

describe('installed offline into an empty prefix', () => {
  it('--version', async () => {
    const run = await installed(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it('encode reads the secret from stdin and prints the Basic value', async () => {
    // Printing the Basic value is encode's job: only the secret itself is guarded here.
    const run = await installed(['encode', '--client-id', DEFAULT_CLIENT.clientId, '--json'], SECRET, [SECRET]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ value: BASIC, header: `Authorization: Basic ${BASIC}` });
  });

  it('decode names the client ID and the secret length', async () => {
    const run = await installed(['decode', '--json'], `Authorization: Basic ${BASIC}`);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ clientId: DEFAULT_CLIENT.clientId, secretLength: SECRET.length, warnings: [] });
  });

  it('test gets a token from the real HTTPS server, trusting its CA through --ca-file', async () => {
    const run = await installed(['test', '--client-id', DEFAULT_CLIENT.clientId, '--issuer', server?.issuer ?? '', '--ca-file', caFile?.path ?? '', '--scope', 'api:read', '--json'], SECRET);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, status: 200, signature: 'verified' });
  });
});
