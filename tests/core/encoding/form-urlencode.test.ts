import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formUrlEncode } from '../../../core/encoding/form-urlencode';

describe('formUrlEncode', () => {
  it('follows the WHATWG urlencoded serializer (RFC 6749 Appendix B)', () => {
    expect(formUrlEncode('a b')).toBe('a+b');
    expect(formUrlEncode('AZaz09*-._')).toBe('AZaz09*-._');
    // Okta's custom-ID punctuation: all of it except - . and * changes.
    expect(formUrlEncode("$+!'(),~:/")).toBe('%24%2B%21%27%28%29%2C%7E%3A%2F');
    expect(formUrlEncode('é€🔑')).toBe('%C3%A9%E2%82%AC%F0%9F%94%91');
    expect(formUrlEncode('%')).toBe('%25');
    expect(formUrlEncode('')).toBe('');
  });

  it('equals URLSearchParams serialization for any string (2,000 cases)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      expect(formUrlEncode(s)).toBe(new URLSearchParams([['', s]]).toString().slice(1));
    }), { numRuns: 2000 });
  });

  it('leaves Okta-generated values ([A-Za-z0-9_-]) unchanged', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{0,64}$/), (s) => {
      expect(formUrlEncode(s)).toBe(s);
    }), { numRuns: 1000 });
  });
});
