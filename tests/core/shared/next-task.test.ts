/**
 * inNextTask (the renderer's downloads after its first commit) and
 * afterRequestLeaves (the token test's masking work while its request is out)
 * must run the work after the current task and its microtasks, exactly once,
 * and never after a cancel; afterRequestLeaves also only once the request has
 * been written. Node and Electron's main process count loop turns
 * (setImmediate); a browser takes a posted message.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNodeFetch } from '../../../cli/node-fetch';
import { afterRequestLeaves } from '../../../core/shared/next-task';
import type * as NextTask from '../../../core/shared/next-task';
import { startAuthServer } from '../../support/auth-server';

type Schedule = (run: () => void) => () => void;

/** A fresh copy of the module, loaded with setImmediate present (Node) or hidden (as in a browser). */
async function load(withSetImmediate: boolean): Promise<typeof NextTask> {
  vi.resetModules();
  if (!withSetImmediate) vi.stubGlobal('setImmediate', undefined);
  return import('../../../core/shared/next-task');
}

/** Resolves after a macrotask that was queued after everything the caller queued so far. */
const laterTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe.each([
  ['inNextTask (a posted message)', true, 'inNextTask'],
  ['afterRequestLeaves in Node (loop turns)', true, 'afterRequestLeaves'],
  ['afterRequestLeaves in a browser (a posted message)', false, 'afterRequestLeaves'],
] as const)('%s', (_, withSetImmediate, name) => {
  const scheduler = async (): Promise<Schedule> => (await load(withSetImmediate))[name];

  it('runs once, after the current task and its microtasks', async () => {
    const schedule = await scheduler();
    const order: string[] = [];
    schedule(() => order.push('task'));
    void Promise.resolve().then(() => order.push('microtask'));
    order.push('sync');
    expect(order).toEqual(['sync']);
    await laterTask();
    expect(order).toEqual(['sync', 'microtask', 'task']);
  });

  it('does not run the work once cancelled, even when already queued', async () => {
    const schedule = await scheduler();
    const run = vi.fn();
    const cancel = schedule(run);
    cancel();
    cancel();
    await laterTask();
    expect(run).not.toHaveBeenCalled();
  });

  it('keeps separate calls apart: cancelling one leaves the other', async () => {
    const schedule = await scheduler();
    const first = vi.fn();
    const second = vi.fn();
    const cancelFirst = schedule(first);
    schedule(second);
    cancelFirst();
    await laterTask();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});

describe('afterRequestLeaves, where Node has setImmediate', () => {
  it('makes no MessageChannel (a worker port in Node, ≈ 20 µs each)', async () => {
    const made = vi.fn();
    const Real = MessageChannel;
    vi.stubGlobal('MessageChannel', class extends Real {
      constructor() {
        super();
        made();
      }
    });
    const { afterRequestLeaves: schedule } = await load(true);
    const run = vi.fn();
    schedule(run);
    await laterTask();
    expect(run).toHaveBeenCalledTimes(1);
    expect(made).not.toHaveBeenCalled();
  });
});

describe('with neither setImmediate nor MessageChannel', () => {
  it('runs the work at once', async () => {
    vi.stubGlobal('MessageChannel', undefined);
    const { inNextTask, afterRequestLeaves: schedule } = await load(false);
    const run = vi.fn();
    inNextTask(run);
    schedule(run);
    expect(run).toHaveBeenCalledTimes(2);
  });
});

/**
 * What the token test relies on: its masking work, queued by afterRequestLeaves
 * right after fetch(), runs once the request has left, so it overlaps the
 * server's time instead of delaying the request. Measured with the CLI's real
 * fetch (undici) and a real server over HTTPS, on a reused connection right
 * after an answer (as the token POST follows discovery) and after a pause;
 * undici reports each request it writes on a diagnostics channel.
 */
describe('afterRequestLeaves, after a fetch through the CLI\'s undici dispatcher', () => {
  it('runs after the request is written: on the first reuse of a connection, later ones, and after a pause', async () => {
    const server = await startAuthServer();
    let written = 0;
    const onWrite = (): void => {
      written += 1;
    };
    subscribe('undici:client:sendHeaders', onWrite);
    const fetches: { close(): Promise<void> }[] = [];
    /** A new dispatcher with one connection opened (an answer read in full), as discovery leaves it before the token POST. */
    const connected = async (): Promise<() => Promise<Response>> => {
      const node = createNodeFetch([server.ca]);
      fetches.push(node);
      const get = (): Promise<Response> => node.fetch(server.jwksUri, { method: 'GET', headers: { Accept: 'application/json' } });
      await (await get()).text();
      return get;
    };
    /** How many requests had been written when `schedule` ran its work, for one GET started just before it. */
    const writtenWhenRun = async (get: () => Promise<Response>, schedule: (run: () => void) => void): Promise<number> => {
      const before = written;
      const response = get();
      const seen = await new Promise<number>((resolve) => schedule(() => resolve(written - before)));
      await (await response).text();
      return seen;
    };
    try {
      // Control: one loop turn (what this was) runs before undici writes on a connection's first reuse.
      expect(await writtenWhenRun(await connected(), (run) => void setImmediate(run))).toBe(0);
      const get = await connected();
      expect(await writtenWhenRun(get, (run) => void afterRequestLeaves(run))).toBe(1);
      expect(await writtenWhenRun(get, (run) => void afterRequestLeaves(run))).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await writtenWhenRun(get, (run) => void afterRequestLeaves(run))).toBe(1);
    } finally {
      unsubscribe('undici:client:sendHeaders', onWrite);
      await Promise.all(fetches.map((f) => f.close()));
      await server.close();
    }
  });
});

describe('afterRequestLeaves', () => {
  it('runs once, later than one loop turn, and never after a cancel', async () => {
    const order: string[] = [];
    afterRequestLeaves(() => order.push('after the request'));
    setImmediate(() => order.push('one turn'));
    const cancel = afterRequestLeaves(() => order.push('cancelled'));
    setImmediate(() => cancel());
    // Loop turns, not a timer: a loaded machine can let any timer expire first.
    await new Promise<void>((resolve) => {
      const turn = (left: number): void => void (left === 0 ? resolve() : setImmediate(() => turn(left - 1)));
      turn(10);
    });
    expect(order).toEqual(['one turn', 'after the request']);
  });
});
