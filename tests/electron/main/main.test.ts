/**
 * main.ts is glue; this runs it against a recording fake of the Electron API
 * to pin the order and the wiring: sandbox and scheme before ready, test paths
 * only unpackaged, single-instance lock, in-memory session, window, menu, IPC,
 * guards on every webContents, quit on close, dispose before quit, no crashReporter.
 */
import { X509Certificate } from 'node:crypto';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_START_URL } from '../../../electron/shared/app-origin';
import { INVOKE_CHANNELS } from '../../../electron/shared/ipc-contract';
import { chromiumCertificate } from '../../support/electron/chromium-certificate';
import { createFakeElectron, type FakeMainElectron, type FakeMainOptions } from '../../support/electron/fake-main-electron';
import { createTestCa, issueLeafCert } from '../../support/test-ca';

/** Runs a handshake's certificate through the app session's verify proc, as Chromium would. */
function verdict(fake: FakeMainElectron, hostname: string, pem: string, errorCode = -202): number {
  const proc = fake.verifyProcs.get('basic-header');
  if (proc === undefined) throw new Error('no verify proc on the app session');
  let result = Number.NaN;
  proc({ hostname, errorCode, certificate: chromiumCertificate(pem) }, (r) => { result = r; });
  return result;
}

let current: FakeMainElectron | null = null;
// The mock is created once; its exports read whichever fake the current test installed.
vi.mock('electron', async () => {
  const live = (): FakeMainElectron['electron'] => {
    if (current === null) throw new Error('fake not set');
    return current.electron;
  };
  const { MAIN_ELECTRON_EXPORTS: names } = await import('../../support/electron/fake-main-electron');
  return Object.fromEntries(names.map((name) => [name, new Proxy(function () {}, {
    get: (_t, key) => Reflect.get(live()[name], key),
    set: (_t, key, value) => Reflect.set(live()[name], key, value),
    construct: (_t, args) => Reflect.construct(live()[name] as unknown as new (...a: unknown[]) => object, args),
  })]));
});

async function launch(options: FakeMainOptions, env: Record<string, string> = {}, argv: readonly string[] = ['/opt/basic-header']) {
  current = createFakeElectron(options);
  vi.resetModules();
  vi.spyOn(process, 'argv', 'get').mockReturnValue([...argv]);
  // Stubbed until afterEach: main reads some switches only once `ready` fires.
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  await import('../../../electron/main/main');
  return current;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  current = null;
});

describe('main.ts wiring', () => {
  it('before ready: sandbox, privileged app scheme, single-instance lock; nothing else yet', async () => {
    const fake = await launch({ isPackaged: true, gotLock: true });
    expect(fake.log[0]).toBe('enableSandbox');
    expect(fake.log[1]).toMatch(/^registerSchemesAsPrivileged:.*"scheme":"app".*"standard":true.*"secure":true/);
    expect(fake.log).toContain('requestSingleInstanceLock');
    expect(fake.log).not.toContain('new BrowserWindow');
  });

  it('unpackaged with BASIC_HEADER_TEST_ROOT: every path is redirected before ready', async () => {
    const root = path.resolve('/tmp/bh-root');
    const fake = await launch({ isPackaged: false, gotLock: true }, { BASIC_HEADER_TEST_ROOT: root });
    const setPaths = fake.log.filter((l) => l.startsWith('setPath:'));
    expect(setPaths.map((l) => l.split(':')[1])).toEqual(['appData', 'userData', 'sessionData', 'temp', 'logs', 'crashDumps']);
    expect(fake.log.indexOf(setPaths[0] ?? '')).toBeLessThan(fake.log.indexOf('whenReady'));
  });

  it('unpackaged with BASIC_HEADER_TEST_CA_PEM: the test CA is trusted on the app session', async () => {
    const ca = await createTestCa();
    const leaf = await issueLeafCert(ca);
    const fake = await launch({ isPackaged: false, gotLock: true }, { BASIC_HEADER_TEST_CA_PEM: ca.cert });
    await fake.ready();
    expect(verdict(fake, '127.0.0.1', leaf.cert)).toBe(0);
  });

  it('packaged: the test switches are ignored; the one verify proc never accepts', async () => {
    const ca = await createTestCa();
    const leaf = await issueLeafCert(ca);
    const fake = await launch({ isPackaged: true, gotLock: true }, { BASIC_HEADER_TEST_ROOT: '/tmp/bh-root', BASIC_HEADER_TEST_CA_PEM: ca.cert });
    await fake.ready();
    expect(fake.log.some((l) => l.startsWith('setPath:'))).toBe(false);
    expect(fake.log.filter((l) => l === 'setCertificateVerifyProc')).toHaveLength(1);
    expect(verdict(fake, '127.0.0.1', leaf.cert)).toBe(-3);
  });

  it('a refused certificate reaches the token test report; Forget clears what was remembered', async () => {
    const ca = await createTestCa('Corp Inspection CA');
    const leaf = await issueLeafCert(ca, { dns: ['dev-1.okta.com'] });
    const fake = await launch({ isPackaged: true, gotLock: true });
    await fake.ready();
    // What Chromium does on an untrusted certificate: the verify proc sees it, then fetch fails.
    fake.net.fetch = async (url) => {
      expect(verdict(fake, new URL(url).hostname, leaf.cert, -202)).toBe(-3);
      throw new Error('net::ERR_CERT_AUTHORITY_INVALID');
    };
    const win = fake.windows[0];
    const test = fake.ipcListeners.get(INVOKE_CHANNELS.testCredentials);
    const forget = fake.ipcListeners.get(INVOKE_CHANNELS.forget);
    if (win === undefined || test === undefined || forget === undefined) throw new Error('no window or handlers');
    const fromWindow = { sender: { id: win.webContents.id }, senderFrame: { url: APP_START_URL, parent: null } };
    const payload = { requestId: 'r1', target: 'dev-1.okta.com', authServer: { kind: 'org' }, clientId: '0oa1', clientSecret: 'not-a-real-secret-1234', scopes: [], authMethod: 'client_secret_basic', formEncode: false, timeoutMs: 15_000 };
    const first = await test(fromWindow, payload);
    expect(first).toMatchObject({ ok: true, value: { outcome: 'no-answer', explanation: { id: 'tls-untrusted' }, certificate: { subject: 'dev-1.okta.com', issuer: 'Corp Inspection CA', sha256: new X509Certificate(leaf.cert).fingerprint256 } } });

    expect(await forget(fromWindow, { reason: 'user' })).toMatchObject({ ok: true });
    fake.net.fetch = async () => { throw new Error('net::ERR_CERT_AUTHORITY_INVALID'); };
    const second = await test(fromWindow, { ...payload, requestId: 'r2' });
    expect(second).toMatchObject({ ok: true, value: { explanation: { id: 'tls-untrusted' } } });
    // core leaves the field out when the shell names nothing.
    expect((second as { value: Record<string, unknown> }).value).not.toHaveProperty('certificate');
  });

  it('a second instance quits at once and builds nothing', async () => {
    const fake = await launch({ isPackaged: true, gotLock: false });
    expect(fake.log).toContain('quit');
    expect(fake.log).not.toContain('whenReady');
  });

  it('on ready: in-memory session, hardened, window on app://, menu, every IPC channel; never the crash reporter', async () => {
    const fake = await launch({ isPackaged: true, gotLock: true });
    await fake.ready();
    expect(fake.log).toContain('spellcheck:(default):false');
    const appSession = fake.sessions.find((s) => s.partition !== '(default)');
    expect(appSession?.partition).toBe('basic-header');
    expect(appSession?.options).toEqual({ cache: false });
    for (const step of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler', 'spellcheck:basic-header:false', 'protocol.handle:app', 'onBeforeRequest']) {
      expect(fake.log).toContain(step);
    }
    const win = fake.windows[0];
    expect(win?.options.show).toBe(false);
    expect(win?.options.webPreferences).toMatchObject({ partition: 'basic-header', sandbox: true, contextIsolation: true, devTools: false, preload: path.join('/app', 'dist', 'preload', 'preload.cjs') });
    expect(win?.loaded).toBe(APP_START_URL);
    expect(fake.log).toContain('setApplicationMenu');
    expect(fake.ipcChannels.sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(fake.log).not.toContain('crashReporter.start');
  });

  it('Choose key file: the OS dialog is modal to the asking window, keeps out of recent files, and a cancel loads nothing', async () => {
    const fake = await launch({ isPackaged: true, gotLock: true });
    await fake.ready();
    const choose = fake.ipcListeners.get(INVOKE_CHANNELS.chooseKeyFile);
    const win = fake.windows[0];
    if (choose === undefined || win === undefined) throw new Error('no chooseKeyFile handler or window');
    const fromWindow = { sender: { id: win.webContents.id }, senderFrame: { url: APP_START_URL, parent: null } };
    expect(await choose(fromWindow, { kid: null })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(fake.openDialogs).toHaveLength(1);
    expect(fake.openDialogs[0]?.owner).toBe(win);
    expect(fake.openDialogs[0]?.options.properties).toEqual(['openFile', 'dontAddToRecent']);
    // A missing file the user somehow chose: refused in plain words, no exception.
    fake.openDialogAnswer.canceled = false;
    fake.openDialogAnswer.filePaths = [path.join('/nonexistent-basic-header', 'key.pem')];
    expect(await choose(fromWindow, { kid: null })).toMatchObject({ ok: true, value: { status: 'refused', code: 'file-unreadable' } });
    // Another webContents never gets a dialog.
    expect(await choose({ ...fromWindow, sender: { id: 99 } }, { kid: null })).toMatchObject({ ok: false, code: 'untrusted-sender' });
    expect(fake.openDialogs).toHaveLength(2);
  });

  it('guards every webContents created, and quits when the window closes on every OS', async () => {
    const fake = await launch({ isPackaged: true, gotLock: true });
    await fake.ready();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: () => fake.log.push('setWindowOpenHandler') });
    fake.appEvents.emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(fake.log).toContain('setWindowOpenHandler');
    fake.appEvents.emit('window-all-closed');
    expect(fake.log.at(-1)).toBe('quit');
  });

  it('before-quit holds the quit until handlers are disposed, then quits once', async () => {
    const fake = await launch({ isPackaged: true, gotLock: true });
    await fake.ready();
    let prevented = 0;
    fake.appEvents.emit('before-quit', { preventDefault: () => { prevented += 1; } });
    expect(prevented).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.log.at(-1)).toBe('quit');
    fake.appEvents.emit('before-quit', { preventDefault: () => { prevented += 1; } });
    expect(prevented).toBe(1);
  });

  it('a second launch restores a minimised window, shows a hidden one, then focuses it', async () => {
    const fake = await launch({ isPackaged: true, gotLock: true });
    await fake.ready();
    const win = fake.windows[0];
    if (win === undefined) throw new Error('no window');
    const relaunch = (state: Partial<typeof win.state>): string[] => {
      win.steps.length = 0;
      Object.assign(win.state, { destroyed: false, minimized: false, visible: true }, state);
      fake.appEvents.emit('second-instance');
      return [...win.steps];
    };
    expect(relaunch({})).toEqual(['focus']);
    expect(relaunch({ minimized: true })).toEqual(['restore', 'focus']);
    expect(relaunch({ visible: false })).toEqual(['show', 'focus']);
    expect(relaunch({ destroyed: true })).toEqual([]);
    win.emit('closed');
    expect(relaunch({})).toEqual([]);
  });

  it('the window shows only when ready-to-show, and keeps its own title', async () => {
    const fake = await launch({ isPackaged: true, gotLock: true });
    await fake.ready();
    const win = fake.windows[0];
    expect(win?.steps).toEqual([]);
    win?.emit('ready-to-show');
    expect(win?.steps).toEqual(['show']);
    let prevented = false;
    win?.emit('page-title-updated', { preventDefault: () => { prevented = true; } });
    expect(prevented).toBe(true);
  });

  it('packaged, with a weakening switch: one line on stderr and exit before ready, nothing else', async () => {
    const errors: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { errors.push(args); });
    const fake = await launch({ isPackaged: true, gotLock: true }, {}, ['/opt/basic-header', '--lang=de', '--remote-debugging-port=9222', '--no-sandbox']);
    expect(fake.log).toEqual(['exit:1']);
    expect(errors).toHaveLength(1);
    expect(String(errors[0]?.[0])).toContain('--remote-debugging-port, --no-sandbox');
  });

  it('unpackaged, the same switches are accepted (development and Playwright need them)', async () => {
    const fake = await launch({ isPackaged: false, gotLock: true }, {}, ['/opt/electron', '.', '--remote-debugging-port=0', '--no-sandbox']);
    expect(fake.log[0]).toBe('enableSandbox');
    expect(fake.log).not.toContain('exit:1');
    expect(fake.log).toContain('whenReady');
  });

  it('Linux: a selection made while the window had focus leaves PRIMARY when the window loses focus', async () => {
    vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
    const fake = await launch({ isPackaged: true, gotLock: true });
    await fake.ready();
    const win = fake.windows[0];
    fake.primary.text = 'selected in another app';
    win?.emit('focus');
    await new Promise((r) => setTimeout(r, 0));
    fake.primary.text = 'Authorization: Basic MG9hMTpzZWNyZXQ=';
    win?.emit('blur');
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.primary.text).toBe('');
    // Another app's selection, unchanged while we had focus, stays.
    fake.primary.text = 'selected in another app again';
    win?.emit('focus');
    await new Promise((r) => setTimeout(r, 0));
    win?.emit('blur');
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.primary.text).toBe('selected in another app again');
  });

  it('macOS and Windows have no PRIMARY selection: nothing listens for focus', async () => {
    vi.spyOn(process, 'platform', 'get').mockReturnValue('darwin');
    const fake = await launch({ isPackaged: true, gotLock: true });
    await fake.ready();
    expect(fake.windows[0]?.listenerCount('blur')).toBe(0);
  });

  it('installs no context menu: copying goes only through the keyboard and Edit › Copy, which fire the page\'s copy event', async () => {
    const fake = await launch({ isPackaged: true, gotLock: true });
    await fake.ready();
    const contents = fake.windows[0]?.webContents;
    fake.appEvents.emit('web-contents-created', {}, contents);
    expect(contents?.listenerCount('context-menu')).toBe(0);
  });
});
