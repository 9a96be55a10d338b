/**
 * The private key for private_key_jwt: choose a file (main opens the dialog and
 * reads it), paste it into a masked field (sent once to main, then cleared), or
 * generate a pair in main. The page only ever shows what main answers: kid,
 * algorithm, key type, thumbprint, and for a generated key its public JWK.
 */
import { useId, useState, type ReactElement } from 'react';
import type { ClientKeyInfo, PrivateKeyForm } from '../../electron/shared/ipc-contract';
import type { ClientKeyActions, ClientKeyState, KeyMessage } from '../hooks/use-client-key';
import type { CopyFeedback } from '../hooks/use-copy';
import { CopyIcon, ErrorIcon, WarningIcon } from './icons';
import './client-key.css';
import { CopyStatus } from './copy-status';

export interface ClientKeyInputProps {
  readonly keyInfo: ClientKeyInfo | null;
  readonly onKey: (key: ClientKeyInfo) => void;
  readonly keys: ClientKeyState & ClientKeyActions;
  readonly feedback: CopyFeedback | null;
  readonly onCopyPublic: (text: string) => void;
}

const QUIET_INPUT = { spellCheck: false, autoComplete: 'off', autoCorrect: 'off', autoCapitalize: 'off' } as const;

const SOURCE_WORDS: Readonly<Record<ClientKeyInfo['source'], string>> = {
  file: 'From a file',
  pasted: 'Pasted',
  generated: 'Generated in this window',
};

function KeySummary({ info }: { readonly info: ClientKeyInfo }): ReactElement {
  return (
    <dl className="facts facts-table key-summary" aria-label="Loaded key">
      <div><dt>Key</dt><dd>{SOURCE_WORDS[info.source]}{info.fileName === null ? null : <> · <span className="mono">{info.fileName}</span></>}</dd></div>
      <div><dt>Key type</dt><dd>{info.kty === 'RSA' ? 'RSA' : `EC ${info.publicJwk.crv ?? ''}`.trim()}</dd></div>
      <div><dt>Algorithm</dt><dd className="mono">{info.alg}</dd></div>
      <div>
        <dt>Key ID (kid)</dt>
        <dd>
          {info.kid === null
            ? 'None: the assertion will carry no kid, and Okta may need one to pick the key. Enter the kid from the app’s Public keys list and load the key again.'
            : <><span className="mono">{info.kid}</span>{info.kidSource === 'option' ? <span className="muted"> (entered above)</span> : null}</>}
        </dd>
      </div>
      <div><dt>Thumbprint (SHA-256)</dt><dd className="mono">{info.thumbprint}</dd></div>
    </dl>
  );
}

function GeneratedKey(props: {
  readonly info: ClientKeyInfo;
  readonly feedback: CopyFeedback | null;
  readonly onCopyPublic: (text: string) => void;
  readonly onCopyPrivate: (form: PrivateKeyForm) => void;
  readonly privateMessage: KeyMessage | null;
}): ReactElement {
  const { info } = props;
  const id = useId();
  const publicText = JSON.stringify(info.publicJwk, null, 2);
  return (
    <div className="generated-key">
      <h4 id={`${id}-public`}>Public key for Okta</h4>
      <p className="hint">
        In the Okta Admin Console: Applications › your app › General › Client Credentials › Public keys › Add key. Paste this JWK and save.
      </p>
      <pre className="mono jwk-text" aria-labelledby={`${id}-public`} tabIndex={0}>{publicText}</pre>
      <div className="key-buttons">
        <button type="button" className="button button-small" onClick={() => props.onCopyPublic(publicText)}>
          <CopyIcon />
          <span>Copy public key (JWK)</span>
        </button>
        <CopyStatus feedback={props.feedback} slot="public-jwk" inline />
      </div>

      <div className="key-warning" role="note" aria-labelledby={`${id}-private`}>
        <WarningIcon />
        <div>
          <p id={`${id}-private`}>
            <strong>The private key exists only in this window.</strong> Closing the window, or Forget everything, loses it for good,
            and the app never saves it. To keep it, copy it straight into your secret store; the clipboard is cleared after 30 seconds.
          </p>
          <div className="key-buttons">
            <button type="button" className="button button-small" onClick={() => props.onCopyPrivate('private-jwk')}>
              <CopyIcon />
              <span>Copy private key (JWK)</span>
            </button>
            <button type="button" className="button button-small" onClick={() => props.onCopyPrivate('private-pem')}>
              <CopyIcon />
              <span>Copy private key (PEM)</span>
            </button>
          </div>
          <p className="copy-status" data-tone={props.privateMessage === null ? undefined : props.privateMessage.tone === 'ok' ? 'ok' : 'error'} role="status">
            {props.privateMessage?.text ?? null}
          </p>
        </div>
      </div>
    </div>
  );
}

export function ClientKeyInput(props: ClientKeyInputProps): ReactElement {
  const { keyInfo, keys } = props;
  const id = useId();
  const [kid, setKid] = useState('');
  const [pasted, setPasted] = useState('');
  const [alg, setAlg] = useState<'RS256' | 'ES256'>('RS256');
  const [privateMessage, setPrivateMessage] = useState<KeyMessage | null>(null);
  const kidValue = kid.trim() === '' ? null : kid.trim();
  const busy = keys.busy !== null;

  const accept = (info: ClientKeyInfo | null): void => {
    if (info === null) return;
    setPrivateMessage(null);
    props.onKey(info);
  };

  const importPasted = async (): Promise<void> => {
    if (busy) return;
    const info = await keys.importText(pasted, kidValue);
    // The text has done its job: main holds the key now. On a refusal it stays, to be fixed.
    if (info !== null) setPasted('');
    accept(info);
  };

  return (
    <fieldset className="field key-input">
      <legend>Private key</legend>
      <p className="hint">
        The key the app’s public key belongs to. It stays in the app’s memory (never in this page, never on disk); Forget everything wipes it.
      </p>

      <div className="field">
        <label htmlFor={`${id}-kid`}>Key ID (kid) to send if the key has none</label>
        <input
          id={`${id}-kid`}
          className="text-input mono"
          type="text"
          value={kid}
          maxLength={200}
          placeholder="Optional: as shown in the app’s Public keys list"
          onChange={(e) => setKid(e.target.value)}
          {...QUIET_INPUT}
        />
      </div>

      <div className="key-buttons">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => { if (!busy) void keys.chooseFile(kidValue).then(accept); }}>
          {keys.busy === 'file' ? 'Reading key file…' : 'Choose key file…'}
        </button>
      </div>

      <div className="field">
        <label htmlFor={`${id}-paste`}>Or paste the private key (PEM or JWK)</label>
        <div className="input-with-button">
          <input
            id={`${id}-paste`}
            className="text-input mono"
            type="password"
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                // Enter uses the key; it must not submit the test form.
                e.preventDefault();
                void importPasted();
              }
            }}
            {...QUIET_INPUT}
          />
          <button type="button" className="button" aria-disabled={busy || pasted === '' || undefined} onClick={() => { if (pasted !== '') void importPasted(); }}>
            {keys.busy === 'paste' ? 'Loading…' : 'Use pasted key'}
          </button>
        </div>
      </div>

      <div className="field">
        <label htmlFor={`${id}-alg`}>Or generate a new key pair</label>
        <div className="input-with-button">
          <select id={`${id}-alg`} className="select" value={alg} onChange={(e) => setAlg(e.target.value === 'ES256' ? 'ES256' : 'RS256')}>
            <option value="RS256">RSA 2048, RS256 (as Okta makes them)</option>
            <option value="ES256">EC P-256, ES256</option>
          </select>
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => { if (!busy) void keys.generate(alg).then(accept); }}>
            {keys.busy === 'generate' ? 'Generating…' : 'Generate key pair'}
          </button>
        </div>
      </div>

      <div role="status" className="key-status">
        {keys.message === null ? null : (
          <p className={`notice notice-${keys.message.tone === 'error' ? 'error' : 'info'}`}>
            {keys.message.tone === 'error' ? <ErrorIcon /> : null}
            <span className="notice-text">{keys.message.text}</span>
          </p>
        )}
      </div>

      {keyInfo === null ? null : <KeySummary info={keyInfo} />}
      {keyInfo === null || keyInfo.source !== 'generated' ? null : (
        <GeneratedKey
          info={keyInfo}
          feedback={props.feedback}
          onCopyPublic={props.onCopyPublic}
          privateMessage={privateMessage}
          onCopyPrivate={(form) => void keys.copyPrivate(keyInfo.slotId, form).then(setPrivateMessage)}
        />
      )}
    </fieldset>
  );
}
