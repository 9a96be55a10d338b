import { readFileSync } from 'node:fs';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ABOUT_ID, aboutText, commandId, LICENCE, menuTemplate, withActions } from '../../../electron/main/menu';
import { APP_COMMANDS } from '../../../electron/shared/ipc-contract';
import { SHORTCUTS } from '../../../electron/shared/shortcuts';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}
const roles = (items: readonly MenuItemConstructorOptions[]): string[] => flatten(items).flatMap((i) => (i.role === undefined ? [] : [i.role]));
const submenuOf = (items: readonly MenuItemConstructorOptions[], label: RegExp): MenuItemConstructorOptions[] => {
  const menu = items.find((i) => label.test(i.label ?? ''));
  return Array.isArray(menu?.submenu) ? menu.submenu : [];
};

describe('menuTemplate', () => {
  const mac = menuTemplate({ isMac: true, isPackaged: true, appName: 'Basic Header' });
  const linux = menuTemplate({ isMac: false, isPackaged: true, appName: 'Basic Header' });
  const dev = menuTemplate({ isMac: false, isPackaged: false, appName: 'Basic Header' });

  it('macOS starts with the app menu (about, services, hide, quit)', () => {
    expect(mac[0]?.label).toBe('Basic Header');
    const appMenu = mac[0]?.submenu as MenuItemConstructorOptions[];
    expect(appMenu[0]?.id).toBe(ABOUT_ID);
    expect(roles(appMenu)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('every OS gets an Edit menu with the standard roles (Cmd+C/Cmd+V need it on macOS)', () => {
    for (const template of [mac, linux]) {
      expect(roles(submenuOf(template, /Edit/))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    }
  });

  it('Edit › Copy and Cut are roles with no handler of their own, so they fire the page\'s copy and cut events (the renderer routes those to the guarded copy)', () => {
    const edit = flatten(submenuOf(withActions(linux, { onCommand: vi.fn(), onAbout: vi.fn() }, APP_COMMANDS), /Edit/));
    for (const role of ['copy', 'cut'] as const) {
      const item = edit.find((i) => i.role === role);
      expect(item).toBeDefined();
      expect(item?.click).toBeUndefined();
    }
  });

  it('packaged builds have no DevTools or reload anywhere', () => {
    for (const template of [mac, linux]) {
      expect(roles(template)).not.toContain('toggleDevTools');
      expect(roles(template)).not.toContain('reload');
      expect(roles(template)).not.toContain('forceReload');
    }
  });

  it('unpackaged builds offer DevTools in View', () => {
    expect(roles(submenuOf(dev, /View/))).toContain('toggleDevTools');
  });

  it('the shortcuts are menu accelerators with command ids', () => {
    const items = flatten(linux);
    for (const shortcut of SHORTCUTS) {
      const item = items.find((i) => i.id === commandId(shortcut.command));
      expect(item?.accelerator).toBe(shortcut.accelerator);
      expect(item?.label).toBe(shortcut.label);
    }
  });

  it('Help has Keyboard shortcuts and About', () => {
    for (const template of [mac, linux]) {
      const help = template.at(-1);
      expect(help?.role).toBe('help');
      const items = help?.submenu as MenuItemConstructorOptions[];
      expect(items.find((i) => i.id === commandId('show-shortcuts'))?.label).toBe('Keyboard shortcuts');
      expect(items.some((i) => i.id === ABOUT_ID)).toBe(true);
    }
  });

  it('non-macOS has a File menu with Quit and a Window menu', () => {
    expect(linux[0]?.label).toMatch(/File/);
    expect(roles(submenuOf(linux, /File/))).toEqual(['quit']);
    expect(roles(submenuOf(linux, /Window/))).toEqual(['minimize', 'close']);
    expect(mac.some((i) => i.role === 'windowMenu')).toBe(true);
  });
});

describe('withActions', () => {
  it('attaches click handlers to command and about items only', () => {
    const onCommand = vi.fn();
    const onAbout = vi.fn();
    const items = flatten(withActions(menuTemplate({ isMac: false, isPackaged: true, appName: 'Basic Header' }), { onCommand, onAbout }, APP_COMMANDS));
    const click = (id: string): void => (items.find((i) => i.id === id)?.click as unknown as () => void)();
    click(commandId('copy-header'));
    click(commandId('forget-everything'));
    click(commandId('show-shortcuts'));
    click(ABOUT_ID);
    expect(onCommand.mock.calls).toEqual([['copy-header'], ['forget-everything'], ['show-shortcuts']]);
    expect(onAbout).toHaveBeenCalledTimes(1);
    expect(items.filter((i) => i.role !== undefined).every((i) => i.click === undefined)).toBe(true);
  });
});

describe('aboutText', () => {
  const text = aboutText({ appName: 'Basic Header', version: '0.1.0', versions: { electron: '45.5.0', chrome: '142.0.1.2', node: '22.20.0' } });

  it('names the app and version', () => {
    expect(text.title).toBe('About Basic Header');
    expect(text.message).toBe('Basic Header 0.1.0');
  });

  it('lists the Electron, Chromium and Node versions and the licence', () => {
    expect(text.detail).toContain('Electron 45.5.0');
    expect(text.detail).toContain('Chromium 142.0.1.2');
    expect(text.detail).toContain('Node.js 22.20.0');
    expect(text.detail).toContain(`Licence: ${LICENCE}`);
  });

  it('the licence matches package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { license: string };
    expect(LICENCE).toBe(pkg.license);
  });

  it('says "unknown" rather than "undefined" for a missing version', () => {
    expect(aboutText({ appName: 'A', version: '1', versions: {} }).detail).toContain('Electron unknown');
  });
});
