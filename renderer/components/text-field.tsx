/**
 * Every text field the user types into: its label, the input, its notes (named by
 * aria-describedby), the quiet attributes that keep dictionaries and autofill away
 * from credentials, a size cap with a plain message, and optionally a copy guard.
 */
import { useId, useState, type ClipboardEvent, type ReactElement, type ReactNode } from 'react';
import type { FieldLimit } from '../field-limits';
import { useFormLogic } from '../lazy-chunks';

/** No spellcheck dictionary, autofill or autocorrect ever sees what is typed here. */
export const QUIET_INPUT = { spellCheck: false, autoComplete: 'off', autoCorrect: 'off', autoCapitalize: 'off' } as const;

/** Routes the field's copy and cut through main's guarded clipboard instead of the browser's. */
export interface CopyGuard {
  /** The text a copy of [start, end) puts on the clipboard (the real value, never a mask). */
  readonly textOf: (value: string, start: number, end: number) => string;
  readonly copy: (text: string) => void;
}

type Control = HTMLInputElement | HTMLTextAreaElement;

export interface TextFieldProps {
  readonly label: ReactNode;
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly limit: FieldLimit;
  readonly type?: 'text' | 'password' | undefined;
  /** A multi-line field with this many rows. */
  readonly rows?: number | undefined;
  readonly placeholder?: string | undefined;
  readonly invalid?: boolean | undefined;
  readonly notes?: ReactNode | undefined;
  /** Beside the input (a Show button). */
  readonly after?: ReactNode | undefined;
  readonly guard?: CopyGuard | undefined;
  readonly className?: string | undefined;
}

function selection(el: Control): { start: number; end: number } {
  return { start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 };
}

export function TextField(props: TextFieldProps): ReactElement {
  const { label, value, onValue, limit, guard } = props;
  const id = useId();
  // The length of the text last refused; its message (refusal-note.tsx) comes with the form logic chunk.
  const [refused, setRefused] = useState<number | null>(null);
  const logic = useFormLogic();

  const accept = (next: string): void => {
    // A backstop for drops and typing; pastes are refused before they land (onPaste).
    if (next.length > limit.max) {
      setRefused(next.length);
      return;
    }
    setRefused(null);
    onValue(next);
  };

  const onPaste = (e: ClipboardEvent<Control>): void => {
    const pasted = e.clipboardData.getData('text/plain');
    const { start, end } = selection(e.currentTarget);
    const length = value.length - (end - start) + pasted.length;
    if (length > limit.max) {
      e.preventDefault();
      setRefused(length);
    }
  };

  const guarded = guard === undefined ? {} : {
    onCopy: (e: ClipboardEvent<Control>): void => {
      e.preventDefault();
      const { start, end } = selection(e.currentTarget);
      const text = guard.textOf(value, start, end);
      if (text !== '') guard.copy(text);
    },
    onCut: (e: ClipboardEvent<Control>): void => {
      e.preventDefault();
      const { start, end } = selection(e.currentTarget);
      const text = guard.textOf(value, start, end);
      if (text === '') return;
      guard.copy(text);
      accept(value.slice(0, start) + value.slice(end));
    },
    // A dragged selection would reach another app without the guard.
    onDragStart: (e: { preventDefault(): void }): void => e.preventDefault(),
  };

  const common = {
    id: `${id}-input`,
    className: 'text-input mono',
    value,
    placeholder: props.placeholder,
    'aria-invalid': props.invalid === true || refused !== null || undefined,
    'aria-describedby': `${id}-notes`,
    onPaste,
    ...guarded,
    ...QUIET_INPUT,
  };
  const control = props.rows === undefined
    ? <input {...common} type={props.type ?? 'text'} onChange={(e) => accept(e.target.value)} />
    : <textarea {...common} rows={props.rows} onChange={(e) => accept(e.target.value)} />;

  return (
    <div className={props.className === undefined ? 'field' : `field ${props.className}`}>
      <label htmlFor={`${id}-input`}>{label}</label>
      {props.after === undefined ? control : <div className="input-with-button">{control}{props.after}</div>}
      <div className="field-notices" id={`${id}-notes`}>
        {refused === null || logic === null ? null : <logic.RefusalNote limit={limit} length={refused} />}
        {props.notes}
      </div>
    </div>
  );
}
