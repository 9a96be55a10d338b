// CI check after `npm run dist`: the fuses in electron-builder.yml are really set on the
// packaged Electron binary. Run: npx tsx scripts/check-packaged-fuses.ts [release-dir]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { checkFuses, findPackagedApps } from './packaged-fuses';

const root = join(import.meta.dirname, '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  productName: string;
  linux: { executableName: string };
  electronFuses: Record<string, unknown>;
};

const releaseDir = resolve(root, process.argv[2] ?? 'release');
// Every app the build made: a mac build makes one per architecture, and each binary carries its own fuses.
const apps = findPackagedApps(releaseDir, { productName: config.productName, linuxExecutableName: config.linux.executableName });
if (apps.length === 0) {
  console.error(`no packaged app under ${releaseDir}: run \`npm run dist\` first`);
  process.exit(1);
}
let failed = false;
for (const app of apps) {
  const results = await checkFuses(app, config.electronFuses);
  console.log(`Fuses of ${app}:`);
  for (const r of results) {
    console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.fuse}: expected ${r.expected ? 'on' : 'off'}, found ${r.actual}`);
  }
  if (results.length === 0 || results.some((r) => !r.ok)) failed = true;
}
if (failed) process.exit(1);
