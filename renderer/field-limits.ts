/**
 * Every field's size cap: main's IPC limits (electron/shared/limits.ts, one
 * definition, one unit: UTF-16 code units), so what the page accepts main accepts
 * too, and a 10 MB paste is refused before any per-keystroke work sees it.
 */
import { LIMITS } from '../electron/shared/limits';

export interface FieldLimit {
  readonly max: number;
  /** What to check, said when the cap is hit. */
  readonly advice: string;
}

/** The credential fields' caps; the lazy panels' fields have theirs in panel-field-limits.ts (not in the first paint). */
export const FIELD_LIMITS = {
  clientId: { max: LIMITS.clientIdChars, advice: 'Okta client IDs are about 20 characters: check what was copied.' },
  clientSecret: { max: LIMITS.clientSecretChars, advice: 'Okta client secrets are 40 to 64 characters: check what was copied.' },
} as const satisfies Readonly<Record<string, FieldLimit>>;

/** The longest text the guarded clipboard takes (a request with the header inline fits easily). */
export const COPY_TEXT_MAX = LIMITS.copyTextChars;
