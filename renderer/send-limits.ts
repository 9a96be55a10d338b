/**
 * Main refuses oversized payloads (electron/main/ipc-validate.ts LIMITS); the page
 * caps every field at the same numbers, in the same unit (UTF-16 code units,
 * String.length), so what the page accepts main accepts too, and a 10 MB paste is
 * refused before any per-keystroke work sees it. The renderer may not import
 * main's code, so the numbers are repeated until they live in electron/shared/;
 * main stays the enforcer.
 */
const LIMITS = {
  clientIdChars: 256,
  clientSecretChars: 8192,
  targetChars: 2048,
  customServerIdChars: 128,
  scopes: 20,
  scopeChars: 200,
  copyTextChars: 16_384,
} as const;

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

export function sendLimitProblem(input: { clientId: string; clientSecret: string; target: string; scopes: readonly string[] }): string | null {
  if (input.clientId.length > LIMITS.clientIdChars) {
    return `The client ID is ${input.clientId.length} characters long; a test sends at most ${LIMITS.clientIdChars}. ${FIELD_LIMITS.clientId.advice}`;
  }
  if (input.clientSecret.length > LIMITS.clientSecretChars) {
    return `The client secret is longer than ${LIMITS.clientSecretChars} characters, more than a test sends. ${FIELD_LIMITS.clientSecret.advice}`;
  }
  if (input.target.length > LIMITS.targetChars) return `The Okta domain or issuer is longer than ${LIMITS.targetChars} characters.`;
  if (input.scopes.length > LIMITS.scopes) return `A test sends at most ${LIMITS.scopes} scopes.`;
  if (input.scopes.some((s) => s.length > LIMITS.scopeChars)) return `Each scope can be at most ${LIMITS.scopeChars} characters.`;
  return null;
}
