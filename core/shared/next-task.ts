/**
 * Work that must wait for the current task to end: the renderer's downloads
 * after its first commit, and the token test's masking work while its request
 * is out. Not a timer, so there is no clamp, and a hidden window's timer
 * throttling does not apply. Each returns a cancel: work not yet run when it
 * is called never runs.
 */

/**
 * Runs `run` in a task of its own (a posted message), after everything the
 * current task queued, microtasks included. Where there is no MessageChannel
 * it runs at once.
 */
export function inNextTask(run: () => void): () => void {
  if (typeof MessageChannel !== 'function') {
    run();
    return () => undefined;
  }
  const channel = new MessageChannel();
  let cancelled = false;
  channel.port1.addEventListener(
    'message',
    () => {
      channel.port1.close();
      if (!cancelled) run();
    },
    { once: true },
  );
  // addEventListener, unlike an onmessage handler, needs the port started (in browsers and in Node alike).
  channel.port1.start();
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}

type Immediate = (run: () => void) => unknown;

const setImmediateIfAny: Immediate | undefined = (globalThis as { setImmediate?: Immediate }).setImmediate;

/**
 * How many loop turns Node waits before work that should start once a request
 * is out. undici (the CLI's fetch) writes a request on a reused keep-alive
 * connection from a setImmediate of its own, after it has let the previous
 * answer finish and any bytes pending on the idle socket be read
 * (GHSA-35p6-xmwp-9g52): measured, the write comes in the first turn on a
 * connection idle for a while and in the fourth right after an answer. While
 * the request is out the thread is idle, so the spare turns cost nothing.
 */
const TURNS_UNTIL_SENT = 5;

/**
 * Runs `run` once a fetch started just before has written its request: work
 * done sooner would hold the request back, as the thread is shared. Node and
 * Electron's main process count loop turns (setImmediate; in Node a
 * MessageChannel is a worker port with a native handle, ≈ 20 µs to make, on
 * the token test's bill). Browsers write requests outside this thread, and the
 * next task suffices.
 */
export function afterRequestLeaves(run: () => void): () => void {
  if (typeof setImmediateIfAny !== 'function') return inNextTask(run);
  const immediate = setImmediateIfAny;
  let cancelled = false;
  let left = TURNS_UNTIL_SENT;
  const turn = (): void => {
    if (cancelled) return;
    left -= 1;
    if (left > 0) immediate(turn);
    else run();
  };
  immediate(turn);
  return () => {
    cancelled = true;
  };
}
