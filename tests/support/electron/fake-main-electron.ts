/**
 * A recording fake of the Electron API main.ts uses: every call lands in `log`
 * in order, sessions and windows are kept for inspection, and app events can be
 * emitted. main.test.ts installs it with vi.mock('electron'); build-hooks.test.ts
 * hands it to the built bundles as their `require('electron')`.
 */
import { EventEmitter } from 'node:events';

export interface FakeMainOptions {
  readonly isPackaged: boolean;
  readonly gotLock: boolean;
}

/** The Electron exports main.ts imports, in the shape vi.mock must return. */
export const MAIN_ELECTRON_EXPORTS = ['app', 'protocol', 'session', 'BrowserWindow', 'Menu', 'dialog', 'nativeTheme', 'clipboard', 'ClipboardItem', 'ipcMain', 'crashReporter'] as const;

export type VerifyProc = (request: { hostname: string; errorCode: number; certificate: { data: string; subjectName: string; issuerName: string; fingerprint: string } }, callback: (result: number) => void) => void;

export type FakeMainElectron = ReturnType<typeof createFakeElectron>;

export function createFakeElectron(options: FakeMainOptions) {
  const log: string[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const appEvents = new EventEmitter();
  const windows: FakeWindow[] = [];
  const sessions: { partition: string; options: unknown; ses: EventEmitter }[] = [];
  const ipcChannels: string[] = [];
  const primary = { text: '' };
  /** The listener registered for each channel, so a test can invoke it as Electron would. */
  const ipcListeners = new Map<string, (event: unknown, payload: unknown) => unknown>();
  /** Every showOpenDialog call (owner window, options), and what the next one answers. */
  const openDialogs: { owner: unknown; options: Record<string, unknown> }[] = [];
  const openDialogAnswer = { canceled: true, filePaths: [] as string[] };

  class FakeWebContents extends EventEmitter {
    readonly id = 1;
    readonly sent: unknown[][] = [];
    send(...args: unknown[]): void { this.sent.push(args); }
    isDestroyed(): boolean { return false; }
    setWindowOpenHandler(): void { log.push('setWindowOpenHandler'); }
  }
  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loaded: string | null = null;
    readonly steps: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      log.push('new BrowserWindow');
    }
    async loadURL(url: string): Promise<void> { this.loaded = url; log.push('loadURL'); }
    show(): void { this.steps.push('show'); }
    focus(): void { this.steps.push('focus'); }
    restore(): void { this.steps.push('restore'); }
    /** What the second-instance handler sees; tests change it. */
    state = { destroyed: false, minimized: false, visible: true };
    isDestroyed(): boolean { return this.state.destroyed; }
    isMinimized(): boolean { return this.state.minimized; }
    isVisible(): boolean { return this.state.visible; }
  }
  /** The verify proc installed on each session (by partition), so a test can run a handshake's verdict through it. */
  const verifyProcs = new Map<string, VerifyProc>();
  /** What every session's fetch does; a test swaps it (e.g. to fail as Chromium does on a refused certificate). */
  const net: { fetch: (url: string, init?: RequestInit) => Promise<Response> } = { fetch: async () => new Response('{}') };
  const makeSession = (partition: string, sessionOptions: unknown) => {
    const ses = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: () => log.push('setPermissionRequestHandler'),
      setPermissionCheckHandler: () => log.push('setPermissionCheckHandler'),
      setDevicePermissionHandler: () => log.push('setDevicePermissionHandler'),
      setSpellCheckerEnabled: (on: boolean) => log.push(`spellcheck:${partition}:${on}`),
      setCertificateVerifyProc: (proc: VerifyProc) => { log.push('setCertificateVerifyProc'); verifyProcs.set(partition, proc); },
      fetch: (url: string, init?: RequestInit) => net.fetch(url, init),
      protocol: { handle: (scheme: string) => log.push(`protocol.handle:${scheme}`) },
      webRequest: { onBeforeRequest: () => log.push('onBeforeRequest') },
    });
    sessions.push({ partition, options: sessionOptions, ses });
    return ses;
  };
  const electron = {
    app: Object.assign(appEvents, {
      isPackaged: options.isPackaged,
      enableSandbox: () => log.push('enableSandbox'),
      setPath: (name: string, dir: string) => log.push(`setPath:${name}:${dir}`),
      requestSingleInstanceLock: () => { log.push('requestSingleInstanceLock'); return options.gotLock; },
      quit: () => log.push('quit'),
      exit: (code: number) => log.push(`exit:${code}`),
      whenReady: () => { log.push('whenReady'); return ready; },
      getAppPath: () => '/app',
      getName: () => 'Basic Header',
      getVersion: () => '0.1.0',
    }),
    protocol: { registerSchemesAsPrivileged: (schemes: unknown) => log.push(`registerSchemesAsPrivileged:${JSON.stringify(schemes)}`) },
    session: { defaultSession: makeSession('(default)', null), fromPartition: (p: string, o: unknown) => makeSession(p, o) },
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => log.push('setApplicationMenu') },
    dialog: {
      showMessageBox: async () => ({ response: 0 }),
      showOpenDialog: async (owner: unknown, dialogOptions: Record<string, unknown>) => {
        openDialogs.push({ owner, options: dialogOptions });
        return { ...openDialogAnswer };
      },
    },
    nativeTheme: { shouldUseDarkColors: false },
    clipboard: {
      write: async () => undefined,
      writeText: async () => undefined,
      readText: async () => '',
      clear: () => undefined,
      /** Linux's PRIMARY selection: `text` is what is selected right now. */
      selection: { readText: async () => primary.text, clear: () => { log.push('selection.clear'); primary.text = ''; } },
    },
    ClipboardItem: class {
      readonly fake = true;
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, payload: unknown) => unknown) => {
        ipcChannels.push(channel);
        ipcListeners.set(channel, listener);
      },
      removeHandler: () => undefined,
    },
    crashReporter: { start: () => log.push('crashReporter.start') },
  };
  return { electron, log, primary, ready: () => { resolveReady(); return ready.then(() => new Promise((r) => setTimeout(r, 0))); }, appEvents, windows, sessions, verifyProcs, net, ipcChannels, ipcListeners, openDialogs, openDialogAnswer };
}
