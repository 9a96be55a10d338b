/**
 * Every notice code core/encoding can emit. They are stable: the CLI prints them in
 * --json and scripts match on them, so rename nothing; add new codes at the end.
 */

/** From cleanField (fixes and flags on one field) and inspectField (flags only). */
export const HYGIENE_CODES = [
  'trimmed-whitespace', 'removed-line-break', 'removed-bom', 'removed-zero-width',
  'whitespace-in-value', 'line-break-in-value', 'invisible-character', 'control-character',
  'look-alike-character', 'lone-surrogate', 'surrounding-quotes', 'non-ascii-utf8',
] as const;

/** From buildBasicCredentials, in addition to the hygiene codes of both fields. */
export const ENCODE_CODES = [
  'empty-client-id', 'empty-client-secret', 'colon-in-client-id', 'id-secret-pasted-together', 'form-encoding-differs',
  'private-key-in-client-id', 'private-key-in-client-secret',
] as const;

/** From diagnoseHeader. The first seven are the classic mistakes the CLI documents. */
export const DIAGNOSIS_CODES = [
  'trailing-newline', 'line-wrapped', 'pem-armor', 'missing-colon', 'not-base64', 'url-safe-alphabet', 'whitespace',
  'empty', 'missing-padding', 'bad-padding', 'truncated', 'url-encoded', 'quoted',
  'header-name', 'missing-scheme', 'scheme-typo', 'repeated-prefix',
  'bom', 'utf16', 'invalid-utf8', 'double-encoded', 'empty-client-id', 'empty-secret', 'form-encoded-values',
  // inspectField on the decoded ID and secret:
  'whitespace-in-value', 'line-break-in-value', 'invisible-character', 'control-character', 'look-alike-character', 'surrounding-quotes',
  'lone-surrogate',
] as const;

export type HygieneCode = (typeof HYGIENE_CODES)[number];
export type EncodeCode = (typeof ENCODE_CODES)[number];
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];
