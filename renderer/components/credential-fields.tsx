import { useId, useState, type ReactElement } from 'react';
import type { EncodeOutput } from '../../core/encoding/types';
import type { Notice } from '../../core/shared/notice';
import type { FieldFix } from '../field-fixes';
import { pairIn } from '../id-pair';
import type { CopyFeedback } from '../hooks/use-copy';
import type { NoticeGroups } from '../notice-groups';
import { FIELD_LIMITS } from '../field-limits';
import { CopyStatus } from './copy-status';
import { EyeIcon, EyeOffIcon, SplitIcon } from './icons';
import { NoticeList } from './notice-list';
import { TextField, type CopyGuard } from './text-field';

export interface CredentialFieldsProps {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly secretShown: boolean;
  readonly formEncode: boolean;
  readonly encoded: EncodeOutput;
  readonly groups: NoticeGroups;
  readonly onClientId: (value: string) => void;
  readonly onClientSecret: (value: string) => void;
  readonly onSecretShown: (shown: boolean) => void;
  readonly onFormEncode: (on: boolean) => void;
  /** Guarded copies of the secret field and of an id:secret pair in the ID field. */
  readonly secretGuard: CopyGuard;
  readonly idGuard: CopyGuard;
  readonly feedback: CopyFeedback | null;
  /** One-click repairs for what each field's notices flag (from the form logic chunk). */
  readonly fixes: { readonly clientId: readonly FieldFix[]; readonly clientSecret: readonly FieldFix[] };
}

/** Fix buttons under a notice: each applies one repair to the field's text. */
function fixButtons(fixes: readonly FieldFix[], value: string, onValue: (v: string) => void): (n: Notice) => ReactElement | null {
  return (n) => {
    const mine = fixes.filter((f) => f.code === n.code);
    if (mine.length === 0) return null;
    return (
      <>
        {mine.map((f) => (
          <button key={f.label} type="button" className="button button-small" onClick={() => onValue(f.apply(value))}>{f.label}</button>
        ))}
      </>
    );
  };
}

/** core's two words for a pair (secret field empty or filled), said once, naming the ID but never the secret. */
const PAIR_CODES = new Set(['id-secret-pasted-together', 'colon-in-client-id']);
function pairNotice(idPart: string): Notice {
  return {
    code: 'id-secret-pasted-together',
    severity: 'warning',
    message: `This holds a client ID (${idPart}) and a secret joined by a colon; the secret part is hidden. Split them: the part before the first colon goes in Client ID, the rest in Client secret.`,
  };
}

export function CredentialFields(props: CredentialFieldsProps): ReactElement {
  const { clientId, clientSecret, secretShown, formEncode, groups } = props;
  const id = useId();
  const [confirmSplit, setConfirmSplit] = useState(false);
  const pair = pairIn(clientId);
  // A secret pasted into the ID field (id:secret) is masked like the secret field.
  const idMasked = pair !== null;
  const split = (): void => {
    if (pair === null) return;
    if (clientSecret !== '' && !confirmSplit) {
      setConfirmSplit(true);
      return;
    }
    setConfirmSplit(false);
    props.onClientId(pair.clientId);
    props.onClientSecret(pair.clientSecret);
  };
  // A smart-quote paste also differs under form-encoding; the fix comes first, so that note waits.
  const fixable = props.fixes.clientId.length + props.fixes.clientSecret.length > 0;
  const formNotes = fixable ? [] : groups.formEncoding;

  return (
    <div className="credential-fields">
      <TextField
        label="Client ID"
        value={clientId}
        onValue={(v) => {
          setConfirmSplit(false);
          props.onClientId(v);
        }}
        limit={FIELD_LIMITS.clientId}
        type={idMasked ? 'password' : 'text'}
        invalid={groups.clientId.some((n) => n.severity === 'error')}
        guard={idMasked ? props.idGuard : undefined}
        notes={
          <>
            <CopyStatus feedback={props.feedback} slot="client-id" />
            <NoticeList
              notices={pair === null ? groups.clientId : [pairNotice(pair.clientId), ...groups.clientId.filter((n) => !PAIR_CODES.has(n.code))]}
              brief
              actionsOf={fixButtons(props.fixes.clientId, clientId, props.onClientId)}
            />
            {pair === null ? null : confirmSplit ? (
              <div className="confirm" role="group" aria-label="Replace the secret">
                <span>The Client secret field is filled. Replace it with the secret from this pair?</span>
                <button type="button" className="button button-small" onClick={split}>Replace the secret</button>
                <button type="button" className="button button-small button-quiet" onClick={() => setConfirmSplit(false)}>Keep it</button>
              </div>
            ) : (
              <button type="button" className="button button-small" onClick={split}>
                <SplitIcon />
                <span>Split into ID and secret</span>
              </button>
            )}
          </>
        }
      />

      <TextField
        label="Client secret"
        value={clientSecret}
        onValue={props.onClientSecret}
        limit={FIELD_LIMITS.clientSecret}
        type={secretShown ? 'text' : 'password'}
        invalid={groups.clientSecret.some((n) => n.severity === 'error')}
        guard={props.secretGuard}
        after={
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={secretShown}
            onClick={() => props.onSecretShown(!secretShown)}
          >
            {secretShown ? <EyeOffIcon /> : <EyeIcon />}
            <span>{secretShown ? 'Hide secret' : 'Show secret'}</span>
          </button>
        }
        notes={
          <>
            <NoticeList notices={groups.clientSecret} brief actionsOf={fixButtons(props.fixes.clientSecret, clientSecret, props.onClientSecret)} />
            <CopyStatus feedback={props.feedback} slot="secret" />
          </>
        }
      />

      <div className="field field-wide">
        <div className="checkbox-row">
          <input
            id={`${id}-form-encode`}
            type="checkbox"
            checked={formEncode}
            onChange={(e) => props.onFormEncode(e.target.checked)}
            aria-describedby={`${id}-form-encode-notes`}
          />
          <label htmlFor={`${id}-form-encode`}>Form-encode ID and secret first (RFC 6749 §2.3.1)</label>
          {formNotes.length === 0 ? (
            <span className="hint" id={`${id}-form-encode-notes`}>Off by default: Okta documents Base64(client_id:client_secret).</span>
          ) : null}
        </div>
        {formNotes.length === 0 ? null : (
          <div className="field-notices" id={`${id}-form-encode-notes`}>
            <NoticeList notices={formNotes} brief />
          </div>
        )}
      </div>
    </div>
  );
}
