/** core/okta's public surface: what the shells (Electron main, renderer, CLI) and the benchmark call. */
export * from './types';
export { resolveTarget, correctSchemeTypo, isLoopbackHost, documentedEndpoints, describeAuthServer, type TargetErrorCode } from './target';
export { buildMaskedPreview, prepareTokenTest, normaliseScopes, MASK, MAX_TIMEOUT_MS, type InputErrorCode } from './token-request';
export { runTokenTest, isInternalError, INTERNAL_ERROR, type TokenTestOptions } from './run-token-test';
export { createDiscoveryCache, SCOPES_NOTE, type DiscoveryCache } from './discovery';
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
