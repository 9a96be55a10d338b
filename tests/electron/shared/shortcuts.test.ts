import { describe, expect, it } from 'vitest';
import { displayAccelerator, SHORTCUTS } from '../../../electron/shared/shortcuts';
import { APP_COMMANDS } from '../../../electron/shared/ipc-contract';

describe('SHORTCUTS', () => {
  it('are the three documented shortcuts', () => {
    expect(SHORTCUTS.map((s) => [s.command, s.accelerator])).toEqual([
      ['copy-header', 'CmdOrCtrl+Shift+C'],
      ['test-credentials', 'CmdOrCtrl+Enter'],
      ['forget-everything', 'CmdOrCtrl+Shift+Backspace'],
    ]);
  });

  it('each names an app command, and no two share an accelerator', () => {
    for (const shortcut of SHORTCUTS) expect(APP_COMMANDS).toContain(shortcut.command);
    expect(new Set(SHORTCUTS.map((s) => s.accelerator)).size).toBe(SHORTCUTS.length);
  });

  it('avoid the keys the Edit menu owns (copy, paste, cut, select all, undo)', () => {
    for (const key of ['CmdOrCtrl+C', 'CmdOrCtrl+V', 'CmdOrCtrl+X', 'CmdOrCtrl+A', 'CmdOrCtrl+Z']) {
      expect(SHORTCUTS.map((s) => s.accelerator)).not.toContain(key);
    }
  });
});

describe('displayAccelerator', () => {
  it('macOS symbols', () => {
    expect(displayAccelerator('CmdOrCtrl+Shift+C', true)).toBe('⌘⇧C');
    expect(displayAccelerator('CmdOrCtrl+Enter', true)).toBe('⌘↩');
    expect(displayAccelerator('CmdOrCtrl+Shift+Backspace', true)).toBe('⌘⇧⌫');
  });

  it('Windows and Linux spell Ctrl', () => {
    expect(displayAccelerator('CmdOrCtrl+Shift+C', false)).toBe('Ctrl+Shift+C');
    expect(displayAccelerator('CmdOrCtrl+Shift+Backspace', false)).toBe('Ctrl+Shift+Backspace');
  });
});
