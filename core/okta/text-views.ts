/**
 * Normalised views of a text for the redactor: the same text percent-decoded
 * (any case), JSON-unescaped (`\/`, `\uXXXX`, …) and HTML-entity-decoded, and
 * a Base64-canonical view (`-_` read as `+/`, `=` dropped). Each view keeps,
 * for every character, the range of the original text it came from, so a
 * match found in a view masks the right characters of the original.
 */

export interface TextView {
  readonly text: string;
  /** Original [start, end) of each view character; null for the identity view. */
  readonly start: Int32Array | null;
  readonly end: Int32Array | null;
}

export function identityView(text: string): TextView {
  return { text, start: null, end: null };
}

export function originalRange(view: TextView, from: number, to: number): [number, number] {
  if (view.start === null || view.end === null) return [from, to];
  return [view.start[from] ?? 0, view.end[to - 1] ?? 0];
}

class ViewBuilder {
  readonly #parts: string[] = [];
  readonly #start: number[] = [];
  readonly #end: number[] = [];

  constructor(private readonly source: TextView) {}

  /** Appends `text`, every character of which came from source characters [from, to). */
  push(text: string, from: number, to: number): void {
    const [s, e] = originalRange(this.source, from, to);
    for (let i = 0; i < text.length; i += 1) {
      this.#start.push(s);
      this.#end.push(e);
    }
    this.#parts.push(text);
  }

  /** Appends source characters [from, from + text.length) unchanged, each mapped to its own origin. */
  pushSame(text: string, from: number): void {
    const { start, end } = this.source;
    for (let i = 0; i < text.length; i += 1) {
      this.#start.push(start === null ? from + i : (start[from + i] ?? 0));
      this.#end.push(end === null ? from + i + 1 : (end[from + i] ?? 0));
    }
    this.#parts.push(text);
  }

  build(): TextView {
    return { text: this.#parts.join(''), start: Int32Array.from(this.#start), end: Int32Array.from(this.#end) };
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", sol: '/', plus: '+', equals: '=', percnt: '%', num: '#',
  excl: '!', lpar: '(', rpar: ')', ast: '*', comma: ',', period: '.', colon: ':', semi: ';', quest: '?',
  commat: '@', lowbar: '_', hyphen: '-', dash: '-', dollar: '$', tilde: '~', bsol: '\\', nbsp: ' ', grave: '`',
  lsqb: '[', rsqb: ']', lcub: '{', rcub: '}', verbar: '|', hat: '^',
  // Names of invisible characters and spaces: between an echo's characters they hide it as &#8203; would.
  shy: '\u00ad', zwsp: '\u200b', zerowidthspace: '\u200b', negativeverythinspace: '\u200b', negativethinspace: '\u200b',
  negativemediumspace: '\u200b', negativethickspace: '\u200b', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
  nobreak: '\u2060', af: '\u2061', applyfunction: '\u2061', it: '\u2062', invisibletimes: '\u2062', ic: '\u2063',
  invisiblecomma: '\u2063', newline: '\n', tab: '\t', nonbreakingspace: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  emsp13: '\u2004', emsp14: '\u2005', numsp: '\u2007', puncsp: '\u2008', thinsp: '\u2009', thinspace: '\u2009',
  hairsp: '\u200a', verythinspace: '\u200a', mediumspace: '\u205f', thickspace: '\u205f\u200a',
};

/** Names HTML also reads without their `;` (its legacy ones, of those above). */
const LEGACY_NAMES: ReadonlySet<string> = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'shy']);

const JSON_SIMPLE: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

const HEX2 = /^[0-9a-fA-F]{2}$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;
/** The longest entity name in NAMED_ENTITIES. */
const MAX_NAME = 24;
const bytesDecoder = new TextDecoder('utf-8');

function codePointText(code: number): string | null {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

function isDecimalDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * The HTML character reference at `i` (an `&`) as browsers read it: a numeric
 * one with any number of leading zeros and with or without its `;`, or a name
 * (with its `;`) from NAMED_ENTITIES in any case. Null when there is none.
 * Reads only the digits or letters after it, so a text is read in linear time.
 */
function entityAt(text: string, i: number): { text: string; length: number } | null {
  let j = i + 1;
  if (text.charCodeAt(j) === 0x23) {
    j += 1;
    const hex = text.charCodeAt(j) === 0x78 || text.charCodeAt(j) === 0x58;
    if (hex) j += 1;
    const digitsFrom = j;
    while (text.charCodeAt(j) === 0x30) j += 1;
    const significantFrom = j;
    while (hex ? isHexDigit(text.charCodeAt(j)) : isDecimalDigit(text.charCodeAt(j))) j += 1;
    if (j === digitsFrom || j - significantFrom > (hex ? 6 : 7)) return null;
    const decoded = codePointText(j === significantFrom ? 0 : Number.parseInt(text.slice(significantFrom, j), hex ? 16 : 10));
    if (decoded === null) return null;
    return { text: decoded, length: (text.charCodeAt(j) === 0x3b ? j + 1 : j) - i };
  }
  // A name is a letter, then letters or digits (emsp13).
  if (!isLetter(text.charCodeAt(j))) return null;
  while (j - i <= MAX_NAME && (isLetter(text.charCodeAt(j)) || isDecimalDigit(text.charCodeAt(j)))) j += 1;
  if (text.charCodeAt(j) === 0x3b) {
    const decoded = NAMED_ENTITIES[text.slice(i + 1, j).toLowerCase()];
    return decoded === undefined ? null : { text: decoded, length: j + 1 - i };
  }
  // Without its `;`: a legacy name, as the longest one the letters start with (`&nbspx` is a space, then x).
  for (let end = Math.min(j, i + 5); end >= i + 3; end -= 1) {
    const name = text.slice(i + 1, end).toLowerCase();
    if (LEGACY_NAMES.has(name)) return { text: NAMED_ENTITIES[name] ?? '', length: end - i };
  }
  return null;
}

/** JavaScript's `\\u{73}` at `i` (one to six hex digits, any leading zeros past those); null when there is none. */
function codePointEscapeAt(text: string, i: number): { text: string; length: number } | null {
  let j = i + 3;
  while (text.charCodeAt(j) === 0x30) j += 1;
  const significantFrom = j;
  while (isHexDigit(text.charCodeAt(j)) && j - significantFrom < 7) j += 1;
  if (j === i + 3 || text.charCodeAt(j) !== 0x7d) return null;
  const decoded = codePointText(j === significantFrom ? 0 : Number.parseInt(text.slice(significantFrom, j), 16));
  return decoded === null ? null : { text: decoded, length: j + 1 - i };
}

/** True when `text` holds something one decoding pass would change. */
export function mayDecode(text: string): boolean {
  return text.includes('%') || text.includes('\\') || text.includes('&');
}

/**
 * One decoding pass: %XX runs (as UTF-8), JSON escapes and HTML entities,
 * all at once. Null when nothing changed.
 */
export function decodeView(source: TextView): TextView | null {
  const text = source.text;
  if (!mayDecode(text)) return null;
  const out = new ViewBuilder(source);
  let changed = false;
  let plainFrom = 0;
  const flushPlain = (to: number): void => {
    if (to > plainFrom) out.pushSame(text.slice(plainFrom, to), plainFrom);
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    let replaced: { text: string; length: number } | null = null;
    if (ch === '%' && HEX2.test(text.slice(i + 1, i + 3))) {
      // A run of %XX is one byte sequence: multi-byte UTF-8 characters decode whole.
      let j = i;
      const bytes: number[] = [];
      while (text[j] === '%' && HEX2.test(text.slice(j + 1, j + 3))) {
        bytes.push(Number.parseInt(text.slice(j + 1, j + 3), 16));
        j += 3;
      }
      replaced = { text: bytesDecoder.decode(Uint8Array.from(bytes)), length: j - i };
    } else if (ch === '\\') {
      const next = text[i + 1] ?? '';
      if (next === 'u' && HEX4.test(text.slice(i + 2, i + 6))) {
        replaced = { text: String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16)), length: 6 };
      } else if (next === 'u' && text[i + 2] === '{') {
        replaced = codePointEscapeAt(text, i);
      } else if (next in JSON_SIMPLE) {
        replaced = { text: JSON_SIMPLE[next] ?? next, length: 2 };
      }
    } else if (ch === '&') {
      replaced = entityAt(text, i);
    }
    if (replaced === null) {
      i += 1;
      continue;
    }
    flushPlain(i);
    // Every character of the replacement maps to the whole escape it came from.
    out.push(replaced.text, i, i + replaced.length);
    changed = true;
    i += replaced.length;
    plainFrom = i;
  }
  if (!changed) return null;
  flushPlain(text.length);
  return out.build();
}

/** True when the Base64-canonical view would differ from `text`. */
export function mayCanonicalise(text: string): boolean {
  return text.includes('-') || text.includes('_') || text.includes('=');
}

/** The URL-safe alphabet read as the standard one, and `=` padding dropped. */
export function canonicalBase64Text(text: string): string {
  return text.replace(/=/g, '').replace(/-/g, '+').replace(/_/g, '/');
}

export function canonicalView(source: TextView): TextView | null {
  const text = source.text;
  if (!mayCanonicalise(text)) return null;
  // Without padding to drop, positions do not move: no map needed.
  if (!text.includes('=')) return { text: canonicalBase64Text(text), start: source.start, end: source.end };
  return dropping(source, (code) => code === 0x3d, canonicalBase64Text(text));
}

/**
 * `source` without the characters `drop` names (by code or position), each kept character mapped to
 * its own origin; `text` is the kept text when the caller has it already (its
 * characters may differ from the source's, never their number or order).
 * Typed arrays sized once: views are built for every string of every report.
 */
function dropping(source: TextView, drop: (code: number, at: number) => boolean, text?: string): TextView {
  const from = source.text;
  const kept: number[] = [];
  for (let i = 0; i < from.length; i += 1) if (!drop(from.charCodeAt(i), i)) kept.push(i);
  const start = new Int32Array(kept.length);
  const end = new Int32Array(kept.length);
  let out = '';
  let runFrom = -1;
  for (let j = 0; j < kept.length; j += 1) {
    const i = kept[j] ?? 0;
    start[j] = source.start === null ? i : (source.start[i] ?? 0);
    end[j] = source.end === null ? i + 1 : (source.end[i] ?? 0);
    if (text === undefined) {
      // Consecutive kept characters are sliced as one run.
      if (runFrom === -1) runFrom = i;
      const next = kept[j + 1];
      if (next !== i + 1) {
        out += from.slice(runFrom, i + 1);
        runFrom = -1;
      }
    }
  }
  return { text: text ?? out, start, end };
}

/**
 * Characters a reader does not see, or a Base64 decoder skips: whitespace,
 * controls, format characters (zero-width space and joiners, soft hyphen,
 * BOM), every other default-ignorable code point (variation selectors, the
 * combining grapheme joiner, Hangul fillers, tag characters) and the braille
 * blank, which shows as a space; and combining marks, which draw on the
 * character before them (s\u0308 is an s with a diaeresis). Interleaved with an
 * echo, they would hide it from a plain search.
 */
const IGNORABLE = /[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}\u2800]/u;

/** Whether the code point `code` is ignorable (a lone surrogate is not). */
export function isIgnorable(code: number): boolean {
  // ASCII: \s and \p{Cc} are exactly the codes up to space, and DEL; the other two have none. No regex for the common case.
  if (code < 0x80) return code <= 0x20 || code === 0x7f;
  return IGNORABLE.test(String.fromCodePoint(code));
}

/** Whether the UTF-16 unit at `i` is ignorable, alone or as either half of an ignorable astral character (the tags). */
export function ignorableAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdfff) return isIgnorable(code);
  // codePointAt joins a pair only when both halves are there: a lone half stays a surrogate, and is kept.
  const point = text.codePointAt(code <= 0xdbff ? i : Math.max(0, i - 1)) ?? code;
  return point > 0xffff && isIgnorable(point);
}

/** The same text without ignorable characters; null when it has none. */
export function foldedView(source: TextView): TextView | null {
  if (!IGNORABLE.test(source.text)) return null;
  const text = source.text;
  return dropping(source, (_code, at) => ignorableAt(text, at));
}

/*
 * Hex dumps that set bytes apart with punctuation (`73:65:63`, `73-65`,
 * `73.65`, `73, 65`) or mark each one (`\x73\x65`, `0x73, 0x65`), in runs of
 * a given number of bytes or more (the caller's: as many as the piece it looks
 * for, so a time such as 01:11:23.000 is not taken for one): the folded view,
 * dropping whitespace only, leaves their bytes apart. A run may end in half a
 * byte, as a cut leaves it. Read by a hand-written scanner, linear in the
 * text: a backtracking regex over a hostile megabyte-long run overflows the stack.
 */
/** Spaces or tabs allowed on each side of a separator, or after a marked byte (enough for any dump format). */
const MAX_PAD = 4;

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** Space, tab, or a line break (a dump printed a few bytes to a line). */
function isPad(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Two hex digits at `i` that are a byte on their own (no third digit after them). */
function isLoneByteAt(text: string, i: number): boolean {
  return isHexDigit(text.charCodeAt(i)) && isHexDigit(text.charCodeAt(i + 1)) && !isHexDigit(text.charCodeAt(i + 2));
}

/** `:` `.` `,` `-` `|` `/` `;` `_` */
function isSeparator(code: number): boolean {
  return code === 0x3a || code === 0x2e || code === 0x2c || code === 0x2d || code === 0x7c || code === 0x2f || code === 0x3b || code === 0x5f;
}

/** `\x`, `0x` or `0X` at `i`. */
function isMarkAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  const x = text.charCodeAt(i + 1);
  return (code === 0x5c && x === 0x78) || (code === 0x30 && (x === 0x78 || x === 0x58));
}

function skipPad(text: string, at: number): number {
  let i = at;
  while (i - at < MAX_PAD && isPad(text.charCodeAt(i))) i += 1;
  return i;
}

/**
 * The run of separated bytes starting with the digit pair at `i`: its end and
 * number of whole bytes; with `drop`, its separators and padding are marked there.
 */
function separatedRun(text: string, i: number, drop: Uint8Array | null): { end: number; bytes: number } {
  let bytes = 1;
  let end = i + 2;
  for (;;) {
    const separator = skipPad(text, end);
    let next: number;
    if (isSeparator(text.charCodeAt(separator))) next = skipPad(text, separator + 1);
    // Set apart by whitespace alone (`47:75 61:72`, a line break every few bytes): a lone byte must follow.
    else if (separator > end && isLoneByteAt(text, separator)) next = separator;
    else return { end, bytes };
    const whole = isHexDigit(text.charCodeAt(next)) && isHexDigit(text.charCodeAt(next + 1));
    if (drop !== null) drop.fill(1, end, next);
    if (!whole) {
      // After the last byte: a separator, and maybe half a byte (the run stops there, both joined).
      return { end: isHexDigit(text.charCodeAt(next)) ? next + 1 : next, bytes };
    }
    bytes += 1;
    end = next + 2;
  }
}

/** The run of marked bytes starting with the mark at `i`, as separatedRun (marks and padding are what goes). */
function markedRun(text: string, i: number, drop: Uint8Array | null): { end: number; bytes: number } {
  let bytes = 0;
  let at = i;
  while (isMarkAt(text, at)) {
    if (drop !== null) drop.fill(1, at, at + 2);
    const digits = at + 2;
    if (!isHexDigit(text.charCodeAt(digits))) return { end: digits, bytes };
    if (!isHexDigit(text.charCodeAt(digits + 1))) return { end: digits + 1, bytes };
    bytes += 1;
    // Padding and one comma between marked bytes.
    let next = skipPad(text, digits + 2);
    if (text.charCodeAt(next) === 0x2c) next = skipPad(text, next + 1);
    if (drop !== null) drop.fill(1, digits + 2, next);
    at = next;
  }
  return { end: at, bytes };
}

/**
 * Text holding a run of `bytes` separated or marked bytes, as separatedRun and
 * markedRun read them (whitespace stands in for padding, so these match at
 * least where they do). Most texts, dates and times included, are ruled out by
 * this native pass, before the walk below reads them a character at a time.
 * Hex digits, separators and whitespace are disjoint, and no gap can be split
 * two ways (a marked byte's padding is `\s{0,4}`, then a comma and more only if
 * there is a comma: `\s{0,4},?\s{0,4}` split four spaces five ways at every
 * byte, 5^7 paths per start), so a failed match backs off only within one gap:
 * linear in the text.
 */
function dumpStart(bytes: number): RegExp {
  let pattern = DUMP_STARTS.get(bytes);
  if (pattern === undefined) {
    const gaps = Math.max(1, bytes - 1);
    pattern = new RegExp(
      `[0-9A-Fa-f]{2}(?:(?:\\s{0,4}[:.,|/;_-]\\s{0,4}|\\s{1,4})[0-9A-Fa-f]{2}){${gaps}}` +
        `|(?:(?:\\\\x|0[xX])[0-9A-Fa-f]{2}\\s{0,4}(?:,\\s{0,4})?){${gaps}}(?:\\\\x|0[xX])[0-9A-Fa-f]{2}`,
    );
    DUMP_STARTS.set(bytes, pattern);
  }
  return pattern;
}

const DUMP_STARTS = new Map<number, RegExp>();

/** Which characters of `text` join its dumps of `minBytes` or more (separators, marks, padding); null when it has none. */
function hexDumpDrops(text: string, minBytes: number): Uint8Array | null {
  if (!dumpStart(minBytes).test(text)) return null;
  let drop: Uint8Array | null = null;
  for (let i = 0; i < text.length - 1; ) {
    // A pair of digits starts a separated run only if padding or a separator follows it (most hex does not).
    const after = text.charCodeAt(i + 2);
    const separated = isHexDigit(text.charCodeAt(i)) && isHexDigit(text.charCodeAt(i + 1)) && (isSeparator(after) || isPad(after));
    const run = isMarkAt(text, i) ? markedRun : separated ? separatedRun : null;
    const found = run === null ? null : run(text, i, null);
    if (run === null || found === null || found.bytes < minBytes) {
      i += 1;
      continue;
    }
    drop ??= new Uint8Array(text.length);
    run(text, i, drop);
    i = Math.max(found.end, i + 1);
  }
  return drop;
}

/**
 * The text with its punctuated and marked hex dumps joined into plain hex
 * digits; null when it has none. Everything else is kept, so a dump's digits
 * meet the hex forms as an unbroken echo would.
 */
export function hexDumpView(source: TextView, minBytes: number): TextView | null {
  const drop = hexDumpDrops(source.text, Math.max(2, minBytes));
  return drop === null ? null : dropping(source, (_code, at) => drop[at] === 1);
}

/** The hex-dump views (runs of `minBytes` or more) of each base (a dump in JSON or a URL arrives escaped); empty when no base has one. */
export function hexDumpViews(bases: readonly TextView[], minBytes: number): readonly TextView[] {
  // Called for every string of every report: nothing is allocated when there is no dump, the usual case.
  let views: TextView[] | null = null;
  for (const base of bases) {
    const view = hexDumpView(base, minBytes);
    if (view !== null) (views ??= []).push(view);
  }
  return views ?? NO_VIEWS;
}

const NO_VIEWS: readonly TextView[] = Object.freeze([]);

const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * A character case-folded: lower case through upper case, so the Kelvin sign
 * reads as k, long s as s and final sigma as sigma, as Unicode's case folding
 * has them (and dotless i as i). Lower case alone where that changes the length.
 */
function foldChar(ch: string): string {
  // Compatibility forms read as the character they stand for (fullwidth ｓ, circled ⓢ, superscript ²) where that keeps the length.
  const compatible = ch.normalize('NFKC');
  const base = compatible.length === ch.length ? compatible : ch;
  // Turkish dotted capital I lower-cases to i and a combining dot: an i all the same.
  if (base === '\u0130') return 'i';
  const viaUpper = base.toUpperCase().toLowerCase();
  return viaUpper.length === base.length ? viaUpper : base.toLowerCase();
}

/** Case-folded wherever that keeps the length, so view positions stay valid (a case-changed echo is still an echo). */
export function lowerSameLength(text: string): string {
  // ASCII lower-cases one character at a time, so the whole string at once gives the same text.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) {
    const folded = foldChar(ch);
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

/**
 * Layers of encoding read through (percent, JSON and HTML escapes, in any mix):
 * an echo escaped by a server, a framework and a log line. Each pass costs only
 * a text that the one before changed.
 */
const DECODE_PASSES = 4;

/** A text and up to DECODE_PASSES decoding passes of it: the bases every view is built from. */
export function decodedBases(text: string): TextView[] {
  let last = identityView(text);
  const bases: TextView[] = [last];
  for (let pass = 0; pass < DECODE_PASSES; pass += 1) {
    const next = decodeView(last);
    if (next === null) break;
    bases.push(next);
    last = next;
  }
  return bases;
}

/**
 * The views of the bases (decodedBases): each as is and without ignorable
 * characters, each of those with its Base64-canonical twin.
 *
 * `foldedSuffices`: no sensitive form holds an ignorable character. Then any
 * piece of a form in an ASCII view lies, unbroken, in that view's folded twin
 * too, where it is found and masked at least as widely; so the unfolded view is
 * not scanned. (ASCII only: lower-casing a surrogate pair the fold joined could
 * change a character.)
 */
export function allViews(bases: readonly TextView[], foldedSuffices = false): { plain: TextView[]; canonical: TextView[] } {
  const plain: TextView[] = [];
  const folds: TextView[] = [];
  for (const view of bases) {
    const folded = foldedView(view);
    if (folded === null || !foldedSuffices || NON_ASCII.test(view.text)) plain.push(view);
    if (folded !== null) folds.push(folded);
  }
  plain.push(...folds);
  const canonical = plain.map(canonicalView).filter((v): v is TextView => v !== null);
  return { plain, canonical };
}
