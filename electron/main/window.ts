/**
 * The one BrowserWindow's options: a default size that shows the form, both outputs (wrapped whole) and the start of the test panel,
 * a title that says what the app does, no white flash before first paint, and
 * webPreferences with every security-relevant flag written out explicitly even
 * where Electron's default already matches (scanners and reviewers should not
 * have to know the defaults). Checklist items cited. Nothing about the window
 * (size, position) is remembered between runs.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_PARTITION } from './session';

export const WINDOW_TITLE = 'Basic Header: Okta client-credentials header builder';

export const WINDOW_SIZE = { width: 960, height: 780, minWidth: 560, minHeight: 520 } as const;

/** The renderer's --bg in light and dark (renderer/styles/tokens.css), so the first frame matches. */
export const BACKGROUND = { light: '#f3f5f8', dark: '#111418' } as const;

export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    // In-memory partition: nothing the page stores reaches disk.
    partition: APP_PARTITION,
    sandbox: true, // #4
    contextIsolation: true, // #3
    nodeIntegration: false, // #2
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true, // #6
    allowRunningInsecureContent: false, // #8
    experimentalFeatures: false, // #9
    webviewTag: false, // #11
    plugins: false,
    enableWebSQL: false,
    webgl: false,
    navigateOnDragDrop: false,
    // No spellchecker: "Add to dictionary" would write words to the OS dictionary.
    spellcheck: false,
    // DevTools keeps console history in the Preferences file: never in shipped builds.
    devTools: !isPackaged,
    safeDialogs: true,
    disableBlinkFeatures: 'Auxclick', // #10
    // No compiled-code cache on disk for our scripts.
    v8CacheOptions: 'none',
  };
}

export function windowOptions(options: {
  readonly preloadPath: string;
  readonly isPackaged: boolean;
  readonly darkMode: boolean;
}): BrowserWindowConstructorOptions {
  return {
    ...WINDOW_SIZE,
    title: WINDOW_TITLE,
    backgroundColor: options.darkMode ? BACKGROUND.dark : BACKGROUND.light,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    center: true,
    useContentSize: true,
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(options.preloadPath, options.isPackaged),
  };
}
