/**
 * Time formatting never throws on a server's numbers (issue 11, item 5): past
 * the last JavaScript date the value is shown as it is, "not a valid date".
 */
import { describe, expect, it } from 'vitest';
import { formatClaim, formatClockTime, formatDuration, formatEpochSeconds } from '../../renderer/format';

describe('renderer time formatting with out-of-range numbers', () => {
  it('an X-Rate-Limit-Reset of 99999999999999 is shown as it is', () => {
    expect(formatEpochSeconds(99999999999999)).toBe('99999999999999 (not a valid date)');
  });

  it('exp and iat near 1e17 are shown as they are', () => {
    expect(formatClaim('exp', 1e17)).toBe('100000000000000000 (not a valid date)');
    expect(formatClaim('iat', -1e17)).toBe('-100000000000000000 (not a valid date)');
  });

  it('an expiry clock time from expires_in 1e17 does not throw', () => {
    expect(formatClockTime(Date.now() + 1e17 * 1000)).toBe('not a valid date');
    expect(formatDuration(1e17)).toMatch(/^\d+ d \d+ h$/);
  });

  it('ordinary dates still format as dates', () => {
    expect(formatEpochSeconds(1_893_456_000)).not.toContain('not a valid date');
    expect(formatClaim('exp', 1_893_456_000)).toMatch(/^1893456000 \(.+\)$/);
    expect(formatClockTime(Date.now())).not.toBe('not a valid date');
  });
});
