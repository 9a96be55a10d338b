/** The page's own key handling matches the same accelerators as the native menu. */
import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../electron/shared/shortcuts';
import { matchesAccelerator, shortcutFor } from '../../renderer/shortcut-match';

const key = (init: Partial<{ key: string; code: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }>) => ({
  key: '', code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...init,
});

describe('shortcutFor', () => {
  it('finds each table entry with Ctrl (Windows, Linux) and with Cmd (macOS)', () => {
    expect(shortcutFor(key({ key: 'C', code: 'KeyC', ctrlKey: true, shiftKey: true }))?.command).toBe('copy-header');
    expect(shortcutFor(key({ key: 'c', code: 'KeyC', metaKey: true, shiftKey: true }))?.command).toBe('copy-header');
    expect(shortcutFor(key({ key: 'Enter', code: 'Enter', ctrlKey: true }))?.command).toBe('test-credentials');
    expect(shortcutFor(key({ key: 'Backspace', code: 'Backspace', metaKey: true, shiftKey: true }))?.command).toBe('forget-everything');
    expect(SHORTCUTS.every((s) => s.accelerator.startsWith('CmdOrCtrl+'))).toBe(true);
  });

  it('ignores the same keys without the modifiers, or with extra ones', () => {
    expect(shortcutFor(key({ key: 'C', code: 'KeyC', shiftKey: true }))).toBeNull();
    expect(shortcutFor(key({ key: 'c', code: 'KeyC', ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key({ key: 'Enter', code: 'Enter' }))).toBeNull();
    expect(shortcutFor(key({ key: 'Enter', code: 'Enter', ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutFor(key({ key: 'Backspace', code: 'Backspace', ctrlKey: true }))).toBeNull();
  });

  it('matches letters by physical key too (other keyboard layouts)', () => {
    expect(matchesAccelerator(key({ key: 'С', code: 'KeyC', ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+Shift+C')).toBe(true);
  });
});
