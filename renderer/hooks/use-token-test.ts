/**
 * One token test at a time, run by main through the bridge. Each run has a fresh
 * requestId, so a late answer from an older (cancelled or forgotten) run is ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TokenTestReport } from '../../core/okta/types';
import type { TestCredentialsRequest } from '../../electron/shared/ipc-contract';
import { NO_BRIDGE_MESSAGE, newRequestId, type Bridge } from '../bridge';

export type TestState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly requestId: string; readonly startedAt: number; readonly cancelling: boolean }
  /** `scopes`: what was asked for, to compare with what was granted. */
  | { readonly phase: 'done'; readonly report: TokenTestReport; readonly scopes: readonly string[] }
  /** The bridge itself refused or failed (no app, invalid payload, internal error). */
  | { readonly phase: 'failed'; readonly message: string };

export type TestRequest = Omit<TestCredentialsRequest, 'requestId'>;

export function useTokenTest(bridge: Bridge | null): {
  readonly state: TestState;
  readonly run: (request: TestRequest) => void;
  readonly cancel: () => void;
  readonly fail: (message: string) => void;
} {
  const [state, setState] = useState<TestState>({ phase: 'idle' });
  const current = useRef<string | null>(null);

  const run = useCallback((request: TestRequest): void => {
    if (current.current !== null) return; // one at a time; the button is disabled meanwhile
    if (bridge === null) {
      setState({ phase: 'failed', message: `Not tested. ${NO_BRIDGE_MESSAGE}` });
      return;
    }
    const requestId = newRequestId();
    current.current = requestId;
    setState({ phase: 'running', requestId, startedAt: Date.now(), cancelling: false });
    bridge.testCredentials({ ...request, requestId }).then(
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
  }, [bridge]);

  const cancel = useCallback((): void => {
    const requestId = current.current;
    if (requestId === null || bridge === null) return;
    setState((s) => (s.phase === 'running' && s.requestId === requestId ? { ...s, cancelling: true } : s));
    // The pending testCredentials call then answers with outcome 'cancelled'.
    bridge.cancelTest({ requestId }).catch(() => undefined);
  }, [bridge]);

  const fail = useCallback((message: string): void => {
    if (current.current === null) setState({ phase: 'failed', message });
  }, []);

  // Forget everything remounts the workspace: stop whatever is still running.
  useEffect(() => () => {
    const requestId = current.current;
    current.current = null;
    if (requestId !== null && bridge !== null) bridge.cancelTest({ requestId }).catch(() => undefined);
  }, [bridge]);

  return { state, run, cancel, fail };
}
