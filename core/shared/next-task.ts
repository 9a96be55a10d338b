/**
 * Runs `run` in a task of its own, after everything the current task queued
 * (microtasks, a fetch's writes): not a timer, so there is no clamp and a
 * hidden window's timer throttling does not apply. Node and Electron's main
 * process have setImmediate, which is that; browsers get a posted message (in
 * Node a MessageChannel is a worker port with a native handle, ≈ 20 µs to
 * make, on the token test's bill). With neither it runs at once. Returns a
 * cancel; work already queued when it is called does not run either.
 */
type Immediate = (run: () => void) => unknown;

const setImmediateIfAny: Immediate | undefined = (globalThis as { setImmediate?: Immediate }).setImmediate;

export function inNextTask(run: () => void): () => void {
  let cancelled = false;
  if (typeof setImmediateIfAny === 'function') {
    setImmediateIfAny(() => {
      if (!cancelled) run();
    });
    return () => {
      cancelled = true;
    };
  }
  if (typeof MessageChannel !== 'function') {
    run();
    return () => undefined;
  }
  const channel = new MessageChannel();
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
