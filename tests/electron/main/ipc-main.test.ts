/** The ipcMain wrapper against a fake ipcMain: every channel registered, events turned into SenderInfo. */
import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../electron/main/ipc-handlers';
import type { SenderInfo } from '../../../electron/main/sender-trust';
import { COMMAND_CHANNEL, INVOKE_CHANNELS } from '../../../electron/shared/ipc-contract';

const registry = vi.hoisted(() => new Map<string, (event: unknown, ...args: unknown[]) => unknown>());

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => {
      if (registry.has(channel)) throw new Error(`second handler for ${channel}`);
      registry.set(channel, listener);
    },
    removeHandler: (channel: string) => registry.delete(channel),
  },
}));

const { registerIpcHandlers, sendCommand } = await import('../../../electron/main/ipc-main');

function recordingHandlers(): { handlers: Handlers; calls: { operation: string; sender: SenderInfo; payload: unknown }[] } {
  const calls: { operation: string; sender: SenderInfo; payload: unknown }[] = [];
  const make = (operation: string) => async (sender: SenderInfo, payload: unknown) => {
    calls.push({ operation, sender, payload });
    return { ok: true as const, value: operation };
  };
  const handlers = {
    copyText: make('copyText'),
    forget: make('forget'),
    testCredentials: make('testCredentials'),
    cancelTest: make('cancelTest'),
    dispose: async () => undefined,
  } as unknown as Handlers;
  return { handlers, calls };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels and removes them again', () => {
    const { handlers } = recordingHandlers();
    const unregister = registerIpcHandlers(handlers);
    expect([...registry.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    unregister();
    expect(registry.size).toBe(0);
  });

  it('passes SenderInfo from the event and only the first argument as payload', async () => {
    const { handlers, calls } = recordingHandlers();
    const unregister = registerIpcHandlers(handlers);
    const event = { sender: { id: 9 }, senderFrame: { url: 'app://basic-header/index.html', parent: null } };
    const result = await registry.get(INVOKE_CHANNELS.copyText)?.(event, { text: 'x', purpose: 'header' }, 'smuggled');
    expect(result).toEqual({ ok: true, value: 'copyText' });
    expect(calls).toEqual([
      { operation: 'copyText', sender: { webContentsId: 9, frameUrl: 'app://basic-header/index.html', isMainFrame: true }, payload: { text: 'x', purpose: 'header' } },
    ]);
    await registry.get(INVOKE_CHANNELS.forget)?.({ sender: { id: 9 }, senderFrame: null }, { reason: 'user' });
    expect(calls[1]?.sender).toEqual({ webContentsId: 9, frameUrl: null, isMainFrame: false });
    unregister();
  });
});

describe('sendCommand', () => {
  it('sends on the command channel, and not to a destroyed webContents', () => {
    const sent: unknown[][] = [];
    const live = { isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) };
    const dead = { isDestroyed: () => true, send: (...args: unknown[]) => sent.push(args) };
    sendCommand(live as never, 'show-shortcuts');
    sendCommand(dead as never, 'copy-header');
    expect(sent).toEqual([[COMMAND_CHANNEL, 'show-shortcuts']]);
  });
});
