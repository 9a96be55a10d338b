/**
 * Electron entry point: glue only. Every decision it applies lives in a pure,
 * unit-tested module; this file wires them to Electron in the required order.
 */
import { app, BrowserWindow, dialog, Menu, nativeTheme, protocol, session } from 'electron';
import { APP_COMMANDS, type AppCommand } from '../shared/ipc-contract';
import { APP_ORIGIN, APP_START_URL } from '../shared/app-origin';
import { aboutText } from './about';
import { builtPaths } from './app-paths';
import { APP_SCHEME_PRIVILEGES } from './app-protocol';
import { contentSecurityPolicy } from './csp';
import { createElectronClipboard } from './electron-clipboard';
import type { Handlers } from './handler-types';
import { createHandlers } from './ipc-handlers';
import { registerIpcHandlers, sendCommand } from './ipc-main';
import { menuTemplate, withActions } from './menu';
import { attachNavigationGuards } from './navigation-guard';
import { APP_PARTITION, APP_SESSION_OPTIONS } from './session-config';
import { createSessionFetch } from './session-fetch';
import { configureAppSession } from './session-setup';
import { secondInstanceSteps, shouldContinueLaunch } from './single-instance';
import { testCaPem, testPathOverrides } from './test-paths';
import { createTrustedWebContents } from './trusted-web-contents';
import { windowOptions } from './window-options';

// Before `ready`: sandbox every renderer (#4) and make app:// a standard, secure scheme (#18).
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
for (const [name, dir] of testPathOverrides(process.env, app.isPackaged)) app.setPath(name, dir);
// No crashReporter.start(): minidumps can hold what was typed.

let mainWindow: BrowserWindow | null = null;
let handlers: Handlers | null = null;
const trusted = createTrustedWebContents();

if (!shouldContinueLaunch(app.requestSingleInstanceLock())) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = mainWindow;
    if (win === null) return;
    for (const step of secondInstanceSteps(win)) win[step]();
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

function start(): void {
  const { preload, renderer } = builtPaths(app.getAppPath());
  const csp = contentSecurityPolicy({ dev: !app.isPackaged });
  // Spellcheck off on the default session too: it exists even though the app never uses it.
  session.defaultSession.setSpellCheckerEnabled(false);
  const ses = session.fromPartition(APP_PARTITION, APP_SESSION_OPTIONS);
  configureAppSession(ses, { origin: APP_ORIGIN, rendererDir: renderer, csp, testCaPem: testCaPem(process.env, app.isPackaged) });

  handlers = createHandlers({
    clipboard: createElectronClipboard(),
    fetch: createSessionFetch((input, init) => ses.fetch(input, init)),
    isTrustedWebContents: (id) => trusted.has(id),
    trustedOrigin: APP_ORIGIN,
  });
  registerIpcHandlers(handlers);

  const win = new BrowserWindow(windowOptions({ preloadPath: preload, isPackaged: app.isPackaged, darkMode: nativeTheme.shouldUseDarkColors }));
  mainWindow = win;
  trusted.trust(win.webContents);
  // Keep the descriptive window title instead of the page's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  // No context menu is installed: nothing offers "Add to dictionary" or "Look Up".

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
