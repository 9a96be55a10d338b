#!/usr/bin/env node
// `npm start`: check the Node version (before anything else), make sure the
// Electron binary is there (Electron's own installer fetches it when it is not),
// build main, preload and renderer (`npm run build`), then launch the app.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { START_NODE, olderThan } from './node-version.mjs';

if (olderThan(process.versions.node, START_NODE)) {
  process.stderr.write(
    `Basic Header: \`npm start\` needs Node.js ${START_NODE} or later (Electron 45 and its download tooling require it); this is Node.js ${process.versions.node}. Install Node.js 22 LTS or newer and run it again.\n`,
  );
  process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `npm run build` with the npm (or other package manager) that runs this script. */
function build() {
  const npmCli = process.env.npm_execpath;
  const viaNode = npmCli !== undefined && /\.[cm]?js$/.test(npmCli);
  const [command, args] = viaNode ? [process.execPath, [npmCli, 'run', 'build']] : [npmCli ?? 'npm', ['run', 'build']];
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: !viaNode && process.platform === 'win32' });
  return result.status === 0;
}

const { startApp } = await import('./electron-binary.mjs');
process.exit(await startApp({ root, build }));
