#!/usr/bin/env node
// `npm start` (after `npm run build`): launch the built app with the Electron
// binary from node_modules/electron. Never `require('electron')` here: without
// a binary that tries a download and dies with a stack trace. Never pass
// --no-sandbox: the app runs exactly as it ships.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

/** The executable's path inside an Electron dist folder (as electron's install.js names it). */
function platformPath() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (existsSync(pathFile)) return readFileSync(pathFile, 'utf8').trim();
  switch (process.platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

function fail(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const distDir = override ? path.resolve(override) : path.join(electronDir, 'dist');
const executable = path.join(distDir, platformPath());

if (!existsSync(executable)) {
  fail(
    `Basic Header: there is no Electron binary on this machine (looked for ${path.relative(root, executable) || executable}). ` +
      'Get one with `npx install-electron` or by reinstalling (`npm ci`) with network access, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 folder.',
  );
}
if (!existsSync(path.join(root, 'dist', 'main', 'main.cjs'))) {
  fail('Basic Header: the app is not built yet (no dist/main/main.cjs). Run `npm run build` first, or use `npm start`, which builds.');
}

const env = { ...process.env };
// Would turn the binary into plain Node and ignore the app.
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(executable, ['.'], { cwd: root, stdio: 'inherit', env, windowsHide: false });
child.on('error', () => fail(`Basic Header: could not start ${executable}.`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
