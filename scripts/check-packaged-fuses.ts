// CI check after `npm run dist`: the fuses in electron-builder.yml are really set on the
// packaged Electron binary. Run: npx tsx scripts/check-packaged-fuses.ts [release-dir]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { checkFuses, findPackagedApp } from './packaged-fuses';

const root = join(import.meta.dirname, '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  productName: string;
  linux: { executableName: string };
  electronFuses: Record<string, unknown>;
};

const app = findPackagedApp(resolve(root, process.argv[2] ?? 'release'), {
  productName: config.productName,
  linuxExecutableName: config.linux.executableName,
});
const results = await checkFuses(app, config.electronFuses);
console.log(`Fuses of ${app}:`);
for (const r of results) {
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.fuse}: expected ${r.expected ? 'on' : 'off'}, found ${r.actual}`);
}
if (results.length === 0 || results.some((r) => !r.ok)) process.exit(1);
