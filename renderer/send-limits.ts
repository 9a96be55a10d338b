/**
 * Main refuses oversized test payloads (electron/main/ipc-validate.ts LIMITS);
 * checking here first lets the page say so in plain words. The renderer may not
 * import main's code, so the numbers are repeated, and main stays the enforcer.
 */
const LIMITS = { clientId: 256, clientSecret: 8192, target: 2048, scopes: 20 } as const;

export function sendLimitProblem(input: { clientId: string; clientSecret: string; target: string; scopes: readonly string[] }): string | null {
  const id = [...input.clientId].length;
  if (id > LIMITS.clientId) {
    return `The client ID is ${id} characters long; a test sends at most ${LIMITS.clientId}. Okta client IDs are about 20 characters: check what was pasted.`;
  }
  if ([...input.clientSecret].length > LIMITS.clientSecret) {
    return `The client secret is longer than ${LIMITS.clientSecret} characters, more than a test sends. Okta secrets are 40 to 64 characters: check what was pasted.`;
  }
  if (input.target.length > LIMITS.target) return `The Okta domain or issuer is longer than ${LIMITS.target} characters.`;
  if (input.scopes.length > LIMITS.scopes) return `A test sends at most ${LIMITS.scopes} scopes.`;
  return null;
}
