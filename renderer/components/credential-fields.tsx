import { useId, type ReactElement } from 'react';
import type { EncodeOutput } from '../../core/encoding/types';
import type { FieldFix } from '../field-fixes';
import { pairIn } from '../id-pair';
import type { CopyFeedback } from '../hooks/use-copy';
import type { NoticeGroups } from '../notice-groups';
import type { FormLogic } from '../lazy-chunks';
import { FIELD_LIMITS } from '../field-limits';
import { NoticeList } from './notice-list';
import { CopyStatus } from './copy-status';
import { EyeIcon, EyeOffIcon } from './icons';
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
  /**
   * The form logic chunk, with the pair notes and fix buttons (pair-notes.tsx); null only for
   * the moment before it lands, when no fix exists yet and a pasted pair is masked but not yet explained.
   */
  readonly logic: FormLogic | null;
}

export function CredentialFields(props: CredentialFieldsProps): ReactElement {
  const { clientId, clientSecret, secretShown, formEncode, groups } = props;
  const id = useId();
  const pair = pairIn(clientId);
  // A secret pasted into the ID field (id:secret) is masked like the secret field.
  const idMasked = pair !== null;
  const { logic } = props;
  // A smart-quote paste also differs under form-encoding; the fix comes first, so that note waits.
  const fixable = props.fixes.clientId.length + props.fixes.clientSecret.length > 0;
  const formNotes = fixable ? [] : groups.formEncoding;

  return (
    <div className="credential-fields">
      <TextField
        label="Client ID"
        value={clientId}
        onValue={props.onClientId}
        limit={FIELD_LIMITS.clientId}
        type={idMasked ? 'password' : 'text'}
        invalid={groups.clientId.some((n) => n.severity === 'error')}
        guard={idMasked ? props.idGuard : undefined}
        notes={
          <>
            <CopyStatus feedback={props.feedback} slot="client-id" />
            {pair === null || logic === null ? (
              <NoticeList notices={groups.clientId} brief actionsOf={logic?.fixButtons(props.fixes.clientId, clientId, props.onClientId)} />
            ) : (
              <logic.PairNotes
                pair={pair}
                notices={groups.clientId}
                clientId={clientId}
                clientSecret={clientSecret}
                onClientId={props.onClientId}
                onClientSecret={props.onClientSecret}
                fixes={props.fixes.clientId}
              />
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
            <NoticeList notices={groups.clientSecret} brief actionsOf={logic?.fixButtons(props.fixes.clientSecret, clientSecret, props.onClientSecret)} />
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
