/**
 * One error of the page's own, shown like core's notices (notice-list.tsx). Its
 * own module, out of the first paint: a field's refusal of an oversized paste
 * (refusal-note.tsx, form logic chunk) and the Test panel use it.
 */
import type { ReactElement, ReactNode } from 'react';
import { ErrorIcon } from './icons';

/** One error of the page's own (not from core), shown like core's errors. */
export function ErrorNote({ code, children }: { readonly code: string; readonly children: ReactNode }): ReactElement {
  return (
    <ul className="notices">
      <li className="notice" data-tone="error" data-code={code}>
        <ErrorIcon />
        <div className="notice-body">
          <span className="notice-text"><span className="visually-hidden">Error: </span>{children}</span>
        </div>
      </li>
    </ul>
  );
}
