/**
 * Okta's answers to JWT client authentication and DPoP, each with a cause and
 * a fix (reference okta-jwt-dpop-rotation.md §2–4: the oauth2-error-codes
 * catalogue and the DPoP guide). Matched like every other row: the error code
 * plus a distinctive phrase of Okta's text. Fixes name what to change, in the
 * app or in the test, without assuming which shell runs it.
 */
import type { Explanation } from './types';
import type { OktaErrorRow } from './okta-errors';

const client = (id: string, phrases: readonly string[], title: string, cause: string, fix: string, codes: readonly string[] = ['invalid_client']): OktaErrorRow => ({
  id, codes, phrases, title, cause, fix,
});

const KEYS_TAB = "the app's General › Client Credentials › Public Keys";

export const CLIENT_ASSERTION_ROWS: readonly OktaErrorRow[] = [
  client('client-assertion-audience', ['audience claim for client_assertion must be the endpoint invoked'],
    'Wrong audience in the client assertion',
    'The assertion\'s "aud" must be the exact token endpoint URL (…/v1/token). Many libraries put the issuer there, which Okta refuses.',
    'Sign the assertion with aud set to the full token endpoint URL of this authorization server. Basic Header does; a library may need an override.'),
  client('client-assertion-signature', ['client_assertion signature is invalid'],
    'The assertion signature does not verify',
    "The assertion was signed with a key whose public half is not registered on the app, or the key registered under this kid is a different one.",
    `Use the private key that belongs to a public key in ${KEYS_TAB}, and the kid shown there. For client_secret_jwt, use the app's current client secret.`),
  client('client-assertion-already-used', ['client_assertion token has already been used'],
    'The assertion was used before',
    'Okta accepts each assertion jti once. A retry (for example after use_dpop_nonce) that resends the same assertion is refused.',
    'Sign a new assertion, with a new random jti, for every request. Basic Header does; a script that reuses one must not.'),
  client('client-assertion-expired', ['client_assertion token is expired'],
    'The assertion has expired',
    'Its "exp" is already past by Okta\'s clock: it was signed too long ago, or this computer\'s clock is behind.',
    'Sign the assertion just before the request. If it was fresh, set this computer\'s clock from a time server.'),
  client('client-assertion-exp-too-far', ['expiration too far into the future'],
    'The assertion lives too long',
    'Its "exp" is more than one hour after its issue time, which Okta refuses, or this computer\'s clock is far ahead.',
    'Set exp at most a few minutes ahead (Basic Header uses 5 minutes), and check the clock.'),
  client('client-assertion-exp-required', ["client_assertion must contain the 'exp' claim"],
    'The assertion has no expiry',
    'Okta requires an "exp" claim, in seconds since 1970.',
    'Add exp (a number of seconds, not milliseconds or a date string) a few minutes after iat.'),
  client('client-assertion-issued-in-future', ['client_assertion token must be issued before the current time'],
    'The assertion is issued in the future',
    'Its "iat" is later than Okta\'s clock: this computer\'s clock is ahead, or iat was set wrongly (e.g. milliseconds).',
    'Set this computer\'s clock from a time server; iat must be the current time in seconds.'),
  client('client-assertion-issuer', ['issuer claim for client_assertion is not a valid client_id', 'subject claim for client_assertion is not a valid client_id'],
    'The assertion names the wrong client',
    'The "iss" and "sub" claims must both be the client ID of the app the key belongs to.',
    'Check the client ID: it is the app\'s, from General › Client Credentials, and both iss and sub carry it.'),
  client('client-assertion-kid', ['client_assertion jwt kid is invalid'],
    'Unknown key ID',
    'The assertion\'s "kid" header names no key registered on the app (or the key was deactivated).',
    `Send the kid shown in ${KEYS_TAB}, or add the public key there first.`),
  client('client-assertion-jwks', ['client jwkset is invalid'],
    "The app's key set is invalid",
    "Okta could not use the app's registered public keys (or the JWKS URL it points to).",
    `Check ${KEYS_TAB}: re-add the public key as a JWK, or fix the JWKS URL so it serves valid keys.`),
  client('client-assertion-alg', ['client_assertion signature algorithm is invalid'],
    'Signing algorithm not accepted',
    'Okta accepts RS256/384/512 and ES256/384/512 for private_key_jwt, and HS256/384/512 for client_secret_jwt; not PS*, EdDSA or none, and the algorithm must fit the key.',
    'Sign with RS256 for an RSA key or ES256 for a P-256 key (ES384/ES512 for P-384/P-521).'),
  client('client-assertion-parse', ['parsing of the client_assertion failed'],
    'The assertion is not a readable JWT',
    'The client_assertion is not a compact signed JWT (three Base64URL parts), or was cut or altered on the way.',
    'Send the whole JWT, form-encoded, as client_assertion.'),
  client('client-assertion-no-jwks', ['client does not have a jwkset configured'],
    'The app has no public key',
    'The app is set to "Public key / Private key" but has no key (or JWKS URL) registered.',
    `Add the public key in ${KEYS_TAB} (Add key, paste the public JWK), then save.`),
  client('client-assertion-no-secret', ['does not have a client secret'],
    'The app has no client secret',
    'client_secret_jwt signs with the client secret, but this app has none (apps using public keys have their secrets deleted).',
    'Use private_key_jwt with the app\'s key, or switch the app to "Client secret" and create one (32 characters or more).'),
  client('client-assertion-type', ['client_assertion_type is invalid'],
    'Wrong client_assertion_type',
    'client_assertion_type must be exactly urn:ietf:params:oauth:client-assertion-type:jwt-bearer.',
    'Send that value, form-encoded, with the assertion.', ['invalid_request', 'invalid_client']),
  client('secret-too-short-for-hmac', ['client secret is too short to verify a jwt hmac'],
    'The client secret is too short for client_secret_jwt',
    'Okta verifies an HMAC-signed assertion only with a client secret of 32 characters or more; this app\'s secret is shorter.',
    'Generate a new secret (Okta\'s own are long enough), or set one of at least 32 characters, then test again.'),
  client('org-server-requires-private-key-jwt', ['org authorization server must use the private_key_jwt', 'must use either private_key_jwt or client_secret_basic'],
    'The org authorization server does not accept a client secret',
    'Client-credentials requests to the org authorization server (Okta API scopes such as okta.users.read) must authenticate with private_key_jwt; a secret is not accepted there.',
    'Switch the API Services app to "Public key / Private key", add a public key, and test with private_key_jwt and its private key. For your own scopes use the "default" or a custom authorization server instead.'),
  client('okta-scopes-not-granted', ['you are not allowed any of the requested scopes'],
    'None of these Okta API scopes is granted to the app',
    'Okta API scopes (okta.*) must be granted to the app before it can request them.',
    "Grant the scopes on the app's Okta API Scopes tab (a Super Admin must do it), and give the app an admin role for the API calls.",
    ['consent_required', 'invalid_scope', 'access_denied']),
  client('self-scope', ['may not request .self scopes'],
    '.self scopes do not work with client credentials',
    'A .self scope (e.g. okta.users.read.self) acts for a signed-in user; a service app has no user.',
    'Request the .read or .manage scope instead (e.g. okta.users.read), granted on the app\'s Okta API Scopes tab.',
    ['invalid_scope', 'invalid_request', 'unauthorized_client']),
];

const dpop = (id: string, phrases: readonly string[], title: string, cause: string, fix: string): OktaErrorRow => ({
  id, codes: ['invalid_dpop_proof'], phrases, title, cause, fix,
});

const DPOP_FIX = 'Basic Header makes a correct proof for every attempt; if you see this, a proxy altered the request, or report it as a bug.';

export const DPOP_ROWS: readonly OktaErrorRow[] = [
  dpop('dpop-required', ['dpop proof jwt header is missing'],
    'The app requires DPoP',
    'The app has "Require Demonstrating Proof of Possession (DPoP) header in token requests" turned on (the default for new API Services apps), so a request without a DPoP proof is refused.',
    'Test again with DPoP turned on (Basic Header makes the proof key and handles the nonce), or turn the requirement off in the app.'),
  dpop('dpop-proof-typ', ["'typ' must be 'dpop+jwt'"], 'Wrong DPoP proof type', 'The proof\'s header must say typ "dpop+jwt".', DPOP_FIX),
  dpop('dpop-proof-alg', ['signature algorithm is invalid'], 'DPoP algorithm not accepted',
    'The proof must be signed with an asymmetric algorithm Okta accepts (RS256–512, ES256–512) using the key in its jwk header.', DPOP_FIX),
  dpop('dpop-proof-signature', ['signature is invalid'], 'The DPoP proof signature does not verify',
    'The proof was not signed by the key in its own jwk header, or was altered on the way.', DPOP_FIX),
  dpop('dpop-proof-parse', ['cannot be parsed'], 'The DPoP proof is not a readable JWT',
    'The DPoP header does not hold one compact signed JWT.', DPOP_FIX),
  dpop('dpop-proof-htm', ["'htm' claim"], 'Wrong method in the DPoP proof', 'The proof\'s htm must be POST for the token request.', DPOP_FIX),
  dpop('dpop-proof-htu', ["'htu' claim"], 'Wrong URL in the DPoP proof',
    'The proof\'s htu must be the token endpoint URL exactly as requested, without query or fragment; differences in case, port or percent-encoding count.',
    'Use the token endpoint from the server\'s metadata. Behind a proxy that rewrites the URL, the proof cannot match.'),
  dpop('dpop-proof-jti', ["'jti' claim"], 'Bad DPoP proof ID', 'The proof needs a unique jti string.', DPOP_FIX),
  dpop('dpop-proof-too-old', ['issued more than five minutes in the past'], 'The DPoP proof is too old',
    'Its iat is more than five minutes before Okta\'s clock: the proof was reused, or this computer\'s clock is behind.',
    'Make a new proof for every request; if it was fresh, set this computer\'s clock from a time server.'),
  dpop('dpop-proof-in-future', ['issued in the future'], 'The DPoP proof is issued in the future',
    'Its iat is later than Okta\'s clock: this computer\'s clock is ahead.', 'Set this computer\'s clock from a time server.'),
  dpop('dpop-proof-replayed', ['has already been used'], 'The DPoP proof was used before',
    'Okta accepts each proof jti once; a retry resent an old proof.', 'Make a new proof, with a new jti, for every request (Basic Header does).'),
  dpop('dpop-proof-invalid', [], 'The DPoP proof was refused', 'Okta did not accept the DPoP proof.', DPOP_FIX),
  {
    id: 'dpop-nonce',
    codes: ['use_dpop_nonce'],
    phrases: [],
    title: 'Okta asks for a DPoP nonce',
    cause: 'Okta answers the first DPoP request with use_dpop_nonce and a DPoP-Nonce header; the client must repeat the request with that nonce in a new proof (and a new assertion).',
    fix: 'This is normal once. Basic Header retries once with the nonce; if this is the answer to the retry, the nonce was not accepted: test again, and check that nothing between you and Okta drops the DPoP-Nonce header.',
  },
];

/** A DPoP-bound client that got no proof: oidc-provider and some Okta set-ups answer invalid_grant, not Okta's "header is missing". */
export const DPOP_MAYBE_REQUIRED: Explanation = {
  id: 'dpop-required',
  title: 'The app probably requires DPoP',
  cause: 'The request carried no DPoP proof, and an invalid_grant answer to a client-credentials request most often means the app requires DPoP-bound tokens (dpop_bound_access_tokens).',
  fix: 'Test again with DPoP turned on, or turn "Require Demonstrating Proof of Possession (DPoP) header in token requests" off in the app.',
};

/** Rows whose error can come from a clock difference alone, and which way the clock must be off to explain it. */
export const CLOCK_SENSITIVE: Readonly<Record<string, 'local-behind' | 'local-ahead'>> = {
  'client-assertion-expired': 'local-behind',
  'dpop-proof-too-old': 'local-behind',
  'client-assertion-exp-too-far': 'local-ahead',
  'client-assertion-issued-in-future': 'local-ahead',
  'dpop-proof-in-future': 'local-ahead',
};
