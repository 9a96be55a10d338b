/**
 * Whether this machine can run the Electron suite, decided without
 * require('electron') (which would try to download a missing binary).
 * Shared by playwright.electron.config.ts and every tests/electron-app spec.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/** The executable inside an Electron dist folder, as electron's install.js names it. */
function platformPath(electronDir: string): string {
  const pathFile = path.join(electronDir, 'path.txt');
  if (existsSync(pathFile)) return readFileSync(pathFile, 'utf8').trim();
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return process.platform === 'win32' ? 'electron.exe' : 'electron';
}

/** Where electron/index.js would look (it honours ELECTRON_OVERRIDE_DIST_PATH too). */
export function electronBinaryPath(): string {
  const electronDir = path.join(PROJECT_ROOT, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const dist = override !== undefined && override !== '' ? path.resolve(override) : path.join(electronDir, 'dist');
  return path.join(dist, platformPath(electronDir));
}

/**
 * null when the suite can run here, else the one line that says why it is skipped.
 * Where a binary is expected (CI runners with network access set
 * BASIC_HEADER_REQUIRE_ELECTRON=1), a missing one is an error, not a skip.
 */
export function electronSkipReason(): string | null {
  const reason = skipReasonHere();
  if (reason !== null && process.env.BASIC_HEADER_REQUIRE_ELECTRON === '1') {
    throw new Error(`BASIC_HEADER_REQUIRE_ELECTRON=1 but ${reason.replace('Electron suite skipped: ', '')}`);
  }
  return reason;
}

function skipReasonHere(): string | null {
  const binary = electronBinaryPath();
  if (!existsSync(binary)) {
    return `Electron suite skipped: no Electron binary at ${path.relative(PROJECT_ROOT, binary)} (download blocked on this machine; \`npx install-electron\` with network access fetches it)`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'Electron suite skipped: no display (run it under xvfb-run on Linux)';
  }
  return null;
}
