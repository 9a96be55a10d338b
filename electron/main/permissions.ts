/**
 * Checklist item 5: Electron grants every permission unless told otherwise.
 * Deny all, except clipboard write (navigator.clipboard.writeText) requested
 * by the top frame of a page on the app's own origin. Devices are never granted.
 */
import type { TrustedOrigin } from './trusted-sender';

export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export interface PermissionQuery {
  readonly permission: string;
  /** requestingUrl (request handler) or requestingOrigin (check handler). */
  readonly requestingUrl: string;
  /** False or undefined (unknown) for sub-frames: refused. */
  readonly isMainFrame: boolean | undefined;
}

function isOwnOrigin(url: string, origin: TrustedOrigin): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === origin.protocol && parsed.host === origin.host;
  } catch {
    return false;
  }
}

export function isPermissionAllowed(query: PermissionQuery, origin: TrustedOrigin): boolean {
  return ALLOWED_PERMISSIONS.includes(query.permission) && query.isMainFrame === true && isOwnOrigin(query.requestingUrl, origin);
}

/** setDevicePermissionHandler: HID, serial, USB, Bluetooth are never needed. */
export function isDevicePermissionAllowed(): boolean {
  return false;
}
