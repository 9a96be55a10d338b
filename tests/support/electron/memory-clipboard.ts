/**
 * The one in-memory clipboard: what a system clipboard does, minus the OS, so
 * guard and handler tests (Vitest) and the Chromium harness can check exactly
 * what was written and cleared. Writes can be made to fail, or held pending (a
 * slow OS clipboard) until the test releases them. It has Linux's PRIMARY
 * selection too (`selection`), which selecting text fills.
 */
import type { ClipboardPort, SelectionPort } from '../../../electron/main/clipboard-guard';

export class MemoryClipboard implements ClipboardPort, SelectionPort {
  text = '';
  /** PRIMARY: what was last selected, here or in another app. */
  selection = '';
  failSelectionReads = false;
  writes = 0;
  clears = 0;
  failNextWrite = false;
  failReads = false;
  private gate: Promise<void> | null = null;
  private readGate: Promise<void> | null = null;

  async writeSecretText(text: string): Promise<void> {
    if (this.gate !== null) await this.gate;
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('clipboard busy');
    }
    this.writes += 1;
    this.text = text;
  }

  async readText(): Promise<string> {
    if (this.readGate !== null) await this.readGate;
    if (this.failReads) throw new Error('clipboard busy');
    return this.text;
  }

  async clear(): Promise<void> {
    this.clears += 1;
    this.text = '';
  }

  async readSelection(): Promise<string> {
    if (this.failSelectionReads) throw new Error('no selection owner');
    return this.selection;
  }

  async clearSelection(): Promise<void> {
    this.selection = '';
  }

  /** Another application copying something. */
  userCopies(text: string): void {
    this.text = text;
  }

  /** Hold every write until the returned function is called (the OS clipboard is slow). */
  holdWrites(): () => void {
    const held = gate();
    this.gate = held.promise;
    return () => {
      this.gate = null;
      held.release();
    };
  }

  /** Hold every read until the returned function is called; a read then returns what the clipboard holds by then. */
  holdReads(): () => void {
    const held = gate();
    this.readGate = held.promise;
    return () => {
      this.readGate = null;
      held.release();
    };
  }
}

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
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
