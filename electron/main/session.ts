/**
 * The app's one session, in memory, and everything that hardens it:
 * deny-by-default permissions (#5), no downloads, no spellchecker, the app://
 * protocol on THIS session (#18), a renderer that cannot reach the network even
 * if the CSP were bypassed, and the token request's fetch through it.
 * Takes the Session it configures (no Electron import), so tests pass a fake.
 */
import type { Session } from 'electron';
import type { FetchLike } from '../../core/okta/types';
import { APP_SCHEME, isAppOrigin, type AppOrigin } from '../shared/app-origin';
import { createAppProtocolHandler } from './app-protocol';

/**
 * No `persist:` prefix, so Chromium keeps cookies, cache and storage in memory
 * only (`session.fromPartition` docs; `getStoragePath()` is null for it).
 */
export const APP_PARTITION = 'basic-header';

/** Options for session.fromPartition: in memory and without even an in-memory HTTP cache. */
export const APP_SESSION_OPTIONS = { cache: false } as const;

export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export interface PermissionQuery {
  readonly permission: string;
  /** requestingUrl (request handler) or requestingOrigin (check handler). */
  readonly requestingUrl: string;
  /** False or undefined (unknown) for sub-frames: refused. */
  readonly isMainFrame: boolean | undefined;
}

/**
 * Electron grants every permission unless told otherwise. Deny all, except
 * clipboard write (navigator.clipboard.writeText) requested by the top frame of
 * a page on the app's own origin.
 */
export function isPermissionAllowed(query: PermissionQuery, origin: AppOrigin): boolean {
  return ALLOWED_PERMISSIONS.includes(query.permission) && query.isMainFrame === true && isAppOrigin(query.requestingUrl, origin);
}

/** Schemes a page of ours may load: its own files, inline images, and (dev builds) DevTools. */
const RENDERER_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

/** True when a request made by a page (not by main) leaves the app. */
export function isBlockedRendererRequest(details: { readonly url: string; readonly webContentsId?: number | undefined }): boolean {
  // Main's own token request (session.fetch) has no webContents.
  if (details.webContentsId === undefined) return false;
  try {
    return !RENDERER_SCHEMES.has(new URL(details.url).protocol);
  } catch {
    return true;
  }
}

export interface SessionSetupOptions {
  readonly origin: AppOrigin;
  /** dist/renderer */
  readonly rendererDir: string;
}

export function configureAppSession(ses: Session, options: SessionSetupOptions): void {
  const { origin } = options;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, origin));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame }, origin),
  );
  // HID, serial, USB, Bluetooth: never needed.
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: isBlockedRendererRequest(details) });
  });
  ses.protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererDir));
}

export type SessionFetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Node's RequestInit type omits `cache`; Chromium's fetch honours it. */
type CachingInit = RequestInit & { cache?: 'no-store' };

/**
 * The in-memory session's fetch (Chromium's network stack: system proxy, PAC
 * and OS trust store apply) as core's FetchLike, pinning the options that keep
 * credentials safe whatever the caller passed: no cookies, no cache, and never
 * follow a redirect (the Authorization header would go along).
 */
export function pinnedInit(init: RequestInit): CachingInit {
  return {
    ...init,
    credentials: 'omit',
    cache: 'no-store',
    redirect: init.redirect === 'error' ? 'error' : 'manual',
    referrerPolicy: 'no-referrer',
  };
}

export function createSessionFetch(sessionFetch: SessionFetch): FetchLike {
  return (url, init) => sessionFetch(url, pinnedInit(init));
}
