import { EventEmitter } from 'node:events';
import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { configureAppSession, createSessionFetch, isBlockedRendererRequest, isPermissionAllowed, pinnedInit } from '../../../electron/main/session';
import { APP_ORIGIN } from '../../../electron/shared/app-origin';

type Fn = (...args: never[]) => unknown;

/** Records what configureAppSession installs, so each handler can be exercised. */
class FakeSession extends EventEmitter {
  requestHandler: Fn | null = null;
  checkHandler: Fn | null = null;
  deviceHandler: Fn | null = null;
  verifyProc: Fn | null = null;
  beforeRequest: Fn | null = null;
  spellchecker: boolean | null = null;
  protocols = new Map<string, (request: Request) => Promise<Response>>();
  readonly protocol = { handle: (scheme: string, handler: (request: Request) => Promise<Response>) => this.protocols.set(scheme, handler) };
  readonly webRequest = { onBeforeRequest: (listener: Fn) => { this.beforeRequest = listener; } };
  setPermissionRequestHandler(handler: Fn): void { this.requestHandler = handler; }
  setPermissionCheckHandler(handler: Fn): void { this.checkHandler = handler; }
  setDevicePermissionHandler(handler: Fn): void { this.deviceHandler = handler; }
  setCertificateVerifyProc(proc: Fn): void { this.verifyProc = proc; }
  setSpellCheckerEnabled(enabled: boolean): void { this.spellchecker = enabled; }
}

function configured(): FakeSession {
  const ses = new FakeSession();
  configureAppSession(ses as unknown as Session, { origin: APP_ORIGIN, rendererDir: '/nowhere' });
  return ses;
}

function requestPermission(ses: FakeSession, permission: string, requestingUrl: string, isMainFrame = true): boolean {
  let granted: boolean | null = null;
  (ses.requestHandler as unknown as (...a: unknown[]) => void)({}, permission, (g: boolean) => { granted = g; }, { requestingUrl, isMainFrame });
  if (granted === null) throw new Error('callback not called');
  return granted;
}

describe('configureAppSession', () => {
  it('permission requests: only clipboard write from the app top frame', () => {
    const ses = configured();
    expect(requestPermission(ses, 'clipboard-sanitized-write', 'app://basic-header/index.html')).toBe(true);
    expect(requestPermission(ses, 'clipboard-sanitized-write', 'app://basic-header/index.html', false)).toBe(false);
    expect(requestPermission(ses, 'clipboard-read', 'app://basic-header/index.html')).toBe(false);
    expect(requestPermission(ses, 'media', 'app://basic-header/index.html')).toBe(false);
    expect(requestPermission(ses, 'clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });

  it('permission checks: same rule, using the requesting origin when no URL is given', () => {
    const check = configured().checkHandler as unknown as (...a: unknown[]) => boolean;
    expect(check(null, 'clipboard-sanitized-write', 'app://basic-header', { isMainFrame: true })).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example', { isMainFrame: true })).toBe(false);
    expect(check(null, 'notifications', 'app://basic-header', { isMainFrame: true })).toBe(false);
  });

  it('denies devices, blocks downloads, disables the spellchecker', () => {
    const ses = configured();
    const device = ses.deviceHandler as unknown as (details: unknown) => boolean;
    for (const deviceType of ['hid', 'serial', 'usb', 'bluetooth']) {
      expect(device({ deviceType, origin: 'app://basic-header', device: {} })).toBe(false);
    }
    let prevented = false;
    ses.emit('will-download', { preventDefault: () => { prevented = true; } });
    expect(prevented).toBe(true);
    expect(ses.spellchecker).toBe(false);
  });

  it('registers app:// on this session', () => {
    expect([...configured().protocols.keys()]).toEqual(['app']);
  });

  it('installs no certificate override (only the test build\'s hooks do)', () => {
    expect(configured().verifyProc).toBeNull();
  });

  it('cancels page requests that leave the app, never main\'s own requests', () => {
    const before = configured().beforeRequest as unknown as (d: unknown, cb: (r: { cancel: boolean }) => void) => void;
    const decide = (details: unknown): boolean => {
      let cancel: boolean | null = null;
      before(details, (r) => { cancel = r.cancel; });
      return cancel ?? false;
    };
    expect(decide({ url: 'https://evil.example/x', webContentsId: 1 })).toBe(true);
    expect(decide({ url: 'app://basic-header/assets/a.js', webContentsId: 1 })).toBe(false);
    expect(decide({ url: 'https://dev-123.okta.com/oauth2/default/v1/token' })).toBe(false);
  });
});

describe('isBlockedRendererRequest', () => {
  it.each([
    ['https://evil.example/', true],
    ['http://127.0.0.1:8080/', true],
    ['wss://evil.example/', true],
    ['ws://evil.example/', true],
    ['ws://127.0.0.1:9222/devtools/browser', true],
    ['file:///etc/passwd', true],
    ['app://basic-header/index.html', false],
    ['data:image/png;base64,AAAA', false],
    ['not a url', true],
  ])('%s from a page → blocked %s', (url, blocked) => {
    expect(isBlockedRendererRequest({ url, webContentsId: 3 })).toBe(blocked);
  });
});

const own = 'app://basic-header/index.html';

describe('isPermissionAllowed', () => {
  it('allows clipboard-sanitized-write for the app top frame', () => {
    expect(isPermissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: own, isMainFrame: true }, APP_ORIGIN)).toBe(true);
    // Check handler form: the origin without a path.
    expect(isPermissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: 'app://basic-header', isMainFrame: true }, APP_ORIGIN)).toBe(true);
  });

  it.each([
    'clipboard-read',
    'deprecated-sync-clipboard-read',
    'media',
    'geolocation',
    'notifications',
    'openExternal',
    'fullscreen',
    'display-capture',
    'persistent-storage',
    'storage-access',
    'local-fonts',
    'hid',
    'usb',
    'serial',
    'unknown',
  ])('denies %s even for the app', (permission) => {
    expect(isPermissionAllowed({ permission, requestingUrl: own, isMainFrame: true }, APP_ORIGIN)).toBe(false);
  });

  it.each(['https://evil.example/', 'app://basic-header.evil/', 'app://evil/', 'file:///x', '', 'null'])(
    'denies clipboard write to a foreign origin %j',
    (requestingUrl) => {
      expect(isPermissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl, isMainFrame: true }, APP_ORIGIN)).toBe(false);
    },
  );

  it('denies sub-frames and unknown frames', () => {
    expect(isPermissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: own, isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isPermissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: own, isMainFrame: undefined }, APP_ORIGIN)).toBe(false);
  });
});

describe('createSessionFetch', () => {
  it('pins no cookies, no cache, no redirect-following and no referrer', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const fetchLike = createSessionFetch(async (url, init) => {
      seen.push({ url, init });
      return new Response('{}');
    });
    const signal = new AbortController().signal;
    await fetchLike('https://x.okta.com/oauth2/default/v1/token', { method: 'POST', body: 'grant_type=client_credentials', redirect: 'follow', credentials: 'include', signal });
    expect(seen[0]?.url).toBe('https://x.okta.com/oauth2/default/v1/token');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', body: 'grant_type=client_credentials', credentials: 'omit', cache: 'no-store', redirect: 'manual', referrerPolicy: 'no-referrer', signal });
  });

  it('keeps redirect:"error" (stricter than manual)', () => {
    expect(pinnedInit({ redirect: 'error' }).redirect).toBe('error');
    expect(pinnedInit({}).redirect).toBe('manual');
  });
});
