import { useId, type ReactElement } from 'react';
import type { EncodeOutput } from '../../core/encoding/types';
import type { NoticeGroups } from '../notice-groups';
import { EyeIcon, EyeOffIcon, SplitIcon } from './icons';
import { NoticeList } from './notice-list';

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
  readonly onSplit: () => void;
}

/** Plain text fields: no spellcheck dictionary, autofill or autocorrect ever sees a credential. */
const QUIET_INPUT = { spellCheck: false, autoComplete: 'off', autoCorrect: 'off', autoCapitalize: 'off' } as const;

export function CredentialFields(props: CredentialFieldsProps): ReactElement {
  const { clientId, clientSecret, secretShown, formEncode, encoded, groups } = props;
  const id = useId();
  const idInvalid = groups.clientId.some((n) => n.severity === 'error');
  const secretInvalid = groups.clientSecret.some((n) => n.severity === 'error');
  const split = encoded.splitSuggestion;
  return (
    <div className="credential-fields">
      <div className="field">
        <label htmlFor={`${id}-client-id`}>Client ID</label>
        <input
          id={`${id}-client-id`}
          className="text-input mono"
          type="text"
          value={clientId}
          onChange={(e) => props.onClientId(e.target.value)}
          aria-invalid={idInvalid || undefined}
          aria-describedby={`${id}-client-id-notices`}
          {...QUIET_INPUT}
        />
        <div className="field-notices" id={`${id}-client-id-notices`}>
          <NoticeList notices={groups.clientId} />
          {split === null ? null : (
            <button type="button" className="button button-small" onClick={props.onSplit}>
              <SplitIcon />
              <span>Split into ID and secret</span>
            </button>
          )}
        </div>
      </div>

      <div className="field">
        <label htmlFor={`${id}-client-secret`}>Client secret</label>
        <div className="input-with-button">
          <input
            id={`${id}-client-secret`}
            className="text-input mono"
            type={secretShown ? 'text' : 'password'}
            value={clientSecret}
            onChange={(e) => props.onClientSecret(e.target.value)}
            aria-invalid={secretInvalid || undefined}
            aria-describedby={`${id}-client-secret-notices`}
            {...QUIET_INPUT}
          />
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={secretShown}
            aria-label="Show client secret"
            onClick={() => props.onSecretShown(!secretShown)}
          >
            {secretShown ? <EyeOffIcon /> : <EyeIcon />}
            <span>Show</span>
          </button>
        </div>
        <div className="field-notices" id={`${id}-client-secret-notices`}>
          <NoticeList notices={groups.clientSecret} />
        </div>
      </div>

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
        </div>
        <div className="field-notices" id={`${id}-form-encode-notes`}>
          {groups.formEncoding.length === 0 ? (
            <p className="hint">Off by default: Okta documents the raw form, Base64(client_id:client_secret).</p>
          ) : (
            <NoticeList notices={groups.formEncoding} />
          )}
        </div>
      </div>
    </div>
  );
}
