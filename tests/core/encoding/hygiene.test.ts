import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanField, inspectField } from '../../../core/encoding/hygiene';
import { HYGIENE_CODES } from '../../../core/encoding/codes';
import type { CredentialField } from '../../../core/encoding/types';

interface Case {
  readonly name: string;
  readonly raw: string;
  readonly field: CredentialField;
  readonly value: string;
  /** Exactly the codes expected, in order. */
  readonly codes: readonly string[];
  /** Something each listed message must say (same order as codes). */
  readonly says?: readonly (RegExp | null)[];
}

const ID = '0oajncakofQmjxlSw0h3';
const SECRET = 'X8tWZbmAq3b9-_CxYJ2uVvKkN0pLrDsEfGhIjMnOpQrStUvWxYz0123456789abc';

const CASES: readonly Case[] = [
  { name: 'a clean Okta ID', raw: ID, field: 'clientId', value: ID, codes: [] },
  { name: 'a clean Okta secret', raw: SECRET, field: 'clientSecret', value: SECRET, codes: [] },
  { name: 'surrounding spaces and a tab', raw: `  ${ID}\t`, field: 'clientId', value: ID, codes: ['trimmed-whitespace'],
    says: [/^Removed leading whitespace \(2 spaces\) and a trailing tab from the client ID\.$/] },
  { name: 'a non-breaking space at the edge (trimmed, named)', raw: `\u00a0${SECRET}`, field: 'clientSecret', value: SECRET, codes: ['trimmed-whitespace'],
    says: [/a leading non-breaking space \(U\+00A0\)/] },
  { name: 'echo-style trailing \\n', raw: `${SECRET}\n`, field: 'clientSecret', value: SECRET, codes: ['removed-line-break'],
    says: [/^Removed a trailing line break \(\\n\) from the client secret\./] },
  { name: 'Windows trailing \\r\\n plus spaces', raw: `${SECRET}  \r\n`, field: 'clientSecret', value: SECRET, codes: ['trimmed-whitespace', 'removed-line-break'],
    says: [/trailing whitespace \(2 spaces\)/, /a trailing line break \(\\r\\n\)/] },
  { name: 'leading and trailing line breaks', raw: `\n${ID}\r\n\n`, field: 'clientId', value: ID, codes: ['removed-line-break'],
    says: [/a leading line break \(\\n\) and 2 trailing line breaks \(\\r\\n, \\n\)/] },
  { name: 'an inner line break (removed, warned)', raw: 'abcd\r\nefgh', field: 'clientSecret', value: 'abcdefgh', codes: ['removed-line-break'],
    says: [/inside the client secret \(\\r\\n after character 4\)/] },
  { name: 'a BOM at the start', raw: `\ufeff${ID}`, field: 'clientId', value: ID, codes: ['removed-bom'],
    says: [/^Removed a byte-order mark \(U\+FEFF\) from the start of the client ID\./] },
  { name: 'BOMs inside and at the end', raw: `abc\ufeffdef\ufeff`, field: 'clientSecret', value: 'abcdef', codes: ['removed-bom'],
    says: [/2 byte-order marks \(U\+FEFF\) from the inside and the end/] },
  { name: 'zero-width characters', raw: `\u200bab\u200c\u200dcd\u2060ef\u180e\u200b`, field: 'clientSecret', value: 'abcdef', codes: ['removed-zero-width'],
    says: [/Removed 6 invisible characters from the client secret: 2 zero-width spaces \(U\+200B\), a zero-width non-joiner \(U\+200C\), a zero-width joiner \(U\+200D\), a word joiner \(U\+2060\) and a Mongolian vowel separator \(U\+180E\)\./] },
  { name: 'zero-width then a space, all removed', raw: '\u200b abc', field: 'clientId', value: 'abc', codes: ['removed-zero-width', 'trimmed-whitespace'] },
  { name: 'smart single quote in the ID (shown)', raw: 'my\u2019app', field: 'clientId', value: 'my\u2019app', codes: ['look-alike-character', 'non-ascii-utf8'],
    says: [/“’”, right single quotation mark \(U\+2019\) at position 3 \(looks like ASCII '\)/, /UTF-8/] },
  { name: 'smart quotes in the secret (named, never shown)', raw: 'ab\u2018c\u201cd\u201de\u201bf\u201fg\u2032h\u2033', field: 'clientSecret', value: 'ab\u2018c\u201cd\u201de\u201bf\u201fg\u2032h\u2033',
    codes: ['look-alike-character', 'non-ascii-utf8'],
    says: [/7 characters that look like ASCII but are not: left single quotation mark \(U\+2018\) at position 3 \(looks like ASCII '\), .*double high-reversed-9 quotation mark \(U\+201F\) at position 11 \(looks like ASCII "\) and 2 more\./, null] },
  { name: 'en and em dashes', raw: 'a\u2013b\u2014c', field: 'clientSecret', value: 'a\u2013b\u2014c', codes: ['look-alike-character', 'non-ascii-utf8'],
    says: [/en dash \(U\+2013\) at position 2 \(looks like ASCII -\) and em dash \(U\+2014\) at position 4/, null] },
  { name: 'a non-breaking space inside (flagged, kept)', raw: 'ab\u00a0cd', field: 'clientSecret', value: 'ab\u00a0cd', codes: ['look-alike-character', 'non-ascii-utf8'],
    says: [/non-breaking space \(U\+00A0\) at position 3 \(looks like a space\)/, null] },
  { name: 'Cyrillic and Greek homoglyphs', raw: '0o\u0430j\u039fx', field: 'clientId', value: '0o\u0430j\u039fx', codes: ['look-alike-character', 'non-ascii-utf8'],
    says: [/Cyrillic small letter A \(U\+0430\) at position 3 \(looks like ASCII a\).*Greek capital letter O \(U\+039F\) at position 5/, null] },
  { name: 'fullwidth forms', raw: '\uff21\uff42\uff13', field: 'clientSecret', value: '\uff21\uff42\uff13', codes: ['look-alike-character', 'non-ascii-utf8'],
    says: [/fullwidth form of A \(U\+FF21\) at position 1 \(its first character\)/, null] },
  { name: 'a colon look-alike (ratio) in the ID', raw: 'id\u2236x', field: 'clientId', value: 'id\u2236x', codes: ['look-alike-character', 'non-ascii-utf8'],
    says: [/ratio \(U\+2236\).*looks like ASCII :/, null] },
  { name: 'a space inside', raw: 'abc def', field: 'clientSecret', value: 'abc def', codes: ['whitespace-in-value'],
    says: [/a space at position 4\. Okta-generated values never contain spaces or tabs/] },
  { name: 'a control character', raw: 'abc\u0007def', field: 'clientSecret', value: 'abc\u0007def', codes: ['control-character'],
    says: [/a control character: U\+0007 at position 4/] },
  { name: 'an unpaired surrogate', raw: 'abc\ud800def', field: 'clientSecret', value: 'abc\ud800def', codes: ['lone-surrogate', 'non-ascii-utf8'],
    says: [/unpaired UTF-16 surrogate: U\+D800 at position 4\) that cannot be encoded as UTF-8/, null] },
  { name: 'JSON quotes around the value', raw: `"${SECRET}"`, field: 'clientSecret', value: `"${SECRET}"`, codes: ['surrounding-quotes'],
    says: [/starts and ends with double quotes/] },
  { name: 'curly quotes around the value', raw: `\u201c${ID}\u201d`, field: 'clientId', value: `\u201c${ID}\u201d`, codes: ['look-alike-character', 'surrounding-quotes', 'non-ascii-utf8'],
    says: [null, /curly double quotes/, null] },
  { name: 'non-ASCII letters', raw: 'pässwörd-ключ', field: 'clientSecret', value: 'pässwörd-ключ', codes: ['non-ascii-utf8'],
    says: [/^The client secret contains non-ASCII characters\. They are encoded as UTF-8, as RFC 7617 specifies/] },
  { name: 'whitespace only', raw: ' \r\n\t', field: 'clientSecret', value: '', codes: ['trimmed-whitespace', 'removed-line-break'] },
  { name: 'empty', raw: '', field: 'clientSecret', value: '', codes: [] },
];

describe('cleanField', () => {
  it.each(CASES)('$name', ({ raw, field, value, codes, says }) => {
    const cleaned = cleanField(raw, field);
    expect(cleaned.value).toBe(value);
    expect(cleaned.notices.map((n) => n.code)).toEqual(codes);
    says?.forEach((pattern, i) => {
      if (pattern) expect(cleaned.notices[i]?.message).toMatch(pattern);
    });
  });

  it('gives removals info severity, an inner line break a warning, flags warnings, a broken character an error', () => {
    const severities = (raw: string): string[] => cleanField(raw, 'clientSecret').notices.map((n) => `${n.code}:${n.severity}`);
    expect(severities(' \ufeff\u200bab\n')).toEqual(['removed-bom:info', 'removed-zero-width:info', 'trimmed-whitespace:info', 'removed-line-break:info']);
    expect(severities('a\nb')).toEqual(['removed-line-break:warning']);
    expect(severities('a\u2019b c\u0001')).toEqual(['whitespace-in-value:warning', 'control-character:warning', 'look-alike-character:warning', 'non-ascii-utf8:info']);
    expect(severities('\udc00')).toEqual(['lone-surrogate:error', 'non-ascii-utf8:info']);
  });

  it('never shows the secret’s look-alike characters, only their names, unless told the field is safe to show', () => {
    const secret = cleanField('ab\u2019cd', 'clientSecret').notices.find((n) => n.code === 'look-alike-character');
    expect(secret?.message).toContain('right single quotation mark (U+2019)');
    expect(secret?.message).not.toContain('\u2019');
    const id = cleanField('ab\u2019cd', 'clientId').notices.find((n) => n.code === 'look-alike-character');
    expect(id?.message).toContain('\u2019');
    const hidden = cleanField('ab\u2019cd', 'clientId', { revealCharacters: false }).notices.find((n) => n.code === 'look-alike-character');
    expect(hidden?.message).not.toContain('\u2019');
  });

  it.each(['\u2018', '\u2019', '\u201c', '\u201d', '\u201b', '\u201f', '\u2032', '\u2033', '\u2013', '\u2014', '\u00a0', '\u0430', '\u0391', '\uff41'])(
    'flags %s inside a value and keeps it', (ch) => {
      const cleaned = cleanField(`ab${ch}cd`, 'clientSecret');
      expect(cleaned.value).toBe(`ab${ch}cd`);
      expect(cleaned.notices[0]).toMatchObject({ code: 'look-alike-character', severity: 'warning' });
      expect(cleaned.notices[0]?.message).toContain('at position 3');
    });

  it('lists at most five positions and counts the rest', () => {
    const flagged = cleanField('\u2013'.repeat(8), 'clientSecret').notices[0];
    expect(flagged?.message).toMatch(/at position 5 \(looks like ASCII -\) and 3 more\./);
  });

  it('produces every hygiene code from the cases above', () => {
    const seen = new Set(CASES.flatMap((c) => c.codes));
    for (const n of inspectField('a\nb\u200bc', 'clientSecret')) seen.add(n.code);
    expect([...HYGIENE_CODES].filter((code) => !seen.has(code))).toEqual([]);
  });
});

describe('inspectField', () => {
  it('flags line breaks and invisible characters that cleanField would have removed, without changing anything', () => {
    const notices = inspectField('ab\ncd\u200b', 'clientSecret');
    expect(notices.map((n) => n.code)).toEqual(['line-break-in-value', 'invisible-character', 'non-ascii-utf8']);
    expect(notices[0]?.message).toMatch(/a line break \(\\n at position 3\)/);
    expect(notices[1]?.message).toMatch(/zero-width space \(U\+200B\) at position 6 \(its last character\)/);
  });
});

describe('cleanField properties', () => {
  const messy = fc.string({
    unit: fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      { weight: 3, arbitrary: fc.constantFrom(' ', '\t', '\n', '\r\n', '\r', '\u00a0', '\ufeff', '\u200b', '\u2060', '\u2028', '\u3000', '\u2019', '\u0430') },
    ),
    maxLength: 40,
  });
  const REMOVALS = new Set(['trimmed-whitespace', 'removed-line-break', 'removed-bom', 'removed-zero-width']);

  it('is idempotent, leaves no edge whitespace, line break, BOM or zero-width, and never changes a value silently (2,000 cases)', () => {
    fc.assert(fc.property(messy, fc.constantFrom<CredentialField>('clientId', 'clientSecret'), (raw, field) => {
      const once = cleanField(raw, field);
      // Cleaning again changes nothing and reports only the same flags.
      expect(cleanField(once.value, field)).toEqual({ value: once.value, notices: once.notices.filter((n) => !REMOVALS.has(n.code)) });
      expect(once.value).not.toMatch(/^[\s\u0085]|[\s\u0085]$|[\r\n\u0085\u2028\u2029\ufeff\u200b-\u200d\u2060\u180e]/);
      const removed = once.notices.some((n) => REMOVALS.has(n.code));
      expect(removed).toBe(once.value !== raw);
    }), { numRuns: 2000 });
  });
});
