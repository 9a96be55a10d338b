// Finds the Electron binary for `npm start`, fetches it with Electron's own
// installer when it is missing, and launches the app with it.
//
// Electron 45's npm package has no install script: `npm ci` never downloads the
// binary. node_modules/electron/install.js (the `install-electron` bin, the same
// code `require('electron')` runs) does, through @electron/get, so ELECTRON_MIRROR,
// ELECTRON_CUSTOM_DIR, electron_config_cache, electron_use_remote_checksums,
// proxies and checksum verification all work as Electron documents them.
// Never pass --no-sandbox: the app runs exactly as it ships.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const reportHook = new URL('./electron-install-report.mjs', import.meta.url).href;

/** A failure that ends `npm start` with exactly this one line and exit 1. */
export class StartFailure extends Error {}

/** The executable's path inside an Electron dist folder, as electron's install.js names it. */
function platformPath(electronDir) {
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

/** The installed executable (as electron/index.js finds it), or undefined. */
function installedExecutable(electronDir) {
  if (!existsSync(path.join(electronDir, 'path.txt'))) return undefined;
  const executable = path.join(electronDir, 'dist', platformPath(electronDir));
  return existsSync(executable) ? executable : undefined;
}

/** Runs install.js as Electron ships it; resolves with its exit code and what it reported on failure. */
function runInstaller(electronDir, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', reportHook, path.join(electronDir, 'install.js')], {
      cwd: electronDir,
      env,
      // stdout and stderr stay the terminal's, so @electron/get's progress bar shows.
      stdio: ['ignore', 'inherit', 'inherit', 'pipe'],
    });
    let report = '';
    child.stdio[3].setEncoding('utf8').on('data', (chunk) => {
      report += chunk;
    });
    child.on('error', (error) => resolve({ code: 1, report: error.message }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), report }));
  });
}

/** A mirror's address as shown: a private mirror's user name, password or query (an API key) is never printed. */
function mirrorShown(mirror) {
  try {
    const url = new URL(mirror);
    return `${url.origin}${url.pathname}`;
  } catch {
    return 'the ELECTRON_MIRROR set (not a URL)';
  }
}

/** @electron/get goes direct unless ELECTRON_GET_USE_PROXY is set, whatever HTTPS_PROXY says. */
function proxyHint(env) {
  const proxy = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].find((name) => env[name]);
  if (!proxy || env.ELECTRON_GET_USE_PROXY) return '';
  return `${proxy} is set, but Electron's download ignores it unless ELECTRON_GET_USE_PROXY=1 is set as well. `;
}

/** "TypeError: fetch failed", "HTTPError: Response code 404 (Not Found) for …": the report's first line. */
function cause(report) {
  const first = report.split('\n').find((line) => line.trim() !== '') ?? '';
  // The installer's errors quote URLs whole: a mirror's user name, password and query are cut out first.
  return first.trim().replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1').replace(/(:\/\/\S*?)\?[^\s)]*/g, '$1').slice(0, 300) || 'no reason given';
}

/**
 * The Electron executable to launch: ELECTRON_OVERRIDE_DIST_PATH's, the one
 * already in node_modules/electron/dist, or one fetched now by install.js.
 * Throws StartFailure when there is none.
 */
export async function ensureElectron({ electronDir, env, log = (line) => process.stdout.write(`${line}\n`) }) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = path.join(path.resolve(override), platformPath(electronDir));
    if (existsSync(executable)) return executable;
    throw new StartFailure(`Basic Header: ELECTRON_OVERRIDE_DIST_PATH is set, but ${executable} does not exist; point it at an unpacked Electron folder, or unset it to download Electron.`);
  }
  const installed = installedExecutable(electronDir);
  if (installed) return installed;

  const manifest = path.join(electronDir, 'package.json');
  if (!existsSync(manifest)) throw new StartFailure('Basic Header: the project\'s npm packages are not installed (no node_modules/electron); run `npm ci` first.');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  const mirror = env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror;
  const source = mirror ? mirrorShown(mirror) : 'github.com';
  log(`Basic Header: downloading Electron ${version} with Electron's own installer (node_modules/electron/install.js${mirror ? `, ELECTRON_MIRROR=${source}` : ''}); this happens once…`);
  const result = await runInstaller(electronDir, env);
  const executable = installedExecutable(electronDir);
  if (result.code === 0 && executable) return executable;
  throw new StartFailure(
    `Basic Header: could not download Electron ${version} from ${source} (${cause(result.report)}). ` +
      '`npm ci` will not help: it never downloads Electron. ' +
      proxyHint(env) +
      'Give this machine network access, set ELECTRON_MIRROR to a mirror it can reach, ' +
      `or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron ${version} folder; then run \`npm start\` again.`,
  );
}

/** Launches the app in `root` with exactly ['.'] and resolves with Electron's exit code. */
export function launchApp(executable, root, env) {
  const childEnv = { ...env };
  // Would turn the binary into plain Node and ignore the app.
  delete childEnv.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve, reject) => {
    const child = spawn(executable, ['.'], { cwd: root, stdio: 'inherit', env: childEnv, windowsHide: false });
    child.on('error', () => reject(new StartFailure(`Basic Header: could not start ${executable}.`)));
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Everything `npm start` does after the Node version check: make sure the
 * binary exists (fetching it if need be), build (`build()` returns false on
 * failure), launch. Resolves with the exit code; a failure is one line on stderr.
 */
export async function startApp({ root, electronDir = path.join(root, 'node_modules', 'electron'), env = process.env, build }) {
  try {
    const executable = await ensureElectron({ electronDir, env });
    if (!build()) throw new StartFailure('Basic Header: the build failed (see above); fix it, then run `npm start` again.');
    if (!existsSync(path.join(root, 'dist', 'main', 'main.cjs'))) {
      throw new StartFailure('Basic Header: the app is not built (no dist/main/main.cjs); run `npm start`, which builds it.');
    }
    return await launchApp(executable, root, env);
  } catch (error) {
    if (!(error instanceof StartFailure)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}
