/** core/okta's public surface: what the shells (Electron main, renderer, CLI) and the benchmark call. */
export * from './types';
export { resolveTarget, correctSchemeTypo, isLoopbackHost, documentedEndpoints, describeAuthServer, type TargetErrorCode } from './target';
export { buildMaskedPreview, prepareTokenTest, normaliseScopes, MASK, MAX_TIMEOUT_MS, type InputErrorCode } from './token-request';
export { runTokenTest, isInternalError, INTERNAL_ERROR, type TokenTestOptions } from './run-token-test';
export { createDiscoveryCache, SCOPES_NOTE, type DiscoveryCache } from './discovery';
export { nodeSignatureCheck, type NodeCryptoLike, type SignatureCheck } from './token-signature';
export { OKTA_ERROR_ROWS, explainOktaError, parseOktaErrorBody, readRateLimit, type OktaErrorBody, type OktaErrorRow } from './okta-errors';
export {
  classifyNetworkError,
  explainNoAnswer,
  noAnswerMessage,
  type ClassifiedNetworkError,
  type NetworkErrorCode,
  type NoAnswerCode,
} from './network-errors';
export {
  createRedactor,
  credentialSensitiveValues,
  findSecretLeaks,
  redactSecrets,
  sensitiveForms,
  MIN_FRAGMENT,
  type Redactor,
  type SensitiveValue,
} from './redact';
export { describeEpochSeconds, isoFromEpochSeconds, NOT_A_DATE } from './time';
export { hostToUnicode } from './punycode';
export {
  ROTATION_LABELS,
  SAME_SECRET_MESSAGE,
  checkRotationPair,
  describeRotation,
  rotationReason,
  rotationVerdict,
  runRotationTest,
  type RotationInputError,
  type RotationReport,
  type RotationSide,
  type RotationVerdict,
} from './rotation';
export {
  importPrivateKey,
  generateClientKey,
  exportPrivateKeyPem,
  checkKeyId,
  isPrivateKeyJwtAlg,
  isClientSecretJwtAlg,
  PRIVATE_KEY_JWT_ALGS,
  CLIENT_SECRET_JWT_ALGS,
  KEYGEN_ALGS,
  type ImportedKey,
  type ImportKeyOptions,
  type ImportKeyErrorCode,
  type GeneratedKey,
  type KeygenAlg,
  type PrivateKeyJwtAlg,
  type ClientSecretJwtAlg,
} from './client-keys';
export { keyMaterialValues, privateJwkValues, privateKeySensitiveValues, MAX_KEY_TEXT_LENGTH, type KeyFormat } from './key-formats';
export {
  signClientAssertion,
  createDpopKey,
  signDpopProof,
  dpopHtu,
  jwtSensitiveValues,
  ASSERTION_LIFETIME_S,
  CLIENT_ASSERTION_TYPE,
  type AssertionSigner,
  type DpopKey,
  type SignedJwt,
} from './signed-jwt';
export { MIN_HMAC_SECRET_LENGTH, orgServerMethodNotice } from './token-request';
