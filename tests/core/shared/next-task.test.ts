/**
 * inNextTask: the token test prepares its report's masking there while its
 * request is out, and the renderer starts its downloads there after the first
 * commit. Both need the work to run after the current task (its microtasks and
 * a fetch's writes), exactly once, and never after a cancel. Node and
 * Electron's main process take setImmediate; a browser takes a posted message.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNodeFetch } from '../../../cli/node-fetch';
import { afterRequestLeaves } from '../../../core/shared/next-task';
import { startAuthServer } from '../../support/auth-server';

type InNextTask = (run: () => void) => () => void;

/** A fresh copy of the module, loaded with setImmediate present (Node) or hidden (as in a browser). */
async function load(withSetImmediate: boolean): Promise<InNextTask> {
  vi.resetModules();
  if (!withSetImmediate) vi.stubGlobal('setImmediate', undefined);
  const module = await import('../../../core/shared/next-task');
  return module.inNextTask;
}

/** Resolves after a macrotask that was queued after everything the caller queued so far. */
const laterTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe.each([
  ['setImmediate (Node, Electron main)', true],
  ['a posted message (browsers)', false],
])('inNextTask through %s', (_, withSetImmediate) => {
  it('runs once, after the current task and its microtasks', async () => {
    const inNextTask = await load(withSetImmediate);
    const order: string[] = [];
    inNextTask(() => order.push('task'));
    void Promise.resolve().then(() => order.push('microtask'));
    order.push('sync');
    expect(order).toEqual(['sync']);
    await laterTask();
    expect(order).toEqual(['sync', 'microtask', 'task']);
  });

  it('does not run the work once cancelled, even when already queued', async () => {
    const inNextTask = await load(withSetImmediate);
    const run = vi.fn();
    const cancel = inNextTask(run);
    cancel();
    cancel();
    await laterTask();
    expect(run).not.toHaveBeenCalled();
  });

  it('keeps separate calls apart: cancelling one leaves the other', async () => {
    const inNextTask = await load(withSetImmediate);
    const first = vi.fn();
    const second = vi.fn();
    const cancelFirst = inNextTask(first);
    inNextTask(second);
    cancelFirst();
    await laterTask();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});

describe('inNextTask, where Node has setImmediate', () => {
  it('makes no MessageChannel (a worker port in Node, ≈ 20 µs each)', async () => {
    const made = vi.fn();
    const Real = MessageChannel;
    vi.stubGlobal('MessageChannel', class extends Real {
      constructor() {
        super();
        made();
      }
    });
    const inNextTask = await load(true);
    const run = vi.fn();
    inNextTask(run);
    await laterTask();
    expect(run).toHaveBeenCalledTimes(1);
    expect(made).not.toHaveBeenCalled();
  });
});

describe('inNextTask with neither setImmediate nor MessageChannel', () => {
  it('runs the work at once', async () => {
    vi.stubGlobal('MessageChannel', undefined);
    const inNextTask = await load(false);
    const run = vi.fn();
    inNextTask(run);
    expect(run).toHaveBeenCalledTimes(1);
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
  it('runs once, later than inNextTask, and never after a cancel', async () => {
    const order: string[] = [];
    const { inNextTask } = await import('../../../core/shared/next-task');
    afterRequestLeaves(() => order.push('after the request'));
    inNextTask(() => order.push('next task'));
    const cancel = afterRequestLeaves(() => order.push('cancelled'));
    setImmediate(() => cancel());
    // Loop turns, not a timer: a loaded machine can let any timer expire first.
    await new Promise<void>((resolve) => {
      const turn = (left: number): void => void (left === 0 ? resolve() : setImmediate(() => turn(left - 1)));
      turn(10);
    });
    expect(order).toEqual(['next task', 'after the request']);
  });
});
