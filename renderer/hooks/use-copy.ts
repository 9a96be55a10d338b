/**
 * Copying goes through main (bridge.copyText), which clears the clipboard after a
 * delay. The renderer never touches navigator.clipboard: main owns the clipboard
 * copy and knows when to wipe it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CopyPurpose } from '../../electron/shared/ipc-contract';
import { NO_BRIDGE_MESSAGE, type Bridge } from '../bridge';

export interface CopyFeedback {
  readonly purpose: CopyPurpose;
  readonly ok: boolean;
  readonly message: string;
}

/** How long the "Copied" line stays visible; the clipboard itself is cleared by main. */
const FEEDBACK_MS = 6000;

export function useCopy(bridge: Bridge | null): {
  readonly feedback: CopyFeedback | null;
  readonly copy: (text: string | null, purpose: CopyPurpose) => Promise<CopyFeedback>;
} {
  const [feedback, setFeedback] = useState<CopyFeedback | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (feedback === null) return undefined;
    const timer = window.setTimeout(() => setFeedback(null), FEEDBACK_MS);
    return () => window.clearTimeout(timer);
  }, [feedback]);

  const copy = useCallback(async (text: string | null, purpose: CopyPurpose): Promise<CopyFeedback> => {
    seq.current += 1;
    const mine = seq.current;
    let result: CopyFeedback;
    if (text === null || text === '') {
      result = { purpose, ok: false, message: 'Nothing to copy yet: enter a client ID and a client secret.' };
    } else if (bridge === null) {
      result = { purpose, ok: false, message: `Not copied. ${NO_BRIDGE_MESSAGE}` };
    } else {
      try {
        const reply = await bridge.copyText({ text, purpose });
        result = reply.ok
          ? { purpose, ok: true, message: `Copied — clears in ${Math.max(1, Math.round(reply.value.clearAfterMs / 1000))} s` }
          : { purpose, ok: false, message: `Not copied: ${reply.message}` };
      } catch {
        result = { purpose, ok: false, message: 'Not copied: the app did not answer. Try again.' };
      }
    }
    // A newer copy (or a Forget) supersedes this one's feedback.
    if (mine === seq.current) setFeedback(result);
    return result;
  }, [bridge]);

  return { feedback, copy };
}
