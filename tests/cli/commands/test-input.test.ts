/**
 * cleanTestInput, the step before a token test's traffic: the secret that is
 * sent is the cleaned one, so that is what the output must never print, in any
 * form, even where the raw paste differed (a mutation review, 2026-12-02, found
 * this line could go with every test still passing).
 */
import { describe, expect, it } from 'vitest';
import { cleanTestInput } from '../../../cli/commands/test-input';
import { Output, REDACTED, type OutStream } from '../../../cli/output';
import type { TokenTestInput } from '../../../core/okta/types';

function sink(): OutStream & { text: string } {
  const s = { isTTY: false, text: '', write: (t: string) => ((s.text += t), true) };
  return s;
}

const BASE: Omit<TokenTestInput, 'clientSecret'> = {
  target: 'dev-123.okta.com', authServer: { kind: 'default' }, clientId: '0oa1cleanclient000h7', scopes: ['api:read'],
  authMethod: 'client_secret_basic', formEncode: false, timeoutMs: 5000,
};

describe('cleanTestInput', () => {
  it('protects the cleaned secret and its encoded forms, which a zero-width space in the paste made differ from the raw one', () => {
    const stdout = sink();
    const output = new Output({ stdout, stderr: sink(), env: {} });
    const raw = 'clean-secret-0123456789\u200B_abcdefghijklmnopqrstuvwxyz';
    const input = cleanTestInput(output, BASE, raw, 'stdin', new Set());
    const cleaned = raw.replace('\u200B', '');
    expect(input?.clientSecret).toBe(cleaned);
    // Positive control: the raw paste is not what is sent, so protecting it alone would miss the cleaned value.
    expect(raw.includes(cleaned)).toBe(false);
    const basic = Buffer.from(`${BASE.clientId}:${cleaned}`).toString('base64');
    output.line(`echo ${cleaned} / ${basic}`);
    // The Base64 characters that encode the client ID alone may stay, as in every masked header.
    expect(stdout.text.startsWith(`echo ${REDACTED} / ${basic.slice(0, 24)}`)).toBe(true);
    expect(stdout.text.endsWith(`${REDACTED}\n`)).toBe(true);
    expect(stdout.text).not.toContain(cleaned.slice(0, 16));
    expect(stdout.text).not.toContain(basic.slice(30));
  });
});
