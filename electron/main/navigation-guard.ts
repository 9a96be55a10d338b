/**
 * Checklist items 12–14: the page may only navigate within the app origin,
 * may never open windows, and may never attach a <webview>.
 */
import type { WebContents } from 'electron';
import { isAppOrigin, type AppOrigin } from '../shared/app-origin';

interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** will-navigate / will-frame-navigate / will-redirect: stop anything off-origin. */
export function guardNavigation(event: NavigationEvent, origin: AppOrigin): void {
  if (!isAppOrigin(event.url, origin)) event.preventDefault();
}

/**
 * Attach every guard; main.ts calls it from app 'web-contents-created' for
 * all webContents, so nothing the app creates escapes it. Uses only the
 * WebContents it is given (no Electron import), so tests pass an emitter.
 */
export function attachNavigationGuards(contents: WebContents, origin: AppOrigin): void {
  contents.on('will-navigate', (event) => guardNavigation(event, origin));
  contents.on('will-frame-navigate', (event) => guardNavigation(event, origin));
  contents.on('will-redirect', (event) => guardNavigation(event, origin));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
