/**
 * inNextTask: the token test prepares its report's masking there while its
 * request is out, and the renderer starts its downloads there after the first
 * commit. Both need the work to run after the current task (its microtasks and
 * a fetch's writes), exactly once, and never after a cancel. Node and
 * Electron's main process take setImmediate; a browser takes a posted message.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

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
