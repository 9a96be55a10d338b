/**
 * One dispatcher for app commands: the native menu (bridge.onCommand) and the same
 * keys pressed in the page (keydown) both emit here, and each part of the window
 * subscribes to the commands it handles.
 */
import type { AppCommand } from '../electron/shared/ipc-contract';

export type CommandListener = (command: AppCommand, source: 'menu' | 'keyboard') => void;

export interface CommandHub {
  readonly emit: (command: AppCommand, source: 'menu' | 'keyboard') => void;
  /** Returns an unsubscribe function (for useEffect cleanup). */
  readonly subscribe: (listener: CommandListener) => () => void;
}

/** A menu accelerator and the page's own keydown may both report one key press. */
const DUPLICATE_WINDOW_MS = 300;

export function createCommandHub(now: () => number = Date.now): CommandHub {
  const listeners = new Set<CommandListener>();
  let last: { command: AppCommand; at: number } | null = null;
  return {
    emit(command, source) {
      const at = now();
      if (last !== null && last.command === command && at - last.at < DUPLICATE_WINDOW_MS) return;
      last = { command, at };
      for (const listener of [...listeners]) listener(command, source);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
