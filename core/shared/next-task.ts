/**
 * Runs `run` in a task of its own, after everything the current task queued
 * (microtasks, a fetch's writes): a posted message, not a timer, so there is no
 * clamp and a hidden window's timer throttling does not apply. Where there is
 * no MessageChannel it runs at once. Returns a cancel; a message already queued
 * when it is called does not run the work either.
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
