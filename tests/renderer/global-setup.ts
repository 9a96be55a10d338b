/**
 * The suite tests the BUILT renderer and runs the BUILT preload in the page.
 * `npm test` builds first; when a spec is run on its own, rebuild whichever is
 * missing or older than its sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const BUILDS = [
  { output: 'dist/renderer/index.html', args: ['build'], sources: ['renderer', 'core', 'electron/shared'] },
  { output: 'dist/preload/preload.cjs', args: ['build', '--mode', 'preload'], sources: ['electron/preload', 'electron/shared'] },
] as const;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(tsx?|css|html)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export default function globalSetup(): void {
  for (const build of BUILDS) {
    const built = path.join(root, build.output);
    const sources = Math.max(...build.sources.map((s) => newestMtime(path.join(root, s))));
    if (existsSync(built) && statSync(built).mtimeMs >= sources) continue;
    const vite = path.join(root, 'node_modules/vite/bin/vite.js');
    const result = spawnSync(process.execPath, [vite, ...build.args], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`vite ${build.args.join(' ')} failed; see the output above.`);
  }
}
