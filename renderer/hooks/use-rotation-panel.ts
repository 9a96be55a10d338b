/**
 * Rotation (issue 13) as the Test panel holds it: the choice, the New secret
 * and its Show toggle, its hygiene notices, and the rotation run. It lives in
 * the panel's lazy chunk, so the first paint carries none of it; the workspace
 * reaches it through `register` (Run test, Ctrl+Enter and the menu all go
 * through the workspace), and Forget, which remounts the workspace, drops it.
 */
import { useEffect, useMemo, useState } from 'react';
import { buildBasicCredentials } from '../../core/encoding/basic-credentials';
import type { RotationReport } from '../../core/okta/rotation';
import type { ClientAuthMethod } from '../../core/okta/types';
import type { CopyPurpose } from '../../electron/shared/ipc-contract';
import type { Bridge } from '../bridge';
import type { RotationFieldsProps } from '../components/rotation-fields';
import type { CopyFeedback } from './use-copy';
import { groupNotices } from '../notice-groups';
import { useRotationTest } from './use-rotation-test';
import type { RunState, TestRequest } from './use-token-test';

/** What the workspace's Run test uses while a rotation is chosen. */
export interface RotationControl {
  readonly running: boolean;
  run(request: TestRequest): void;
  fail(message: string): void;
  cancel(): void;
}

export interface RotationHost {
  readonly clientId: string;
  /** The cleaned current secret, for its Copy button. */
  readonly currentSecret: string;
  readonly formEncode: boolean;
  readonly register: (control: RotationControl | null) => void;
  readonly copy: (text: string | null, purpose: CopyPurpose) => void;
}

export function useRotationPanel(bridge: Bridge | null, host: RotationHost, authMethod: ClientAuthMethod, feedback: CopyFeedback | null): {
  /** The run state while a rotation is chosen, else null (the single test shows). */
  readonly state: RunState<RotationReport> | null;
  /** Null where a rotation does not apply (private_key_jwt has no secret). */
  readonly fields: RotationFieldsProps | null;
  readonly onCopyToken: (side: 0 | 1) => void;
} {
  const [on, setOn] = useState(false);
  const [newSecret, setNewSecret] = useState('');
  const [shown, setShown] = useState(false);
  const rotation = useRotationTest(bridge);
  const applies = authMethod !== 'private_key_jwt';
  const active = on && applies;
  const cleaned = useMemo(
    () => buildBasicCredentials({ clientId: host.clientId, clientSecret: newSecret, formEncode: host.formEncode }),
    [host.clientId, newSecret, host.formEncode],
  );
  const { register } = host;
  const next = cleaned.clientSecret;
  const running = rotation.state.phase === 'running';
  const { run, fail, cancel } = rotation;

  useEffect(() => {
    // Core and main check the new secret like the first (empty, too long, the same secret twice) and say which one.
    register(active ? { running, run: (request) => run({ ...request, newClientSecret: next }), fail, cancel } : null);
  }, [register, active, running, run, fail, cancel, next]);
  useEffect(() => () => register(null), [register]);

  const report = rotation.state.phase === 'done' ? rotation.state.report : null;
  return {
    state: active ? rotation.state : null,
    onCopyToken: (side) => host.copy(report?.results[side].token?.accessToken ?? null, 'token'),
    fields: applies
      ? {
          on,
          onToggle: setOn,
          newSecret,
          onNewSecret: setNewSecret,
          shown,
          onShown: setShown,
          notices: groupNotices(cleaned.notices).clientSecret,
          canCopyCurrent: host.currentSecret !== '',
          canCopyNew: next !== '',
          feedback,
          onCopy: (which) => host.copy(which === 'secret' ? host.currentSecret : next, which),
        }
      : null,
  };
}
