/**
 * The Chromium suite's window.basicHeader IS the real preload (the built bundle
 * run in the page): its surface must equal what the same bundle exposes through
 * contextBridge.exposeInMainWorld against the recording fake of Electron, and it
 * must behave as the preload does (not as a stand-in built from BRIDGE_KEYS).
 */
import { readFileSync } from 'node:fs';
import { BRIDGE_NAME } from '../../electron/shared/ipc-contract';
import { PRELOAD_BUNDLE } from '../support/browser/preload-in-page';
import { createFakeElectron, runPreloadBundle } from '../support/electron/fake-preload-electron';
import { expect, test } from '../support/renderer-harness';

function exposedByThePreload(): { names: string[]; keys: string[]; types: string[] } {
  const fake = createFakeElectron();
  runPreloadBundle(readFileSync(PRELOAD_BUNDLE, 'utf8'), fake);
  const api = fake.exposed.get(BRIDGE_NAME) as Record<string, unknown>;
  return { names: [...fake.exposed.keys()], keys: Object.keys(api), types: Object.values(api).map((v) => typeof v) };
}

test('window.basicHeader is exactly what the real preload exposes, and cannot be changed', async ({ app: { page } }) => {
  const expected = exposedByThePreload();
  expect(expected.names).toEqual([BRIDGE_NAME]);
  const surface = await page.evaluate((name) => {
    const api = Reflect.get(window, name) as Record<string, unknown>;
    Reflect.set(window, name, {});
    return { keys: Object.keys(api), types: Object.values(api).map((v) => typeof v), frozen: Object.isFrozen(api), replaced: Reflect.get(window, name) !== api };
  }, BRIDGE_NAME);
  expect(surface).toEqual({ keys: expected.keys, types: expected.types, frozen: true, replaced: false });
});

test('it behaves as the preload: onCommand refuses a non-function and hands listeners the command only', async ({ app }) => {
  const refused = await app.page.evaluate((name) => {
    const api = Reflect.get(window, name) as { onCommand(listener: unknown): unknown };
    try {
      api.onCommand('not a function');
      return null;
    } catch (error) {
      return String(error);
    }
  }, BRIDGE_NAME);
  expect(refused).toMatch(/onCommand needs a function/);
  await app.page.evaluate((name) => {
    const api = Reflect.get(window, name) as { onCommand(listener: (...args: unknown[]) => void): unknown };
    api.onCommand((...args) => Reflect.set(window, '__heard', args));
  }, BRIDGE_NAME);
  await app.command('show-shortcuts');
  expect(await app.page.evaluate(() => Reflect.get(window, '__heard'))).toEqual(['show-shortcuts']);
});
