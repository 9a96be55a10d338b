/**
 * Issue 11 item 11: the page (renderer/send-limits.ts) and main
 * (electron/main/ipc-validate.ts) read one LIMITS and count one unit, so they
 * judge every input the same. On the old code the page counted code points and
 * main UTF-16 units: a 5,000-emoji secret passed the page, then main refused it.
 */
import { describe, expect, it } from 'vitest';
import { validateTestCredentials } from '../../../electron/main/ipc-validate';
import { LIMITS } from '../../../electron/shared/limits';
import { sendLimitProblem } from '../../../renderer/send-limits';

const EMOJI = '\u{1F511}'; // 🔑: one code point, two UTF-16 units

function verdicts(fields: { clientId?: string; clientSecret?: string; target?: string }): { page: boolean; main: boolean } {
  const input = { clientId: fields.clientId ?? '0oa1', clientSecret: fields.clientSecret ?? 's', target: fields.target ?? 'dev-123.okta.com', scopes: [] };
  const request = { requestId: 'r1', authServer: { kind: 'default' }, authMethod: 'client_secret_basic', formEncode: false, timeoutMs: 15_000, ...input };
  return { page: sendLimitProblem(input) === null, main: validateTestCredentials(request).ok };
}

describe('one LIMITS, one unit', () => {
  it('a 5,000-emoji secret is refused by the page, as main refuses it', () => {
    expect(verdicts({ clientSecret: EMOJI.repeat(5000) })).toEqual({ page: false, main: false });
  });

  it('at the cap, counted in UTF-16 units, both accept; one unit over, both refuse', () => {
    const half = LIMITS.clientSecretChars / 2;
    expect(verdicts({ clientSecret: EMOJI.repeat(half) })).toEqual({ page: true, main: true });
    expect(verdicts({ clientSecret: `${EMOJI.repeat(half)}x` })).toEqual({ page: false, main: false });
  });

  it.each([
    ['clientId', LIMITS.clientIdChars],
    ['target', LIMITS.targetChars],
  ] as const)('%s: the same verdict on both sides either side of the cap, with astral characters', (field, cap) => {
    expect(verdicts({ [field]: `${EMOJI.repeat(cap / 2 - 1)}ab` })).toEqual({ page: true, main: true });
    expect(verdicts({ [field]: `${EMOJI.repeat(cap / 2)}a` })).toEqual({ page: false, main: false });
  });
});
