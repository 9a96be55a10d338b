/**
 * The app's keyboard shortcuts: one table for the native menu (main) and the
 * Help → Keyboard shortcuts view (renderer). Accelerators use Electron's
 * syntax; `displayAccelerator` renders them the way each OS writes them.
 */
import type { AppCommand } from './ipc-contract';

export interface Shortcut {
  readonly command: Exclude<AppCommand, 'show-shortcuts'>;
  readonly accelerator: string;
  /** Menu label and the description in the shortcuts view. */
  readonly label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'copy-header', accelerator: 'CmdOrCtrl+Shift+C', label: 'Copy Authorization header' },
  { command: 'test-credentials', accelerator: 'CmdOrCtrl+Enter', label: 'Test credentials' },
  { command: 'forget-everything', accelerator: 'CmdOrCtrl+Shift+Backspace', label: 'Forget everything' },
];

const MAC_SYMBOLS: Readonly<Record<string, string>> = {
  CmdOrCtrl: '⌘',
  Shift: '⇧',
  Alt: '⌥',
  Enter: '↩',
  Backspace: '⌫',
};

/** 'CmdOrCtrl+Shift+C' → '⌘⇧C' on macOS, 'Ctrl+Shift+C' elsewhere. */
export function displayAccelerator(accelerator: string, isMac: boolean): string {
  const parts = accelerator.split('+');
  if (isMac) return parts.map((part) => MAC_SYMBOLS[part] ?? part).join('');
  return parts.map((part) => (part === 'CmdOrCtrl' ? 'Ctrl' : part)).join('+');
}
