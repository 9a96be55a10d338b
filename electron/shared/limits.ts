/**
 * The size caps of everything the page sends to main: ONE definition, imported
 * by main's IPC validation (the enforcer) and by the renderer (which checks
 * first so it can say so in plain words, and caps its fields). One unit for
 * every text cap: UTF-16 code units, i.e. JavaScript's `string.length`, so a
 * value the page accepts is never refused by main (a 5,000-emoji secret is
 * 10,000 units on both sides).
 */
export const LIMITS = {
  clientIdChars: 256,
  clientSecretChars: 8192,
  targetChars: 2048,
  customServerIdChars: 128,
  scopes: 20,
  scopeChars: 200,
  copyTextChars: 16_384,
  /** A pasted private key (core's MAX_KEY_TEXT_LENGTH; a 4096-bit RSA PEM is about 3,300). */
  keyTextChars: 65_536,
  /** A key file main reads: checked on the file's size before reading a byte of it. */
  keyFileBytes: 65_536,
  /** core's checkKeyId bound. */
  keyIdChars: 200,
  /** Keys main holds at once; the oldest is dropped beyond it (a page needs one or two). */
  keySlots: 8,
  minTimeoutMs: 1000,
  maxTimeoutMs: 120_000,
} as const;

