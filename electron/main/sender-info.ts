/**
 * Builds SenderInfo from an IpcMainInvokeEvent-like object. senderFrame may be
 * null, and reading a destroyed frame's properties can throw: both become an
 * untrusted sender (frameUrl null) instead of an exception.
 */
import type { SenderInfo } from './handler-types';

export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

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
