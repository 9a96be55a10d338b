import type { ReactElement } from 'react';
import type { CopyFeedback, CopySlot } from '../hooks/use-copy';
import { useFormLogic } from '../lazy-chunks';

/**
 * The feedback for one copy control. The live region is here from the first
 * paint; its text (copy-status-text.tsx) comes with the form logic chunk, which
 * has landed before anything can be copied.
 */
export function CopyStatus({ feedback, slot, id, inline = false }: {
  readonly feedback: CopyFeedback | null;
  readonly slot: CopySlot;
  readonly id?: string;
  readonly inline?: boolean;
}): ReactElement {
  const logic = useFormLogic();
  const mine = feedback !== null && feedback.slot === slot ? feedback : null;
  const tone = mine === null ? undefined : mine.ok ? 'ok' : 'error';
  return (
    // The live region announces the copy once; the ticking number is hidden from it.
    <p className={inline ? 'copy-status inline' : 'copy-status'} id={id} role="status" data-slot={slot} data-tone={tone}>
      {mine === null || logic === null ? null : <logic.CopyStatusText feedback={mine} />}
    </p>
  );
}
