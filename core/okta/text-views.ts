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
};

const JSON_SIMPLE: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

const HEX2 = /^[0-9a-fA-F]{2}$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const ENTITY = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/;
const bytesDecoder = new TextDecoder('utf-8');

function codePointText(code: number): string | null {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
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
      } else if (next in JSON_SIMPLE) {
        replaced = { text: JSON_SIMPLE[next] ?? next, length: 2 };
      }
    } else if (ch === '&') {
      const m = ENTITY.exec(text.slice(i, i + 12));
      if (m !== null) {
        const decoded =
          m[1] !== undefined ? codePointText(Number(m[1])) : m[2] !== undefined ? codePointText(Number.parseInt(m[2], 16)) : (NAMED_ENTITIES[(m[3] ?? '').toLowerCase()] ?? null);
        if (decoded !== null) replaced = { text: decoded, length: m[0].length };
      }
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
 * `source` without the characters `drop` names, each kept character mapped to
 * its own origin; `text` is the kept text when the caller has it already (its
 * characters may differ from the source's, never their number or order).
 * Typed arrays sized once: views are built for every string of every report.
 */
function dropping(source: TextView, drop: (code: number) => boolean, text?: string): TextView {
  const from = source.text;
  const kept: number[] = [];
  for (let i = 0; i < from.length; i += 1) if (!drop(from.charCodeAt(i))) kept.push(i);
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
 * controls and format characters (zero-width space and joiners, soft hyphen,
 * BOM). Interleaved with an echo, they would hide it from a plain search.
 */
const IGNORABLE = /[\s\p{Cc}\p{Cf}]/u;
const IGNORABLE_ANY = /[\s\p{Cc}\p{Cf}]/u;

export function isIgnorable(code: number): boolean {
  // ASCII: \s and \p{Cc} are exactly the codes up to space, and DEL; \p{Cf} has none. No regex for the common case.
  if (code < 0x80) return code <= 0x20 || code === 0x7f;
  return IGNORABLE.test(String.fromCharCode(code));
}

/** The same text without ignorable characters; null when it has none. */
export function foldedView(source: TextView): TextView | null {
  if (!IGNORABLE_ANY.test(source.text)) return null;
  // Per UTF-16 unit, as before: a lone half of an astral format character is kept.
  return dropping(source, isIgnorable);
}

const NON_ASCII = /[^\p{ASCII}]/u;

/** Lower case wherever that keeps the length, so view positions stay valid (a case-changed echo is still an echo). */
export function lowerSameLength(text: string): string {
  // ASCII lower-cases one character at a time, so the whole string at once gives the same text.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/**
 * The identity view, up to two decoding passes (double encoding), each also
 * without ignorable characters, each with its Base64-canonical twin.
 *
 * `foldedSuffices`: no sensitive form holds an ignorable character. Then any
 * piece of a form in an ASCII view lies, unbroken, in that view's folded twin
 * too, where it is found and masked at least as widely; so the unfolded view is
 * not scanned. (ASCII only: lower-casing a surrogate pair the fold joined could
 * change a character.)
 */
export function allViews(text: string, foldedSuffices = false): { plain: TextView[]; canonical: TextView[] } {
  const bases: TextView[] = [identityView(text)];
  const once = decodeView(bases[0] as TextView);
  if (once !== null) {
    bases.push(once);
    const twice = decodeView(once);
    if (twice !== null) bases.push(twice);
  }
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
