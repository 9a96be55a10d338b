import { EventEmitter } from 'node:events';
import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { configureAppSession, isBlockedRendererRequest } from '../../../electron/main/session-setup';
import { APP_ORIGIN } from '../../../electron/shared/app-origin';
import { createTestCa, issueLeafCert } from '../../support/test-ca';

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

function configured(testCaPem: string | null = null): FakeSession {
  const ses = new FakeSession();
  configureAppSession(ses as unknown as Session, { origin: APP_ORIGIN, rendererDir: '/nowhere', csp: "default-src 'none'", testCaPem });
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
    expect((ses.deviceHandler as unknown as () => boolean)()).toBe(false);
    let prevented = false;
    ses.emit('will-download', { preventDefault: () => { prevented = true; } });
    expect(prevented).toBe(true);
    expect(ses.spellchecker).toBe(false);
  });

  it('registers app:// on this session', () => {
    expect([...configured().protocols.keys()]).toEqual(['app']);
  });

  it('installs no certificate override unless a test CA is given', () => {
    expect(configured().verifyProc).toBeNull();
  });

  it('with a test CA: accepts its loopback certificate, defers to Chromium otherwise', async () => {
    const ca = await createTestCa();
    const leaf = await issueLeafCert(ca);
    const other = await issueLeafCert(await createTestCa('someone else'));
    const ses = configured(ca.cert);
    const verify = (hostname: string, pem: string): number => {
      let result: number | null = null;
      (ses.verifyProc as unknown as (...a: unknown[]) => void)({ hostname, certificate: { data: pem } }, (r: number) => { result = r; });
      return result ?? Number.NaN;
    };
    expect(verify('127.0.0.1', leaf.cert)).toBe(0);
    expect(verify('127.0.0.1', other.cert)).toBe(-3);
    expect(verify('dev-123.okta.com', leaf.cert)).toBe(-3);
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
    ['file:///etc/passwd', true],
    ['app://basic-header/index.html', false],
    ['data:image/png;base64,AAAA', false],
    ['not a url', true],
  ])('%s from a page → blocked %s', (url, blocked) => {
    expect(isBlockedRendererRequest({ url, webContentsId: 3 })).toBe(blocked);
  });
});
