/**
 * The preload bridge, if there is one. Opened outside the app (a plain browser,
 * a file preview) there is none: encoding and header checks still work, and
 * copy/test explain why they cannot run.
 */
import { BRIDGE_KEYS, BRIDGE_NAME, type BasicHeaderApi } from '../electron/shared/ipc-contract';

export type Bridge = BasicHeaderApi;

export const NO_BRIDGE_MESSAGE =
  'This needs the Basic Header app: opened in a plain browser, only encoding and header checks work.';

/** The bridge when every allow-listed function is present, else null (never a half bridge). */
export function getBridge(): Bridge | null {
  const candidate: unknown = Reflect.get(window, BRIDGE_NAME);
  if (typeof candidate !== 'object' || candidate === null) return null;
  for (const key of BRIDGE_KEYS) {
    if (typeof Reflect.get(candidate, key) !== 'function') return null;
  }
  return candidate as Bridge;
}

/** A fresh id per test run, so a late result or a cancel never applies to a newer run. */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
