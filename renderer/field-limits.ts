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

export const FIELD_LIMITS = {
  clientId: { max: LIMITS.clientIdChars, advice: 'Okta client IDs are about 20 characters: check what was copied.' },
  clientSecret: { max: LIMITS.clientSecretChars, advice: 'Okta client secrets are 40 to 64 characters: check what was copied.' },
  target: { max: LIMITS.targetChars, advice: 'Paste only the Okta domain or the issuer URL.' },
  customServerId: { max: LIMITS.customServerIdChars, advice: 'Authorization server IDs are about 20 characters.' },
  // Every scope at its longest, with one separator each.
  scopes: { max: LIMITS.scopes * (LIMITS.scopeChars + 1), advice: `A test sends at most ${LIMITS.scopes} scopes.` },
  // A pasted header is copied back only through the guarded clipboard, which takes this much.
  headerCheck: { max: LIMITS.copyTextChars, advice: 'Paste only the Authorization header or its Base64 value.' },
} as const satisfies Readonly<Record<string, FieldLimit>>;

/** The longest text the guarded clipboard takes (a request with the header inline fits easily). */
export const COPY_TEXT_MAX = LIMITS.copyTextChars;
