/**
 * Hardens the app's in-memory session: deny-by-default permissions (#5), no
 * downloads, no spellchecker, the app:// protocol on THIS session (#18), and
 * a renderer that cannot reach the network even if the CSP were bypassed.
 * Takes the Session it configures (no Electron import), so tests pass a fake.
 */
import type { Session } from 'electron';
import { APP_SCHEME } from '../shared/app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { isDevicePermissionAllowed, isPermissionAllowed } from './permissions';
import { verifyWithTestCa } from './test-trust';
import type { TrustedOrigin } from './trusted-sender';

export interface SessionSetupOptions {
  readonly origin: TrustedOrigin;
  /** dist/renderer */
  readonly rendererDir: string;
  readonly csp: string;
  /** Unpackaged Electron suite only; null in real use. */
  readonly testCaPem: string | null;
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

export function configureAppSession(ses: Session, options: SessionSetupOptions): void {
  const { origin } = options;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, origin));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame }, origin),
  );
  ses.setDevicePermissionHandler(() => isDevicePermissionAllowed());
  ses.on('will-download', (event) => event.preventDefault());
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: isBlockedRendererRequest(details) });
  });
  ses.protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererDir, options.csp));
  const caPem = options.testCaPem;
  if (caPem !== null) {
    ses.setCertificateVerifyProc((request, callback) => {
      callback(verifyWithTestCa({ hostname: request.hostname, certificatePem: request.certificate.data }, caPem, Date.now()));
    });
  }
}
