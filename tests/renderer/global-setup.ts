/**
 * The suite tests the BUILT renderer. `npm test` builds first; when a spec is run
 * on its own, rebuild if dist/renderer is missing or older than its sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['renderer', 'core', 'electron/shared'];

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
  const built = path.join(root, 'dist/renderer/index.html');
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the renderer (vite build) failed; see the output above.');
}
