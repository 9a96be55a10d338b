/**
 * Everything the user types and every result, in React state only. Forget
 * everything remounts this component (a new key), which drops all of it at once.
 */
import { memo, useCallback, useDeferredValue, useId, useImperativeHandle, useMemo, useRef, useState, type ReactElement, type Ref } from 'react';
import type { EncodeInput, EncodeOutput } from '../../core/encoding/types';
import type { CopyPurpose } from '../../electron/shared/ipc-contract';
import type { Bridge } from '../bridge';
import { useCopy, type CopyFeedback } from '../hooks/use-copy';
import type { RotationControl } from '../hooks/use-rotation-panel';
import { useTokenTest } from '../hooks/use-token-test';
import { PENDING_ENCODE, PENDING_GROUPS, PENDING_PREVIEW } from '../form-pending';
import { useFormLogic, type FormLogic } from '../lazy-chunks';
import { INITIAL_SETTINGS, toAuthServer, toScopes, type TestSettings } from '../test-settings';
import { CredentialFields } from './credential-fields';
import { CredentialOutputs } from './credential-outputs';
import { ErrorBoundary } from './error-boundary';
import { CheckHeaderPanel, PanelsBoundary, TestPanel } from './lazy-panels';

export interface WorkspaceHandle {
  readonly copyHeader: () => Promise<CopyFeedback>;
  readonly runTest: () => void;
}

export interface WorkspaceProps {
  readonly bridge: Bridge | null;
  readonly testShortcut: string;
  readonly ref?: Ref<WorkspaceHandle>;
}

function safeEncode(logic: FormLogic | null, input: EncodeInput): EncodeOutput {
  if (logic === null) return PENDING_ENCODE;
  try {
    return logic.buildBasicCredentials(input);
  } catch {
    // core never throws by contract; if it ever does, the fields must survive.
    return {
      status: 'invalid', value: null, header: null, clientId: '', clientSecret: '', formEncodingDiffers: false, splitSuggestion: null,
      notices: [{ code: 'unreadable', severity: 'error', message: 'This input could not be encoded. Check both fields for stray characters.' }],
    };
  }
}

// Memoised: app-level updates (status line, idle countdown) need not re-render the form.
export const Workspace = memo(function Workspace({ bridge, testShortcut, ref }: WorkspaceProps): ReactElement {
  const id = useId();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [secretShown, setSecretShown] = useState(false);
  const [formEncode, setFormEncode] = useState(false);
  const [outputsShown, setOutputsShown] = useState(false);
  const [headerText, setHeaderText] = useState('');
  const [settings, setSettings] = useState<TestSettings>(INITIAL_SETTINGS);
  const { feedback, copy } = useCopy(bridge);
  const test = useTokenTest(bridge);
  // Rotation (issue 13): the Test panel holds it (lazy chunk) and registers its run here while it is chosen.
  const rotation = useRef<RotationControl | null>(null);
  // Null only until the logic chunk lands, just after the first paint.
  const logic = useFormLogic();

  // The encoder runs once per change of its inputs.
  const encoded = useMemo(() => safeEncode(logic, { clientId, clientSecret, formEncode }), [logic, clientId, clientSecret, formEncode]);
  const groups = useMemo(() => (logic === null ? PENDING_GROUPS : logic.groupNotices(encoded.notices)), [logic, encoded]);
  const encodedClientId = formEncode && logic !== null ? logic.formUrlEncode(encoded.clientId) : encoded.clientId;

  // The request preview repeats core's checks; it may lag a keystroke behind rather than slow typing.
  const previewSource = useMemo(
    () => ({ settings, clientId: encoded.clientId, clientSecret: encoded.clientSecret, formEncode }),
    [settings, encoded.clientId, encoded.clientSecret, formEncode],
  );
  const previewInput = useDeferredValue(previewSource);
  const preview = useMemo(
    () => (logic === null
      ? PENDING_PREVIEW
      : logic.buildPreview(previewInput.settings, previewInput.clientId, previewInput.clientSecret, previewInput.formEncode)),
    [logic, previewInput],
  );

  const copyOutput = (purpose: CopyPurpose): Promise<CopyFeedback> =>
    copy(purpose === 'base64' ? encoded.value : encoded.header, purpose);

  /** `patch`: settings changed in the same click (Retry with DPoP), not yet in state. */
  const runTest = (patch: Partial<TestSettings> = {}): void => {
    const runner = rotation.current ?? test;
    if (test.state.phase === 'running' || rotation.current?.running === true) return;
    if (logic === null) {
      runner.fail('Not sent: the window is still loading. Try again in a moment.');
      return;
    }
    const chosen: TestSettings = { ...settings, ...patch };
    const fresh = logic.buildPreview(chosen, encoded.clientId, encoded.clientSecret, formEncode);
    if (fresh.problem !== null) {
      runner.fail(`Not sent: ${fresh.problem.message}`);
      return;
    }
    const scopes = toScopes(chosen.scopes);
    const tooLarge = logic.sendLimitProblem({ clientId: encoded.clientId, clientSecret: encoded.clientSecret, target: chosen.target, scopes });
    if (tooLarge !== null) {
      runner.fail(`Not tested: ${tooLarge}`);
      return;
    }
    const request = {
      target: chosen.target,
      authServer: toAuthServer(chosen),
      clientId: encoded.clientId,
      clientSecret: encoded.clientSecret,
      scopes,
      authMethod: chosen.authMethod,
      formEncode,
      timeoutMs: chosen.timeoutSeconds * 1000,
      dpop: chosen.dpop,
      // Only a slot id crosses: the key stays in main.
      ...(chosen.authMethod === 'private_key_jwt' && chosen.clientKey !== null ? { keySlot: chosen.clientKey.slotId } : {}),
    };
    runner.run(request);
  };

  const registerRotation = useCallback((control: RotationControl | null): void => {
    rotation.current = control;
  }, []);

  useImperativeHandle(ref, () => ({ copyHeader: () => copyOutput('header'), runTest: () => runTest() }));

  const report = test.state.phase === 'done' ? test.state.report : null;

  return (
    <>
      <section className="card card-credentials" aria-labelledby={`${id}-credentials`}>
        <h2 id={`${id}-credentials`}>Credentials</h2>
        <p className="card-intro">
          From the Okta Admin Console: Applications › your app › General › Client Credentials. Both stay in this window’s memory only.
        </p>
        <CredentialFields
          clientId={clientId}
          clientSecret={clientSecret}
          secretShown={secretShown}
          formEncode={formEncode}
          encoded={encoded}
          groups={groups}
          onClientId={setClientId}
          onClientSecret={setClientSecret}
          onSecretShown={setSecretShown}
          onFormEncode={setFormEncode}
          onSplit={() => {
            const split = encoded.splitSuggestion;
            if (split === null) return;
            setClientId(split.clientId);
            setClientSecret(split.clientSecret);
          }}
        />
        <ErrorBoundary name="Output">
          <CredentialOutputs
            encoded={encoded}
            encodedClientId={encodedClientId}
            shown={outputsShown}
            onShown={setOutputsShown}
            feedback={feedback}
            onCopy={(purpose) => void copyOutput(purpose)}
          />
        </ErrorBoundary>
      </section>

      <div className="columns">
        <PanelsBoundary>
          <ErrorBoundary name="Test credentials">
            <TestPanel
              settings={settings}
              onSettings={(patch) => setSettings((s) => ({ ...s, ...patch }))}
              preview={preview}
              state={test.state}
              shortcut={testShortcut}
              onTest={() => runTest()}
              onCancel={() => (rotation.current ?? test).cancel()}
              feedback={feedback}
              onCopyToken={() => void copy(report?.token?.accessToken ?? null, 'token')}
              bridge={bridge}
              onCopyPublicKey={(text) => void copy(text, 'public-jwk')}
              onRetryWithDpop={() => {
                setSettings((s) => ({ ...s, dpop: true }));
                runTest({ dpop: true });
              }}
              rotation={{
                clientId: encoded.clientId,
                currentSecret: encoded.clientSecret,
                formEncode,
                register: registerRotation,
                copy: (text, purpose) => void copy(text, purpose),
              }}
            />
          </ErrorBoundary>
          <ErrorBoundary name="Check a header">
            <CheckHeaderPanel text={headerText} onText={setHeaderText} />
          </ErrorBoundary>
        </PanelsBoundary>
      </div>
    </>
  );
});
