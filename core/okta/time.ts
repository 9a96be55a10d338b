/**
 * Epoch seconds as dates, for numbers a server chose: a JavaScript date ends at
 * ±8.64e15 ms, and toISOString() throws past it. Such values are shown as they
 * are, marked "not a valid date", instead of crashing a report.
 */

export const NOT_A_DATE = 'not a valid date';

/** `2030-01-01T00:00:00Z` (no milliseconds when they are zero), or null when `seconds` is no representable date. */
export function isoFromEpochSeconds(seconds: number): string | null {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace('.000Z', 'Z');
}

/** The ISO date, or the number itself with "(not a valid date)". */
export function describeEpochSeconds(seconds: number): string {
  return isoFromEpochSeconds(seconds) ?? `${seconds} (${NOT_A_DATE})`;
}
