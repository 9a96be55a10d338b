/**
 * Copying goes through main (bridge.copyText), which marks the copy as secret for
 * clipboard managers and clears it after a delay. The renderer never touches
 * navigator.clipboard: main owns the clipboard copy and knows when to wipe it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CopyPurpose } from '../../electron/shared/ipc-contract';
import { NO_BRIDGE_MESSAGE, type Bridge } from '../bridge';
import { COPY_TEXT_MAX } from '../field-limits';

/** Which control asked for the copy: its feedback is shown there and nowhere else. */
export type CopySlot = CopyPurpose | 'secret' | 'rotation-secret' | 'client-id' | 'header-check' | 'request' | 'corrected';

export interface CopyFeedback {
  readonly slot: CopySlot;
  readonly ok: boolean;
  /** Success: what was copied ("Header copied"). Failure: the whole message. */
  readonly message: string;
  /** Epoch ms when main clears the clipboard (success only). */
  readonly clearsAt: number | null;
  /** main's clearing delay in whole seconds (success only). */
  readonly clearAfterS: number | null;
}

/** How long the feedback stays after the clipboard was cleared (or after a failure). */
const LINGER_MS = 4000;

export interface CopyRequest {
  readonly text: string | null;
  /** What main is told the text is (it treats every purpose as a secret). */
  readonly purpose: CopyPurpose;
  readonly slot?: CopySlot;
  /** Shown on success, e.g. "Header copied". */
  readonly what?: string;
}

export function useCopy(bridge: Bridge | null): {
  readonly feedback: CopyFeedback | null;
  readonly copy: (request: CopyRequest) => Promise<CopyFeedback>;
} {
  const [feedback, setFeedback] = useState<CopyFeedback | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (feedback === null) return undefined;
    const until = (feedback.clearsAt ?? Date.now()) + LINGER_MS;
    const timer = window.setTimeout(() => setFeedback(null), Math.max(0, until - Date.now()));
    return () => window.clearTimeout(timer);
  }, [feedback]);

  const copy = useCallback(async ({ text, purpose, slot = purpose, what = 'Copied' }: CopyRequest): Promise<CopyFeedback> => {
    seq.current += 1;
    const mine = seq.current;
    const failed = (message: string): CopyFeedback => ({ slot, ok: false, message, clearsAt: null, clearAfterS: null });
    let result: CopyFeedback;
    if (text === null || text === '') {
      result = failed('Nothing to copy yet: enter a client ID and a client secret.');
    } else if (text.length > COPY_TEXT_MAX) {
      result = failed(`Not copied: more than ${COPY_TEXT_MAX} characters.`);
    } else if (bridge === null) {
      result = failed(`Not copied. ${NO_BRIDGE_MESSAGE}`);
    } else {
      try {
        const reply = await bridge.copyText({ text, purpose });
        result = reply.ok
          ? { slot, ok: true, message: what, clearsAt: Date.now() + reply.value.clearAfterMs, clearAfterS: Math.max(1, Math.round(reply.value.clearAfterMs / 1000)) }
          : failed(`Not copied: ${reply.message}`);
      } catch {
        result = failed('Not copied: the app did not answer. Try again.');
      }
    }
    // A newer copy (or a Forget) supersedes this one's feedback.
    if (mine === seq.current) setFeedback(result);
    return result;
  }, [bridge]);

  return { feedback, copy };
}
