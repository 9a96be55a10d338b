/**
 * The one BrowserWindow's options: a size that fits both outputs on one line,
 * a title that says what the app does, and no white flash before first paint.
 * Nothing about the window (size, position) is remembered between runs.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './web-preferences';

export const WINDOW_TITLE = 'Basic Header: Okta client-credentials header builder';

export const WINDOW_SIZE = { width: 960, height: 780, minWidth: 560, minHeight: 520 } as const;

/** The renderer's --bg in light and dark (renderer/styles/tokens.css), so the first frame matches. */
export const BACKGROUND = { light: '#f3f5f8', dark: '#111418' } as const;

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
