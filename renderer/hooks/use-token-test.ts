/**
 * One token test (or rotation test) at a time, run by main through the bridge. Each run has a
 * fresh requestId, so a late answer from an older (cancelled or forgotten) run is ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TokenTestReport } from '../../core/okta/types';
import type { Result } from '../../core/shared/result';
import type { TestCredentialsRequest } from '../../electron/shared/ipc-contract';
import type { Bridge } from '../bridge';
import { withFormLogic } from '../lazy-chunks';

export type RunState<T> =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly requestId: string; readonly startedAt: number; readonly cancelling: boolean }
  /** `scopes`: what was asked for, to compare with what was granted. */
  | { readonly phase: 'done'; readonly report: T; readonly scopes: readonly string[] }
  /** The bridge itself refused or failed (no app, invalid payload, internal error), or core refused the input. */
  | { readonly phase: 'failed'; readonly message: string };

export type TestState = RunState<TokenTestReport>;

export type TestRequest = Omit<TestCredentialsRequest, 'requestId'>;

export interface BridgeRun<Req, T> {
  readonly state: RunState<T>;
  readonly run: (request: Req) => void;
  readonly cancel: () => void;
  readonly fail: (message: string) => void;
}

/** Runs `invoke` (a module-level function, so its identity is stable) through the bridge with a fresh request id; cancel goes to main's cancelTest. */
export function useBridgeRun<Req extends { readonly scopes: readonly string[] }, T>(
  bridge: Bridge | null,
  invoke: (bridge: Bridge, request: Req & { readonly requestId: string }) => Promise<Result<T>>,
): BridgeRun<Req, T> {
  const [state, setState] = useState<RunState<T>>({ phase: 'idle' });
  const current = useRef<string | null>(null);

  // The run itself is in the form logic chunk (bridge-run.ts); it has landed before a test can be asked for.
  const run = useCallback((request: Req): void => {
    withFormLogic((logic) => logic.startBridgeRun(bridge, invoke, request, current, setState));
  }, [bridge, invoke]);

  // A run is cancelled only once started, so the form logic chunk has landed: this runs at once.
  const cancel = useCallback((): void => {
    withFormLogic((logic) => logic.cancelBridgeRun(bridge, current, setState));
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

const invokeTest = (b: Bridge, request: TestCredentialsRequest): Promise<Result<TokenTestReport>> => b.testCredentials(request);

export function useTokenTest(bridge: Bridge | null): BridgeRun<TestRequest, TokenTestReport> {
  return useBridgeRun<TestRequest, TokenTestReport>(bridge, invokeTest);
}
