/**
 * An in-memory ClipboardPort: what a system clipboard does, minus the OS, so
 * handler and guard tests can check exactly what was written and cleared.
 */
import type { ClipboardPort } from '../../../electron/main/handler-types';

export interface MemoryClipboard extends ClipboardPort {
  text: string;
  writes: number;
  clears: number;
  /** Another application copying something. */
  userCopies(text: string): void;
  failNextWrite: boolean;
  failReads: boolean;
}

export function createMemoryClipboard(): MemoryClipboard {
  const clipboard: MemoryClipboard = {
    text: '',
    writes: 0,
    clears: 0,
    failNextWrite: false,
    failReads: false,
    async writeSecretText(text) {
      if (clipboard.failNextWrite) {
        clipboard.failNextWrite = false;
        throw new Error('clipboard busy');
      }
      clipboard.writes += 1;
      clipboard.text = text;
    },
    async readText() {
      if (clipboard.failReads) throw new Error('clipboard busy');
      return clipboard.text;
    },
    async clear() {
      clipboard.clears += 1;
      clipboard.text = '';
    },
    userCopies(text) {
      clipboard.text = text;
    },
  };
  return clipboard;
}

/** Manually advanced timers for the guard's injected clock. */
export function createManualTimers(): {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  advance(ms: number): Promise<void>;
  pending(): number;
} {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.callback();
        }
      }
      // Let the async clear-if-ours chain settle.
      for (let i = 0; i < 10; i += 1) await Promise.resolve();
    },
    pending: () => timers.size,
  };
}
