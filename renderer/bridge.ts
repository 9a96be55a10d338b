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
