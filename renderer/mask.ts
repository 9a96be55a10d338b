/**
 * What the masked outputs may show. Base64 works in 3-byte groups, so the first
 * floor(idBytes / 3) * 4 characters depend on the client ID alone (which is on
 * screen anyway); everything after that carries secret bits and stays hidden.
 */
const utf8 = new TextEncoder();

/** A fixed-width mask, so the hidden part does not reveal the secret's length either. */
export const MASK = '••••••••••••';

function base64OfBytes(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The ID-only prefix of `value`, given the ID text that was encoded (form-encoded
 * when that option is on). The prefix is shown only if it really is the Base64 of
 * those ID bytes, so a mismatch can never expose a secret character.
 */
export function idOnlyPrefix(value: string, encodedClientId: string): string {
  const idBytes = utf8.encode(encodedClientId);
  const wholeGroups = Math.floor(idBytes.length / 3);
  if (wholeGroups === 0) return '';
  const prefix = base64OfBytes(idBytes.subarray(0, wholeGroups * 3));
  return value.startsWith(prefix) ? prefix : '';
}

export function maskBase64(value: string, encodedClientId: string): string {
  return idOnlyPrefix(value, encodedClientId) + MASK;
}
