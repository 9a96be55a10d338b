import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64Loose, encodeBase64Bytes, encodeBase64Utf8 } from '../../../core/encoding/base64';
import { coreutilsBase64 } from './shell-tools';

const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;
/** Any code unit sequence, including unpaired surrogates, which TextEncoder and Buffer both turn into U+FFFD. */
const anyUtf16 = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  ),
  maxLength: 80,
});

describe('encodeBase64Utf8', () => {
  it('equals Node Buffer base64 for any string (3,000 cases)', () => {
    fc.assert(fc.property(anyUtf16, (s) => {
      expect(encodeBase64Utf8(s)).toBe(Buffer.from(s, 'utf8').toString('base64'));
    }), { numRuns: 3000 });
  });

  it('is one line of the standard alphabet with correct padding (2,000 cases)', () => {
    fc.assert(fc.property(anyUtf16, (s) => {
      const out = encodeBase64Utf8(s);
      expect(out).toMatch(BASE64_LINE);
      expect(out.length % 4).toBe(0);
    }), { numRuns: 2000 });
  });

  it('matches coreutils base64 -w0 on the classic values and on a long one', () => {
    for (const s of ['', 'f', 'fo', 'foo', 'id:secret', 'pässwörd:ключ🔑', 'a:b:c:d', 'x'.repeat(3001)]) {
      expect(encodeBase64Utf8(s)).toBe(coreutilsBase64(s));
    }
  });

  it('encodes megabytes without wrapping or stack overflow (no btoa/fromCharCode spread)', () => {
    const big = 'é'.repeat(600_000); // 1.2 MB of UTF-8
    const out = encodeBase64Utf8(big);
    expect(out).toBe(Buffer.from(big, 'utf8').toString('base64'));
    expect(out.includes('\n')).toBe(false);
  });
});

describe('encodeBase64Bytes and decodeBase64Loose', () => {
  it('round-trip any bytes, standard and URL-safe, padded or not (2,000 cases)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const standard = encodeBase64Bytes(bytes);
      expect(standard).toBe(Buffer.from(bytes).toString('base64'));
      const padded = decodeBase64Loose(standard);
      expect(padded).toMatchObject({ ok: true, padding: 'ok', canonical: true, urlSafe: false });
      expect(padded.ok && Buffer.from(padded.bytes).equals(Buffer.from(bytes))).toBe(true);

      const url = Buffer.from(bytes).toString('base64url'); // unpadded, - and _
      const loose = decodeBase64Loose(url);
      expect(loose.ok && Buffer.from(loose.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect(loose.ok && loose.padding).toBe(standard.endsWith('=') ? 'missing' : 'ok');
      expect(loose.ok && loose.urlSafe).toBe(/[-_]/.test(url));
    }), { numRuns: 2000 });
  });

  it('reports padding, stray bits and bad characters instead of guessing', () => {
    expect(decodeBase64Loose('aWQ6c2VjcmV0Cg')).toMatchObject({ ok: true, padding: 'missing', expectedPadding: 2 });
    expect(decodeBase64Loose('aWQ6c2VjcmV0Cg=')).toMatchObject({ ok: true, padding: 'wrong', expectedPadding: 2 });
    expect(decodeBase64Loose('aWQ6c2VjcmV0==')).toMatchObject({ ok: true, padding: 'wrong', expectedPadding: 0 });
    // "aWQ6c2VjcmV0" cut by one character: its last sextet carries bits past the final byte.
    expect(decodeBase64Loose('aWQ6c2VjcmV')).toMatchObject({ ok: true, canonical: false });
    expect(decodeBase64Loose('aWQ6c2VjcmV0a')).toEqual({ ok: false, problem: 'length', index: null });
    expect(decodeBase64Loose('aWQ6!2VjcmV0')).toEqual({ ok: false, problem: 'character', index: 4 });
    expect(decodeBase64Loose('aWQ=c2VjcmV0')).toEqual({ ok: false, problem: 'padding-position', index: 3 });
    expect(decodeBase64Loose('aWQ6c2Vjcm\u00e9V0')).toMatchObject({ ok: false, problem: 'character' });
    expect(decodeBase64Loose('')).toMatchObject({ ok: true, padding: 'ok', canonical: true });
  });
});
