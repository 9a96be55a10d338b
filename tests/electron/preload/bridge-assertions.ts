/**
 * The behaviour both preload tests (source under vi.mock, and the real bundle)
 * must show: exactly BRIDGE_KEYS, one channel per operation, and command
 * listeners that receive the command only, never the IPC event.
 */
import { expect } from 'vitest';
import { APP_COMMANDS, BRIDGE_KEYS, BRIDGE_NAME, COMMAND_CHANNEL, INVOKE_CHANNELS, type BasicHeaderApi, type InvokeOperation } from '../../../electron/shared/ipc-contract';
import type { FakeElectron } from '../../support/electron/fake-preload-electron';

export function exposedApi(fake: FakeElectron): BasicHeaderApi {
  expect([...fake.exposed.keys()]).toEqual([BRIDGE_NAME]);
  return fake.exposed.get(BRIDGE_NAME) as BasicHeaderApi;
}

export function assertExactKeys(api: BasicHeaderApi): void {
  expect(Object.keys(api)).toEqual([...BRIDGE_KEYS]);
  for (const key of BRIDGE_KEYS) expect(typeof api[key]).toBe('function');
}

export async function assertInvokes(api: BasicHeaderApi, fake: FakeElectron): Promise<void> {
  const requests: Record<InvokeOperation, unknown> = {
    copyText: { text: 'x', purpose: 'header' },
    forget: { reason: 'user' },
    testCredentials: { requestId: 'r' },
    cancelTest: { requestId: 'r' },
    chooseKeyFile: { kid: null },
    importKeyText: { text: 'k', kid: null },
    generateKey: { alg: 'ES256' },
    copyPrivateKey: { slotId: 's', form: 'private-jwk' },
  };
  for (const operation of Object.keys(INVOKE_CHANNELS) as InvokeOperation[]) {
    fake.invocations.length = 0;
    const call = api[operation] as (request: unknown) => Promise<unknown>;
    expect(await call(requests[operation])).toEqual({ ok: true, value: { echoed: INVOKE_CHANNELS[operation] } });
    expect(fake.invocations).toEqual([{ channel: INVOKE_CHANNELS[operation], args: [requests[operation]] }]);
  }
}

export function assertCommandsDropTheEvent(api: BasicHeaderApi, fake: FakeElectron): void {
  const received: unknown[][] = [];
  const unsubscribe = api.onCommand((...args: unknown[]) => {
    received.push(args);
  });
  const ipcEvent = { sender: { send: () => undefined }, senderId: 0, ports: [] };
  for (const command of APP_COMMANDS) fake.emitter.emit(COMMAND_CHANNEL, ipcEvent, command);
  fake.emitter.emit(COMMAND_CHANNEL, ipcEvent, 'open-devtools');
  fake.emitter.emit(COMMAND_CHANNEL, ipcEvent, { command: 'copy-header' });
  // Exactly one argument per call, the command: the event object never reaches the page.
  expect(received).toEqual(APP_COMMANDS.map((command) => [command]));
  unsubscribe();
  fake.emitter.emit(COMMAND_CHANNEL, ipcEvent, 'copy-header');
  expect(received).toHaveLength(APP_COMMANDS.length);
  expect(fake.emitter.listenerCount(COMMAND_CHANNEL)).toBe(0);
  // Matched by message: the bundle test runs in another realm, with its own TypeError.
  expect(() => api.onCommand('not a function' as unknown as () => void)).toThrow(/needs a function/);
}
