/**
 * The lazy panels' field caps (see field-limits.ts): their own module, so these
 * load with the panels' chunks and the first paint carries only the credential fields' caps.
 */
import { LIMITS } from '../electron/shared/limits';
import type { FieldLimit } from './field-limits';

export const PANEL_FIELD_LIMITS = {
  target: { max: LIMITS.targetChars, advice: 'Paste only the Okta domain or the issuer URL.' },
  customServerId: { max: LIMITS.customServerIdChars, advice: 'Authorization server IDs are about 20 characters.' },
  // Every scope at its longest, with one separator each.
  scopes: { max: LIMITS.scopes * (LIMITS.scopeChars + 1), advice: `A test sends at most ${LIMITS.scopes} scopes.` },
  // A pasted header is copied back only through the guarded clipboard, which takes this much.
  headerCheck: { max: LIMITS.copyTextChars, advice: 'Paste only the Authorization header or its Base64 value.' },
} as const satisfies Readonly<Record<string, FieldLimit>>;
