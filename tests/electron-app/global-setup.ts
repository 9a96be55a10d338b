/**
 * The Electron suite drives `electron .`, so dist/main/main.cjs must be the TEST
 * build (`vite build --mode main-test`): the production bundle has no test hooks
 * (BASIC_HEADER_TEST_ROOT, BASIC_HEADER_TEST_CA_PEM), and the suite needs them.
 * Built only where the suite runs; the returned teardown puts the production
 * bundle back, so a later `electron-builder` never packs the test build.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronSkipReason, PROJECT_ROOT } from './electron-binary';

function buildMain(mode: 'main' | 'main-test'): void {
  const vite = path.join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', mode], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build --mode ${mode} failed; see the output above.`);
}

export default function globalSetup(): (() => void) | undefined {
  if (electronSkipReason() !== null) return undefined;
  buildMain('main-test');
  return () => buildMain('main');
}
