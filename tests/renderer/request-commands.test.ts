/**
 * "Copy as PowerShell" quotes each value in a single-quoted string. PowerShell's
 * tokenizer treats the typographic single quotes ‘ ’ ‚ ‛ as single quotes too
 * (CharExtensions.IsSingleQuote): one of them in a secret pasted from a document
 * ended the string early, and the rest of the secret ran as PowerShell code.
 * `readSingleQuoted` is that tokenizer's rule for a single-quoted literal.
 */
import { describe, expect, it } from 'vitest';
import { requestCommand, type InlineCredential, type RequestSpec } from '../../renderer/request-commands';

const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);

/** The value of the single-quoted literal starting at `from` (a quote), and where it ends; as PowerShell reads it. */
function readSingleQuoted(text: string, from: number): { readonly value: string; readonly end: number } {
  if (!SINGLE_QUOTES.has(text[from] ?? '')) throw new Error('not a single-quoted string');
  let value = '';
  for (let i = from + 1; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (SINGLE_QUOTES.has(c)) {
      if (!SINGLE_QUOTES.has(text[i + 1] ?? '')) return { value, end: i + 1 };
      i += 1;
      value += text[i];
      continue;
    }
    value += c;
  }
  throw new Error('unterminated string');
}

const SPEC_POST: RequestSpec = { url: 'https://dev-1.okta.com/oauth2/default/v1/token', authMethod: 'client_secret_post', clientId: '0oa1', scopes: [] };

describe('Copy as PowerShell, with the credential inline', () => {
  it.each([
    ['an ASCII quote', "se'cret-value"],
    ['typographic quotes (pasted from a document)', 'se’cret‘value‚x‛y'],
    ['a quote that would end the string and run the rest', "abc’; Write-Output pwned; ’"],
  ])('keeps a secret with %s inside one string literal', (_name, secret) => {
    const inline: InlineCredential = { basic: 'Basic x', secret };
    const command = requestCommand('powershell', SPEC_POST, inline);
    const at = command.indexOf('[uri]::EscapeDataString(') + '[uri]::EscapeDataString('.length;
    const literal = readSingleQuoted(command, at);
    expect(literal.value).toBe(secret);
    // The literal is followed by the call's closing parentheses, nothing of the secret.
    expect(command.slice(literal.end)).toBe('))');
  });

  it('positive control: the reader stops at a typographic quote, as PowerShell does', () => {
    expect(readSingleQuoted("'ab’cd'", 0)).toEqual({ value: 'ab', end: 4 });
    expect(readSingleQuoted("'ab’’cd'", 0)).toEqual({ value: 'ab’cd', end: 8 });
  });
});
