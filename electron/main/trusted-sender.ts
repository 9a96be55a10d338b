/**
 * Checklist item 17: validate the sender of every IPC message. A message is
 * trusted only when it comes from one of the app's own webContents, from the
 * top frame (not an iframe), and from a page served by the app's origin.
 */
import type { SenderInfo } from './handler-types';

export interface TrustedOrigin {
  readonly protocol: string;
  readonly host: string;
}

export function isTrustedSender(
  sender: SenderInfo,
  isTrustedWebContents: (id: number) => boolean,
  origin: TrustedOrigin,
): boolean {
  if (!isTrustedWebContents(sender.webContentsId) || !sender.isMainFrame) return false;
  // A destroyed or navigated-away frame has no URL: never trust it.
  if (sender.frameUrl === null) return false;
  let url: URL;
  try {
    url = new URL(sender.frameUrl);
  } catch {
    return false;
  }
  // Compare protocol + host: for custom schemes `url.origin` is the string 'null'.
  return url.protocol === origin.protocol && url.host === origin.host;
}
