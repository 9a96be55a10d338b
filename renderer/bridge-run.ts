/**
 * Starts one run of hooks/use-token-test.ts's useBridgeRun: a fresh request id,
 * the call through the bridge, its answer as the run's state. In the form logic
 * chunk; the hook keeps the state, cancel and cleanup.
 */
import type { Result } from '../core/shared/result';
import { NO_BRIDGE_MESSAGE, type Bridge } from './bridge';
import type { RunState } from './hooks/use-token-test';

/** A fresh id per test run, so a late result or a cancel never applies to a newer run. */
function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function startBridgeRun<Req extends { readonly scopes: readonly string[] }, T>(
  bridge: Bridge | null,
  invoke: (bridge: Bridge, request: Req & { readonly requestId: string }) => Promise<Result<T>>,
  request: Req,
  current: { current: string | null },
  setState: (state: RunState<T>) => void,
): void {
  if (current.current !== null) return; // one at a time; the button is disabled meanwhile
  if (bridge === null) {
    setState({ phase: 'failed', message: `Not tested. ${NO_BRIDGE_MESSAGE}` });
    return;
  }
  const requestId = newRequestId();
  current.current = requestId;
  setState({ phase: 'running', requestId, startedAt: Date.now(), cancelling: false });
  invoke(bridge, { ...request, requestId }).then(
    (reply) => {
      if (current.current !== requestId) return;
      current.current = null;
      setState(reply.ok
        ? { phase: 'done', report: reply.value, scopes: request.scopes }
        : { phase: 'failed', message: `Not tested: ${reply.message}` });
    },
    () => {
      if (current.current !== requestId) return;
      current.current = null;
      setState({ phase: 'failed', message: 'Not tested: the app did not answer. Try again.' });
    },
  );
}

/** Asks main to cancel the running call (hooks/use-token-test.ts's cancel); the pending call then answers 'cancelled'. */
export function cancelBridgeRun<T>(
  bridge: Bridge | null,
  current: { readonly current: string | null },
  setState: (update: (state: RunState<T>) => RunState<T>) => void,
): void {
  const requestId = current.current;
  if (requestId === null || bridge === null) return;
  setState((s) => (s.phase === 'running' && s.requestId === requestId ? { ...s, cancelling: true } : s));
  bridge.cancelTest({ requestId }).catch(() => undefined);
}
