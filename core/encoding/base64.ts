/**
 * RFC 4648 Base64 without btoa/atob: btoa only takes Latin-1 and needs chunking on
 * large strings, atob rejects what users actually paste. Table-driven, any length.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENCODE = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** Sextet value by char code; -1 = not Base64. Both alphabets decode, so URL-safe input can be diagnosed. */
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i += 1) DECODE[ALPHABET.charCodeAt(i)] = i;
DECODE['-'.charCodeAt(0)] = 62;
DECODE['_'.charCodeAt(0)] = 63;

const utf8 = new TextEncoder();
const ascii = new TextDecoder();

/** Standard alphabet, padded, one line. */
export function encodeBase64Bytes(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = ENCODE[n >> 18] ?? 0;
    out[o++] = ENCODE[(n >> 12) & 63] ?? 0;
    out[o++] = ENCODE[(n >> 6) & 63] ?? 0;
    out[o++] = ENCODE[n & 63] ?? 0;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out[o++] = ENCODE[n >> 18] ?? 0;
    out[o++] = ENCODE[(n >> 12) & 63] ?? 0;
    out[o++] = rest === 2 ? (ENCODE[(n >> 6) & 63] ?? 0) : 0x3d;
    out[o] = 0x3d;
  }
  // The output is ASCII, so decoding the byte buffer once avoids building the string piecemeal.
  return ascii.decode(out);
}

/** Base64 of the UTF-8 bytes of `text` (lone surrogates become U+FFFD, as in TextEncoder and Node's Buffer). */
export function encodeBase64Utf8(text: string): string {
  return encodeBase64Bytes(utf8.encode(text));
}

export type LooseBase64 =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      /** The value uses `-` or `_` (base64url). */
      readonly urlSafe: boolean;
      /** 'missing': no `=` where some were due; 'wrong': `=` present but the wrong number. */
      readonly padding: 'ok' | 'missing' | 'wrong';
      /** How many `=` a correctly padded value has here (0-2). */
      readonly expectedPadding: number;
      /** False when the last character carries non-zero unused bits: the value was probably cut short or altered. */
      readonly canonical: boolean;
    }
  | {
      readonly ok: false;
      /** 'character': not in either alphabet; 'padding-position': `=` before the end; 'length': one character too many or too few. */
      readonly problem: 'character' | 'padding-position' | 'length';
      /** 0-based index of the offending character, for 'character' and 'padding-position'. */
      readonly index: number | null;
    };

/**
 * Decodes Base64 that has already had whitespace removed, accepting both alphabets
 * and missing or wrong padding, and reports each deviation instead of failing on it.
 */
export function decodeBase64Loose(compact: string): LooseBase64 {
  let dataEnd = compact.length;
  while (dataEnd > 0 && compact.charCodeAt(dataEnd - 1) === 0x3d) dataEnd -= 1;
  const padCount = compact.length - dataEnd;
  // One pass checks and decodes (a JWT's three parts go through here on every token test).
  const bytes = new Uint8Array(Math.floor((dataEnd * 3) / 4));
  let urlSafe = false;
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < dataEnd; i += 1) {
    const code = compact.charCodeAt(i);
    const sextet = code < 128 ? (DECODE[code] ?? -1) : -1;
    if (sextet < 0) return { ok: false, problem: code === 0x3d ? 'padding-position' : 'character', index: i };
    if (code === 0x2d || code === 0x5f) urlSafe = true;
    acc = ((acc << 6) | sextet) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o++] = (acc >> bits) & 0xff;
    }
  }
  const rem = dataEnd % 4;
  if (rem === 1) return { ok: false, problem: 'length', index: null };
  const expectedPad = rem === 0 ? 0 : 4 - rem;
  const padding = padCount === expectedPad ? 'ok' : padCount === 0 ? 'missing' : 'wrong';
  const canonical = (acc & ((1 << bits) - 1)) === 0;
  return { ok: true, bytes, urlSafe, padding, expectedPadding: expectedPad, canonical };
}
