/**
 * One copy through main (bridge.copyText), as the feedback its control shows.
 * In the form logic chunk: hooks/use-copy.ts keeps only the state.
 */
import { NO_BRIDGE_MESSAGE, type Bridge } from './bridge';
import { COPY_TEXT_MAX } from './field-limits';
import type { CopyFeedback, CopyRequest } from './hooks/use-copy';

export async function copyThroughMain(bridge: Bridge | null, { text, purpose, slot = purpose, what = 'Copied' }: CopyRequest): Promise<CopyFeedback> {
  const failed = (message: string): CopyFeedback => ({ slot, ok: false, message, clearsAt: null, clearAfterS: null });
  if (text === null || text === '') return failed('Nothing to copy yet: enter a client ID and a client secret.');
  if (text.length > COPY_TEXT_MAX) return failed(`Not copied: more than ${COPY_TEXT_MAX} characters.`);
  if (bridge === null) return failed(`Not copied. ${NO_BRIDGE_MESSAGE}`);
  try {
    const reply = await bridge.copyText({ text, purpose });
    return reply.ok
      ? { slot, ok: true, message: what, clearsAt: Date.now() + reply.value.clearAfterMs, clearAfterS: Math.max(1, Math.round(reply.value.clearAfterMs / 1000)) }
      : failed(`Not copied: ${reply.message}`);
  } catch {
    return failed('Not copied: the app did not answer. Try again.');
  }
}
