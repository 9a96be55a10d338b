/** The app's pages are served from app://basic-header/ (a privileged custom scheme, not file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'basic-header';

/** An origin as protocol + host: for custom schemes `new URL(u).origin` is the string 'null'. */
export interface AppOrigin {
  readonly protocol: string;
  readonly host: string;
}

export const APP_ORIGIN: AppOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST };
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True when `url` is on `origin` (the app's own by default; the Chromium suite
 * passes its loopback server's). Used for IPC senders, permission requests and
 * navigation alike, so the three can never disagree. Compares protocol + host,
 * never `origin`, and treats anything unparsable as foreign.
 */
export function isAppOrigin(url: string, origin: AppOrigin = APP_ORIGIN): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === origin.protocol && parsed.host === origin.host;
}
