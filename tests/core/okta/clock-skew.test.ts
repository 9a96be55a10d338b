/**
 * clockCheck reads the answer's Date header against this computer's clock. It
 * remembers the last header it parsed (tests in a row repeat it); that memo
 * must never give one answer's time to another.
 */
import { describe, expect, it } from 'vitest';
import { clockCheck } from '../../../core/okta/clock-skew';

const at = (date: string | null): Headers => new Headers(date === null ? {} : { date });
const NOON = Date.parse('2026-12-01T12:00:00Z');

describe('clockCheck', () => {
  it('gives the server time and the skew, measured against each call\'s local time', () => {
    expect(clockCheck(at('Tue, 01 Dec 2026 12:00:00 GMT'), NOON)).toEqual({ serverDate: '2026-12-01T12:00:00.000Z', skewSeconds: 0 });
    // The same header again (remembered) with the local clock 90 s ahead.
    expect(clockCheck(at('Tue, 01 Dec 2026 12:00:00 GMT'), NOON + 90_000)).toEqual({ serverDate: '2026-12-01T12:00:00.000Z', skewSeconds: -90 });
  });

  it('reads a new header afresh, and a missing or unreadable one as nothing, whatever came before', () => {
    expect(clockCheck(at('Tue, 01 Dec 2026 12:00:00 GMT'), NOON)?.skewSeconds).toBe(0);
    expect(clockCheck(at('Tue, 01 Dec 2026 12:05:00 GMT'), NOON)).toEqual({ serverDate: '2026-12-01T12:05:00.000Z', skewSeconds: 300 });
    expect(clockCheck(at('not a date'), NOON)).toBeNull();
    expect(clockCheck(at(null), NOON)).toBeNull();
    expect(clockCheck(at('Tue, 01 Dec 2026 12:05:00 GMT'), NOON)?.skewSeconds).toBe(300);
    expect(clockCheck(at('not a date'), NOON)).toBeNull();
    expect(clockCheck(at('Tue, 01 Dec 2026 11:59:00 GMT'), NOON)).toEqual({ serverDate: '2026-12-01T11:59:00.000Z', skewSeconds: -60 });
  });
});
