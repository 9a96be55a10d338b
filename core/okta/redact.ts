/**
 * The last line of defence for "no report ever contains the secret": one
 * redactor, built from a list of sensitive values (the client secret today;
 * private keys, client assertions, DPoP proofs alike), masks every piece of 16
 * characters or more of every form each value can take (as typed,
 * form-encoded, percent-encoded, Base64 at each byte alignment, its part of a
 * Basic value, hexadecimal of its UTF-8 bytes as typed and form-encoded and
 * of its part of a Basic value, in any letter case) wherever it shows up in a normalised view of a string
 * (percent-decoded, JSON-unescaped, HTML-entity-decoded, URL-safe Base64 or
 * without padding, a hex dump's bytes joined). Core's own messages never include a secret; this catches a
 * server that echoes one back, however transformed.
 */
import { encodeBase64Bytes } from '../encoding/base64';
import { formUrlEncode } from '../encoding/form-urlencode';
import {
  allViews, canonicalBase64Text, canonicalView, decodedBases, decodeView, hexDumpViews, identityView, ignorableAt, lowerSameLength, originalRange, type TextView,
} from './text-views';

/** What every masked secret and Basic value looks like in a report. */
export const MASK = '••••••';

/** Any piece of a sensitive form at least this long is masked (shorter forms are masked whole). */
export const MIN_FRAGMENT = 16;

/** Shorter values would mask ordinary words; real secrets are far longer. */
const MIN_NEEDLE = 4;

/** Deeper structures are replaced by TOO_DEEP: a walk this deep is an attack, not a token. */
export const MAX_DEPTH = 64;
export const TOO_DEEP = '(nested too deeply to show)';

/**
 * A sensitive value. `after` is text that precedes it when it is encoded with
 * it, e.g. `client_id:` before the secret in a Basic value: the Base64 of the
 * value in that exact position is a sensitive form too, while the leading
 * characters that encode only `after` are not. `bytes`: a value that is bytes,
 * not text (a JWT's signature): its forms are its Base64 at each alignment and
 * its hex.
 */
export type SensitiveValue = TextSensitiveValue | { readonly bytes: Uint8Array };

/** A sensitive value that is text (as typed, or in its Basic context). */
export type TextSensitiveValue = string | { readonly value: string; readonly after?: string };

export interface Redactor {
  /** True when nothing is long enough to mask: every method returns its input. */
  readonly empty: boolean;
  /** `text` with every sensitive fragment masked. */
  maskText(text: string): string;
  /** Mask first, then cut to `max` characters; a start of a sensitive form left at the cut goes too. */
  truncate(text: string, max: number): string;
  /** A depth-bounded deep copy (null-prototype objects) with every string and key masked, except at paths in `keep`. */
  redact<T>(value: T, keep?: readonly string[]): T;
  /**
   * The same copy with its keys as they are: for our own objects, whose field
   * names a short secret (`error`, `null`) must not blank. A server's free-form
   * objects (a token's claims) go through redact.
   */
  redactValues<T>(value: T, keep?: readonly string[]): T;
  /**
   * Masks the strings and keys of `value` ahead of time and remembers them, so
   * that a later redact of a report holding them costs a lookup each (a token
   * test does this while its request is out). Changes no output.
   */
  warm(value: unknown): void;
}

const utf8 = new TextEncoder();

/** The Base64 characters that depend on `bytes` alone, for each of the three byte alignments. */
function alignedBase64(bytes: Uint8Array, into: Set<string>): void {
  for (let lead = 0; lead < 3; lead += 1) {
    // `lead` zero bytes, then the value: one buffer per alignment, no intermediate copies.
    const shifted = new Uint8Array(lead + bytes.length);
    shifted.set(bytes, lead);
    into.add(encodeBase64Bytes(shifted).slice(Math.ceil((4 * lead) / 3), Math.floor((4 * (lead + bytes.length)) / 3)));
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent, which throws on a lone surrogate: read as U+FFFD there, as TextEncoder and URLSearchParams do. */
function percentEncoded(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

const HEX_DIGITS = utf8.encode('0123456789abcdef');
const asciiDecoder = new TextDecoder('utf-8');

/**
 * Lower-case hex of `bytes`. Plain forms are matched in lower-cased views, so
 * upper- and mixed-case echoes are found too. Hex is per byte: the hex of
 * `client_id:secret` holds the hex of the secret whole, so no `after` form is needed.
 */
export function hexOf(bytes: Uint8Array): string {
  // The digits as bytes, decoded once (no string per byte): a key's hex runs to thousands of characters.
  const out = new Uint8Array(2 * bytes.length);
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    out[2 * i] = HEX_DIGITS[byte >>> 4] ?? 0;
    out[2 * i + 1] = HEX_DIGITS[byte & 15] ?? 0;
  }
  return asciiDecoder.decode(out);
}

/** A hex form of fewer than MIN_NEEDLE bytes would mask ordinary digits. */
const MIN_HEX = 2 * MIN_NEEDLE;

/**
 * The forms of a value on its own: as typed, form- and percent-encoded, and
 * Base64 at each alignment of the first two into `into`; the hex of the first
 * two into `hex` (kept apart: hex is matched in the plain views only, where
 * the folded view also joins bytes a dump separates with spaces or line breaks).
 */
function valueForms(value: string, into: Set<string>, hex: Set<string>): void {
  const formEncoded = formUrlEncode(value);
  const bytes = utf8.encode(value);
  into.add(value).add(formEncoded).add(percentEncoded(value));
  alignedBase64(bytes, into);
  hex.add(hexOf(bytes));
  // Most secrets need no form-encoding: the same text gives the same forms, so they are derived once.
  if (formEncoded !== value) {
    const encodedBytes = utf8.encode(formEncoded);
    alignedBase64(encodedBytes, into);
    hex.add(hexOf(encodedBytes));
  }
}

/** The Base64 of `after` + `value` from the first character that carries a bit of the value. */
function afterForm(value: string, after: string): string {
  const lead = utf8.encode(after);
  const tail = utf8.encode(value);
  const both = new Uint8Array(lead.length + tail.length);
  both.set(lead);
  both.set(tail, lead.length);
  // The part encoding `after` alone may stay visible.
  return encodeBase64Bytes(both).slice(Math.floor((4 * lead.length) / 3));
}

/**
 * Every form of the values that could reach a report (sets: a value listed
 * twice is derived once): `hex` holds the hex forms, `forms` all the others.
 */
function formsOf(entries: readonly SensitiveValue[]): { readonly forms: Set<string>; readonly hex: Set<string> } {
  const forms = new Set<string>();
  const hex = new Set<string>();
  const seen = new Set<string>();
  const seenAfter = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (typeof entry !== 'string' && 'bytes' in entry) {
      alignedBase64(entry.bytes, forms);
      hex.add(hexOf(entry.bytes));
      continue;
    }
    const value = typeof entry === 'string' ? entry : entry.value;
    const after = typeof entry === 'string' ? undefined : entry.after;
    if (value === '') continue;
    if (!seen.has(value)) {
      seen.add(value);
      valueForms(value, forms, hex);
    }
    // A secret that needs no form-encoding comes twice in the same context (credentialSensitiveValues): derived once.
    if (after !== undefined && after !== '' && !seenAfter.get(after)?.has(value)) {
      seenAfter.set(after, (seenAfter.get(after) ?? new Set<string>()).add(value));
      const encoded = afterForm(value, after);
      forms.add(encoded);
      // The value as it went on the wire, hex-dumped (a capture of the request, a proxy's debug echo).
      hex.add(hexOf(utf8.encode(encoded)));
    }
  }
  for (const form of forms) if (form.length < MIN_NEEDLE) forms.delete(form);
  for (const form of hex) if (form.length < MIN_HEX || forms.has(form)) hex.delete(form);
  return { forms, hex };
}

/** Every form of one sensitive value that could reach a report. */
export function sensitiveForms(entry: SensitiveValue): string[] {
  const { forms, hex } = formsOf([entry]);
  return [...forms, ...hex];
}

/** The secret as a Basic value carries it (raw, and RFC 6749 form-encoded), plus the secret as typed. */
export function credentialSensitiveValues(clientId: string, secret: string, typedSecret = secret): TextSensitiveValue[] {
  return [
    { value: secret, after: `${clientId}:` },
    { value: formUrlEncode(secret), after: `${formUrlEncode(clientId)}:` },
    ...(typedSecret === secret ? [] : [typedSecret]),
  ];
}

/**
 * Where the forms can be found fast. Any piece of MIN_FRAGMENT characters of a
 * form contains one whole BLOCK-character block of it at a multiple of BLOCK
 * (16 >= 2 x 8 - 1), so only those blocks are indexed; a block found in a text
 * is then extended both ways along its form, and a common stretch of
 * MIN_FRAGMENT or more is masked whole. Forms shorter than MIN_FRAGMENT are
 * looked for whole.
 */
const BLOCK = 8;

/** The size of an index's bloom filter, in bits (2 KB). */
const BLOOM_BITS = 1 << 14;

/**
 * Blocks are found by a rolling hash of their UTF-16 units (then compared
 * unit by unit): no substring and no string hashing per position of a text.
 */
const HASH_BASE = 31;
const HASH_DROP = (() => {
  let p = 1;
  for (let k = 0; k < BLOCK; k += 1) p = Math.imul(p, HASH_BASE);
  return p;
})();

function blockHash(text: string, at: number): number {
  let h = 0;
  for (let k = 0; k < BLOCK; k += 1) h = (Math.imul(h, HASH_BASE) + text.charCodeAt(at + k)) | 0;
  return h;
}

interface FormIndex {
  readonly forms: readonly string[];
  /** Block hash → each block with that hash, packed as form number × PACK + offset in the form. */
  readonly blocks: Map<number, number[]>;
  /** A bit per (hash mod BLOOM_BITS) of the blocks: most windows of a text are ruled out by one array read. */
  readonly bloom: Uint32Array;
  readonly short: readonly string[];
}

/** Form number and offset packed in one number (exact in a double far beyond any form's length). */
const PACK = 2 ** 26;

function indexForms(all: readonly string[]): FormIndex {
  const forms: string[] = [];
  const short: string[] = [];
  const blocks = new Map<number, number[]>();
  const bloom = new Uint32Array(BLOOM_BITS >>> 5);
  for (const form of new Set(all)) {
    if (form.length < MIN_FRAGMENT) {
      if (form.length >= MIN_NEEDLE) short.push(form);
      continue;
    }
    const n = forms.push(form) - 1;
    for (let at = 0; at + BLOCK <= form.length; at += BLOCK) {
      const hash = blockHash(form, at);
      const list = blocks.get(hash);
      if (list === undefined) blocks.set(hash, [n * PACK + at]);
      else list.push(n * PACK + at);
      const slot = (hash & (BLOOM_BITS - 1)) >>> 5;
      bloom[slot] = (bloom[slot] ?? 0) | (1 << (hash & 31));
    }
  }
  return { forms, blocks, bloom, short };
}

function sameBlock(text: string, start: number, form: string, at: number): boolean {
  for (let k = 0; k < BLOCK; k += 1) if (text.charCodeAt(start + k) !== form.charCodeAt(at + k)) return false;
  return true;
}

/** Membership of a character in a set of strings' characters, ASCII by table. */
function charTable(texts: readonly string[]): (code: number) => boolean {
  const ascii = new Uint8Array(128);
  const other = new Set<number>();
  for (const text of texts) {
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code < 128) ascii[code] = 1;
      else other.add(code);
    }
  }
  return (code) => (code < 128 ? ascii[code] === 1 : other.has(code));
}

function markMatches(view: TextView, index: FormIndex, inForms: (code: number) => boolean, ranges: [number, number][]): void {
  const text = view.text;
  // Only blocks made wholly of the forms' characters can match: look up those, not every position.
  let run = 0;
  let hash = 0;
  for (let end = 0; end < text.length; end += 1) {
    const code = text.charCodeAt(end);
    // The hash of the last BLOCK units, rolled forward whatever they are.
    hash = (Math.imul(hash, HASH_BASE) + code - (end >= BLOCK ? Math.imul(text.charCodeAt(end - BLOCK), HASH_DROP) : 0)) | 0;
    run = inForms(code) ? run + 1 : 0;
    if (run < BLOCK) continue;
    const start = end + 1 - BLOCK;
    const hits = index.blocks.get(hash);
    if (hits === undefined) continue;
    for (const packed of hits) {
      const at = packed % PACK;
      const form = index.forms[(packed - at) / PACK] ?? '';
      if (!sameBlock(text, start, form, at)) continue;
      let left = 0;
      while (start - left > 0 && at - left > 0 && text[start - left - 1] === form[at - left - 1]) left += 1;
      let right = BLOCK;
      while (start + right < text.length && at + right < form.length && text[start + right] === form[at + right]) right += 1;
      if (left + right >= MIN_FRAGMENT) ranges.push(originalRange(view, start - left, start + right));
    }
  }
  for (const form of index.short) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) ranges.push(originalRange(view, at, at + form.length));
  }
}

/** Whether the bloom filter has the bit of `hash` (false: no block has this hash). */
function inBloom(bloom: Uint32Array, hash: number): boolean {
  return (((bloom[(hash & (BLOOM_BITS - 1)) >>> 5] ?? 0) >>> (hash & 31)) & 1) === 1;
}

/** The last BLOCK units of each of the four on-the-fly views (a scratch buffer: maskText never re-enters). */
const RINGS = new Int32Array(4 * BLOCK);
const BLOCK_MASK = BLOCK - 1;

/**
 * For an ASCII text, whether any of the views allViews builds from it as one
 * base could hold a block of a form: as is and folded, lower-cased for the
 * plain index (ASCII case maps one to one), and the Base64-canonical twin of
 * each. They are read in one pass without building them; every window
 * markMatches would look up is hashed the same way here. False means
 * markMatches would find nothing in them. (Decoded bases are the caller's.)
 */
function mayHoldBlock(text: string, plain: FormIndex, canonical: FormIndex): boolean {
  const rings = RINGS;
  const plainBloom = plain.bloom;
  const canonicalBloom = canonical.bloom;
  // Per view: the hash of its last BLOCK units and how many units it has had (written out four times: this is the hot loop).
  let h0 = 0, n0 = 0, h1 = 0, n1 = 0, h2 = 0, n2 = 0, h3 = 0, n3 = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    const visible = code > 0x20 && code !== 0x7f;
    h0 = (Math.imul(h0, HASH_BASE) + lower - (n0 >= BLOCK ? Math.imul(rings[n0 & BLOCK_MASK] ?? 0, HASH_DROP) : 0)) | 0;
    rings[n0 & BLOCK_MASK] = lower;
    n0 += 1;
    if (n0 >= BLOCK && inBloom(plainBloom, h0) && plain.blocks.has(h0)) return true;
    if (visible) {
      h1 = (Math.imul(h1, HASH_BASE) + lower - (n1 >= BLOCK ? Math.imul(rings[BLOCK + (n1 & BLOCK_MASK)] ?? 0, HASH_DROP) : 0)) | 0;
      rings[BLOCK + (n1 & BLOCK_MASK)] = lower;
      n1 += 1;
      if (n1 >= BLOCK && inBloom(plainBloom, h1) && plain.blocks.has(h1)) return true;
    }
    if (code === 0x3d) continue;
    const base64 = code === 0x2d ? 0x2b : code === 0x5f ? 0x2f : code;
    h2 = (Math.imul(h2, HASH_BASE) + base64 - (n2 >= BLOCK ? Math.imul(rings[2 * BLOCK + (n2 & BLOCK_MASK)] ?? 0, HASH_DROP) : 0)) | 0;
    rings[2 * BLOCK + (n2 & BLOCK_MASK)] = base64;
    n2 += 1;
    if (n2 >= BLOCK && inBloom(canonicalBloom, h2) && canonical.blocks.has(h2)) return true;
    if (visible) {
      h3 = (Math.imul(h3, HASH_BASE) + base64 - (n3 >= BLOCK ? Math.imul(rings[3 * BLOCK + (n3 & BLOCK_MASK)] ?? 0, HASH_DROP) : 0)) | 0;
      rings[3 * BLOCK + (n3 & BLOCK_MASK)] = base64;
      n3 += 1;
      if (n3 >= BLOCK && inBloom(canonicalBloom, h3) && canonical.blocks.has(h3)) return true;
    }
  }
  return false;
}

// eslint-disable-next-line no-control-regex -- any ASCII, controls included
const ASCII = /^[\x00-\x7F]*$/;

/**
 * For an ASCII text's bases (decodedBases: the text and one or two decoding
 * passes of it), whether markMatches could find a block in any of the views
 * allViews builds (false: it would find nothing). An ASCII base's views are
 * the four mayHoldBlock reads, whatever escapes it holds, so each base is read
 * that way; a pass that yields anything else is not ruled out.
 */
function mayHoldBlockInBases(bases: readonly TextView[], plain: FormIndex, canonical: FormIndex): boolean {
  // The first base is the text, known to be ASCII.
  return bases.some((base, i) => (i > 0 && !ASCII.test(base.text)) || mayHoldBlock(base.text, plain, canonical));
}

function applyRanges(text: string, ranges: [number, number][], mask: string): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  let current: [number, number] | null = null;
  for (const range of ranges) {
    if (current !== null && range[0] <= current[1]) {
      current[1] = Math.max(current[1], range[1]);
      continue;
    }
    if (current !== null) {
      out += text.slice(at, current[0]) + mask;
      at = current[1];
    }
    current = [range[0], range[1]];
  }
  if (current !== null) {
    out += text.slice(at, current[0]) + mask;
    at = current[1];
  }
  return out + text.slice(at);
}

const NO_MASK: Redactor = {
  empty: true,
  maskText: (text) => text,
  truncate: (text, max) => (text.length > max ? `${text.slice(0, max)}…` : text),
  redact: <T>(value: T, keep: readonly string[] = []): T => boundedCopy(value, keep, (s) => s) as T,
  redactValues: <T>(value: T, keep: readonly string[] = []): T => boundedCopy(value, keep, (s) => s) as T,
  warm: () => undefined,
};

/**
 * Characters that can make up an encoded piece of a form: the forms' own
 * characters, the Base64 alphabets, and those of %XX, \uXXXX and &#NN; escapes.
 * A piece of 16 characters in any view comes from a run of at least 16 such
 * characters in the original text, so a text without such a run is skipped
 * after one pass over it.
 */
const ESCAPE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_%\\&#;"';

function hasRunOf(inSet: (code: number) => boolean, text: string, length: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // Characters the folded view drops neither extend nor break a run.
    if (code < 128 ? code <= 32 || code === 127 : !inSet(code) && ignorableAt(text, i)) continue;
    // A character whose case folding is a form's (the Kelvin sign for k) extends it, as the views read it.
    const member = code < 128 ? inSet(code) : inSet(code) || inSet(lowerSameLength(String.fromCharCode(code)).charCodeAt(0));
    run = member ? run + 1 : 0;
    if (run >= length) return true;
  }
  return false;
}

/** The longest start of `form` (MIN_NEEDLE to MIN_FRAGMENT - 1 characters) that `text` ends with; 0 when none. */
function startLength(text: string, form: string): number {
  // Longer starts were masked before the cut: any piece of MIN_FRAGMENT is.
  for (let k = Math.min(form.length, text.length, MIN_FRAGMENT - 1); k >= MIN_NEEDLE; k -= 1) if (text.endsWith(form.slice(0, k))) return k;
  return 0;
}

/** What a cut can leave after a dump's last digits: a separator, a space, `\` of `\x`, `0` of `0x`. */
const DUMP_TAIL = ' \t\r\n:.,-|/;_\\0';

const MEMO_MAX_LENGTH = 512;
const MEMO_MAX_ENTRIES = 256;

export function createRedactor(values: readonly SensitiveValue[], maskWith = MASK): Redactor {
  const derived = formsOf(values);
  const forms = [...derived.forms];
  const hexForms = [...derived.hex];
  if (forms.length === 0 && hexForms.length === 0) return NO_MASK;
  // A form as a decoded view shows it (e.g. lower-case %2b in a form-encoded secret); hex holds nothing to decode.
  const plainForms = [...forms.flatMap((form) => [form, decodeView(identityView(form))?.text ?? form]), ...hexForms];
  // Hex has no `-_=` for the Base64-canonical views to read differently: the plain views find it, case-blind.
  const canonicalForms = forms.map(canonicalBase64Text);
  const shortest = Math.min(MIN_FRAGMENT, ...[...plainForms, ...canonicalForms].filter((f) => f.length >= MIN_NEEDLE).map((f) => f.length));
  // Character tables, made when a text first needs them (most reports are ruled out by mayHoldBlock alone).
  let tables: { mayEncodeForm: (code: number) => boolean; inPlainForms: (code: number) => boolean; inCanonicalForms: (code: number) => boolean } | null = null;
  const charTables = (): NonNullable<typeof tables> =>
    (tables ??= {
      mayEncodeForm: charTable([ESCAPE_CHARS, ...forms, ...forms.map((f) => f.toLowerCase()), ...forms.map((f) => f.toUpperCase())]),
      inPlainForms: charTable(lowerPlainForms),
      inCanonicalForms: charTable(canonicalForms),
    });
  // Plain forms are matched without regard to case: an upper- or lower-cased echo still gives the secret away.
  const lowerPlainForms = plainForms.map(lowerSameLength);
  const plain = indexForms(lowerPlainForms);
  const canonical = indexForms(canonicalForms);
  // No form holds whitespace or an invisible character (true of secrets, Base64 and JWTs, not of a PEM key).
  const foldedSuffices = [...plainForms, ...canonicalForms].every((form) => {
    for (let i = 0; i < form.length; i += 1) if (ignorableAt(form, i)) return false;
    return true;
  });
  // A dump holds a maskable piece only in a run of MIN_FRAGMENT digits, or of a whole shorter hex form.
  const dumpBytes = Math.min(MIN_FRAGMENT, ...hexForms.map((form) => form.length)) / 2;
  // Only a cut text needs the forms' starts: derived on the first truncate.
  let starts: readonly string[] | null = null;

  // A report repeats strings (keys, URLs, content types): each is masked once. maskText is pure, so this changes no output.
  const memo = new Map<string, string>();
  // Most of a report is ASCII (URLs, names, sentences, a form body): a pass over each base, no views built, rules it out.
  const quickPass = plain.short.length === 0 && canonical.short.length === 0;
  const remember = (text: string, masked: string): string => {
    // Bounded: a long-lived redactor (the CLI's output) must not grow with everything it ever printed.
    if (text.length <= MEMO_MAX_LENGTH && memo.size < MEMO_MAX_ENTRIES) memo.set(text, masked);
    return masked;
  };
  /** `text` masked; `rememberAll` also remembers a text that needed no mask (when warming). */
  const mask = (text: string, rememberAll: boolean): string => {
    if (text.length < shortest) return text;
    const known = memo.get(text);
    if (known !== undefined) return known;
    // The cheap exits that keep redaction off the token test's bill: one pass, no copies.
    const quick = quickPass && ASCII.test(text);
    // Decoded once for every check below (most texts have nothing to decode: then it is the text alone).
    const bases = decodedBases(text);
    // A punctuated hex dump is read joined (hexDumpViews): neither cheap exit sees through its separators.
    const dumps = hexForms.length > 0 ? hexDumpViews(bases, dumpBytes) : [];
    if (dumps.length === 0 && (quick ? !mayHoldBlockInBases(bases, plain, canonical) : !hasRunOf(charTables().mayEncodeForm, text, shortest))) {
      return rememberAll ? remember(text, text) : text;
    }
    const ranges: [number, number][] = [];
    const views = allViews(bases, foldedSuffices);
    const { inPlainForms, inCanonicalForms } = charTables();
    // A dump's joined digits are a plain view: hex forms are plain forms.
    for (const view of [...views.plain, ...dumps]) markMatches({ ...view, text: lowerSameLength(view.text) }, plain, inPlainForms, ranges);
    for (const view of views.canonical) markMatches(view, canonical, inCanonicalForms, ranges);
    return remember(text, applyRanges(text, ranges, maskWith));
  };
  const maskText = (text: string): string => mask(text, false);

  /** Length of the longest tail of `text` that is the start of a sensitive form (0 when none). */
  const startAtEnd = (text: string): number => {
    const tails = [identityView(text), canonicalView(identityView(text))].filter((v): v is TextView => v !== null);
    let cut = 0;
    starts ??= forms.flatMap((f) => [f, canonicalBase64Text(f)]);
    for (const view of tails) {
      for (const form of starts) {
        const k = startLength(view.text, form);
        if (k > 0) cut = Math.max(cut, text.length - originalRange(view, view.text.length - k, view.text.length)[0]);
      }
    }
    // Hex in any letter case (its forms are lower case, and lowerSameLength keeps positions), a dump's read joined.
    if (hexForms.length > 0) {
      // Any run of two bytes or more: the start of a form left at a cut is looked for from MIN_NEEDLE digits.
      for (const view of [identityView(text), ...hexDumpViews(decodedBases(text), MIN_NEEDLE / 2)]) {
        const lower = lowerSameLength(view.text);
        // A cut inside a dump can leave a separator or part of a prefix after the last digits: looked past.
        for (let end = lower.length, trimmed = 0; end > 0 && trimmed <= 2; end -= 1, trimmed += 1) {
          const tail = lower.slice(0, end);
          for (const form of hexForms) {
            const k = startLength(tail, form);
            if (k > 0) cut = Math.max(cut, text.length - originalRange(view, end - k, end)[0]);
          }
          if (!DUMP_TAIL.includes(lower[end - 1] ?? '')) break;
        }
      }
    }
    return cut;
  };

  return {
    empty: false,
    maskText,
    truncate: (text, max) => {
      const masked = maskText(text);
      if (masked.length <= max) return masked;
      const kept = masked.slice(0, max);
      const drop = startAtEnd(kept);
      return `${drop === 0 ? kept : `${kept.slice(0, kept.length - drop)}${maskWith}`}…`;
    },
    redact: <T>(value: T, keep: readonly string[] = []): T => boundedCopy(value, keep, maskText) as T,
    redactValues: <T>(value: T, keep: readonly string[] = []): T => boundedCopy(value, keep, maskText, false) as T,
    warm: (value) => {
      boundedCopy(value, [], (text) => mask(text, true));
    },
  };
}

/**
 * A number can carry a masked piece as its digits (the hex of 8 bytes of the
 * secret is often all decimal), also when JavaScript writes it with a point or
 * an exponent (3.031323334353637e+22). Its significant digits are masked as a
 * text would be; if anything would be masked, the number becomes null (every
 * number field a server can fill may be null). Only a server's numbers have
 * MIN_FRAGMENT digits: our own (times, counts) are shorter.
 */
function maskedNumber(value: number, text: (s: string) => string): number | null {
  // Most numbers (times, counts, codes) are whole and under 16 digits: no text made for them.
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value;
  const digits = value.toString().replace(/e.*$/i, '').replace(/[^0-9]/g, '');
  return digits.length >= MIN_FRAGMENT && text(digits) !== digits ? null : value;
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, not assignment: a key named "__proto__" stays a plain key instead of becoming the prototype.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  // A null-prototype object has no inherited setters: plain assignment defines an own, enumerable, writable property.
  else target[key] = value;
}

/**
 * A JSON-like deep copy: objects become null-prototype objects whose keys are
 * their own (so `'iss' in copy` can only be true for a real `iss`), anything
 * deeper than MAX_DEPTH becomes TOO_DEEP, and every string (and key, unless
 * `keys` is false) goes through `text`; so does a number of MIN_FRAGMENT digits
 * or more, which becomes null if that would mask it. Paths in `keep` are
 * copied by reference.
 */
export function boundedCopy(value: unknown, keep: readonly string[], text: (s: string) => string, keys = true): unknown {
  // A path is tracked only while it can still lead to one in `keep` (null below that): no path string per node.
  const child = (path: string | null, step: string, isIndex: boolean): string | null => {
    if (path === null) return null;
    const next = isIndex ? `${path}[${step}]` : path === '' ? step : `${path}.${step}`;
    return keep.some((k) => k === next || (k.startsWith(next) && (k[next.length] === '.' || k[next.length] === '['))) ? next : null;
  };
  const walk = (v: unknown, path: string | null, depth: number): unknown => {
    if (path !== null && keep.includes(path)) return v;
    if (typeof v === 'string') return text(v);
    if (typeof v === 'number') return maskedNumber(v, text);
    if (v === null || typeof v !== 'object') return v;
    if (depth >= MAX_DEPTH) return TOO_DEEP;
    if (Array.isArray(v)) return v.map((item, i) => walk(item, child(path, String(i), true), depth + 1));
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(v)) {
      defineOwn(out, keys ? text(key) : key, walk((v as Record<string, unknown>)[key], child(path, key, false), depth + 1));
    }
    return out;
  };
  return walk(value, keep.length > 0 ? '' : null, 0);
}

/** A deep copy of `value` with every needle masked, except at paths in `keep` (e.g. the raw token). */
export function redactSecrets<T>(value: T, needles: readonly SensitiveValue[], keep: readonly string[] = []): T {
  return createRedactor(needles).redact(value, keep);
}

/** Paths of strings in `value` that contain a needle verbatim (for guard tests and assertions). */
export function findSecretLeaks(value: unknown, needles: readonly string[], keep: readonly string[] = []): string[] {
  const list = needles.filter((n) => n !== '');
  const leaks: string[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (keep.includes(path) || depth > MAX_DEPTH) return;
    if (typeof v === 'string') {
      if (list.some((n) => v.includes(n))) leaks.push(path === '' ? '(root)' : path);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const itemPath = path === '' ? key : `${path}.${key}`;
        if (list.some((n) => key.includes(n))) leaks.push(`${itemPath} (key)`);
        walk(item, itemPath, depth + 1);
      }
    }
  };
  walk(value, '', 0);
  return leaks;
}
