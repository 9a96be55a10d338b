// Builds the unpacked app with the real electron-builder and a stub Electron, then checks
// what actually ships: exactly the built output and package.json, and flipped fuses.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { extractFile } from '@electron/asar';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFuses, findPackagedApp } from '../../scripts/packaged-fuses';
import {
  asarFiles, buildWithStubElectron, fakeElectronDir, filesUnder, installedElectronVersion,
  linuxExecutableName, readFuseWire, repoRoot, type StubBuild,
} from './stub-electron-build';

// ~4 s on an idle 2-core machine; far more when the full suite shares it.
const BUILD_TIMEOUT = 90_000;
/** Issue 7's package budget. */
const ASAR_BUDGET_BYTES = 1_000_000;
const BUILT_DIRS = ['dist/main', 'dist/preload', 'dist/renderer'];
const REQUIRED_BUILT_FILES = ['dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html'];

// Anything matching these must never be inside app.asar.
const FORBIDDEN: [string, RegExp][] = [
  ['source map', /\.map$/],
  ['TypeScript source', /\.(ts|tsx|mts|cts)$/],
  ['.env file', /(^|\/)\.env(\..*)?$/],
  ['lockfile', /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml)$/],
  ['test file or folder', /(^|\/)tests?\/|\.(test|spec)\.[cm]?[jt]sx?$/],
  ['node_modules', /(^|\/)node_modules\//],
  ['CLI bundle', /^dist\/cli\//],
  ['source folder', /^(core|electron|renderer|cli|scripts|bench|build)\//],
];

function forbiddenIn(files: readonly string[]): string[] {
  return files.flatMap((file) => FORBIDDEN.filter(([, pattern]) => pattern.test(file)).map(([what]) => `${what}: ${file}`));
}

const scratch = mkdtempSync(join(tmpdir(), 'basic-header-pack-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('app.asar built from this repo with a stub Electron', () => {
  let build: StubBuild;

  beforeAll(async () => {
    const missing = REQUIRED_BUILT_FILES.filter((file) => !existsSync(join(repoRoot, file)));
    if (missing.length > 0) {
      throw new Error(`The packaging test needs the built app, but ${missing.join(', ')} is missing: run \`npm run build\` first (\`npm test\` does this before the unit tests).`);
    }
    build = await buildWithStubElectron({ projectDir: repoRoot, outputDir: join(scratch, 'repo') });
  }, BUILD_TIMEOUT);

  it('holds exactly the built main, preload and renderer files plus package.json', () => {
    const built = BUILT_DIRS.flatMap((dir) => filesUnder(repoRoot, dir)).filter((file) => !file.endsWith('.map'));
    expect(asarFiles(build.asarPath)).toEqual([...built, 'package.json'].sort());
    expect(existsSync(`${build.asarPath}.unpacked`)).toBe(false);
  });

  it('holds no sources, tests, maps, .env, lockfiles, node_modules or the CLI', () => {
    expect(forbiddenIn(asarFiles(build.asarPath))).toEqual([]);
  });

  it('starts from the bundled main process named in its package.json', () => {
    const pkg: unknown = JSON.parse(extractFile(build.asarPath, 'package.json').toString('utf8'));
    expect(pkg).toMatchObject({ main: 'dist/main/main.cjs', productName: 'Basic Header' });
    expect(asarFiles(build.asarPath)).toContain('dist/main/main.cjs');
  });

  it(`stays within the ${String(ASAR_BUDGET_BYTES)}-byte package budget`, () => {
    const bytes = statSync(build.asarPath).size;
    console.log(`app.asar: ${String(bytes)} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(ASAR_BUDGET_BYTES);
  });

  it('has the fuses from electron-builder.yml flipped on the packaged binary', () => {
    // Wire order: RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
    // EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
    // LoadBrowserProcessSpecificV8Snapshot (not set: stays 0), GrantFileProtocolExtraPrivileges,
    // WasmTrapHandlers (not set: stays 1).
    expect(readFuseWire(build.executablePath)).toEqual({ version: 1, states: '010011001' });
    // The fixture keeps Electron's defaults: electron-builder flipped a copy.
    expect(readFuseWire(join(fakeElectronDir, 'electron'))).toEqual({ version: 1, states: '101100011' });
  });

  it('passes the CI fuse check (scripts/packaged-fuses.ts), which the unflipped stub fails', async () => {
    const config = parse(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, unknown> };
    const app = findPackagedApp(join(scratch, 'repo'), { productName: 'Basic Header', linuxExecutableName });
    expect(app).toBe(build.executablePath);
    const fuses = ['enableCookieEncryption', 'enableEmbeddedAsarIntegrityValidation', 'enableNodeCliInspectArguments',
      'enableNodeOptionsEnvironmentVariable', 'grantFileProtocolExtraPrivileges', 'onlyLoadAppFromAsar', 'runAsNode'];
    const packaged = await checkFuses(app, config.electronFuses);
    expect(packaged.filter((r) => r.ok).map((r) => r.fuse).sort()).toEqual(fuses);
    const unflipped = await checkFuses(join(fakeElectronDir, 'electron'), config.electronFuses);
    expect(unflipped.filter((r) => !r.ok).map((r) => r.fuse).sort()).toEqual(fuses);
  });
});

describe('the files patterns, against planted decoys', () => {
  // A scratch project with the repo's real config and a fake build output in which
  // everything that must not ship has been planted, so each exclusion is exercised.
  const decoys = [
    'dist/main/main.cjs.map', 'dist/main/leftover.ts', 'dist/renderer/assets/index-abc.js.map',
    'dist/renderer/.env', 'dist/renderer/.env.local', 'dist/preload/package-lock.json',
    'dist/cli/basic-header.cjs', 'tests/unit.test.ts', 'core/encoding/base64.ts',
    'package-lock.json', '.env', 'node_modules/left-pad/index.js',
  ];
  const shipped = ['dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html',
    'dist/renderer/assets/index-abc.js', 'dist/renderer/assets/index-abc.css'];

  it('packs the shipped files and drops every decoy', async () => {
    const project = join(scratch, 'decoy-project');
    for (const file of [...shipped, ...decoys]) {
      mkdirSync(dirname(join(project, file)), { recursive: true });
      writeFileSync(join(project, file), `// ${file}\n`);
    }
    cpSync(join(repoRoot, 'package.json'), join(project, 'package.json'));
    cpSync(join(repoRoot, 'electron-builder.yml'), join(project, 'electron-builder.yml'));
    cpSync(join(repoRoot, 'build'), join(project, 'build'), { recursive: true });
    // No node_modules/electron in the scratch project to read the version from.
    const build = await buildWithStubElectron({
      projectDir: project, outputDir: join(scratch, 'decoy-out'),
      config: [`-c.electronVersion=${installedElectronVersion()}`],
    });
    const files = asarFiles(build.asarPath);
    expect(files).toEqual([...shipped, 'package.json'].sort());
    // Guards the guard: the forbidden list recognises every decoy.
    expect(decoys.filter((file) => forbiddenIn([file]).length === 0)).toEqual([]);
  }, BUILD_TIMEOUT);
});
