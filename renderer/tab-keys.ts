/**
 * The WAI-ARIA tabs' keys (components/tabs.tsx): arrow keys wrap, Home and End
 * go to the ends. In the form logic chunk (form-logic.ts), not the first paint.
 */

/** The index of the tab `key` moves to from `at`, or null when the key is not a tabs key. */
export function tabKeyTarget(key: string, at: number, count: number): number | null {
  const next = ({ ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: count - 1 } as Readonly<Record<string, number>>)[key];
  return next === undefined ? null : (next + count) % count;
}
