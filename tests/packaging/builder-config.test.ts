// electron-builder.yml against electron-builder's own JSON schema (the one it validates
// with at build time), plus the packaging decisions the schema cannot express.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findPackagedApps } from '../../scripts/packaged-fuses';
import { repoRoot } from './stub-electron-build';

// app-builder-lib is electron-builder's dependency: resolve it through electron-builder.
const requireFromBuilder = createRequire(createRequire(join(repoRoot, 'package.json')).resolve('electron-builder'));
const schema: unknown = requireFromBuilder('app-builder-lib/scheme.json');
// strict:false because the schema uses electron-builder's non-standard `typeof` keyword.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema as object);

const configText = readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8');
const loadConfig = (): Record<string, unknown> => parse(configText) as Record<string, unknown>;
const config = loadConfig();
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;

function errorsOf(candidate: unknown): ErrorObject[] {
  return validate(candidate) ? [] : [...(validate.errors ?? [])];
}

function section(name: string): Record<string, unknown> {
  const value = config[name];
  if (typeof value !== 'object' || value === null) throw new Error(`electron-builder.yml has no ${name} section`);
  return value as Record<string, unknown>;
}

describe('electron-builder.yml against app-builder-lib/scheme.json', () => {
  it('is valid', () => {
    expect(errorsOf(config).map((e) => `${e.instancePath} ${e.message ?? ''}`)).toEqual([]);
  });

  // Negative controls: the validator must reject what electron-builder would reject,
  // otherwise "valid" above proves nothing.
  it.each<[string, (c: Record<string, unknown>) => void, string, string]>([
    ['a misspelt top-level key', (c) => { c['appIdd'] = c['appId']; }, '', 'additionalProperties'],
    ['a misspelt linux key', (c) => { (c['linux'] as Record<string, unknown>)['categry'] = 'Utility'; }, '/linux', 'additionalProperties'],
    ['a number as the linux target', (c) => { (c['linux'] as Record<string, unknown>)['target'] = 42; }, '/linux/target', 'type'],
    ['a string as a fuse', (c) => { (c['electronFuses'] as Record<string, unknown>)['runAsNode'] = 'no'; }, '/electronFuses/runAsNode', 'type'],
    ['an unknown fuse', (c) => { (c['electronFuses'] as Record<string, unknown>)['runAsNod'] = false; }, '/electronFuses', 'additionalProperties'],
    ['a string for nsis.oneClick', (c) => { (c['nsis'] as Record<string, unknown>)['oneClick'] = 'false'; }, '/nsis/oneClick', 'type'],
  ])('rejects %s', (_name, mutate, instancePath, keyword) => {
    const mutated = loadConfig();
    mutate(mutated);
    expect(errorsOf(mutated)).toContainEqual(expect.objectContaining({ instancePath, keyword }));
  });
});

describe('packaging decisions', () => {
  it('names the app and keeps output out of the source tree', () => {
    expect(config).toMatchObject({
      appId: 'dev.basicheader.app',
      productName: 'Basic Header',
      directories: { output: 'release', buildResources: 'build' },
      asar: true,
      npmRebuild: false,
      publish: null,
    });
    expect(pkg['productName']).toBe(config['productName']);
  });

  it('packs only the built output and package.json, with explicit exclusions', () => {
    const files = config['files'];
    expect(Array.isArray(files)).toBe(true);
    const patterns = files as string[];
    expect(patterns.filter((p) => !p.startsWith('!'))).toEqual(['dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'package.json']);
    expect(patterns).toEqual(expect.arrayContaining(['!dist/cli/**', '!**/*.map', '!**/.env']));
  });

  it('sets every fuse explicitly, locked down', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      resetAdHocDarwinSignature: true,
    });
  });

  it('builds a DMG and zip for Apple silicon and Intel, with the hardened runtime, minimal entitlements and automatic notarization', () => {
    const mac = section('mac');
    expect(mac).toMatchObject({
      target: [
        { target: 'dmg', arch: ['arm64', 'x64'] },
        { target: 'zip', arch: ['arm64', 'x64'] },
      ],
      category: 'public.app-category.developer-tools',
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    });
    // Unset means "notarize when APPLE_* credentials are in the environment"; false would disable it.
    expect(mac).not.toHaveProperty('notarize');
    const plist = readFileSync(join(repoRoot, 'build', 'entitlements.mac.plist'), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('builds an NSIS installer that removes app data on uninstall, and a portable exe', () => {
    expect(section('win')).toMatchObject({ target: ['nsis', 'portable'] });
    const nsis = section('nsis');
    expect(nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: true });
    // Both targets produce .exe files: the same name would make one overwrite the other.
    expect(nsis['artifactName']).not.toBe(section('portable')['artifactName']);
  });

  it('builds an AppImage and a deb with the metadata deb requires', () => {
    const linux = section('linux');
    expect(linux).toMatchObject({ target: ['AppImage', 'deb'], executableName: 'basic-header' });
    expect(['Utility', 'Development']).toContain(linux['category']);
    expect(linux['maintainer']).toMatch(/^[^<>]+ <[^@\s]+@[^>\s]+>$/);
    expect(linux['synopsis']).toEqual(expect.any(String));
    expect(linux['description']).toEqual(expect.any(String));
    // deb takes the homepage and the maintainer email from package.json and fails without them.
    expect(pkg['homepage']).toMatch(/^https:\/\//);
    expect(pkg['author']).toMatchObject({ email: expect.stringMatching(/@/) as unknown });
  });

  it('points at icon files that exist', () => {
    for (const [platform, icon] of [['mac', 'build/icon.icns'], ['win', 'build/icon.ico'], ['linux', 'build/icons']] as const) {
      expect(section(platform)['icon']).toBe(icon);
      expect(existsSync(join(repoRoot, icon))).toBe(true);
    }
  });

  it('is what `npm run dist` runs, without publishing', () => {
    expect(pkg['scripts']).toMatchObject({ dist: 'npm run build && electron-builder --publish never' });
  });
});

describe('the CI fuse check finds every packaged app', () => {
  it('one per mac architecture (mac/ and mac-arm64/), so each binary\'s fuses are checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bh-release-'));
    try {
      for (const arch of ['mac', 'mac-arm64']) mkdirSync(join(dir, arch, 'Basic Header.app'), { recursive: true });
      mkdirSync(join(dir, 'linux-unpacked'));
      writeFileSync(join(dir, 'linux-unpacked', 'basic-header'), '');
      mkdirSync(join(dir, 'win-unpacked')); // no .exe inside: not an app
      const apps = findPackagedApps(dir, { productName: 'Basic Header', linuxExecutableName: 'basic-header' });
      expect(apps.map((a) => a.slice(dir.length + 1)).sort()).toEqual(['linux-unpacked/basic-header', 'mac-arm64/Basic Header.app', 'mac/Basic Header.app']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
