/** The preload source, run against a fake `electron` module. */
import { describe, it, vi } from 'vitest';
import type { createFakeElectron } from '../../support/electron/fake-preload-electron';
import { assertCommandsDropTheEvent, assertExactKeys, assertInvokes, exposedApi } from './bridge-assertions';

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof createFakeElectron> | null }));

vi.mock('electron', async () => {
  const { createFakeElectron: make } = await import('../../support/electron/fake-preload-electron');
  fake.current = make();
  return { contextBridge: fake.current.contextBridge, ipcRenderer: fake.current.ipcRenderer };
});

await import('../../../electron/preload/preload');

function electron(): ReturnType<typeof createFakeElectron> {
  if (fake.current === null) throw new Error('electron was never imported');
  return fake.current;
}

describe('preload (source)', () => {
  it('exposes exactly BRIDGE_KEYS under BRIDGE_NAME', () => {
    assertExactKeys(exposedApi(electron()));
  });

  it('each operation invokes its own channel with the request only', async () => {
    await assertInvokes(exposedApi(electron()), electron());
  });

  it('onCommand passes known commands only, never the IPC event, and unsubscribes', () => {
    assertCommandsDropTheEvent(exposedApi(electron()), electron());
  });
});
