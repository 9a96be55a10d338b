/**
 * FROZEN copy of core/okta/text-views.ts as it was before its speed-up (issue
 * 16), the views half of the oracle in redact-reference.ts: core's views may
 * be rewritten for speed, this copy may not. Do not "fix" or optimise it.
 *
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
    for (let k = plainFrom; k < to; k += 1) out.push(text[k] ?? '', k, k + 1);
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
  const out = new ViewBuilder(source);
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (ch === '=') continue;
    out.push(ch === '-' ? '+' : ch === '_' ? '/' : ch, i, i + 1);
  }
  return out.build();
}

/**
 * Characters a reader does not see, or a Base64 decoder skips: whitespace,
 * controls and format characters (zero-width space and joiners, soft hyphen,
 * BOM). Interleaved with an echo, they would hide it from a plain search.
 */
const IGNORABLE = /[\s\p{Cc}\p{Cf}]/u;
const IGNORABLE_ANY = /[\s\p{Cc}\p{Cf}]/u;

export function isIgnorable(code: number): boolean {
  return IGNORABLE.test(String.fromCharCode(code));
}

/** The same text without ignorable characters; null when it has none. */
export function foldedView(source: TextView): TextView | null {
  const text = source.text;
  if (!IGNORABLE_ANY.test(text)) return null;
  const out = new ViewBuilder(source);
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (!IGNORABLE.test(ch)) out.push(ch, i, i + 1);
  }
  return out.build();
}

/** Lower case wherever that keeps the length, so view positions stay valid (a case-changed echo is still an echo). */
export function lowerSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** The identity view, up to two decoding passes (double encoding), each also without ignorable characters, each with its Base64-canonical twin. */
export function allViews(text: string): { plain: TextView[]; canonical: TextView[] } {
  const plain: TextView[] = [identityView(text)];
  const once = decodeView(plain[0] as TextView);
  if (once !== null) {
    plain.push(once);
    const twice = decodeView(once);
    if (twice !== null) plain.push(twice);
  }
  for (const view of [...plain]) {
    const folded = foldedView(view);
    if (folded !== null) plain.push(folded);
  }
  const canonical = plain.map(canonicalView).filter((v): v is TextView => v !== null);
  return { plain, canonical };
}
