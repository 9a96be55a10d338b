import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/web-preferences';
import { isPersistentPartition } from '../../../electron/main/session-config';

describe('secureWebPreferences', () => {
  const packaged = secureWebPreferences('/app/dist/preload/preload.cjs', true);
  const unpackaged = secureWebPreferences('/app/dist/preload/preload.cjs', false);

  it('uses an in-memory partition (no persist: prefix)', () => {
    expect(typeof packaged.partition).toBe('string');
    expect(isPersistentPartition(packaged.partition ?? 'persist:')).toBe(false);
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
