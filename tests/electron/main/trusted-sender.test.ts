import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/trusted-sender';
import { APP_ORIGIN } from '../../../electron/shared/app-origin';
import type { SenderInfo } from '../../../electron/main/handler-types';

const TRUSTED_ID = 7;
const isTrusted = (id: number): boolean => id === TRUSTED_ID;
const good: SenderInfo = { webContentsId: TRUSTED_ID, frameUrl: 'app://basic-header/index.html', isMainFrame: true };

describe('isTrustedSender', () => {
  it('trusts the app window top frame on the app origin', () => {
    expect(isTrustedSender(good, isTrusted, APP_ORIGIN)).toBe(true);
    expect(isTrustedSender({ ...good, frameUrl: 'app://basic-header/' }, isTrusted, APP_ORIGIN)).toBe(true);
  });

  it('refuses another webContents', () => {
    expect(isTrustedSender({ ...good, webContentsId: 8 }, isTrusted, APP_ORIGIN)).toBe(false);
  });

  it('refuses a sub-frame, even on the app origin', () => {
    expect(isTrustedSender({ ...good, isMainFrame: false }, isTrusted, APP_ORIGIN)).toBe(false);
  });

  it('refuses a null (destroyed) frame', () => {
    expect(isTrustedSender({ ...good, frameUrl: null }, isTrusted, APP_ORIGIN)).toBe(false);
  });

  it.each([
    'https://evil.example/index.html',
    'file:///etc/passwd',
    'app://basic-header.evil/index.html',
    'app://evil/index.html',
    'app://basic-header:444/index.html',
    'apps://basic-header/index.html',
    'about:blank',
    'data:text/html,hi',
    'not a url',
    '',
  ])('refuses a frame at %j', (frameUrl) => {
    expect(isTrustedSender({ ...good, frameUrl }, isTrusted, APP_ORIGIN)).toBe(false);
  });

  it('compares protocol and host because custom-scheme origins are "null"', () => {
    // The trap this check avoids: comparing `origin` strings would equate every custom scheme.
    expect(new URL('app://basic-header/x').origin).toBe(new URL('app://evil/x').origin);
    expect(isTrustedSender({ ...good, frameUrl: 'app://evil/x' }, isTrusted, APP_ORIGIN)).toBe(false);
  });

  it('works for the Chromium suite origin (http loopback)', () => {
    const origin = { protocol: 'http:', host: '127.0.0.1:5173' };
    expect(isTrustedSender({ ...good, frameUrl: 'http://127.0.0.1:5173/index.html' }, isTrusted, origin)).toBe(true);
    expect(isTrustedSender({ ...good, frameUrl: 'http://127.0.0.1:5174/index.html' }, isTrusted, origin)).toBe(false);
  });
});
