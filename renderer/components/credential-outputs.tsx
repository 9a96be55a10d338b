import type { ReactElement } from 'react';
import type { EncodeOutput } from '../../core/encoding/types';
import type { CopyPurpose } from '../../electron/shared/ipc-contract';
import type { CopyFeedback } from '../hooks/use-copy';
import { maskBase64 } from '../mask';
import { EyeIcon, EyeOffIcon } from './icons';
import { OutputRow } from './output-row';

export interface CredentialOutputsProps {
  readonly encoded: EncodeOutput;
  /** The client ID text exactly as it went into the Base64 (form-encoded when that option is on). */
  readonly encodedClientId: string;
  /** Shown while there is no value (form-state.ts). */
  readonly placeholder: string;
  readonly shown: boolean;
  readonly onShown: (shown: boolean) => void;
  readonly feedback: CopyFeedback | null;
  readonly onCopy: (purpose: CopyPurpose) => void;
}

const HEADER_PREFIX = 'Authorization: Basic ';

export function CredentialOutputs({ encoded, encodedClientId, placeholder, shown, onShown, feedback, onCopy }: CredentialOutputsProps): ReactElement {
  const value = encoded.value;
  const masked = value === null ? null : maskBase64(value, encodedClientId);
  const base64Display = value === null ? null : shown ? value : masked;
  const headerDisplay = value === null ? null : shown ? encoded.header : `${HEADER_PREFIX}${masked ?? ''}`;
  return (
    <section className="outputs" aria-labelledby="outputs-heading">
      <div className="outputs-head">
        <h3 id="outputs-heading">Output</h3>
        <button
          type="button"
          className="button button-quiet"
          aria-pressed={shown}
          onClick={() => onShown(!shown)}
        >
          {shown ? <EyeOffIcon /> : <EyeIcon />}
          <span>{shown ? 'Hide outputs' : 'Show outputs'}</span>
        </button>
      </div>
      <p className="hint">
        {shown
          ? 'Shown in full. Every copy, by button or keyboard, gives the whole value on one line.'
          : 'Masked: only the client-ID part is shown. Every copy gives the real value, never the dots.'}
      </p>
      <OutputRow
        label="Base64 value"
        copyLabel="Copy Base64 value"
        display={base64Display}
        placeholder={placeholder}
        purpose="base64"
        canCopy={value !== null}
        feedback={feedback}
        onCopy={() => onCopy('base64')}
      />
      <OutputRow
        label="Authorization header"
        copyLabel="Copy header"
        display={headerDisplay}
        placeholder={placeholder}
        purpose="header"
        canCopy={value !== null}
        feedback={feedback}
        onCopy={() => onCopy('header')}
      />
    </section>
  );
}
