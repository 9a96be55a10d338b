import { useEffect, useId, useRef, type Dispatch, type ReactElement, type RefObject, type SetStateAction } from 'react';
import type { EncodeOutput } from '../../core/encoding/types';
import { CLIENT_SECRET_JWT_ALGS, isClientSecretJwtAlg } from '../../core/okta/client-keys';
import type { TokenTestReport } from '../../core/okta/types';
import type { ClientAuthMethod } from '../../core/okta/types';
import type { ClientKeyInfo } from '../../electron/shared/ipc-contract';
import { displayAccelerator, SHORTCUTS } from '../../electron/shared/shortcuts';
import type { Bridge } from '../bridge';
import { useClientKey } from '../hooks/use-client-key';
import type { CopyFeedback, CopyRequest } from '../hooks/use-copy';
import { useRotationPanel, type RotationControl, type RotationHost } from '../hooks/use-rotation-panel';
import type { BridgeRun, RunState, TestRequest, TestState } from '../hooks/use-token-test';
import { useNow } from '../hooks/use-now';
import type { InlineCredential } from '../request-commands';
import { PANEL_FIELD_LIMITS } from '../panel-field-limits';
import { TIMEOUT_CHOICES, toScopes } from '../test-input';
import type { Preview, ServerKind, TestSettings } from '../test-settings';
import { CopyAs } from './copy-as';
import { ErrorIcon } from './icons';
import { TestResult } from './lazy-test-result';
import { MaskedRequestView } from './masked-request';
import { ErrorNote } from './error-note';
import { NoticeList } from './notice-list';
import { RadioChoices, type RadioChoice } from './radio-choices';
import { RotationFields } from './rotation-fields';
import { RotationResult } from './rotation-result';
import { resultHeading, scopeVerdict } from './result-heading';
import { TextField } from './text-field';
import { ClientKeyInput } from './client-key-input';
import '../styles/panels.css';

function testShortcutLabel(isMac: boolean): string {
  const shortcut = SHORTCUTS.find((s) => s.command === 'test-credentials');
  return shortcut === undefined ? '' : displayAccelerator(shortcut.accelerator, isMac);
}

export interface TestPanelProps {
  readonly settings: TestSettings;
  readonly onSettings: (patch: Partial<TestSettings>) => void;
  readonly preview: Preview;
  readonly state: TestState;
  /** For the Test credentials shortcut's label (worked out here, in this lazy chunk, not in the first paint). */
  readonly isMac: boolean;
  readonly onTest: () => void;
  readonly onCancel: () => void;
  readonly feedback: CopyFeedback | null;
  readonly copy: (request: CopyRequest) => Promise<CopyFeedback>;
  readonly onCopyToken: () => void;
  /** The client ID as sent, and the real credential for "Copy as … with the credential inline". */
  readonly clientId: string;
  readonly credential: InlineCredential | null;
  /** For the private_key_jwt key operations (main holds the key); kept in this lazy chunk, not the first paint. */
  readonly bridge: Bridge | null;
  readonly onCopyPublicKey: (text: string) => void;
  /** Test again with DPoP on, from a result that says DPoP is required. */
  readonly onRetryWithDpop: () => void;
  /** Rotation (issue 13): held in this lazy chunk, reached by the workspace's Run test through `register`. */
  readonly rotation: RotationHost;
}

const SERVERS: readonly RadioChoice<ServerKind>[] = [
  { value: 'default', label: 'Default (recommended)' },
  { value: 'org', label: 'Org' },
  { value: 'custom', label: 'Custom ID' },
];

const METHODS: readonly RadioChoice<ClientAuthMethod>[] = [
  { value: 'client_secret_basic', label: <>Basic header <span className="mono muted">(client_secret_basic)</span></> },
  { value: 'client_secret_post', label: <>Form body <span className="mono muted">(client_secret_post)</span></> },
  { value: 'client_secret_jwt', label: <>Secret-signed JWT <span className="mono muted">(client_secret_jwt)</span></> },
  { value: 'private_key_jwt', label: <>Private key JWT <span className="mono muted">(private_key_jwt)</span></> },
];

function Running({ startedAt, cancelling, onCancel }: { readonly startedAt: number; readonly cancelling: boolean; readonly onCancel: () => void }): ReactElement {
  const now = useNow(true);
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000));
  return (
    <div className="running">
      <progress aria-label="Testing credentials" />
      <span className="running-text">{cancelling ? 'Cancelling…' : `Waiting for the server… ${seconds} s`}</span>
      <button type="button" className="button" onClick={onCancel} disabled={cancelling}>Cancel</button>
    </div>
  );
}

/** What the preview says while there is no request to show. */
function previewPending(problem: Preview['problem']): string {
  if (problem === null || problem.code === 'empty-target') return 'Shown here once the Okta domain is filled in.';
  if (problem.code === 'invalid-credentials') return 'Fix the client ID or secret above to see the request.';
  return problem.place === 'credentials' ? problem.message : 'Fix the problem marked above to see the request.';
}

export function TestPanel(props: TestPanelProps): ReactElement {
  const { settings, onSettings, preview } = props;
  const rotation = useRotationPanel(props.bridge, props.rotation, props.settings.authMethod, props.feedback);
  const rotationState = rotation.state;
  const state: RunState<unknown> = rotationState ?? props.state;
  const id = useId();
  const keys = useClientKey(props.bridge);
  const resultRef = useRef<HTMLDivElement>(null);
  const running = state.phase === 'running';
  const heading = props.state.phase === 'done' ? resultHeading(props.state.report, props.state.scopes) : null;
  const problem = preview.problem;
  // An empty domain is a hint, not an error, until the user tries to test.
  const attempted = state.phase === 'failed';
  const problemAt = (place: string): boolean => problem !== null && problem.place === place && (problem.code !== 'empty-target' || attempted);

  // Bring a finished result into view (without stealing focus from the keyboard user).
  useEffect(() => {
    if (state.phase !== 'done') return;
    const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    resultRef.current?.scrollIntoView({ block: 'nearest', behavior: calm ? 'auto' : 'smooth' });
  }, [state]);

  const fieldError = (place: string): ReactElement | null =>
    problemAt(place) && problem !== null ? <ErrorNote code={problem.code}>{problem.message}</ErrorNote> : null;

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Test credentials</h2>
      <p className="card-intro">
        Requests a token with the client-credentials grant. The request is sent by the app itself, never by this page, and the secret is not kept.
      </p>
      <form
        className="test-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onTest();
        }}
      >
        <TextField
          label="Okta domain or issuer"
          value={settings.target}
          onValue={(target) => onSettings({ target })}
          limit={PANEL_FIELD_LIMITS.target}
          placeholder="dev-123456.okta.com or https://…/oauth2/default"
          invalid={problemAt('target')}
          notes={<>{fieldError('target')}<NoticeList notices={preview.notices.target} /></>}
        />

        <fieldset className="field">
          <legend>Authorization server</legend>
          <RadioChoices
            name={`${id}-server`}
            choices={SERVERS}
            selected={settings.serverKind}
            // The org server takes client credentials only with private_key_jwt: choose it for the user (and say why below).
            onSelect={(serverKind) => onSettings(serverKind === 'org' ? { serverKind, authMethod: 'private_key_jwt' } : { serverKind })}
          />
          {settings.serverKind === 'custom' ? (
            <TextField
              className="nested"
              label="Authorization server ID"
              value={settings.customId}
              onValue={(customId) => onSettings({ customId })}
              limit={PANEL_FIELD_LIMITS.customServerId}
              placeholder="aus9o8wzkhckw9TLa0h7z"
              invalid={problemAt('server')}
            />
          ) : null}
          {fieldError('server')}
          <NoticeList notices={preview.notices.server} />
        </fieldset>

        <div className="field-pair">
          <TextField
            label="Scopes"
            value={settings.scopes}
            onValue={(scopes) => onSettings({ scopes })}
            limit={PANEL_FIELD_LIMITS.scopes}
            placeholder="api:read api:write"
            invalid={problemAt('scopes')}
            notes={
              <>
                <p className="hint">Space-separated. Leave empty for the server’s default scopes.</p>
                {fieldError('scopes')}
                <NoticeList notices={preview.notices.scopes} />
              </>
            }
          />
          <div className="field field-narrow">
            <label htmlFor={`${id}-timeout`}>Timeout</label>
            <select
              id={`${id}-timeout`}
              className="select"
              value={settings.timeoutSeconds}
              onChange={(e) => onSettings({ timeoutSeconds: Number(e.target.value) })}
            >
              {TIMEOUT_CHOICES.map((s) => <option key={s} value={s}>{s} seconds</option>)}
            </select>
          </div>
        </div>

        <fieldset className="field">
          <legend>Client authentication</legend>
          <RadioChoices name={`${id}-method`} choices={METHODS} selected={settings.authMethod} onSelect={(authMethod) => onSettings({ authMethod })} />
          {settings.serverKind === 'org' && settings.authMethod === 'private_key_jwt' ? (
            <p className="hint">
              Private key JWT is selected because the org authorization server accepts client credentials only with private_key_jwt
              (an API Services app with a public key); Okta refuses a client secret there.
            </p>
          ) : null}
          {settings.authMethod === 'client_secret_jwt' ? (
            <div className="field field-narrow nested">
              <label htmlFor={`${id}-assertion-alg`}>Signing algorithm</label>
              <select
                id={`${id}-assertion-alg`}
                className="select"
                value={settings.assertionAlg}
                onChange={(e) => {
                  const alg = e.target.value;
                  if (isClientSecretJwtAlg(alg)) onSettings({ assertionAlg: alg });
                }}
                aria-describedby={`${id}-assertion-alg-notes`}
              >
                {CLIENT_SECRET_JWT_ALGS.map((alg) => <option key={alg} value={alg}>{alg}</option>)}
              </select>
              <p className="hint" id={`${id}-assertion-alg-notes`}>
                Signs an {settings.assertionAlg} assertion with the client secret above. Okta needs a secret of 32 characters or more for this.
              </p>
            </div>
          ) : null}
        </fieldset>

        {settings.authMethod === 'private_key_jwt' ? (
          <ClientKeyInput
            keyInfo={settings.clientKey}
            onKey={(clientKey: ClientKeyInfo) => onSettings({ clientKey })}
            keys={keys}
            feedback={props.feedback}
            onCopyPublic={props.onCopyPublicKey}
          />
        ) : null}

        <div className="field">
          <div className="checkbox-row">
            <input
              id={`${id}-dpop`}
              type="checkbox"
              role="switch"
              checked={settings.dpop}
              onChange={(e) => onSettings({ dpop: e.target.checked })}
              aria-describedby={`${id}-dpop-notes`}
            />
            <label htmlFor={`${id}-dpop`}>Require DPoP</label>
          </div>
          <p className="hint" id={`${id}-dpop-notes`}>
            For apps with “Require Demonstrating Proof of Possession (DPoP) header in token requests” on (the default for new API Services apps).
            A new proof key is made in memory for each test, and Okta’s nonce request is answered with one retry.
          </p>
        </div>

        {rotation.fields === null ? null : <RotationFields {...rotation.fields} />}

        <div className="preview">
          <h3 className="preview-title">Request that will be sent</h3>
          {preview.request !== null ? (
            <MaskedRequestView request={preview.request} label="Request that will be sent, secret masked" />
          ) : (
            <p className="hint preview-empty">{previewPending(problem)}</p>
          )}
          <NoticeList notices={[...preview.notices.credentials, ...preview.notices.general]} />
          {preview.request === null ? null : (
            <CopyAs
              spec={{ url: preview.request.url, authMethod: settings.authMethod, clientId: props.clientId, scopes: toScopes(settings.scopes) }}
              credential={props.credential}
              feedback={props.feedback}
              copy={props.copy}
            />
          )}
        </div>

        <div className="actions">
          {/* The button stays in place while a test runs, so keyboard focus is never dropped. */}
          <button type="submit" className="button button-primary" aria-disabled={running || undefined}>
            {running ? 'Testing…' : 'Test credentials'}
          </button>
          {running ? (
            <Running startedAt={state.startedAt} cancelling={state.cancelling} onCancel={props.onCancel} />
          ) : (
            <span className="hint"><kbd>{testShortcutLabel(props.isMac)}</kbd></span>
          )}
        </div>
      </form>

      <div ref={resultRef} className="result-slot">
        <div role="status" className="test-status">
          {state.phase === 'failed' ? (
            <p className="result result-message" data-tone="warning">
              <ErrorIcon />
              <span>{state.message}</span>
            </p>
          ) : rotationState?.phase === 'done' ? (
            <span className="visually-hidden">{`Rotation test finished: ${rotationState.report.summary}`}</span>
          ) : props.state.phase === 'done' && rotationState === null ? (
            <span className="visually-hidden">{heading?.announce}</span>
          ) : null}
        </div>
        {rotationState !== null ? (
          rotationState.phase === 'done' ? (
            <RotationResult report={rotationState.report} scopes={rotationState.scopes} feedback={props.feedback} onCopyToken={rotation.onCopyToken} />
          ) : null
        ) : props.state.phase === 'done' ? (
          <TestResult report={props.state.report} heading={heading ?? resultHeading(props.state.report, props.state.scopes)} scopes={scopeVerdict(props.state.report, props.state.scopes)} feedback={props.feedback} onCopyToken={props.onCopyToken} onRetryWithDpop={props.onRetryWithDpop} />
        ) : null}
      </div>
    </section>
  );
}

/** What the workspace hands over: its state as is; the panel's callbacks are built here, in this lazy chunk, not in the first paint. */
export interface TestPanelHostProps {
  readonly settings: TestSettings;
  readonly setSettings: Dispatch<SetStateAction<TestSettings>>;
  readonly preview: Preview;
  readonly test: BridgeRun<TestRequest, TokenTestReport>;
  readonly isMac: boolean;
  /** `patch`: settings changed in the same click (Retry with DPoP), not yet in state. */
  readonly runTest: (patch?: Partial<TestSettings>) => void;
  /** The running rotation, if one is chosen: Cancel goes to it. */
  readonly rotationRef: RefObject<RotationControl | null>;
  readonly registerRotation: (control: RotationControl | null) => void;
  readonly feedback: CopyFeedback | null;
  readonly copy: (request: CopyRequest) => Promise<CopyFeedback>;
  readonly encoded: EncodeOutput;
  readonly formEncode: boolean;
  readonly bridge: Bridge | null;
}

export function TestPanelHost({
  settings, setSettings, preview, test, isMac, runTest, rotationRef, registerRotation, feedback, copy, encoded, formEncode, bridge,
}: TestPanelHostProps): ReactElement {
  const report = test.state.phase === 'done' ? test.state.report : null;
  return (
    <TestPanel
      settings={settings}
      onSettings={(patch) => setSettings((s) => ({ ...s, ...patch }))}
      preview={preview}
      state={test.state}
      isMac={isMac}
      onTest={() => runTest()}
      onCancel={() => (rotationRef.current ?? test).cancel()}
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
  );
}
