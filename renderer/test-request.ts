/**
 * The Test credentials form as the request main is asked to send, or why it is
 * not sent. In the form logic chunk: a test cannot start before it has landed.
 */
import { buildPreview } from './request-preview';
import { sendLimitProblem } from './send-limits';
import { toTokenTestInput } from './test-input';
import type { TestSettings } from './test-settings';
import type { TestRequest } from './hooks/use-token-test';

export function tokenTestRequest(
  chosen: TestSettings, clientId: string, clientSecret: string, formEncode: boolean,
): { readonly ok: true; readonly input: TestRequest } | { readonly ok: false; readonly message: string } {
  const fresh = buildPreview(chosen, clientId, clientSecret, formEncode);
  if (fresh.problem !== null) return { ok: false, message: `Not sent: ${fresh.problem.message}` };
  const input = {
    ...toTokenTestInput(chosen, clientId, clientSecret, formEncode),
    // Only a slot id crosses: the key stays in main.
    ...(chosen.authMethod === 'private_key_jwt' && chosen.clientKey !== null ? { keySlot: chosen.clientKey.slotId } : {}),
  };
  const tooLarge = sendLimitProblem(input);
  return tooLarge === null ? { ok: true, input } : { ok: false, message: `Not tested: ${tooLarge}` };
}
