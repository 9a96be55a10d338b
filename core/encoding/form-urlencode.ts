/**
 * application/x-www-form-urlencoded per the WHATWG URL standard's urlencoded
 * serializer, which RFC 6749 §2.3.1 / Appendix B point to: UTF-8 bytes, space → '+',
 * ASCII alphanumerics and `*-._` kept, every other byte %XX (upper-case hex).
 */

const utf8 = new TextEncoder();
const KEEP = /^[A-Za-z0-9*\-._]$/;
const HEX = '0123456789ABCDEF';

/** A value made only of the kept characters encodes to itself (most client IDs and secrets). */
const ALL_KEPT = /^[A-Za-z0-9*\-._]*$/;

export function formUrlEncode(value: string): string {
  if (ALL_KEPT.test(value)) return value;
  let out = '';
  for (const byte of utf8.encode(value)) {
    const ch = String.fromCharCode(byte);
    if (byte === 0x20) out += '+';
    else if (byte < 0x80 && KEEP.test(ch)) out += ch;
    else out += `%${HEX[byte >> 4] ?? ''}${HEX[byte & 15] ?? ''}`;
  }
  return out;
}
