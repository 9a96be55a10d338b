import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aboutText, LICENCE } from '../../../electron/main/about';

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
