/**
 * main's redactor as it was before the token-test speed-up (issue 16), frozen
 * here unchanged as the oracle for the differential test in
 * tests/core/okta/redact.property.test.ts: the optimised redactor must give
 * byte-identical output on every input. Do not "fix" or optimise this copy.
 */
import { encodeBase64Bytes } from '../../core/encoding/base64';
import { formUrlEncode } from '../../core/encoding/form-urlencode';
import { MASK, MAX_DEPTH, MIN_FRAGMENT, TOO_DEEP, type Redactor as CoreRedactor } from '../../core/okta/redact';
import { allViews, canonicalBase64Text, canonicalView, decodeView, identityView, isIgnorable, lowerSameLength, originalRange, type TextView } from './text-views-reference';

const MIN_NEEDLE = 4;

/** Sensitive values as they were then (core's type has since gained raw bytes, which this copy predates). */
type SensitiveValue = string | { readonly value: string; readonly after?: string };

/** The redactor's interface as it was then (warm() came with the speed-up and changes no output; redactValues later, for the CLI's JSON). */
type Redactor = Omit<CoreRedactor, 'warm' | 'redactValues'>;

const utf8 = new TextEncoder();

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The Base64 characters that depend on `bytes` alone, for each of the three byte alignments. */
function alignedBase64(bytes: Uint8Array): string[] {
  const forms: string[] = [];
  for (let lead = 0; lead < 3; lead += 1) {
    const encoded = encodeBase64Bytes(concatBytes(new Uint8Array(lead), bytes));
    forms.push(encoded.slice(Math.ceil((4 * lead) / 3), Math.floor((4 * (lead + bytes.length)) / 3)));
  }
  return forms;
}

/** Every form of one sensitive value that could reach a report. */
function sensitiveForms(entry: SensitiveValue): string[] {
  const value = typeof entry === 'string' ? entry : entry.value;
  const after = typeof entry === 'string' ? undefined : entry.after;
  if (value === '') return [];
  const forms = new Set([value, formUrlEncode(value), encodeURIComponent(value)]);
  for (const text of [value, formUrlEncode(value)]) for (const form of alignedBase64(utf8.encode(text))) forms.add(form);
  if (after !== undefined && after !== '') {
    const lead = utf8.encode(after);
    // From the first character that carries a bit of the value: the part encoding `after` alone may stay visible.
    forms.add(encodeBase64Bytes(concatBytes(lead, utf8.encode(value))).slice(Math.floor((4 * lead.length) / 3)));
  }
  return [...forms].filter((f) => f.length >= MIN_NEEDLE);
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

interface FormIndex {
  readonly forms: readonly string[];
  /** Block text → [form number, offset in the form]. */
  readonly blocks: Map<string, [number, number][]>;
  readonly short: readonly string[];
}

function indexForms(all: readonly string[]): FormIndex {
  const forms = [...new Set(all)].filter((f) => f.length >= MIN_FRAGMENT);
  const blocks = new Map<string, [number, number][]>();
  forms.forEach((form, n) => {
    for (let at = 0; at + BLOCK <= form.length; at += BLOCK) {
      const block = form.slice(at, at + BLOCK);
      const list = blocks.get(block);
      if (list === undefined) blocks.set(block, [[n, at]]);
      else list.push([n, at]);
    }
  });
  return { forms, blocks, short: [...new Set(all)].filter((f) => f.length >= MIN_NEEDLE && f.length < MIN_FRAGMENT) };
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
  for (let end = 0; end < text.length; end += 1) {
    run = inForms(text.charCodeAt(end)) ? run + 1 : 0;
    if (run < BLOCK) continue;
    const start = end + 1 - BLOCK;
    const hits = index.blocks.get(text.slice(start, end + 1));
    if (hits === undefined) continue;
    for (const [n, at] of hits) {
      const form = index.forms[n] ?? '';
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
    if (code < 128 ? code <= 32 || code === 127 : !inSet(code) && isIgnorable(code)) continue;
    run = inSet(code) ? run + 1 : 0;
    if (run >= length) return true;
  }
  return false;
}

export function createReferenceRedactor(values: readonly SensitiveValue[], mask = MASK): Redactor {
  const forms = [...new Set(values.flatMap(sensitiveForms))];
  if (forms.length === 0) return NO_MASK;
  // A form as a decoded view shows it (e.g. lower-case %2b in a form-encoded secret).
  const plainForms = forms.flatMap((form) => [form, decodeView(identityView(form))?.text ?? form]);
  const canonicalForms = forms.map(canonicalBase64Text);
  const shortest = Math.min(MIN_FRAGMENT, ...[...plainForms, ...canonicalForms].filter((f) => f.length >= MIN_NEEDLE).map((f) => f.length));
  const mayEncodeForm = charTable([ESCAPE_CHARS, ...forms, ...forms.map((f) => f.toLowerCase()), ...forms.map((f) => f.toUpperCase())]);
  // Plain forms are matched without regard to case: an upper- or lower-cased echo still gives the secret away.
  const lowerPlainForms = plainForms.map(lowerSameLength);
  const inPlainForms = charTable(lowerPlainForms);
  const inCanonicalForms = charTable(canonicalForms);
  const plain = indexForms(lowerPlainForms);
  const canonical = indexForms(canonicalForms);
  const starts = forms.flatMap((f) => [f, canonicalBase64Text(f)]);

  const maskText = (text: string): string => {
    // The cheap exit that keeps redaction off the token test's bill: one pass, no copies.
    if (text.length < shortest || !hasRunOf(mayEncodeForm, text, shortest)) return text;
    const ranges: [number, number][] = [];
    const views = allViews(text);
    for (const view of views.plain) markMatches({ ...view, text: lowerSameLength(view.text) }, plain, inPlainForms, ranges);
    for (const view of views.canonical) markMatches(view, canonical, inCanonicalForms, ranges);
    return applyRanges(text, ranges, mask);
  };

  /** Length of the longest tail of `text` that is the start of a sensitive form (0 when none). */
  const startAtEnd = (text: string): number => {
    const tails = [identityView(text), canonicalView(identityView(text))].filter((v): v is TextView => v !== null);
    let cut = 0;
    for (const view of tails) {
      for (const form of starts) {
        // Longer starts were masked before the cut: any piece of MIN_FRAGMENT is.
        for (let k = Math.min(form.length, view.text.length, MIN_FRAGMENT - 1); k >= MIN_NEEDLE; k -= 1) {
          if (view.text.endsWith(form.slice(0, k))) {
            cut = Math.max(cut, text.length - originalRange(view, view.text.length - k, view.text.length)[0]);
            break;
          }
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
      return `${drop === 0 ? kept : `${kept.slice(0, kept.length - drop)}${mask}`}…`;
    },
    redact: <T>(value: T, keep: readonly string[] = []): T => boundedCopy(value, keep, maskText) as T,
  };
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, not assignment: a key named "__proto__" stays a plain key instead of becoming the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A JSON-like deep copy: objects become null-prototype objects whose keys are
 * their own (so `'iss' in copy` can only be true for a real `iss`), anything
 * deeper than MAX_DEPTH becomes TOO_DEEP, and every string and key goes
 * through `text`. Paths in `keep` are copied by reference.
 */
function boundedCopy(value: unknown, keep: readonly string[], text: (s: string) => string): unknown {
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (keep.length > 0 && keep.includes(path)) return v;
    if (typeof v === 'string') return text(v);
    if (v === null || typeof v !== 'object') return v;
    if (depth >= MAX_DEPTH) return TOO_DEEP;
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(v)) {
      defineOwn(out, text(key), walk((v as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`, depth + 1));
    }
    return out;
  };
  return walk(value, '', 0);
}

