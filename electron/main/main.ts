/**
 * Electron entry point: glue only. Every decision it applies lives in a pure,
 * unit-tested module; this file wires them to Electron in the required order
 * (tests/electron/main/main.test.ts runs it against a recording fake).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, nativeTheme, protocol, session } from 'electron';
import { APP_ORIGIN, APP_START_URL } from '../shared/app-origin';
import { APP_COMMANDS, type AppCommand } from '../shared/ipc-contract';
import { APP_SCHEME_PRIVILEGES } from './app-protocol';
import { createSelectionGuard, hasSelectionBuffer } from './clipboard-guard';
import { createElectronClipboard, createElectronSelection } from './electron-clipboard';
import { createHandlers, type Handlers } from './ipc-handlers';
import { registerIpcHandlers, sendCommand } from './ipc-main';
import { aboutText, menuTemplate, withActions } from './menu';
import { REFUSED_LAUNCH_EXIT_CODE, refusedLaunchMessage, refusedSwitches } from './launch-switches';
import { attachNavigationGuards } from './navigation-guard';
import { createCertificateMemo, installCertificateRecorder } from './presented-certificates';
import { createTrustedWebContents, type SenderInfo } from './sender-trust';
import { APP_PARTITION, APP_SESSION_OPTIONS, configureAppSession, createSessionFetch } from './session';
import { applyTestPaths, testTrust } from './test-hooks';
import { windowOptions } from './window';

/**
 * Replaced at build time (vite.config.ts): false in the production bundle, so
 * the bundler drops every test hook and test-hooks.ts with them; true in the
 * test build and under Vitest.
 */
declare const __BASIC_HEADER_TEST_HOOKS__: boolean;

let mainWindow: BrowserWindow | null = null;
let handlers: Handlers | null = null;
const trusted = createTrustedWebContents();

// A packaged app never runs with switches that weaken it (development needs them).
const refused = app.isPackaged ? refusedSwitches(process.argv, process.platform) : [];
if (refused.length > 0) {
  console.error(refusedLaunchMessage(refused));
  app.exit(REFUSED_LAUNCH_EXIT_CODE);
} else {
  launch();
}

function launch(): void {
  // Before `ready`: sandbox every renderer (#4) and make app:// a standard, secure scheme (#18).
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (__BASIC_HEADER_TEST_HOOKS__) applyTestPaths(app, process.env);
  // No crashReporter.start(): minidumps can hold what was typed.

  // One instance: a second launch exits, and the first brings its window back.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const win = mainWindow;
    if (win === null || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    if (!win.isVisible()) win.show();
    win.focus();
  });

  // Every webContents, including any the app did not mean to create, gets the guards (#12–14).
  app.on('web-contents-created', (_event, contents) => attachNavigationGuards(contents, APP_ORIGIN));

  // Closing the window forgets everything, so the app quits on every OS.
  app.on('window-all-closed', () => app.quit());

  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed || handlers === null) return;
    // Hold the quit until the clipboard copy is cleared and requests are cancelled.
    event.preventDefault();
    disposed = true;
    void handlers.dispose().finally(() => app.quit());
  });

  void app.whenReady().then(start);
}

/**
 * Choose key file: the OS dialog, modal to the window that asked (the handler
 * has already checked that sender). Main reads the chosen file itself.
 */
async function openKeyFileDialog(sender: SenderInfo): Promise<string | null> {
  const owner = mainWindow;
  if (owner === null || owner.isDestroyed() || owner.webContents.id !== sender.webContentsId) return null;
  const result = await dialog.showOpenDialog(owner, {
    title: 'Choose the private key file',
    buttonLabel: 'Use key',
    // Keeps the key file's path out of the OS recent-documents list.
    properties: ['openFile', 'dontAddToRecent'],
    filters: [
      { name: 'Private keys (PEM, JWK)', extensions: ['pem', 'key', 'json', 'jwk', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function start(): void {
  // `npm run build` output, relative to the app root (the project folder, or the asar root).
  const appPath = app.getAppPath();
  const preload = path.join(appPath, 'dist', 'preload', 'preload.cjs');
  const rendererDir = path.join(appPath, 'dist', 'renderer');
  // Spellcheck off on the default session too: it exists even though the app never uses it.
  session.defaultSession.setSpellCheckerEnabled(false);
  const ses = session.fromPartition(APP_PARTITION, APP_SESSION_OPTIONS);
  configureAppSession(ses, { origin: APP_ORIGIN, rendererDir });
  // One verify proc: it records a refused certificate so the report can name it, and never accepts
  // (production always answers Chromium's own verdict; only the test build may trust its CA).
  const certificates = createCertificateMemo();
  installCertificateRecorder(ses, certificates, __BASIC_HEADER_TEST_HOOKS__ ? testTrust(process.env, app.isPackaged) : null);

  // Linux: text selected in the window lands in PRIMARY; keep it from outliving the window's focus.
  const selection = hasSelectionBuffer(process.platform) ? createSelectionGuard(createElectronSelection()) : undefined;
  handlers = createHandlers(
    {
      clipboard: createElectronClipboard(),
      ...(selection === undefined ? {} : { selection }),
      fetch: createSessionFetch((input, init) => ses.fetch(input, init)),
      presentedCertificate: async (url) => certificates.lookup(url),
      clearPresentedCertificates: () => certificates.clear(),
      isTrustedWebContents: (id) => trusted.has(id),
      trustedOrigin: APP_ORIGIN,
    },
    { openKeyFileDialog },
  );
  registerIpcHandlers(handlers);

  const win = new BrowserWindow(windowOptions({ preloadPath: preload, isPackaged: app.isPackaged, darkMode: nativeTheme.shouldUseDarkColors }));
  mainWindow = win;
  trusted.trust(win.webContents);
  // Keep the descriptive window title instead of the page's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  if (selection !== undefined) {
    win.on('focus', () => void selection.noteFocus());
    win.on('blur', () => void selection.clearIfOurs());
  }
  win.on('closed', () => {
    mainWindow = null;
  });
  // No context menu is installed: nothing offers "Add to dictionary" or "Look Up", and the
  // only copy paths (keyboard, Edit › Copy's role) fire the page's copy event, which the
  // renderer routes to the guarded copyText.

  const send = (command: AppCommand): void => {
    if (mainWindow !== null) sendCommand(mainWindow.webContents, command);
  };
  const showAbout = (): void => {
    const text = aboutText({ appName: app.getName(), version: app.getVersion(), versions: process.versions });
    const boxOptions = { type: 'info' as const, title: text.title, message: text.message, detail: text.detail, buttons: ['OK'] };
    void (mainWindow === null ? dialog.showMessageBox(boxOptions) : dialog.showMessageBox(mainWindow, boxOptions));
  };
  const template = menuTemplate({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged, appName: app.getName() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(withActions(template, { onCommand: send, onAbout: showAbout }, APP_COMMANDS)));

  void win.loadURL(APP_START_URL);
}
