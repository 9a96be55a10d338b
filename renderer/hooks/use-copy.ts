/**
 * Copying goes through main (bridge.copyText), which marks the copy as secret for
 * clipboard managers and clears it after a delay. The renderer never touches
 * navigator.clipboard: main owns the clipboard copy and knows when to wipe it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CopyPurpose } from '../../electron/shared/ipc-contract';
import type { Bridge } from '../bridge';
import { loadFormLogicNow } from '../lazy-chunks';

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

  const copy = useCallback(async (request: CopyRequest): Promise<CopyFeedback> => {
    seq.current += 1;
    const mine = seq.current;
    // The checks and the call to main live in the form logic chunk, which has landed before anything can be copied.
    const result = await (await loadFormLogicNow()).copyThroughMain(bridge, request);
    // A newer copy (or a Forget) supersedes this one's feedback.
    if (mine === seq.current) setFeedback(result);
    return result;
  }, [bridge]);

  return { feedback, copy };
}
