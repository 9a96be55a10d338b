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
  /**
   * Clear now if the clipboard still holds our last copy; true when it did.
   * A copy still being written is waited for, then cleared.
   */
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
  /** The copy in progress (its write and bookkeeping), so Forget can wait for it. */
  let pending: Promise<unknown> | null = null;
  /** Bumped by every copy: a copy that was overtaken by a newer one leaves `last` alone. */
  let generation = 0;

  const fingerprint = (text: string): Fingerprint => ({
    length: text.length,
    digest: createHmac('sha256', key).update(text, 'utf8').digest(),
  });

  const cancelTimer = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  const clearIfOurs = async (): Promise<boolean> => {
    // A write still in flight would land after the clear, with a fresh timer: wait for it.
    const inFlight = pending;
    if (inFlight !== null) {
      try {
        await inFlight;
      } catch {
        // The write failed: nothing of ours reached the clipboard.
      }
    }
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

  const copy = async (text: string): Promise<{ readonly clearAfterMs: number }> => {
    cancelTimer();
    last = null;
    const mine = (generation += 1);
    await clipboard.writeSecretText(text);
    if (mine === generation) {
      last = fingerprint(text);
      timer = timers.setTimeout(() => {
        timer = null;
        // Errors are swallowed inside clearIfOurs: a timer must never throw.
        void clearIfOurs();
      }, clearAfterMs);
    }
    return { clearAfterMs };
  };

  return {
    async copy(text) {
      const run = copy(text);
      pending = run;
      try {
        return await run;
      } finally {
        if (pending === run) pending = null;
      }
    },
    clearIfOurs,
    dispose: clearIfOurs,
  };
}

/**
 * Linux's PRIMARY selection: Chromium puts whatever is selected in a text field
 * of ours there (password fields excepted), where a middle click in any other
 * app pastes it. Main cannot see what the page selected, so it treats every
 * PRIMARY change made while our window had focus as ours: when the window loses
 * focus, and on Forget and quit, PRIMARY is cleared if it changed since the
 * window gained focus. A selection another app made before that is left alone.
 * Compared by keyed hash, like the clipboard copy; the text itself is not kept.
 */
export interface SelectionPort {
  readSelection(): Promise<string>;
  clearSelection(): Promise<void>;
}

export interface SelectionGuard {
  /** The window gained focus: remember what PRIMARY held, which is not ours. */
  noteFocus(): Promise<void>;
  /** Clear PRIMARY if it changed while we had focus; true when it did. */
  clearIfOurs(): Promise<boolean>;
}

/** Platforms with a PRIMARY selection (X11 and Wayland desktops). */
export function hasSelectionBuffer(platform: string): boolean {
  return platform === 'linux' || platform === 'freebsd' || platform === 'openbsd';
}

export function createSelectionGuard(port: SelectionPort): SelectionGuard {
  const key = randomBytes(32);
  const digest = (text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();
  let atFocus: Buffer | null = null;
  const read = async (): Promise<string | null> => {
    try {
      return await port.readSelection();
    } catch {
      return null;
    }
  };
  return {
    async noteFocus() {
      const text = await read();
      atFocus = text === null ? null : digest(text);
    },
    async clearIfOurs() {
      const text = await read();
      if (text === null || text === '') return false;
      // Unchanged since focus: another app's selection, not ours to take away.
      if (atFocus !== null && timingSafeEqual(digest(text), atFocus)) return false;
      try {
        await port.clearSelection();
        atFocus = digest('');
        return true;
      } catch {
        return false;
      }
    },
  };
}
