/**
 * Owns the app's clipboard copies: writes through the ClipboardPort, then
 * clears the clipboard after a delay, on Forget and on quit, but only if the
 * clipboard still holds what the app put there (the user may have copied
 * something else since; that is theirs to keep).
 *
 * It keeps a keyed hash and the length of the last copy, never the text, so a
 * copied secret does not outlive the write in main's memory.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEFAULT_CLIPBOARD_CLEAR_MS = 30_000;

/** The clipboard as main sees it: Electron's async clipboard, or an in-memory one in tests. */
export interface ClipboardPort {
  /** Write text plus history/cloud exclusion markers where the platform has them. */
  writeSecretText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}

export interface GuardTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: GuardTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ClipboardGuard {
  /** Write `text` (with history markers) and schedule its clearing. */
  copy(text: string): Promise<{ readonly clearAfterMs: number }>;
  /** Clear now if the clipboard still holds our last copy; true when it did. */
  clearIfOurs(): Promise<boolean>;
  /** Same as clearIfOurs, and cancels the pending timer (quit). */
  dispose(): Promise<boolean>;
}

interface Fingerprint {
  readonly length: number;
  readonly digest: Buffer;
}

export function createClipboardGuard(options: {
  readonly clipboard: ClipboardPort;
  readonly clearAfterMs?: number;
  readonly timers?: GuardTimers;
}): ClipboardGuard {
  const { clipboard } = options;
  const clearAfterMs = options.clearAfterMs ?? DEFAULT_CLIPBOARD_CLEAR_MS;
  const timers = options.timers ?? realTimers;
  // A per-run key: the stored digest cannot be checked against guesses offline.
  const key = randomBytes(32);
  let last: Fingerprint | null = null;
  let timer: unknown = null;

  const fingerprint = (text: string): Fingerprint => ({
    length: text.length,
    digest: createHmac('sha256', key).update(text, 'utf8').digest(),
  });

  const cancelTimer = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  const clearIfOurs = async (): Promise<boolean> => {
    const mine = last;
    cancelTimer();
    if (mine === null) return false;
    let current: string;
    try {
      current = await clipboard.readText();
    } catch {
      return false;
    }
    // A newer copy may have replaced `last` while we awaited: leave it to its own timer.
    if (last !== mine) return false;
    last = null;
    const seen = fingerprint(current);
    if (seen.length !== mine.length || !timingSafeEqual(seen.digest, mine.digest)) return false;
    try {
      await clipboard.clear();
      return true;
    } catch {
      return false;
    }
  };

  return {
    async copy(text) {
      cancelTimer();
      last = null;
      await clipboard.writeSecretText(text);
      last = fingerprint(text);
      timer = timers.setTimeout(() => {
        timer = null;
        // Errors are swallowed inside clearIfOurs: a timer must never throw.
        void clearIfOurs();
      }, clearAfterMs);
      return { clearAfterMs };
    },
    clearIfOurs,
    dispose: clearIfOurs,
  };
}
