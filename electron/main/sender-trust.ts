/**
 * Checklist item 17: who may talk to main. A message is trusted only when it
 * comes from one of the app's own webContents (GitHub Desktop's
 * trusted-ipc-sender pattern: ids are added when the app creates its window
 * and removed when that webContents is destroyed, so a recycled id is never
 * trusted), from the top frame (not an iframe), and from a page on the app's
 * origin. Electron-free: ipc-main.ts turns the event into SenderInfo.
 */
import { isAppOrigin, type AppOrigin } from '../shared/app-origin';

/** What main knows about the frame that sent a message (from IpcMainInvokeEvent). */
export interface SenderInfo {
  readonly webContentsId: number;
  /** URL of event.senderFrame, or null when the frame is gone. */
  readonly frameUrl: string | null;
  /** True when senderFrame is the top frame (senderFrame.parent === null). */
  readonly isMainFrame: boolean;
}

export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * SenderInfo from an IpcMainInvokeEvent-like object. senderFrame may be null,
 * and reading a destroyed frame's properties can throw: both become an
 * untrusted sender (frameUrl null) instead of an exception.
 */
export function senderInfoFrom(event: InvokeEventLike): SenderInfo {
  const webContentsId = event.sender.id;
  try {
    const frame = event.senderFrame;
    if (frame === null) return { webContentsId, frameUrl: null, isMainFrame: false };
    return { webContentsId, frameUrl: frame.url, isMainFrame: frame.parent === null };
  } catch {
    return { webContentsId, frameUrl: null, isMainFrame: false };
  }
}

export interface TrustableContents {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface TrustedWebContents {
  trust(contents: TrustableContents): void;
  has(id: number): boolean;
}

export function createTrustedWebContents(): TrustedWebContents {
  const ids = new Set<number>();
  return {
    trust(contents) {
      const { id } = contents;
      ids.add(id);
      contents.once('destroyed', () => ids.delete(id));
    },
    has: (id) => ids.has(id),
  };
}

export function isTrustedSender(sender: SenderInfo, isTrustedWebContents: (id: number) => boolean, origin: AppOrigin): boolean {
  if (!isTrustedWebContents(sender.webContentsId) || !sender.isMainFrame) return false;
  // A destroyed or navigated-away frame has no URL: never trust it.
  if (sender.frameUrl === null) return false;
  return isAppOrigin(sender.frameUrl, origin);
}
