/**
 * Character classes used by input hygiene and by decode-and-diagnose.
 * Tables, not regexes, so every flagged character can be named in plain English
 * (a notice says "U+2019 right single quotation mark", never shows the value around it).
 */

export interface CharInfo {
  /** Plain-English Unicode name, lower case. */
  readonly name: string;
  /** The ASCII text it is easily mistaken for, if any. */
  readonly looksLike?: string;
}

/** Line breaks. CR LF counts as one break when adjacent. */
export const LINE_BREAKS: ReadonlyMap<number, CharInfo> = new Map([
  [0x0a, { name: 'line feed' }],
  [0x0d, { name: 'carriage return' }],
  [0x85, { name: 'next line (U+0085)' }],
  [0x2028, { name: 'line separator (U+2028)' }],
  [0x2029, { name: 'paragraph separator (U+2029)' }],
]);

/** Characters trimmed from the edges of a field (inside a value they are flagged instead). */
export const SPACES: ReadonlyMap<number, CharInfo> = new Map<number, CharInfo>([
  [0x20, { name: 'space' }],
  [0x09, { name: 'tab' }],
  [0x0b, { name: 'vertical tab' }],
  [0x0c, { name: 'form feed' }],
  [0xa0, { name: 'non-breaking space (U+00A0)', looksLike: ' ' }],
  [0x1680, { name: 'Ogham space mark (U+1680)', looksLike: ' ' }],
  [0x2000, { name: 'en quad (U+2000)', looksLike: ' ' }],
  [0x2001, { name: 'em quad (U+2001)', looksLike: ' ' }],
  [0x2002, { name: 'en space (U+2002)', looksLike: ' ' }],
  [0x2003, { name: 'em space (U+2003)', looksLike: ' ' }],
  [0x2004, { name: 'three-per-em space (U+2004)', looksLike: ' ' }],
  [0x2005, { name: 'four-per-em space (U+2005)', looksLike: ' ' }],
  [0x2006, { name: 'six-per-em space (U+2006)', looksLike: ' ' }],
  [0x2007, { name: 'figure space (U+2007)', looksLike: ' ' }],
  [0x2008, { name: 'punctuation space (U+2008)', looksLike: ' ' }],
  [0x2009, { name: 'thin space (U+2009)', looksLike: ' ' }],
  [0x200a, { name: 'hair space (U+200A)', looksLike: ' ' }],
  [0x202f, { name: 'narrow no-break space (U+202F)', looksLike: ' ' }],
  [0x205f, { name: 'medium mathematical space (U+205F)', looksLike: ' ' }],
  [0x3000, { name: 'ideographic space (U+3000)', looksLike: ' ' }],
]);

export const BOM = 0xfeff;

/** Invisible format characters: removed anywhere in a field (BOM is reported separately). */
export const INVISIBLES: ReadonlyMap<number, CharInfo> = new Map([
  [0x00ad, { name: 'soft hyphen' }],
  [0x061c, { name: 'Arabic letter mark' }],
  [0x180e, { name: 'Mongolian vowel separator' }],
  [0x200b, { name: 'zero-width space' }],
  [0x200c, { name: 'zero-width non-joiner' }],
  [0x200d, { name: 'zero-width joiner' }],
  [0x200e, { name: 'left-to-right mark' }],
  [0x200f, { name: 'right-to-left mark' }],
  [0x202a, { name: 'left-to-right embedding' }],
  [0x202b, { name: 'right-to-left embedding' }],
  [0x202c, { name: 'pop directional formatting' }],
  [0x202d, { name: 'left-to-right override' }],
  [0x202e, { name: 'right-to-left override' }],
  [0x2060, { name: 'word joiner' }],
  [0x2061, { name: 'function application' }],
  [0x2062, { name: 'invisible times' }],
  [0x2063, { name: 'invisible separator' }],
  [0x2064, { name: 'invisible plus' }],
  [0x2066, { name: 'left-to-right isolate' }],
  [0x2067, { name: 'right-to-left isolate' }],
  [0x2068, { name: 'first strong isolate' }],
  [0x2069, { name: 'pop directional isolate' }],
  [BOM, { name: 'byte-order mark' }],
]);

const LOOK_ALIKES: ReadonlyMap<number, CharInfo> = new Map<number, CharInfo>([
  // Quotes and primes: word processors and chat apps "smarten" typed quotes.
  [0x2018, { name: 'left single quotation mark', looksLike: "'" }],
  [0x2019, { name: 'right single quotation mark', looksLike: "'" }],
  [0x201a, { name: 'single low-9 quotation mark', looksLike: ',' }],
  [0x201b, { name: 'single high-reversed-9 quotation mark', looksLike: "'" }],
  [0x201c, { name: 'left double quotation mark', looksLike: '"' }],
  [0x201d, { name: 'right double quotation mark', looksLike: '"' }],
  [0x201e, { name: 'double low-9 quotation mark', looksLike: '"' }],
  [0x201f, { name: 'double high-reversed-9 quotation mark', looksLike: '"' }],
  [0x2032, { name: 'prime', looksLike: "'" }],
  [0x2033, { name: 'double prime', looksLike: '"' }],
  [0x2035, { name: 'reversed prime', looksLike: '`' }],
  [0x00b4, { name: 'acute accent', looksLike: "'" }],
  [0x02b9, { name: 'modifier letter prime', looksLike: "'" }],
  [0x02bc, { name: 'modifier letter apostrophe', looksLike: "'" }],
  // Dashes: "--" and "-" become en/em dashes in documents.
  [0x2010, { name: 'hyphen', looksLike: '-' }],
  [0x2011, { name: 'non-breaking hyphen', looksLike: '-' }],
  [0x2012, { name: 'figure dash', looksLike: '-' }],
  [0x2013, { name: 'en dash', looksLike: '-' }],
  [0x2014, { name: 'em dash', looksLike: '-' }],
  [0x2015, { name: 'horizontal bar', looksLike: '-' }],
  [0x2212, { name: 'minus sign', looksLike: '-' }],
  [0xfe58, { name: 'small em dash', looksLike: '-' }],
  [0xfe63, { name: 'small hyphen-minus', looksLike: '-' }],
  // Punctuation that Okta's allowed ID characters ($-_.+!*'(),) and the colon can be confused with.
  [0x2024, { name: 'one dot leader', looksLike: '.' }],
  [0x2026, { name: 'horizontal ellipsis', looksLike: '...' }],
  [0x2044, { name: 'fraction slash', looksLike: '/' }],
  [0x2215, { name: 'division slash', looksLike: '/' }],
  [0x2236, { name: 'ratio', looksLike: ':' }],
  [0x02d0, { name: 'modifier letter triangular colon', looksLike: ':' }],
  [0xa789, { name: 'modifier letter colon', looksLike: ':' }],
  [0x2217, { name: 'asterisk operator', looksLike: '*' }],
  [0x204e, { name: 'low asterisk', looksLike: '*' }],
  [0x02dc, { name: 'small tilde', looksLike: '~' }],
  [0x0131, { name: 'Latin small letter dotless i', looksLike: 'i' }],
  [0x01c0, { name: 'Latin letter dental click', looksLike: 'l' }],
  // Cyrillic and Greek letters drawn exactly like Latin ones.
  ...homoglyphs('Cyrillic capital letter', [[0x0410, 'A'], [0x0412, 'B'], [0x0415, 'E'], [0x041a, 'K'], [0x041c, 'M'], [0x041d, 'H'], [0x041e, 'O'],
    [0x0420, 'P'], [0x0421, 'C'], [0x0422, 'T'], [0x0423, 'Y'], [0x0425, 'X'], [0x0405, 'S'], [0x0406, 'I'], [0x0408, 'J'], [0x04ae, 'Y'],
    [0x051a, 'Q'], [0x051c, 'W']]),
  ...homoglyphs('Cyrillic small letter', [[0x0430, 'a'], [0x0435, 'e'], [0x043e, 'o'], [0x0440, 'p'], [0x0441, 'c'], [0x0443, 'y'], [0x0445, 'x'],
    [0x0455, 's'], [0x0456, 'i'], [0x0458, 'j'], [0x0501, 'd'], [0x051b, 'q'], [0x051d, 'w'], [0x04bb, 'h'], [0x04cf, 'l']]),
  ...homoglyphs('Greek capital letter', [[0x0391, 'A'], [0x0392, 'B'], [0x0395, 'E'], [0x0396, 'Z'], [0x0397, 'H'], [0x0399, 'I'], [0x039a, 'K'],
    [0x039c, 'M'], [0x039d, 'N'], [0x039f, 'O'], [0x03a1, 'P'], [0x03a4, 'T'], [0x03a5, 'Y'], [0x03a7, 'X']]),
  ...homoglyphs('Greek small letter', [[0x03bf, 'o'], [0x03bd, 'v']]),
]);

function homoglyphs(script: string, pairs: readonly (readonly [number, string])[]): [number, CharInfo][] {
  return pairs.map(([cp, latin]) => [cp, { name: `${script} ${latin.toUpperCase()}`, looksLike: latin }]);
}

/** A character that passes for ASCII but is not: smart quotes, dashes, odd spaces, homoglyphs, fullwidth forms. */
export function lookAlike(cp: number): CharInfo | undefined {
  const known = LOOK_ALIKES.get(cp);
  if (known) return known;
  const space = SPACES.get(cp);
  if (space?.looksLike) return space;
  // Fullwidth ASCII (U+FF01..U+FF5E) is ASCII shifted by 0xFEE0; East Asian input methods produce it.
  if (cp >= 0xff01 && cp <= 0xff5e) {
    const ascii = String.fromCharCode(cp - 0xfee0);
    return { name: `fullwidth form of ${ascii}`, looksLike: ascii };
  }
  if (cp >= 0x1d400 && cp <= 0x1d7ff) return { name: 'mathematical alphanumeric symbol', looksLike: 'a letter or digit' };
  return undefined;
}

/** A regex character class matching any of `codePoints` (use with the `u` flag). */
export function charClass(codePoints: Iterable<number>): string {
  return `[${[...codePoints].map((cp) => `\\u{${cp.toString(16)}}`).join('')}]`;
}

export function isControl(cp: number): boolean {
  return cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f);
}

export function isSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff;
}

/** "U+2019", always four or more hex digits. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Name for a character whose label should mention its code point once. */
export function describeChar(cp: number, info: CharInfo | undefined): string {
  const label = codePointLabel(cp);
  if (!info) return `${label} character`;
  return info.name.includes(label) ? info.name : `${info.name} (${label})`;
}

export function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    n += 1;
  }
  return n;
}

/** How a line break shows in messages: the escape people know from code and shells. */
export function lineBreakLabel(text: string): string {
  if (text === '\r\n') return '\\r\\n';
  if (text === '\n') return '\\n';
  if (text === '\r') return '\\r';
  const cp = text.codePointAt(0) ?? 0;
  return LINE_BREAKS.get(cp)?.name ?? codePointLabel(cp);
}

/** Splits a run of line-break characters into breaks, CR LF counting as one. */
export function splitLineBreaks(run: string): string[] {
  return run.match(/\r\n|[\s\S]/g) ?? [];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** "a, b and c" */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "a space and 2 tabs" from counts keyed by character name. */
export function countPhrase(counts: ReadonlyMap<string, number>): string {
  return joinList([...counts].map(([name, n]) => (n === 1 ? `${article(name)} ${name}` : pluralName(n, name))));
}

function article(word: string): string {
  return /^[aeio]/i.test(word) ? 'an' : 'a';
}

function pluralName(n: number, name: string): string {
  const cut = name.indexOf(' (');
  const head = cut === -1 ? name : name.slice(0, cut);
  const tail = cut === -1 ? '' : name.slice(cut);
  // Names like "invisible times" or "pop directional formatting" do not pluralise cleanly.
  if (/(s|ing)$/.test(head)) return `${n} × ${name}`;
  return `${n} ${head}s${tail}`;
}
