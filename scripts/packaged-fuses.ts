// Compares the fuses set on a packaged Electron binary with electron-builder.yml's
// electronFuses. Used by scripts/check-packaged-fuses.ts (CI, after `npm run dist`) and
// by the packaging test against the stub-Electron build.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
// Transitive (electron-builder uses it to flip the fuses): reading with the same library
// that `npx @electron/fuses read --app <path>` uses.
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

export interface PackagedNames {
  productName: string;
  linuxExecutableName: string;
}

export interface FuseCheck {
  fuse: string;
  expected: boolean;
  actual: 'on' | 'off' | 'removed' | 'inherit' | 'missing';
  ok: boolean;
}

/** The packaged app in an electron-builder output folder (…-unpacked / mac*), for any OS. */
export function findPackagedApp(releaseDir: string, names: PackagedNames): string {
  const [first] = findPackagedApps(releaseDir, names);
  if (first === undefined) throw new Error(`no packaged app under ${releaseDir}: run \`npm run dist\` first`);
  return first;
}

/** Every packaged app under `releaseDir` (a mac build makes one per architecture: mac/ and mac-arm64/). */
export function findPackagedApps(releaseDir: string, names: PackagedNames): string[] {
  const dirs = existsSync(releaseDir)
    ? readdirSync(releaseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    : [];
  const candidates = dirs.flatMap((dir) => {
    if (/^mac(-\w+)?$/.test(dir)) return [join(releaseDir, dir, `${names.productName}.app`)];
    if (/^win(-\w+)?-unpacked$/.test(dir)) return [join(releaseDir, dir, `${names.productName}.exe`)];
    if (/^linux(-\w+)?-unpacked$/.test(dir)) return [join(releaseDir, dir, names.linuxExecutableName)];
    return [];
  });
  return candidates.filter((path) => existsSync(path));
}

/** Fuse config keys are the FuseV1Options names in camelCase; other keys (resetAdHocDarwinSignature) are options, not fuses. */
function fuseIndex(key: string): number | undefined {
  const name = key.charAt(0).toUpperCase() + key.slice(1);
  const index: unknown = (FuseV1Options as unknown as Record<string, unknown>)[name];
  return typeof index === 'number' ? index : undefined;
}

const STATES: Record<number, FuseCheck['actual']> = { 48: 'off', 49: 'on', 114: 'removed', 144: 'inherit' };

export async function checkFuses(appPath: string, expected: Record<string, unknown>): Promise<FuseCheck[]> {
  const wire = (await getCurrentFuseWire(appPath)) as unknown as Record<string, unknown>;
  return Object.entries(expected).flatMap(([fuse, want]) => {
    const index = fuseIndex(fuse);
    if (index === undefined || typeof want !== 'boolean') return [];
    const raw = wire[String(index)];
    const actual = typeof raw === 'number' ? STATES[raw] ?? 'missing' : 'missing';
    return [{ fuse, expected: want, actual, ok: actual === (want ? 'on' : 'off') }];
  });
}
