/** The stand-in preload matches the real one's surface: exactly BRIDGE_KEYS on window.basicHeader, frozen. */
import { BRIDGE_KEYS, BRIDGE_NAME } from '../../electron/shared/ipc-contract';
import { expect, test } from '../support/renderer-harness';

test('window.basicHeader exposes exactly the allow-listed functions and cannot be changed', async ({ app: { page } }) => {
  const surface = await page.evaluate(`(() => {
    const api = window[${JSON.stringify(BRIDGE_NAME)}];
    return {
      keys: Object.keys(api),
      types: Object.values(api).map((v) => typeof v),
      frozen: Object.isFrozen(api),
      replaceable: (() => { try { window[${JSON.stringify(BRIDGE_NAME)}] = {}; } catch { /* strict */ } return window[${JSON.stringify(BRIDGE_NAME)}] !== api; })(),
    };
  })()`);
  expect(surface).toEqual({ keys: [...BRIDGE_KEYS], types: BRIDGE_KEYS.map(() => 'function'), frozen: true, replaceable: false });
});

