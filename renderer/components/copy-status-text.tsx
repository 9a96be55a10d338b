/**
 * What CopyStatus shows after a copy: the message and a live "Clears in 27 s"
 * countdown, then "Cleared". Comes with the form logic chunk, not the first paint.
 */
import type { ReactElement } from 'react';
import type { CopyFeedback } from '../hooks/use-copy';
import { useNow } from '../hooks/use-now';
import { CheckIcon } from './icons';

export function CopyStatusText({ feedback }: { readonly feedback: CopyFeedback }): ReactElement {
  const now = useNow(feedback.clearsAt != null);
  // useNow's clock may predate the copy until its first tick: never count from before the copy.
  const left = feedback.clearsAt == null ? 0 : Math.ceil((feedback.clearsAt - Math.max(now, feedback.clearsAt - (feedback.clearAfterS ?? 0) * 1000)) / 1000);
  return feedback.ok ? (
    <>
      <CheckIcon />
      <span>{feedback.message}. </span>
      <span aria-hidden="true">{left > 0 ? `Clears in ${left} s` : 'Cleared from the clipboard'}</span>
      <span className="visually-hidden">{`It is removed from the clipboard after ${feedback.clearAfterS ?? 0} seconds.`}</span>
    </>
  ) : <span>{feedback.message}</span>;
}
