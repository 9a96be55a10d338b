/**
 * A stand-in for the two Electron objects the preload uses, recording what the
 * preload does with them: what it exposes, what it invokes, what it listens to.
 */
import { EventEmitter } from 'node:events';
import vm from 'node:vm';

export interface FakeElectron {
  readonly exposed: Map<string, unknown>;
  readonly invocations: { channel: string; args: unknown[] }[];
  readonly emitter: EventEmitter;
  readonly contextBridge: { exposeInMainWorld(name: string, api: unknown): void };
  readonly ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (...args: unknown[]) => void): unknown;
    removeListener(channel: string, listener: (...args: unknown[]) => void): unknown;
  };
}

export function createFakeElectron(): FakeElectron {
  const exposed = new Map<string, unknown>();
  const invocations: { channel: string; args: unknown[] }[] = [];
  const emitter = new EventEmitter();
  return {
    exposed,
    invocations,
    emitter,
    contextBridge: {
      exposeInMainWorld(name, api) {
        exposed.set(name, api);
      },
    },
    ipcRenderer: {
      async invoke(channel, ...args) {
        invocations.push({ channel, args });
        return { ok: true, value: { echoed: channel } };
      },
      on(channel, listener) {
        emitter.on(channel, listener);
        return this;
      },
      removeListener(channel, listener) {
        emitter.removeListener(channel, listener);
        return this;
      },
    },
  };
}

/**
 * Runs a preload bundle as a sandboxed preload runs: CommonJS, in its own realm,
 * with a `require` that knows only 'electron' (answered by `fake`). Returns the
 * module ids the bundle asked for.
 */
export function runPreloadBundle(code: string, fake: FakeElectron): string[] {
  const requested: string[] = [];
  const require = (id: string): unknown => {
    requested.push(id);
    if (id === 'electron') return { contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer };
    throw new Error(`a sandboxed preload cannot require ${id}`);
  };
  const module = { exports: {} };
  const wrapped = vm.runInNewContext(`(function (exports, require, module) {${code}\n})`, {}) as (e: unknown, r: unknown, m: unknown) => void;
  wrapped(module.exports, require, module);
  return requested;
}
