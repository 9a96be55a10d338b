// Runs the real electron-builder against a stub Electron (tests/fixtures/fake-electron),
// because no Electron binary can be downloaded here. `--dir --linux` is the one target that
// needs no further downloads; the stub carries a fuse wire, so the fuse step runs for real.
// Also usable by the benchmark (app.asar size) as buildWithStubElectron({ ... }).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { getRawHeader, type DirectoryRecord } from '@electron/asar';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const fakeElectronDir = join(repoRoot, 'tests', 'fixtures', 'fake-electron');
/** linux.executableName in electron-builder.yml. */
export const linuxExecutableName = 'basic-header';

const requireFromRepo = createRequire(join(repoRoot, 'package.json'));
const builderCli = requireFromRepo.resolve('electron-builder/cli.js');

export interface StubBuildOptions {
  /** Folder holding package.json and electron-builder.yml (the repo, or a scratch copy). */
  projectDir: string;
  /** Where electron-builder writes; never the repo's release/. */
  outputDir: string;
  /** Extra `-c.key=value` overrides. */
  config?: string[];
}

export interface StubBuild {
  appDir: string;
  asarPath: string;
  executablePath: string;
}

export function installedElectronVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(requireFromRepo.resolve('electron/package.json'), 'utf8'));
  if (typeof pkg !== 'object' || pkg === null || !('version' in pkg) || typeof pkg.version !== 'string') {
    throw new Error('cannot read the installed electron version');
  }
  return pkg.version;
}

export async function buildWithStubElectron(options: StubBuildOptions): Promise<StubBuild> {
  const args = [builderCli, '--dir', '--linux', '--publish', 'never',
    '--projectDir', options.projectDir,
    `-c.electronDist=${fakeElectronDir}`,
    `-c.directories.output=${options.outputDir}`,
    ...(options.config ?? [])];
  try {
    await promisify(execFile)(process.execPath, args, {
      cwd: options.projectDir,
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error: unknown) {
    const output = error instanceof Error && 'stdout' in error && 'stderr' in error
      ? `${String(error.stdout)}\n${String(error.stderr)}` : String(error);
    throw new Error(`electron-builder --dir failed:\n${output.split('\n').slice(-40).join('\n')}`, { cause: error });
  }
  // x64 gives linux-unpacked, other arches linux-<arch>-unpacked.
  const unpacked = readdirSync(options.outputDir).find((name) => /^linux(-\w+)?-unpacked$/.test(name));
  if (unpacked === undefined) throw new Error(`no linux*-unpacked folder in ${options.outputDir}`);
  const appDir = join(options.outputDir, unpacked);
  return {
    appDir,
    asarPath: join(appDir, 'resources', 'app.asar'),
    executablePath: join(appDir, linuxExecutableName),
  };
}

/** Every file (not folder) in an asar, as posix paths without a leading slash. */
export function asarFiles(asarPath: string): string[] {
  const files: string[] = [];
  const walk = (dir: DirectoryRecord, prefix: string): void => {
    for (const [name, entry] of Object.entries(dir.files)) {
      if ('files' in entry) walk(entry, `${prefix}${name}/`);
      else files.push(`${prefix}${name}`);
    }
  };
  walk(getRawHeader(asarPath).header, '');
  return files.sort();
}

/** Every file under `dir`, as posix paths relative to `base`. */
export function filesUnder(base: string, dir: string): string[] {
  const root = join(base, dir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(base.length + 1).split('\\').join('/'))
    .sort();
}

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Reads the fuse wire the way Electron lays it out (sentinel, wire version, wire length,
 * one ASCII '0'/'1' per fuse), independently of @electron/fuses which wrote it.
 */
export function readFuseWire(binaryPath: string): { version: number; states: string } {
  const binary = readFileSync(binaryPath);
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at === -1) throw new Error(`no fuse sentinel in ${binaryPath}`);
  const wire = at + FUSE_SENTINEL.length;
  const version = binary[wire] ?? -1;
  const length = binary[wire + 1] ?? 0;
  return { version, states: binary.toString('latin1', wire + 2, wire + 2 + length) };
}
