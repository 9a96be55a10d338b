/**
 * Okta token-endpoint answers the local oidc-provider cannot produce, built on
 * Okta's documented texts (reference okta-and-anchors.md §A3–A4: the
 * oauth2-error-codes catalog, support articles, the E0000047 rate-limit body).
 * Each fixture says which explanation row core must pick for it.
 */

export interface OktaFixture {
  /** Short name for test titles. */
  readonly name: string;
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** What TokenTestReport.error must be (OAuth `error` / Okta `errorCode`). */
  readonly error: string | null;
  /** The verbatim text core must pass through in errorDescription. */
  readonly description: string | null;
  /** The explanation row core must choose. */
  readonly explanationId: string;
}

const oauth = (error: string, description: string): { error: string; error_description: string } => ({ error, error_description: description });

const BASIC_FIXTURES: readonly OktaFixture[] = [
  {
    name: 'wrong secret',
    status: 401,
    body: oauth('invalid_client', 'The client secret supplied for a confidential client is invalid.'),
    error: 'invalid_client',
    description: 'The client secret supplied for a confidential client is invalid.',
    explanationId: 'wrong-secret',
  },
  {
    name: 'generic client authentication failure',
    status: 401,
    body: oauth('invalid_client', 'Client authentication failed. Either the client or the client credentials are invalid.'),
    error: 'invalid_client',
    description: 'Client authentication failed. Either the client or the client credentials are invalid.',
    explanationId: 'client-auth-failed',
  },
  {
    name: 'unknown client_id (errorCode shape)',
    status: 401,
    body: {
      errorCode: 'invalid_client',
      errorSummary: "Invalid value for 'client_id' parameter.",
      errorLink: 'invalid_client',
      errorId: 'oaeJ1x2y3z4TestErrorId',
      errorCauses: [],
    },
    error: 'invalid_client',
    description: "Invalid value for 'client_id' parameter.",
    explanationId: 'unknown-client',
  },
  {
    name: 'client_id missing (errorCode shape)',
    status: 401,
    body: { errorCode: 'invalid_client', errorSummary: 'A client_id must be provided in the request.', errorLink: 'invalid_client', errorId: 'oaeTest2', errorCauses: [] },
    error: 'invalid_client',
    description: 'A client_id must be provided in the request.',
    explanationId: 'missing-client-id',
  },
  {
    name: 'no credentials',
    status: 401,
    body: oauth('invalid_client', 'No client credentials found.'),
    error: 'invalid_client',
    description: 'No client credentials found.',
    explanationId: 'no-credentials',
  },
  {
    name: 'malformed Basic header',
    status: 401,
    body: oauth('invalid_client', 'Found Authentication header but was not valid client credentials.'),
    error: 'invalid_client',
    description: 'Found Authentication header but was not valid client credentials.',
    explanationId: 'malformed-basic',
  },
  {
    name: 'grant type not enabled',
    status: 400,
    body: oauth('unauthorized_client', 'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code].'),
    error: 'unauthorized_client',
    description: 'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code].',
    explanationId: 'grant-type-not-enabled',
  },
  {
    name: 'no default scopes',
    status: 400,
    body: oauth('invalid_scope', "The authorization server resource does not have any configured default scopes, 'scope' must be provided."),
    error: 'invalid_scope',
    description: "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
    explanationId: 'no-default-scopes',
  },
  {
    name: 'unknown scope',
    status: 400,
    body: oauth('invalid_scope', 'One or more scopes are not configured for the authorization server resource.'),
    error: 'invalid_scope',
    description: 'One or more scopes are not configured for the authorization server resource.',
    explanationId: 'unknown-scope',
  },
  {
    name: 'unknown scope (generic RFC text)',
    status: 400,
    body: oauth('invalid_scope', 'The requested scope is invalid, unknown, malformed, or exceeds the scope granted by the resource owner.'),
    error: 'invalid_scope',
    description: 'The requested scope is invalid, unknown, malformed, or exceeds the scope granted by the resource owner.',
    explanationId: 'unknown-scope',
  },
  {
    name: 'openid requested',
    status: 400,
    body: oauth('invalid_scope', "Cannot request 'openid' scopes using client credentials."),
    error: 'invalid_scope',
    description: "Cannot request 'openid' scopes using client credentials.",
    explanationId: 'openid-scope',
  },
  {
    name: 'custom scope to the org server',
    status: 400,
    body: oauth('invalid_scope', 'Custom scopes are not allowed for this request'),
    error: 'invalid_scope',
    description: 'Custom scopes are not allowed for this request',
    explanationId: 'custom-scope-to-org-server',
  },
  {
    name: 'no matching policy',
    status: 401,
    body: oauth('access_denied', 'Policy evaluation failed for this request, please check the policy configurations.'),
    error: 'access_denied',
    description: 'Policy evaluation failed for this request, please check the policy configurations.',
    explanationId: 'no-matching-policy',
  },
  {
    name: 'all scopes rejected',
    status: 400,
    body: oauth('access_denied', 'Policy evaluation succeeded, but all the requested scopes were rejected.'),
    error: 'access_denied',
    description: 'Policy evaluation succeeded, but all the requested scopes were rejected.',
    explanationId: 'scopes-rejected',
  },
  {
    name: 'secret sent to the org server',
    status: 401,
    body: oauth('invalid_client', 'Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.'),
    error: 'invalid_client',
    description: 'Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.',
    explanationId: 'org-server-requires-private-key-jwt',
  },
  {
    name: 'client credentials to the org server (grant)',
    status: 400,
    body: oauth('unsupported_grant_type', "'client_credentials' grant type can only be used with a custom authorization server."),
    error: 'unsupported_grant_type',
    description: "'client_credentials' grant type can only be used with a custom authorization server.",
    explanationId: 'client-credentials-custom-server-only',
  },
  {
    name: 'multiple credentials',
    status: 401,
    body: oauth(
      'invalid_request',
      'Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.',
    ),
    error: 'invalid_request',
    description:
      'Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.',
    explanationId: 'multiple-credentials',
  },
  {
    name: 'DPoP nonce required',
    status: 400,
    body: oauth('use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.'),
    headers: { 'dpop-nonce': 'test-nonce-value' },
    error: 'use_dpop_nonce',
    description: 'Authorization server requires nonce in DPoP proof.',
    explanationId: 'dpop-nonce',
  },
  {
    name: 'DPoP proof missing',
    status: 400,
    body: oauth('invalid_dpop_proof', 'The DPoP proof JWT header is missing.'),
    error: 'invalid_dpop_proof',
    description: 'The DPoP proof JWT header is missing.',
    explanationId: 'dpop-required',
  },
  {
    name: 'browser request (Origin header)',
    status: 401,
    body: oauth('invalid_client', 'Browser requests to the token endpoint must use Proof Key for Code Exchange.'),
    error: 'invalid_client',
    description: 'Browser requests to the token endpoint must use Proof Key for Code Exchange.',
    explanationId: 'browser-request',
  },
];

const invalidClient = (name: string, description: string, explanationId: string, status = 401, error = 'invalid_client'): OktaFixture => ({
  name, status, body: oauth(error, description), error, description, explanationId,
});

/**
 * JWT client authentication (reference okta-jwt-dpop-rotation.md §2, the
 * oauth2-error-codes catalogue), the org-server rule and Okta API scopes (§4).
 */
export const CLIENT_ASSERTION_FIXTURES: readonly OktaFixture[] = [
  invalidClient('assertion: wrong audience', 'The audience claim for client_assertion must be the endpoint invoked for the request.', 'client-assertion-audience'),
  invalidClient('assertion: bad signature', 'The client_assertion signature is invalid.', 'client-assertion-signature'),
  invalidClient('assertion: already used', 'The client_assertion token has already been used.', 'client-assertion-already-used'),
  invalidClient('assertion: expired', 'The client_assertion token is expired.', 'client-assertion-expired'),
  invalidClient('assertion: exp too far ahead', 'The client_assertion token has an expiration too far into the future.', 'client-assertion-exp-too-far'),
  invalidClient('assertion: exp missing', "The client_assertion must contain the 'exp' claim as seconds since epoch.", 'client-assertion-exp-required'),
  invalidClient('assertion: issued in the future', 'The client_assertion token must be issued before the current time.', 'client-assertion-issued-in-future'),
  invalidClient('assertion: bad issuer', 'The issuer claim for client_assertion is not a valid client_id.', 'client-assertion-issuer'),
  invalidClient('assertion: bad subject', 'The subject claim for client_assertion is not a valid client_id.', 'client-assertion-issuer'),
  invalidClient('assertion: unknown kid', 'The client_assertion JWT kid is invalid.', 'client-assertion-kid'),
  invalidClient('assertion: invalid JWKS', 'The client JWKSet is invalid.', 'client-assertion-jwks'),
  invalidClient('assertion: bad algorithm', 'The client_assertion signature algorithm is invalid.', 'client-assertion-alg'),
  invalidClient('assertion: unparseable', 'The parsing of the client_assertion failed.', 'client-assertion-parse'),
  invalidClient('assertion: no JWKS configured', 'The client does not have a JWKSet configured, but the client_assertion requires one.', 'client-assertion-no-jwks'),
  // The catalogue gives only the end of this text ("… because the client does not have a client secret.").
  invalidClient('assertion: no client secret', 'The client_assertion cannot be verified because the client does not have a client secret.', 'client-assertion-no-secret'),
  invalidClient('assertion: bad client_assertion_type', 'The client_assertion_type is invalid.', 'client-assertion-type', 400, 'invalid_request'),
  invalidClient('client_secret_jwt: secret too short', 'The client secret is too short to verify a JWT HMAC.', 'secret-too-short-for-hmac'),
  invalidClient('org server: Okta API scopes not granted', 'You are not allowed any of the requested scopes.', 'okta-scopes-not-granted', 400, 'consent_required'),
  invalidClient('client credentials with a .self scope', "The 'client_credentials' grant type may not request .self scopes.", 'self-scope', 400, 'invalid_scope'),
];

/**
 * Okta's invalid_dpop_proof texts (reference §3, DPoP guide). Where the guide
 * elides the subject ("… signature is invalid."), it is completed as in the
 * full texts: "The DPoP proof JWT …".
 */
export const DPOP_FIXTURES: readonly OktaFixture[] = [
  ["'typ' must be 'dpop+jwt' in the DPoP proof JWT.", 'dpop-proof-typ'],
  ['The DPoP proof JWT signature algorithm is invalid.', 'dpop-proof-alg'],
  ['The DPoP proof JWT signature is invalid.', 'dpop-proof-signature'],
  ['The DPoP proof JWT cannot be parsed.', 'dpop-proof-parse'],
  ["The 'htm' claim in the DPoP proof JWT is invalid.", 'dpop-proof-htm'],
  ["The 'htu' claim in the DPoP proof JWT is invalid.", 'dpop-proof-htu'],
  ["The 'jti' claim in the DPoP proof JWT is invalid.", 'dpop-proof-jti'],
  ['The DPoP proof JWT is issued more than five minutes in the past.', 'dpop-proof-too-old'],
  ['The DPoP proof JWT is issued in the future.', 'dpop-proof-in-future'],
  ['The DPoP proof JWT has already been used.', 'dpop-proof-replayed'],
].map(([description = '', id = '']) => invalidClient(`DPoP: ${id}`, description, id, 400, 'invalid_dpop_proof'));

export const OKTA_ERROR_FIXTURES: readonly OktaFixture[] = [...BASIC_FIXTURES, ...CLIENT_ASSERTION_FIXTURES, ...DPOP_FIXTURES];

/** Rate limit: 429, Okta's management-style body and the X-Rate-Limit headers (reset = UTC epoch seconds). */
export const RATE_LIMIT_RESET_EPOCH_S = 1_893_456_000;
export const RATE_LIMIT_FIXTURE: OktaFixture = {
  name: 'rate limited (E0000047)',
  status: 429,
  body: {
    errorCode: 'E0000047',
    errorSummary: 'API call exceeded rate limit due to too many requests.',
    errorLink: 'E0000047',
    errorId: 'oaeRateLimitTestId',
    errorCauses: [],
  },
  headers: {
    'X-Rate-Limit-Limit': '600',
    'X-Rate-Limit-Remaining': '0',
    'X-Rate-Limit-Reset': String(RATE_LIMIT_RESET_EPOCH_S),
  },
  error: 'E0000047',
  description: 'API call exceeded rate limit due to too many requests.',
  explanationId: 'rate-limited',
};

/** An error no row knows: it must come through verbatim with explanation id 'unknown'. */
export const UNKNOWN_ERROR_FIXTURE: OktaFixture = {
  name: 'unknown error',
  status: 400,
  body: oauth('invalid_request', 'Some brand-new condition Okta added after this table was written.'),
  error: 'invalid_request',
  description: 'Some brand-new condition Okta added after this table was written.',
  explanationId: 'unknown',
};
