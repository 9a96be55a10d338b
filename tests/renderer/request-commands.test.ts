/**
 * "Copy as PowerShell" quotes each value in a single-quoted string. PowerShell's
 * tokenizer treats the typographic single quotes ‘ ’ ‚ ‛ as single quotes too
 * (CharExtensions.IsSingleQuote): one of them in a secret pasted from a document
 * ended the string early, and the rest of the secret ran as PowerShell code.
 * `readSingleQuoted` is that tokenizer's rule for a single-quoted literal.
 */
import { describe, expect, it } from 'vitest';
import { httpieSecretProblem, requestCommand, type InlineCredential, type RequestSpec } from '../../renderer/request-commands';

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

/**
 * HTTPie's reading of a request item (httpie/cli/argtypes.py, KeyValueArgType with the item
 * separators of httpie/cli/constants.py): a backslash before one of : ; = @ makes it literal and
 * is dropped, any other backslash stays; the first separator wins, the longest at that place.
 */
const HTTPIE_SEPARATORS = [':', ';', ':@', '==', '==@', '=', ':=', '@', '=@', ':=@'];
const HTTPIE_SPECIAL = new Set([':', ';', '=', '@']);
function httpieItem(arg: string): { readonly key: string; readonly sep: string; readonly value: string } {
  const tokens: { readonly text: string; readonly escaped: boolean }[] = [{ text: '', escaped: false }];
  const chars = [...arg];
  for (let i = 0; i < chars.length; i += 1) {
    const c = chars[i] ?? '';
    const last = tokens.length - 1;
    if (c === '\\') {
      const next = chars[(i += 1)] ?? '';
      if (HTTPIE_SPECIAL.has(next)) tokens.push({ text: next, escaped: true }, { text: '', escaped: false });
      else tokens[last] = { text: (tokens[last]?.text ?? '') + '\\' + next, escaped: false };
    } else {
      tokens[last] = { text: (tokens[last]?.text ?? '') + c, escaped: false };
    }
  }
  const bySize = [...HTTPIE_SEPARATORS].sort((a, b) => a.length - b.length);
  for (let t = 0; t < tokens.length; t += 1) {
    const token = tokens[t];
    if (token === undefined || token.escaped) continue;
    const found = new Map<number, string>();
    for (const sep of bySize) {
      const at = token.text.indexOf(sep);
      if (at !== -1) found.set(at, sep);
    }
    if (found.size === 0) continue;
    const at = Math.min(...found.keys());
    const sep = found.get(at) ?? '';
    const before = tokens.slice(0, t).map((x) => x.text).join('');
    const after = tokens.slice(t + 1).map((x) => x.text).join('');
    return { key: before + token.text.slice(0, at), sep, value: token.text.slice(at + sep.length) + after };
  }
  throw new Error(`${arg} is not a valid item`);
}

/** The words of a POSIX shell line made of single-quoted words (with '\'' for a quote) and plain words. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] ?? '';
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && line[i + 1] === '\n') {
      i += 1;
    } else if (c === '\\') {
      word = (word ?? '') + (line[(i += 1)] ?? '');
    } else if (c === ' ' || c === '\n') {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

describe('Copy as HTTPie, with the credential inline', () => {
  const secretItem = (secret: string): ReturnType<typeof httpieItem> => {
    const words = shellWords(requestCommand('httpie', { ...SPEC_POST, scopes: ['=odd', '@odd'] }, { basic: 'Basic x', secret }));
    const item = words.slice(4).map(httpieItem).find((parsed) => parsed.key === 'client_secret');
    if (item === undefined) throw new Error('no client_secret item');
    return item;
  };

  it.each([
    ['= (HTTPie read k==v as a URL query parameter: the secret in the URL)', '=starts-with-equals-sign'],
    ['@ (HTTPie read k=@v as the contents of a file named v)', '@starts-with-at-sign'],
    ['separators inside', 'a:b=c@d;e==f:=@g'],
    ['a backslash before an ordinary character', 'back\\slash\\'],
  ])('a secret that starts with or holds %s is one form field, exactly', (_name, secret) => {
    expect(secretItem(secret)).toEqual({ key: 'client_secret', sep: '=', value: secret });
  });

  it('scope values that start with = or @ stay form fields too', () => {
    const words = shellWords(requestCommand('httpie', { ...SPEC_POST, scopes: ['=odd', '@odd'] }, { basic: 'Basic x', secret: 'plain-secret-value' }));
    expect(words.slice(4).map(httpieItem).find((parsed) => parsed.key === 'scope')).toEqual({ key: 'scope', sep: '=', value: '=odd @odd' });
  });

  it('positive control: the model reads an unescaped leading = or @ the way HTTPie does', () => {
    expect(httpieItem('client_secret==abc')).toEqual({ key: 'client_secret', sep: '==', value: 'abc' });
    expect(httpieItem('client_secret=@abc')).toEqual({ key: 'client_secret', sep: '=@', value: 'abc' });
    expect(httpieItem('k=a\\=b')).toEqual({ key: 'k', sep: '=', value: 'a=b' });
  });

  it('a secret HTTPie cannot carry exactly is named before any copy; curl and PowerShell remain', () => {
    expect(httpieSecretProblem('client_secret_post', 'with\\:backslash', true)).toMatch(/HTTPie drops a backslash/);
    expect(httpieSecretProblem('client_secret_post', 'with\\:backslash', false)).toMatch(/HTTPie drops a backslash/);
    // Read from the environment, a leading = or @ cannot be escaped; inline it is.
    expect(httpieSecretProblem('client_secret_post', '=secret', false)).toMatch(/URL query parameter/);
    expect(httpieSecretProblem('client_secret_post', '=secret', true)).toBeNull();
    expect(httpieSecretProblem('client_secret_post', 'ordinary-secret', false)).toBeNull();
    // In a Basic header the secret is Base64: nothing for HTTPie to misread.
    expect(httpieSecretProblem('client_secret_basic', '=\\:secret', false)).toBeNull();
  });
});
