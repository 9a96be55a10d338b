/**
 * Everything the user types and every result, in React state only. Forget
 * everything remounts this component (a new key), which drops all of it at once.
 */
import { memo, useCallback, useDeferredValue, useEffect, useEffectEvent, useId, useMemo, useRef, useState, type ReactElement } from 'react';
import type { CopyPurpose } from '../../electron/shared/ipc-contract';
import type { Bridge } from '../bridge';
import type { CommandHub } from '../commands';
import { pairIn } from '../id-pair';
import { useCopy } from '../hooks/use-copy';
import type { RotationControl } from '../hooks/use-rotation-panel';
import { useTokenTest } from '../hooks/use-token-test';
import { FORM_PENDING, PENDING_PREVIEW } from '../form-pending';
import { useFormLogic } from '../lazy-chunks';
import { INITIAL_SETTINGS, type TestSettings } from '../test-settings';
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
  readonly isMac: boolean;
}

type Tool = 'test' | 'check';

// Memoised: app-level updates (status line, idle countdown) need not re-render the form.
export const Workspace = memo(function Workspace({ bridge, commands, announce, isMac }: WorkspaceProps): ReactElement {
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
  // Null only until the logic chunk lands, just after the first commit.
  const logic = useFormLogic();

  // The encoder runs once per change of its inputs (each field is capped, so this stays cheap).
  const { encoded, groups, fixes, encodedClientId, outputPlaceholder } = useMemo(
    () => (logic === null ? FORM_PENDING : logic.formState({ clientId, clientSecret, formEncode })),
    [logic, clientId, clientSecret, formEncode],
  );

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
    const request = logic.tokenTestRequest({ ...settings, ...patch }, encoded.clientId, encoded.clientSecret, formEncode);
    if (!request.ok) {
      runner.fail(request.message);
      return;
    }
    setTool('test');
    runner.run(request.input);
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
          logic={logic}
          // A copy from the secret field takes the selected part of the real value (the field is the value).
          secretGuard={{ textOf: (v, start, end) => v.slice(start, end), copy: (text) => void copy({ text, purpose: 'secret', slot: 'secret', what: 'Selected secret text copied' }) }}
          // A masked id:secret pair: copying any part copies the whole pair, never dots.
          idGuard={{ textOf: (v) => (pairIn(v) === null ? '' : v.trim()), copy: (text) => void copy({ text, purpose: 'secret', slot: 'client-id', what: 'ID and secret copied' }) }}
        />
        <ErrorBoundary name="Output">
          <CredentialOutputs
            encoded={encoded}
            encodedClientId={encodedClientId}
            placeholder={outputPlaceholder}
            shown={outputsShown}
            onShown={setOutputsShown}
            feedback={feedback}
            onCopy={(purpose) => void copyOutput(purpose)}
          />
        </ErrorBoundary>
      </section>

      {/* The panels' chunks load right after the first commit; each tab shows its skeleton until then. */}
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
                  setSettings={setSettings}
                  preview={preview}
                  test={test}
                  isMac={isMac}
                  runTest={runTest}
                  rotationRef={rotation}
                  registerRotation={registerRotation}
                  feedback={feedback}
                  copy={copy}
                  encoded={encoded}
                  formEncode={formEncode}
                  bridge={bridge}
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
