/**
 * What a text field (text-field.tsx) says when it refuses a paste over its cap.
 * In the form logic chunk (form-logic.ts): the field shows it once that has
 * landed, which it has before anything can be pasted in practice.
 */
import type { ReactElement } from 'react';
import type { FieldLimit } from '../field-limits';
import { ErrorNote } from './error-note';

const count = new Intl.NumberFormat('en-US');

export function RefusalNote({ limit, length }: { readonly limit: FieldLimit; readonly length: number }): ReactElement {
  return (
    <ErrorNote code="too-long">
      {`Not pasted: this field takes at most ${count.format(limit.max)} characters, and the text had ${count.format(length)}. ${limit.advice}`}
    </ErrorNote>
  );
}
