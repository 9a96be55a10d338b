/**
 * Main refuses oversized test payloads (electron/main/ipc-validate.ts); checking
 * here first lets the page say so in plain words. Both sides read the one
 * LIMITS in electron/shared/limits.ts and count the same unit (UTF-16 code
 * units, `string.length`), so the page never accepts what main then refuses.
 */
import { LIMITS } from '../electron/shared/limits';

export function sendLimitProblem(input: { clientId: string; clientSecret: string; target: string; scopes: readonly string[] }): string | null {
  const id = input.clientId.length;
  if (id > LIMITS.clientIdChars) {
    return `The client ID is ${id} characters long; a test sends at most ${LIMITS.clientIdChars}. Okta client IDs are about 20 characters: check what was pasted.`;
  }
  if (input.clientSecret.length > LIMITS.clientSecretChars) {
    return `The client secret is longer than ${LIMITS.clientSecretChars} characters, more than a test sends. Okta secrets are 40 to 64 characters: check what was pasted.`;
  }
  if (input.target.length > LIMITS.targetChars) return `The Okta domain or issuer is longer than ${LIMITS.targetChars} characters.`;
  if (input.scopes.length > LIMITS.scopes) return `A test sends at most ${LIMITS.scopes} scopes.`;
  if (input.scopes.some((s) => s.length > LIMITS.scopeChars)) return `Each scope can be at most ${LIMITS.scopeChars} characters.`;
  return null;
}
