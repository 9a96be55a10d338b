/**
 * The rotation test (issue 13) through the bridge: core's refusal of the pair (the same secret
 * twice, an empty new secret) arrives inside an ok envelope and is shown like any refusal.
 */
import type { RotationReport } from '../../core/okta/rotation';
import { fail, type Result } from '../../core/shared/result';
import type { TestRotationRequest } from '../../electron/shared/ipc-contract';
import type { Bridge } from '../bridge';
import { useBridgeRun, type BridgeRun } from './use-token-test';

export type RotationRequest = Omit<TestRotationRequest, 'requestId'>;

async function invokeRotation(b: Bridge, request: TestRotationRequest): Promise<Result<RotationReport>> {
  const reply = await b.testRotation(request);
  if (!reply.ok) return reply;
  return reply.value.ok ? reply.value : fail(reply.value.code, reply.value.message);
}

export function useRotationTest(bridge: Bridge | null): BridgeRun<RotationRequest, RotationReport> {
  return useBridgeRun<RotationRequest, RotationReport>(bridge, invokeRotation);
}
