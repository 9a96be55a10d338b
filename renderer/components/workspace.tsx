/**
 * Everything the user types and every result, in React state only. Forget
 * everything remounts this component (a new key), which drops all of it at once.
 */
import { memo, useCallback, useDeferredValue, useEffect, useEffectEvent, useId, useMemo, useRef, useState, type ReactElement } from 'react';
import type { EncodeInput, EncodeOutput } from '../../core/encoding/types';
import type { CopyPurpose } from '../../electron/shared/ipc-contract';
import type { Bridge } from '../bridge';
import type { CommandHub } from '../commands';
import { pairIn } from '../id-pair';
import { useCopy } from '../hooks/use-copy';
import type { RotationControl } from '../hooks/use-rotation-panel';
import { useTokenTest } from '../hooks/use-token-test';
import { PENDING_ENCODE, PENDING_GROUPS, PENDING_PREVIEW } from '../form-pending';
import { useFormLogic, type FormLogic } from '../lazy-chunks';
import { INITIAL_SETTINGS, toTokenTestInput, type TestSettings } from '../test-settings';
import { CredentialFields } from './credential-fields';
import { CredentialOutputs } from './credential-outputs';
import { ErrorBoundary } from './error-boundary';
import { CheckHeaderPanel, PanelsBoundary, TestPanel } from './lazy-panels';
import { Tabs } from './tabs';

export interface WorkspaceProps {
  readonly bridge: Bridge | null;
  readonly commands: CommandHub;
  /** The app's status line, for feedback on menu commands and shortcuts. */
  readonly announce: (text: string) => void;
  readonly testShortcut: string;
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

type Tool = 'test' | 'check';

// Memoised: app-level updates (status line, idle countdown) need not re-render the form.
export const Workspace = memo(function Workspace({ bridge, commands, announce, testShortcut }: WorkspaceProps): ReactElement {
  const id = useId();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [secretShown, setSecretShown] = useState(false);
  const [formEncode, setFormEncode] = useState(false);
  const [outputsShown, setOutputsShown] = useState(false);
  const [headerText, setHeaderText] = useState('');
  const [settings, setSettings] = useState<TestSettings>(INITIAL_SETTINGS);
  const [tool, setTool] = useState<Tool>('test');
  const { feedback, copy } = useCopy(bridge);
  const test = useTokenTest(bridge);
  // Rotation (issue 13): the Test panel holds it (lazy chunk) and registers its run here while it is chosen.
  const rotation = useRef<RotationControl | null>(null);
  // Null only until the logic chunk lands, just after the first paint.
  const logic = useFormLogic();

  // The encoder runs once per change of its inputs (each field is capped, so this stays cheap).
  const encoded = useMemo(() => safeEncode(logic, { clientId, clientSecret, formEncode }), [logic, clientId, clientSecret, formEncode]);
  const groups = useMemo(() => (logic === null ? PENDING_GROUPS : logic.groupNotices(encoded.notices)), [logic, encoded]);
  const encodedClientId = formEncode && logic !== null ? logic.formUrlEncode(encoded.clientId) : encoded.clientId;
  const fixes = useMemo(() => ({
    clientId: logic === null ? [] : logic.fixesFor(groups.clientId, clientId),
    clientSecret: logic === null ? [] : logic.fixesFor(groups.clientSecret, clientSecret),
  }), [logic, groups, clientId, clientSecret]);

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

  const copyOutput = (purpose: CopyPurpose) =>
    copy({ text: purpose === 'base64' ? encoded.value : encoded.header, purpose, what: purpose === 'base64' ? 'Base64 value copied' : 'Header copied' });

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
    const input = {
      ...toTokenTestInput(chosen, encoded.clientId, encoded.clientSecret, formEncode),
      // Only a slot id crosses: the key stays in main.
      ...(chosen.authMethod === 'private_key_jwt' && chosen.clientKey !== null ? { keySlot: chosen.clientKey.slotId } : {}),
    };
    const tooLarge = logic.sendLimitProblem(input);
    if (tooLarge !== null) {
      runner.fail(`Not tested: ${tooLarge}`);
      return;
    }
    setTool('test');
    runner.run(input);
  };

  const registerRotation = useCallback((control: RotationControl | null): void => {
    rotation.current = control;
  }, []);

  const onCommand = useEffectEvent((command: string): void => {
    if (command === 'copy-header') {
      void copyOutput('header').then((result) => announce(result.ok ? 'Authorization header copied.' : result.message));
    } else if (command === 'test-credentials') {
      runTest();
    }
  });
  useEffect(() => commands.subscribe((command) => onCommand(command)), [commands]);

  const report = test.state.phase === 'done' ? test.state.report : null;

  return (
    <>
      <section className="card card-credentials" aria-labelledby={`${id}-credentials`}>
        <h2 id={`${id}-credentials`}>Credentials</h2>
        <p className="card-intro">
          Okta Admin Console › Applications › your app › General. Kept in this window’s memory only.
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
          feedback={feedback}
          fixes={fixes}
          // A copy from the secret field takes the selected part of the real value (the field is the value).
          secretGuard={{ textOf: (v, start, end) => v.slice(start, end), copy: (text) => void copy({ text, purpose: 'header', slot: 'secret', what: 'Selected secret text copied' }) }}
          // A masked id:secret pair: copying any part copies the whole pair, never dots.
          idGuard={{ textOf: (v) => (pairIn(v) === null ? '' : v.trim()), copy: (text) => void copy({ text, purpose: 'header', slot: 'client-id', what: 'ID and secret copied' }) }}
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

      {/* The panels' chunks load after the first paint; each tab shows its skeleton until then. */}
      <Tabs
        label="Tools"
        selected={tool}
        onSelect={setTool}
        tabs={[
          {
            value: 'test',
            label: 'Test credentials',
            panel: (
              <PanelsBoundary kind="test">
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
                  copy={copy}
                  clientId={encoded.clientId}
                  credential={encoded.value === null ? null : { basic: `Basic ${encoded.value}`, secret: encoded.clientSecret }}
                  onCopyToken={() => void copy({ text: report?.token?.accessToken ?? null, purpose: 'token', what: 'Access token copied' })}
                  bridge={bridge}
                  onCopyPublicKey={(text) => void copy({ text, purpose: 'public-jwk', what: 'Public key copied' })}
                  onRetryWithDpop={() => {
                    setSettings((s) => ({ ...s, dpop: true }));
                    runTest({ dpop: true });
                  }}
                  rotation={{
                    clientId: encoded.clientId,
                    currentSecret: encoded.clientSecret,
                    formEncode,
                    register: registerRotation,
                    copy: (text, purpose) => void copy({ text, purpose, slot: purpose === 'secret' ? 'rotation-secret' : purpose, what: purpose === 'new-secret' ? 'New secret copied' : 'Current secret copied' }),
                  }}
                />
              </ErrorBoundary>
              </PanelsBoundary>
            ),
          },
          {
            value: 'check',
            label: 'Check a header',
            panel: (
              <PanelsBoundary kind="check">
                <ErrorBoundary name="Check a header">
                  <CheckHeaderPanel text={headerText} onText={setHeaderText} feedback={feedback} copy={copy} />
                </ErrorBoundary>
              </PanelsBoundary>
            ),
          },
        ]}
      />
    </>
  );
});
