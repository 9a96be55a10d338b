import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_START_URL, isAppOrigin } from '../../../electron/shared/app-origin';

describe('isAppOrigin', () => {
  it('accepts pages of the app origin, with or without a path', () => {
    expect(isAppOrigin(APP_START_URL)).toBe(true);
    expect(isAppOrigin('app://basic-header/index.html#help')).toBe(true);
    expect(isAppOrigin('app://basic-header')).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1/',
    'file:///etc/passwd',
    'app://basic-header.evil/',
    'app://evil/',
    'app://basic-header:444/index.html',
    'apps://basic-header/index.html',
    'javascript:alert(1)',
    'data:text/html,x',
    'about:blank',
    'null',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(isAppOrigin(url)).toBe(false);
  });

  it('compares protocol and host because custom-scheme origins are "null"', () => {
    // The trap this check avoids: comparing `origin` strings would equate every custom scheme.
    expect(new URL('app://basic-header/x').origin).toBe(new URL('app://evil/x').origin);
    expect(isAppOrigin('app://evil/x', APP_ORIGIN)).toBe(false);
  });

  it('works for another origin (the Chromium suite serves the app over loopback HTTP)', () => {
    const origin = { protocol: 'http:', host: '127.0.0.1:5173' };
    expect(isAppOrigin('http://127.0.0.1:5173/index.html', origin)).toBe(true);
    expect(isAppOrigin('http://127.0.0.1:5174/index.html', origin)).toBe(false);
    expect(isAppOrigin(APP_START_URL, origin)).toBe(false);
  });
});
