/**
 * The canary scanner behind the "never on disk" tests: every form a credential
 * could take on disk or in output (text encodings, Base64 at every byte
 * alignment, URL/form/JSON escapes, 16-character fragments), searched as BYTES
 * in every file and file name under a folder, or in captured output.
 *
 * Hits name the place and the needle's label only, never the bytes: a report
 * must not become the leak it is looking for.
 *
 * Canaries must be random throughout (spread fixed characters such as `+/=` between
 * random ones): a 16-character fragment made only of fixed text would match any
 * other data that holds that text.
 */
import { lstat, open, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';

/** One thing to search for: its bytes and a label that describes the form (never the value). */
export interface Needle {
  readonly label: string;
  readonly bytes: Buffer;
}

/**
 * A canary value other than the ID and secret (e.g. an access token), with an optional label.
 * `fragments: false` searches only whole forms: for values with fixed parts (a JWT's header
 * is the same in every token), whose fragments could match unrelated data.
 */
export type ExtraCanary = string | { readonly label: string; readonly value: string; readonly fragments?: boolean };

export interface CanaryInput {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly extra?: readonly ExtraCanary[];
}

export interface ScanHit {
  /** File path relative to the scanned root, or the label given to scanText/scanBytes. */
  readonly where: string;
  /** 'name': the file or folder name (or a symlink's target text); 'content': the bytes. */
  readonly kind: 'name' | 'content';
  readonly needle: string;
}

export interface TreeScan {
  readonly hits: readonly ScanHit[];
  /** Regular files whose every byte was read. */
  readonly files: number;
  readonly bytes: number;
  /** Folders entered (the root included). */
  readonly folders: number;
  /** Relative paths of every regular file read, so a test can check what was covered. */
  readonly paths: readonly string[];
  /** Entries that could not be read (vanished or permission denied): relative path + error code. */
  readonly unreadable: readonly string[];
  /** Files left unread because they are older than `modifiedSince`. */
  readonly skippedOlder: number;
}

export interface ScanOptions {
  /** Bytes read per step; consecutive steps overlap so a needle across the boundary is still found. */
  readonly chunkBytes?: number;
  /**
   * Read only files modified at or after this time (epoch ms); names are still matched.
   * For shared OS folders (crash reports, dictionaries) where only this run's writes matter.
   */
  readonly modifiedSince?: number;
}

/** Fragment length: long enough to be unique to a random canary, short enough to survive a split. */
export const FRAGMENT_CHARS = 16;
/** Canaries shorter than this would match ordinary data and prove nothing. */
export const MIN_CANARY_CHARS = 8;

const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;

// ---------------------------------------------------------------------------
// Text forms

/** A text form of a canary value and whether it is made only of the value (so fragments of it are meaningful). */
interface TextForm {
  readonly label: string;
  readonly text: string;
  /** false for forms with constant wrapping text ("Basic …"): their fragments could be that text alone. */
  readonly fragment: boolean;
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const toUrlAlphabet = (b64: string): string => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** WHATWG application/x-www-form-urlencoded (space → '+'), as RFC 6749 §2.3.1 points to. */
export function formUrlEncoded(value: string): string {
  return new URLSearchParams([['v', value]]).toString().slice(2);
}

/**
 * The Base64 characters that depend only on `bytes` when they sit `offset`
 * bytes (0, 1 or 2) into a longer Base64 stream: the edge characters that mix
 * in neighbouring bits are trimmed.
 */
export function base64AtAlignment(bytes: Uint8Array, offset: 0 | 1 | 2): string {
  const padded = new Uint8Array(offset + bytes.length + 2);
  padded.set(bytes, offset);
  const encoded = base64(padded);
  const first = Math.ceil((offset * 8) / 6);
  const end = Math.floor(((offset + bytes.length) * 8) / 6);
  return encoded.slice(first, end);
}

/** JSON string escaping, plus the \uXXXX style some writers use for non-ASCII and <>& (Chromium's JSON writer, HTML-safe JSON). */
function jsonForms(value: string): TextForm[] {
  const plain = JSON.stringify(value).slice(1, -1);
  const escapeAll = (upper: boolean): string =>
    plain.replace(/[^\x20-\x7e]|[<>&]/g, (c) => {
      const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
      return `\\u${upper ? hex.toUpperCase() : hex}`;
    });
  return [
    { label: 'JSON-escaped', text: plain, fragment: true },
    { label: 'JSON \\u-escaped', text: escapeAll(true), fragment: true },
    { label: 'JSON \\u-escaped (lower-case hex)', text: escapeAll(false), fragment: true },
  ];
}

function htmlEscaped(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Base64 and base64url of a byte string: whole, and at all three alignments inside a longer blob. */
function base64Forms(name: string, bytes: Uint8Array): TextForm[] {
  const whole = base64(bytes);
  const forms: TextForm[] = [
    { label: `base64(${name})`, text: whole, fragment: true },
    { label: `base64url(${name})`, text: toUrlAlphabet(whole), fragment: true },
  ];
  for (const offset of [0, 1, 2] as const) {
    const aligned = base64AtAlignment(bytes, offset);
    forms.push({ label: `base64(${name}) at byte offset ${offset}`, text: aligned, fragment: true });
    forms.push({ label: `base64url(${name}) at byte offset ${offset}`, text: toUrlAlphabet(aligned), fragment: true });
  }
  return forms;
}

/** Every text form of one canary value. */
function valueForms(name: string, value: string, fragments = true): TextForm[] {
  return allValueForms(name, value).map((form) => (fragments ? form : { ...form, fragment: false }));
}

function allValueForms(name: string, value: string): TextForm[] {
  const utf8 = Buffer.from(value, 'utf8');
  const form = formUrlEncoded(value);
  const uri = encodeURIComponent(value);
  const forms: TextForm[] = [
    { label: name, text: value, fragment: true },
    { label: `encodeURIComponent(${name})`, text: uri, fragment: true },
    { label: `encodeURIComponent(${name}) lower-case hex`, text: uri.replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase()), fragment: true },
    { label: `form-urlencoded(${name})`, text: form, fragment: true },
    { label: `form-urlencoded(${name}) lower-case hex`, text: form.replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase()), fragment: true },
    ...jsonForms(value).map((f) => ({ ...f, label: `${f.label}(${name})` })),
    { label: `HTML-escaped(${name})`, text: htmlEscaped(value), fragment: true },
    ...base64Forms(name, utf8),
  ];
  if (form !== value) forms.push(...base64Forms(`form-urlencoded(${name})`, Buffer.from(form, 'utf8')));
  return forms;
}

/** The Basic credential in every form: raw and RFC 6749 form-encoded, bare and as a header. */
function pairForms(clientId: string, clientSecret: string): TextForm[] {
  const variants = [
    { name: 'id:secret', text: `${clientId}:${clientSecret}` },
    { name: 'form-urlencoded id:secret', text: `${formUrlEncoded(clientId)}:${formUrlEncoded(clientSecret)}` },
  ];
  const forms: TextForm[] = [];
  for (const variant of variants) {
    const b64 = base64(Buffer.from(variant.text, 'utf8'));
    forms.push(
      { label: variant.name, text: variant.text, fragment: true },
      ...jsonForms(variant.text).map((f) => ({ ...f, label: `${f.label}(${variant.name})` })),
      ...base64Forms(variant.name, Buffer.from(variant.text, 'utf8')),
      { label: `Basic header value (${variant.name})`, text: `Basic ${b64}`, fragment: false },
      { label: `Authorization header (${variant.name})`, text: `Authorization: Basic ${b64}`, fragment: false },
    );
  }
  return forms;
}

/**
 * Windows of FRAGMENT_CHARS characters every FRAGMENT_CHARS characters, the last one flush
 * with the end, plus the middle one: any run of 2×FRAGMENT_CHARS−1 characters of the form
 * contains a whole window, so a value split across blocks or cut short is still found.
 */
export function fragmentsOf(text: string): { readonly start: number; readonly text: string }[] {
  const chars = Array.from(text);
  if (chars.length <= FRAGMENT_CHARS) return [];
  const starts = new Set<number>();
  for (let start = 0; start + FRAGMENT_CHARS <= chars.length; start += FRAGMENT_CHARS) starts.add(start);
  starts.add(chars.length - FRAGMENT_CHARS);
  starts.add(Math.floor((chars.length - FRAGMENT_CHARS) / 2));
  return [...starts].sort((a, b) => a - b).map((start) => ({ start, text: chars.slice(start, start + FRAGMENT_CHARS).join('') }));
}

// ---------------------------------------------------------------------------
// Needles

/** Byte encodings a text form is searched in: UTF-8, UTF-16LE, and Latin-1 where it differs from UTF-8. */
function encodings(text: string): { readonly name: string; readonly bytes: Buffer }[] {
  const out = [
    { name: 'UTF-8', bytes: Buffer.from(text, 'utf8') },
    { name: 'UTF-16LE', bytes: Buffer.from(text, 'utf16le') },
  ];
  // Latin-1 only represents U+0000..U+00FF; for pure ASCII it equals UTF-8.
  const codes = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  if (codes.some((c) => c > 0x7f) && codes.every((c) => c <= 0xff)) out.push({ name: 'Latin-1', bytes: Buffer.from(text, 'latin1') });
  return out;
}

/** Needles for text forms: each form in each byte encoding, then the fragments of the fragmentable ones. */
function needlesOf(forms: readonly TextForm[]): Needle[] {
  const needles: Needle[] = [];
  const seen = new Set<string>();
  const add = (label: string, bytes: Buffer): void => {
    const key = bytes.toString('hex');
    if (bytes.length === 0 || seen.has(key)) return;
    seen.add(key);
    needles.push({ label, bytes });
  };
  for (const form of forms) {
    for (const encoding of encodings(form.text)) add(`${form.label} [${encoding.name}]`, encoding.bytes);
  }
  for (const form of forms) {
    if (!form.fragment) continue;
    for (const fragment of fragmentsOf(form.text)) {
      for (const encoding of encodings(fragment.text)) {
        add(`${form.label} fragment at ${fragment.start} [${encoding.name}]`, encoding.bytes);
      }
    }
  }
  return needles;
}

function checkLength(name: string, value: string): void {
  if (Array.from(value).length < MIN_CANARY_CHARS) {
    throw new Error(`The ${name} canary is shorter than ${MIN_CANARY_CHARS} characters: it would match ordinary data.`);
  }
}

/**
 * Every needle for a set of canary credentials. Labels say which value, which form,
 * which byte encoding and (for fragments) where the fragment starts; identical byte
 * strings are kept once, under the first label.
 */
export function canaryNeedles(input: CanaryInput): Needle[] {
  const values: { name: string; value: string; fragments: boolean }[] = [
    { name: 'client ID', value: input.clientId, fragments: true },
    { name: 'client secret', value: input.clientSecret, fragments: true },
    ...(input.extra ?? []).map((extra, i) =>
      typeof extra === 'string'
        ? { name: `extra canary ${i + 1}`, value: extra, fragments: true }
        : { name: extra.label, value: extra.value, fragments: extra.fragments ?? true }),
  ];
  for (const { name, value } of values) checkLength(name, value);
  return needlesOf([
    ...values.flatMap(({ name, value, fragments }) => valueForms(name, value, fragments)),
    ...pairForms(input.clientId, input.clientSecret),
  ]);
}

/** Needles for one value on its own (a positive control, say): every form a secret gets. */
export function valueNeedles(name: string, value: string): Needle[] {
  checkLength(name, value);
  return needlesOf(valueForms(name, value));
}

// ---------------------------------------------------------------------------
// Matching

/**
 * Multi-needle byte search: a 4-byte prefix filter picks candidate positions,
 * each confirmed by a full comparison. Equivalent to `bytes.includes(needle)` for
 * every needle, in one pass however many needles there are.
 */
export class NeedleMatcher {
  private readonly buckets = new Map<number, Needle[]>();
  /** First two bytes of every long needle, as a bitmap: most positions stop here. */
  private readonly firstTwo = new Uint8Array(65536);
  private readonly short: Needle[] = [];
  /** Longest needle, in bytes (chunked readers overlap by this minus one). */
  readonly maxLength: number;

  constructor(readonly needles: readonly Needle[]) {
    let max = 0;
    for (const needle of needles) {
      const b = needle.bytes;
      max = Math.max(max, b.length);
      if (b.length < 4) {
        if (b.length > 0) this.short.push(needle);
        continue;
      }
      const key = b.readUInt32LE(0);
      this.firstTwo[b.readUInt16LE(0)] = 1;
      const bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, [needle]);
      else bucket.push(needle);
    }
    this.maxLength = max;
  }

  /** Adds to `found` the label of every needle that occurs in `bytes`. */
  collect(bytes: Uint8Array, found: Set<string>): void {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const needle of this.short) if (!found.has(needle.label) && buf.includes(needle.bytes)) found.add(needle.label);
    // A plain Uint8Array view indexes faster than Buffer's methods in this hot loop.
    const view = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    const firstTwo = this.firstTwo;
    const last = view.length - 4;
    for (let i = 0; i <= last; i += 1) {
      if (firstTwo[(view[i] ?? 0) | ((view[i + 1] ?? 0) << 8)] === 0) continue;
      const bucket = this.buckets.get(buf.readUInt32LE(i));
      if (bucket === undefined) continue;
      for (const needle of bucket) {
        const n = needle.bytes.length;
        if (i + n <= buf.length && !found.has(needle.label) && buf.compare(needle.bytes, 0, n, i, i + n) === 0) found.add(needle.label);
      }
    }
  }

  /** Labels of the needles that occur in `bytes`, in needle order. */
  find(bytes: Uint8Array): string[] {
    const found = new Set<string>();
    this.collect(bytes, found);
    return this.needles.filter((n) => found.has(n.label)).map((n) => n.label);
  }
}

const matcherFor = (needles: readonly Needle[] | NeedleMatcher): NeedleMatcher =>
  needles instanceof NeedleMatcher ? needles : new NeedleMatcher(needles);

/** Hits in captured bytes (a process's stdout, say), labelled `label`. */
export function scanBytes(label: string, bytes: Uint8Array, needles: readonly Needle[] | NeedleMatcher): ScanHit[] {
  return matcherFor(needles).find(bytes).map((needle) => ({ where: label, kind: 'content' as const, needle }));
}

/** Hits in captured text (console messages, output written as strings), searched as UTF-8. */
export function scanText(label: string, text: string, needles: readonly Needle[] | NeedleMatcher): ScanHit[] {
  return scanBytes(label, Buffer.from(text, 'utf8'), needles);
}

/** Reads a whole file in overlapping chunks, so memory stays bounded and no needle is lost at a boundary. */
async function scanFile(file: string, matcher: NeedleMatcher, chunkBytes: number): Promise<{ labels: Set<string>; bytes: number }> {
  const labels = new Set<string>();
  const overlap = Math.max(0, matcher.maxLength - 1);
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(chunkBytes + overlap);
    let carried = 0;
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, carried, chunkBytes, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      const filled = carried + bytesRead;
      matcher.collect(buffer.subarray(0, filled), labels);
      carried = Math.min(overlap, filled);
      buffer.copy(buffer, 0, filled - carried, filled);
    }
    return { labels, bytes: total };
  } finally {
    await handle.close();
  }
}

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'error';

/**
 * Walks `root` without following symlinks. Every name (file, folder, symlink, and a
 * symlink's target text) is matched; every regular file is read to its last byte.
 * Sockets, FIFOs and devices are name-matched only (reading a FIFO would block).
 */
export async function scanTree(root: string, needles: readonly Needle[] | NeedleMatcher, options: ScanOptions = {}): Promise<TreeScan> {
  const matcher = matcherFor(needles);
  const chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const hits: ScanHit[] = [];
  const paths: string[] = [];
  const unreadable: string[] = [];
  let files = 0;
  let bytes = 0;
  let folders = 0;
  let skippedOlder = 0;
  const rel = (full: string): string => path.relative(root, full) || '.';
  const addHits = (where: string, kind: ScanHit['kind'], labels: Iterable<string>): void => {
    for (const needle of labels) hits.push({ where, kind, needle });
  };

  const rootInfo = await lstat(root);
  if (!rootInfo.isDirectory()) throw new Error('scanTree: the root must be a folder (not a symlink or a file).');

  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    folders += 1;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push(`${rel(dir)} (${errorCode(error)})`);
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const where = rel(full);
      addHits(where, 'name', matcher.find(Buffer.from(entry.name, 'utf8')));
      if (entry.isSymbolicLink()) {
        try {
          addHits(where, 'name', matcher.find(Buffer.from(await readlink(full), 'utf8')));
        } catch (error) {
          unreadable.push(`${where} (${errorCode(error)})`);
        }
      } else if (entry.isDirectory()) {
        pending.push(full);
      } else if (entry.isFile()) {
        try {
          if (options.modifiedSince !== undefined && (await lstat(full)).mtimeMs < options.modifiedSince) {
            skippedOlder += 1;
            continue;
          }
          const scanned = await scanFile(full, matcher, chunkBytes);
          files += 1;
          bytes += scanned.bytes;
          paths.push(where);
          addHits(where, 'content', matcher.needles.filter((n) => scanned.labels.has(n.label)).map((n) => n.label));
        } catch (error) {
          unreadable.push(`${where} (${errorCode(error)})`);
        }
      }
    }
  }
  return { hits, files, bytes, folders, paths, unreadable, skippedOlder };
}

/** One line per hit: where, what kind, which needle. Never the bytes. */
export function formatHits(hits: readonly ScanHit[]): string[] {
  return hits.map((hit) => `${hit.where} (${hit.kind}): ${hit.needle}`);
}

/**
 * One line per place (file or stream, content or name): whole forms before
 * fragments, at most `max` labels, then how many more. Never the bytes.
 */
export function summarizeHits(hits: readonly ScanHit[], max = 5): string[] {
  const byPlace = new Map<string, string[]>();
  for (const hit of hits) {
    const place = `${hit.where} (${hit.kind})`;
    const labels = byPlace.get(place);
    if (labels === undefined) byPlace.set(place, [hit.needle]);
    else labels.push(hit.needle);
  }
  const isFragment = (label: string): number => (label.includes(' fragment at ') ? 1 : 0);
  return [...byPlace].map(([place, labels]) => {
    const sorted = [...labels].sort((a, b) => isFragment(a) - isFragment(b));
    const more = sorted.length > max ? ` (+${sorted.length - max} more)` : '';
    return `${place}: ${sorted.slice(0, max).join('; ')}${more}`;
  });
}
