/**
 * Never on disk, proven, in the real app (issue 4): the Electron variant of
 * tests/renderer/canary.spec.ts. BASIC_HEADER_TEST_ROOT points every
 * app.setPath folder (appData, userData, sessionData, temp, logs, crashDumps)
 * into one fresh root, and HOME/TMPDIR/XDG_* point there too. Random canary
 * credentials are typed, revealed, copied (the OS clipboard, through main),
 * pasted into "Check a header", and used for a successful token test against
 * the real test authorization server; the access token is read back from the
 * clipboard in main and becomes a canary too. Reload, then a graceful quit.
 *
 * Scanned: the whole root (userData included), the OS dictionary folders
 * (macOS ~/Library/Spelling, Windows %APPDATA%\Microsoft\Spelling), this run's
 * OS crash reports, and everything printed (Electron stdout/stderr, the main
 * process console, the page console, this process's output). Zero hits.
 *
 * Positive control, same run: a `persist:control` session in main writes a
 * control canary to localStorage from a hidden window; main logs it; a file in
 * the root holds it in its content and name. The scanner must find them all.
 *
 * Skipped, with the suite's one line, where there is no Electron binary.
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ConsoleMessage, type ElectronApplication, type Page } from '@playwright/test';
import { REDIRECTED_PATHS } from '../../electron/main/test-hooks';
import { startAuthServer } from '../support/auth-server';
import {
  canaryRunResult, captureOwnOutput, cleanupAfterEach, CONTROL_LABEL, controlCanary, randomCanary, startControlServer, tokenCanaries, urlChangingCanary,
  type CanaryCredentials, type CanaryRunResult,
} from '../support/canary-run';
import {
  canaryNeedles, NeedleMatcher, scanBytes, scanTree, summarizeHits, valueNeedles, type ScanHit,
} from '../support/canary-scanner';
import { canaryJourney } from '../support/browser/canary-journey';
import { makeSandboxDirs } from '../support/sandboxed-chromium';
import { createTestCa } from '../support/test-ca';
import { electronSkipReason, PROJECT_ROOT } from './electron-binary';

const skipReason = electronSkipReason();
test.skip(skipReason !== null, skipReason ?? '');
test.use({ trace: 'off', video: 'off', screenshot: 'off' });
test.describe.configure({ mode: 'default', timeout: 120_000 });

/** Undo everything a run started, even after a timeout (afterEach still runs then; a finally block may not). */
const cleanups = cleanupAfterEach(test);

/** Folders outside the root where the OS itself may write what the app handled. */
function osFolders(): { readonly label: string; readonly dir: string; readonly onlyThisRun: boolean }[] {
  const home = homedir();
  const appData = process.env.APPDATA;
  const localAppData = process.env.LOCALAPPDATA;
  const folders: { label: string; dir: string; onlyThisRun: boolean }[] = [];
  if (process.platform === 'darwin') {
    // "Add to dictionary" writes the OS user dictionary here.
    folders.push({ label: 'macOS dictionary', dir: path.join(home, 'Library', 'Spelling'), onlyThisRun: false });
    folders.push({ label: 'macOS crash reports', dir: path.join(home, 'Library', 'Logs', 'DiagnosticReports'), onlyThisRun: true });
  }
  if (process.platform === 'win32') {
    if (appData !== undefined) folders.push({ label: 'Windows dictionary', dir: path.join(appData, 'Microsoft', 'Spelling'), onlyThisRun: false });
    if (localAppData !== undefined) {
      folders.push({ label: 'Windows crash dumps', dir: path.join(localAppData, 'CrashDumps'), onlyThisRun: true });
      folders.push({ label: 'Windows error reports', dir: path.join(localAppData, 'Microsoft', 'Windows', 'WER'), onlyThisRun: true });
    }
  }
  if (process.platform === 'linux') folders.push({ label: 'Linux crash reports', dir: '/var/crash', onlyThisRun: true });
  return folders.filter((f) => existsSync(f.dir));
}

type RunResult = CanaryRunResult;

/** The main window's page (the hidden control window is created later). */
async function mainPage(app: ElectronApplication): Promise<Page> {
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return page;
}

const readClipboard = (app: ElectronApplication): Promise<string> => app.evaluate(({ clipboard }) => clipboard.readText());

async function electronCanaryRun(canary: CanaryCredentials, formEncode: boolean): Promise<RunResult> {
  const control = controlCanary();
  const startedAt = Date.now() - 1000;
  const dirs = await makeSandboxDirs('bh-electron-canary-');
  const printed = { stdout: [] as Buffer[], stderr: [] as Buffer[], main: [] as string[], page: [] as string[] };
  cleanups.push(() => rm(dirs.root, { recursive: true, force: true }));
  const ownOutput = captureOwnOutput();
  cleanups.push(() => void ownOutput.stop());
  const ca = await createTestCa();
  const auth = await startAuthServer({ ca, clients: [{ clientId: canary.clientId, clientSecret: canary.clientSecret }] });
  cleanups.push(() => auth.close());
  const controlServer = await startControlServer();
  cleanups.push(() => controlServer.close());

  const launched = await electron.launch({
    args: ['.'],
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      BASIC_HEADER_TEST_ROOT: dirs.root,
      BASIC_HEADER_TEST_CA_PEM: auth.ca,
      HOME: dirs.home,
      TMPDIR: dirs.tmp,
      TMP: dirs.tmp,
      TEMP: dirs.tmp,
      ...dirs.xdg,
      // Renderer console lines on stderr too: a console leak then shows up in two captures.
      ELECTRON_ENABLE_LOGGING: '1',
    },
  });
  // Quitting twice is harmless: close() after a graceful close returns at once.
  cleanups.push(() => launched.close());
  launched.process().stdout?.on('data', (chunk: Buffer) => printed.stdout.push(chunk));
  launched.process().stderr?.on('data', (chunk: Buffer) => printed.stderr.push(chunk));
  launched.on('console', (message: ConsoleMessage) => printed.main.push(`${message.type()}: ${message.text()}`));

  // A broken redirection must fail loudly, not scan an empty folder.
  const paths = await launched.evaluate(({ app: electronApp }, names) => names.map((name) => electronApp.getPath(name)), [...REDIRECTED_PATHS]);
  for (const dir of paths) expect(dir.startsWith(dirs.root + path.sep), 'every Electron path is inside the test root').toBe(true);

  const page = await mainPage(launched);
  page.on('console', (message) => printed.page.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => printed.page.push(`pageerror: ${error.name}: ${error.message}\n${error.stack ?? ''}`));
  const { token } = await canaryJourney(page, {
    canary,
    formEncode,
    issuer: auth.issuer,
    // Copies go through main to the OS clipboard; the paste is a real one.
    clipboard: { read: () => readClipboard(launched), paste: (p) => p.keyboard.press('ControlOrMeta+V') },
  });

  // Positive control: a persistent session's localStorage, from a hidden window, and a main-process log line.
  // No explicit flushStorageData(): the control must prove that the quit itself flushes late writes.
  await launched.evaluate(async ({ BrowserWindow, session }, { url, value }) => {
    const ses = session.fromPartition('persist:control');
    const win = new BrowserWindow({ show: false, webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    await win.loadURL(url);
    await win.webContents.executeJavaScript(`localStorage.setItem('basic-header-control', ${JSON.stringify(value)}); true`);
    console.log(`control ${value}`);
  }, { url: controlServer.url, value: control });
  const controlFile = path.join(dirs.tmp, `control-${control}.txt`);
  await writeFile(controlFile, `control ${control}\n`);

  // Graceful quit (app.quit): LevelDB and the pref stores flush.
  await launched.close();
  const ownBytes = ownOutput.stop();

  const needles = new NeedleMatcher([
    ...canaryNeedles({ ...canary, extra: tokenCanaries(token) }),
    ...valueNeedles(CONTROL_LABEL, control),
  ]);
  const tree = await scanTree(dirs.root, needles);
  const osHits: ScanHit[] = [];
  for (const folder of osFolders()) {
    const scan = await scanTree(folder.dir, needles, folder.onlyThisRun ? { modifiedSince: startedAt } : {});
    osHits.push(...scan.hits.map((h) => ({ ...h, where: `${folder.label}: ${h.where}` })));
  }
  const streams: [string, Buffer][] = [
    ['Electron stdout', Buffer.concat(printed.stdout)],
    ['Electron stderr', Buffer.concat(printed.stderr)],
    ['main process console', Buffer.from(printed.main.join('\n'), 'utf8')],
    ['page console and errors', Buffer.from(printed.page.join('\n'), 'utf8')],
    ['test process stdout/stderr', ownBytes],
  ];
  const outputHits = streams.flatMap(([label, bytes]) => scanBytes(label, bytes, needles));
  return canaryRunResult(tree, [...tree.hits, ...osHits], outputHits, path.relative(dirs.root, controlFile));
}

function expectCleanWithWorkingControl(result: RunResult): void {
  const { tree } = result;
  expect(tree.unreadable).toEqual([]);
  expect(tree.files).toBeGreaterThan(5);
  // Chromium bookkeeping is expected; a minidump is not (no crashReporter.start).
  expect(tree.paths.filter((p) => p.endsWith('.dmp')), 'crash dumps').toEqual([]);

  expect(summarizeHits(result.diskHits), 'canary on disk').toEqual([]);
  expect(summarizeHits(result.outputHits), 'canary in printed output').toEqual([]);

  const control = result.controlDiskHits;
  const inControlStorage = (h: ScanHit): boolean =>
    h.kind === 'content' && h.where.includes(path.join('Partitions', 'control')) && h.where.includes(path.join('Local Storage', 'leveldb'));
  expect(control.some(inControlStorage), 'control canary found in the persist:control localStorage (LevelDB)').toBe(true);
  expect(control.some((h) => h.where === result.controlFile && h.kind === 'content'), 'control canary found in the file').toBe(true);
  expect(control.some((h) => h.where === result.controlFile && h.kind === 'name'), 'control canary found in the file name').toBe(true);
  expect(result.controlOutputHits.some((h) => h.where === 'main process console'), 'control canary found in the main console').toBe(true);
}

test('Electron: a random canary typed, copied, pasted and tested leaves no trace on disk, in OS folders or in output', async () => {
  expectCleanWithWorkingControl(await electronCanaryRun(randomCanary(), false));
});

test('Electron: a canary that changes under URL-encoding, form-encoded, leaves no trace either', async () => {
  expectCleanWithWorkingControl(await electronCanaryRun(urlChangingCanary(), true));
});
