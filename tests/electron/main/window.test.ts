import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND, secureWebPreferences, WINDOW_TITLE, windowOptions } from '../../../electron/main/window';

describe('secureWebPreferences', () => {
  const packaged = secureWebPreferences('/app/dist/preload/preload.cjs', true);
  const unpackaged = secureWebPreferences('/app/dist/preload/preload.cjs', false);

  it('uses an in-memory partition (no persist: prefix)', () => {
    expect(typeof packaged.partition).toBe('string');
    expect(packaged.partition).not.toMatch(/^persist:/);
    expect(packaged.session).toBeUndefined();
  });

  it('pins every checklist flag explicitly', () => {
    expect(packaged).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      v8CacheOptions: 'none',
      plugins: false,
      navigateOnDragDrop: false,
    });
    expect(packaged.enableBlinkFeatures).toBeUndefined();
    expect(packaged.additionalArguments).toBeUndefined();
  });

  it('allows DevTools only in unpackaged builds', () => {
    expect(packaged.devTools).toBe(false);
    expect(unpackaged.devTools).toBe(true);
  });

  it('differs between packaged and unpackaged only in devTools', () => {
    expect({ ...unpackaged, devTools: false }).toEqual(packaged);
  });
});

describe('windowOptions', () => {
  const light = windowOptions({ preloadPath: '/p.cjs', isPackaged: true, darkMode: false });
  const dark = windowOptions({ preloadPath: '/p.cjs', isPackaged: true, darkMode: true });

  it('stays hidden until ready-to-show', () => {
    expect(light.show).toBe(false);
  });

  it('has a sensible default and minimum size', () => {
    expect(light.width).toBeGreaterThanOrEqual(800);
    expect(light.height).toBeGreaterThanOrEqual(600);
    expect(light.minWidth).toBeGreaterThanOrEqual(480);
    expect(light.minHeight).toBeGreaterThanOrEqual(400);
    expect(light.minWidth).toBeLessThan(light.width ?? 0);
    expect(light.minHeight).toBeLessThan(light.height ?? 0);
  });

  it('has a title that says what the app is', () => {
    expect(light.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toMatch(/Basic Header/);
    expect(WINDOW_TITLE).toMatch(/Okta/);
  });

  it('paints the background of the OS theme', () => {
    expect(light.backgroundColor).toBe(BACKGROUND.light);
    expect(dark.backgroundColor).toBe(BACKGROUND.dark);
  });

  it('the background colours are the renderer\'s --bg, light then dark', () => {
    // Wherever the renderer defines its tokens: every stylesheet under renderer/.
    const css = readdirSync('renderer', { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.css'))
      .sort()
      .map((file) => readFileSync(path.join('renderer', file), 'utf8'))
      .join('\n');
    const values = [...css.matchAll(/--bg:\s*(#[0-9a-fA-F]{3,8})/g)].map((m) => m[1]?.toLowerCase());
    expect(values.slice(0, 2)).toEqual([BACKGROUND.light, BACKGROUND.dark]);
  });

  it('remembers nothing: no position or state restored from anywhere', () => {
    expect(light.x).toBeUndefined();
    expect(light.y).toBeUndefined();
  });

  it('carries the secure webPreferences', () => {
    expect(light.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/p.cjs', devTools: false });
  });
});
