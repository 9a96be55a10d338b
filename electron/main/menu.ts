/**
 * The native application menu as plain data, and the About box's text. Standard roles give the OS
 * behaviour users expect (on macOS, Cmd+C/Cmd+V only work with an Edit menu).
 * App items carry an id instead of a click handler; `withActions` attaches the
 * handlers, so the template itself is testable without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/ipc-contract';
import { SHORTCUTS } from '../shared/shortcuts';

export const ABOUT_ID = 'about';
const COMMAND_PREFIX = 'command:';

export function commandId(command: AppCommand): string {
  return `${COMMAND_PREFIX}${command}`;
}

export interface MenuOptions {
  readonly isMac: boolean;
  readonly isPackaged: boolean;
  readonly appName: string;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isPackaged, appName } = options;
  const about: MenuItemConstructorOptions = { id: ABOUT_ID, label: `About ${appName}` };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = { label: '&File', submenu: [{ role: 'quit' }] };

  const editMenu: MenuItemConstructorOptions = {
    label: isMac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const credentialsMenu: MenuItemConstructorOptions = {
    label: isMac ? 'Credentials' : '&Credentials',
    submenu: SHORTCUTS.flatMap((shortcut): MenuItemConstructorOptions[] => [
      // Forget everything is destructive: set it apart from the others.
      ...(shortcut.command === 'forget-everything' ? [{ type: 'separator' } as const] : []),
      { id: commandId(shortcut.command), label: shortcut.label, accelerator: shortcut.accelerator },
    ]),
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: isMac ? 'View' : '&View',
    submenu: [
      // Reload and DevTools are for development only: DevTools writes console history to disk.
      ...(isPackaged ? [] : ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = isMac
    ? { role: 'windowMenu' }
    : { label: '&Window', submenu: [{ role: 'minimize' }, { role: 'close' }] };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: isMac ? 'Help' : '&Help',
    submenu: [{ id: commandId('show-shortcuts'), label: 'Keyboard shortcuts' }, { type: 'separator' }, about],
  };

  return [...(isMac ? [appMenu] : [fileMenu]), editMenu, credentialsMenu, viewMenu, windowMenu, helpMenu];
}

export interface MenuActions {
  readonly onCommand: (command: AppCommand) => void;
  readonly onAbout: () => void;
}

/** A copy of the template with click handlers attached to the app's own items. */
export function withActions(template: readonly MenuItemConstructorOptions[], actions: MenuActions, commands: readonly AppCommand[]): MenuItemConstructorOptions[] {
  return template.map((item) => {
    const copy: MenuItemConstructorOptions = { ...item };
    if (Array.isArray(item.submenu)) copy.submenu = withActions(item.submenu, actions, commands);
    if (item.id === ABOUT_ID) copy.click = () => actions.onAbout();
    const command = commands.find((c) => item.id === commandId(c));
    if (command !== undefined) copy.click = () => actions.onCommand(command);
    return copy;
  });
}

/**
 * The About box: what the app is, its version, the Electron, Chromium and Node
 * versions it runs on, and its licence.
 */
export const LICENCE = 'MIT';

export interface AboutInfo {
  readonly appName: string;
  readonly version: string;
  readonly versions: { readonly electron?: string | undefined; readonly chrome?: string | undefined; readonly node?: string | undefined };
}

export interface AboutText {
  readonly title: string;
  readonly message: string;
  readonly detail: string;
}

export function aboutText(info: AboutInfo): AboutText {
  const unknown = (value: string | undefined): string => value ?? 'unknown';
  return {
    title: `About ${info.appName}`,
    message: `${info.appName} ${info.version}`,
    detail: [
      'Builds and tests the Okta client-credentials Authorization: Basic header. Nothing you enter is written to disk.',
      '',
      `Electron ${unknown(info.versions.electron)}`,
      `Chromium ${unknown(info.versions.chrome)}`,
      `Node.js ${unknown(info.versions.node)}`,
      '',
      `Licence: ${LICENCE}`,
    ].join('\n'),
  };
}
