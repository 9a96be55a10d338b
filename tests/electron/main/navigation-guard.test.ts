import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { attachNavigationGuards, guardNavigation } from '../../../electron/main/navigation-guard';
import { APP_ORIGIN } from '../../../electron/shared/app-origin';

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

function fire(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { url, preventDefault: () => { prevented = true; } }, url);
  return prevented;
}

describe('guardNavigation', () => {
  it('prevents off-origin navigation and lets in-app navigation through', () => {
    let prevented = 0;
    const event = (url: string) => ({ url, preventDefault: () => { prevented += 1; } });
    guardNavigation(event('app://basic-header/index.html'), APP_ORIGIN);
    expect(prevented).toBe(0);
    guardNavigation(event('https://evil.example/'), APP_ORIGIN);
    expect(prevented).toBe(1);
  });
});

describe('attachNavigationGuards', () => {
  const contents = new FakeContents();
  attachNavigationGuards(contents as unknown as WebContents, APP_ORIGIN);

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks foreign URLs, allows the app', (event) => {
    expect(fire(contents, event, 'https://evil.example/phish')).toBe(true);
    expect(fire(contents, event, 'app://basic-header.evil/')).toBe(true);
    expect(fire(contents, event, 'app://basic-header/index.html')).toBe(false);
  });

  it('always prevents will-attach-webview', () => {
    expect(fire(contents, 'will-attach-webview', 'app://basic-header/index.html')).toBe(true);
  });

  it('denies every window.open', () => {
    expect(contents.windowOpenHandler).not.toBeNull();
    // Whatever is asked for, even the app's own page, the answer is deny.
    expect(contents.windowOpenHandler?.({ url: 'app://basic-header/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
