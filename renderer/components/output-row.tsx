import { useId, type ClipboardEvent, type ReactElement } from 'react';
import type { CopyPurpose } from '../../electron/shared/ipc-contract';
import type { CopyFeedback } from '../hooks/use-copy';
import { CopyStatus } from './copy-status';
import { CopyIcon } from './icons';
import { QUIET_INPUT } from './text-field';

export interface OutputRowProps {
  readonly label: string;
  /** Visible words on the Copy button, saying what it copies. */
  readonly copyLabel: string;
  /** What is on screen: the real value, or its masked form. */
  readonly display: string | null;
  readonly placeholder: string;
  readonly purpose: CopyPurpose;
  readonly canCopy: boolean;
  readonly feedback: CopyFeedback | null;
  /** Copies the real value through main's guarded clipboard. */
  readonly onCopy: () => void;
}

/**
 * One output, shown whole: one logical line, wrapped on screen so it can be
 * compared by eye. Every copy (button, Ctrl+C, context menu, Edit › Copy, cut)
 * copies the real value through main, never the characters on screen (the mask).
 */
export function OutputRow({ label, copyLabel, display, placeholder, purpose, canCopy, feedback, onCopy }: OutputRowProps): ReactElement {
  const id = useId();
  const guard = (e: ClipboardEvent<HTMLTextAreaElement>): void => {
    e.preventDefault();
    if (canCopy) onCopy();
  };
  return (
    <div className="output-row">
      <label className="output-label" htmlFor={`${id}-value`}>{label}</label>
      <div className="output-line">
        <textarea
          id={`${id}-value`}
          className="output-value mono"
          readOnly
          rows={1}
          value={display ?? ''}
          placeholder={placeholder}
          {...QUIET_INPUT}
          onCopy={guard}
          onCut={guard}
          onDragStart={(e) => e.preventDefault()}
          aria-describedby={`${id}-status`}
          data-testid={`output-${purpose}`}
        />
        <button type="button" className="button" onClick={onCopy} disabled={!canCopy}>
          <CopyIcon />
          <span>{copyLabel}</span>
        </button>
      </div>
      <CopyStatus feedback={feedback} slot={purpose} id={`${id}-status`} />
    </div>
  );
}
