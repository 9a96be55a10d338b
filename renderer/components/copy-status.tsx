import type { ReactElement } from 'react';
import type { CopyFeedback, CopySlot } from '../hooks/use-copy';
import { useNow } from '../hooks/use-now';
import { CheckIcon } from './icons';

/** The feedback for one copy control: a live "Clears in 27 s" countdown, then "Cleared". */
export function CopyStatus({ feedback, slot, id, inline = false }: {
  readonly feedback: CopyFeedback | null;
  readonly slot: CopySlot;
  readonly id?: string;
  readonly inline?: boolean;
}): ReactElement {
  const mine = feedback !== null && feedback.slot === slot ? feedback : null;
  const now = useNow(mine?.clearsAt != null);
  // useNow's clock may predate the copy until its first tick: never count from before the copy.
  const left = mine?.clearsAt == null ? 0 : Math.ceil((mine.clearsAt - Math.max(now, mine.clearsAt - (mine.clearAfterS ?? 0) * 1000)) / 1000);
  const tone = mine === null ? undefined : mine.ok ? 'ok' : 'error';
  return (
    // The live region announces the copy once; the ticking number is hidden from it.
    <p className={inline ? 'copy-status inline' : 'copy-status'} id={id} role="status" data-slot={slot} data-tone={tone}>
      {mine === null ? null : mine.ok ? (
        <>
          <CheckIcon />
          <span>{mine.message}. </span>
          <span aria-hidden="true">{left > 0 ? `Clears in ${left} s` : 'Cleared from the clipboard'}</span>
          <span className="visually-hidden">{`It is removed from the clipboard after ${mine.clearAfterS ?? 0} seconds.`}</span>
        </>
      ) : <span>{mine.message}</span>}
    </p>
  );
}
