/** Public API of core/encoding: encode, clean, diagnose. */
export type { CleanedField, CredentialField, Diagnosis, EncodeInput, EncodeOutput } from './types';
export { encodeBase64Bytes, encodeBase64Utf8, decodeBase64Loose } from './base64';
export type { LooseBase64 } from './base64';
export { formUrlEncode } from './form-urlencode';
export { cleanField, inspectField, FIELD_LABEL } from './hygiene';
export type { HygieneOptions } from './hygiene';
export { buildBasicCredentials, privateKeyNotice } from './basic-credentials';
export { diagnoseHeader } from './diagnose-header';
export { DIAGNOSIS_CODES, ENCODE_CODES, HYGIENE_CODES } from './codes';
export type { DiagnosisCode, EncodeCode, HygieneCode } from './codes';
