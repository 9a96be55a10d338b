import { useId, type ReactElement } from 'react';
import type { CopyPurpose } from '../../electron/shared/ipc-contract';
import type { CopyFeedback } from '../hooks/use-copy';
import { CheckIcon, CopyIcon } from './icons';

export interface OutputRowProps {
  readonly label: string;
  /** What is on screen: the real value, or its masked form. */
  readonly display: string | null;
  readonly placeholder: string;
  readonly purpose: CopyPurpose;
  readonly canCopy: boolean;
  readonly feedback: CopyFeedback | null;
  readonly onCopy: () => void;
}

/** One output on one line (scrolls sideways, never wraps), with its Copy button and feedback. */
export function OutputRow({ label, display, placeholder, purpose, canCopy, feedback, onCopy }: OutputRowProps): ReactElement {
  const id = useId();
  const mine = feedback !== null && feedback.purpose === purpose ? feedback : null;
  return (
    <div className="output-row">
      <label className="output-label" htmlFor={`${id}-value`}>{label}</label>
      <div className="output-line">
        <input
          id={`${id}-value`}
          className="output-value mono"
          type="text"
          readOnly
          value={display ?? ''}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          aria-describedby={`${id}-status`}
          data-testid={`output-${purpose}`}
        />
        <button type="button" className="button" onClick={onCopy} disabled={!canCopy} aria-label={`Copy ${label}`}>
          <CopyIcon />
          <span>Copy</span>
        </button>
      </div>
      <p className={`copy-status${mine === null ? '' : mine.ok ? ' is-ok' : ' is-error'}`} id={`${id}-status`} role="status">
        {mine === null ? null : (
          <>
            {mine.ok ? <CheckIcon /> : null}
            <span>{mine.message}</span>
          </>
        )}
      </p>
    </div>
  );
}
