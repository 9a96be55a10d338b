import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTrustedWebContents, isTrustedSender, senderInfoFrom, type SenderInfo } from '../../../electron/main/sender-trust';
import { APP_ORIGIN } from '../../../electron/shared/app-origin';

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

  it.each(['https://evil.example/index.html', 'app://basic-header.evil/index.html', 'app://evil/index.html', 'not a url', ''])(
    'refuses a frame at %j (the look-alike host included)',
    (frameUrl) => {
      expect(isTrustedSender({ ...good, frameUrl }, isTrusted, APP_ORIGIN)).toBe(false);
    },
  );
});

describe('senderInfoFrom', () => {
  it('top frame: URL and isMainFrame', () => {
    expect(senderInfoFrom({ sender: { id: 4 }, senderFrame: { url: 'app://basic-header/index.html', parent: null } })).toEqual({
      webContentsId: 4,
      frameUrl: 'app://basic-header/index.html',
      isMainFrame: true,
    });
  });

  it('sub-frame: not the main frame', () => {
    expect(senderInfoFrom({ sender: { id: 4 }, senderFrame: { url: 'app://basic-header/x.html', parent: {} } }).isMainFrame).toBe(false);
  });

  it('null frame → no URL', () => {
    expect(senderInfoFrom({ sender: { id: 4 }, senderFrame: null })).toEqual({ webContentsId: 4, frameUrl: null, isMainFrame: false });
  });

  it('a destroyed frame that throws on access → no URL, no exception', () => {
    const event = {
      sender: { id: 4 },
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(senderInfoFrom(event)).toEqual({ webContentsId: 4, frameUrl: null, isMainFrame: false });
  });
});

describe('createTrustedWebContents', () => {
  it('trusts only registered ids, and forgets them when the webContents is destroyed', () => {
    const set = createTrustedWebContents();
    const contents = Object.assign(new EventEmitter(), { id: 5 });
    expect(set.has(5)).toBe(false);
    set.trust(contents);
    expect(set.has(5)).toBe(true);
    expect(set.has(6)).toBe(false);
    contents.emit('destroyed');
    expect(set.has(5)).toBe(false);
  });
});
