/**
 * Reads an access token: decodes a JWT's header and claims and verifies its
 * signature with jose against the server's published keys (fetched by the
 * caller through the injected fetch), by `kid`, checking `iss` and `exp`.
 * Org-server tokens are labelled opaque: Okta says not to validate them.
 */
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';
import type { JsonWebKeySet } from './discovery';
import { boundedCopy } from './redact';
import { fastVerifiedClaims, parseCompactJwt, type CompactJwt, type SignatureCheck } from './token-signature';
import { describeEpochSeconds } from './time';
import type { SignatureStatus, TokenDetails } from './types';

export type TokenInspection = Pick<TokenDetails, 'format' | 'header' | 'claims' | 'signature' | 'signatureDetail'>;

export interface InspectOptions {
  readonly isOrgServer: boolean;
  readonly expectedIssuer: string;
  readonly jwksUri: string | null;
  /** Gets the key set; `refresh` asks for a fresh copy after a `kid` miss (keys rotate). */
  readonly loadJwks: (refresh: boolean) => Promise<{ ok: true; jwks: JsonWebKeySet; fromCache: boolean } | { ok: false; reason: string }>;
  readonly nowMs: number;
  /** The shell's synchronous signature check (token-signature.ts); without it, only jose's WebCrypto road. */
  readonly checkSignature?: SignatureCheck;
}

/** Okta signs with RS256; the asymmetric JWS family is accepted, `none` and HMAC never. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** Tolerated clock difference between this computer and the server. */
const CLOCK_TOLERANCE_S = 60;

type KeySet = ReturnType<typeof createLocalJWKSet>;

/**
 * Imported public keys, per issuer and key-set content: a key set fetched again
 * (a new discovery cache, or none, as in the app) reuses the keys imported for
 * the same content instead of importing them per test. Public keys only, nothing
 * derived from a secret. A handful of entries: a session talks to a few servers.
 */
const KEY_SETS_KEPT = 8;
const keySetsByContent = new Map<string, KeySet>();
/** The same key-set object again (from a discovery cache) skips serialising it. */
const keySetsByObject = new WeakMap<JsonWebKeySet, { readonly issuer: string; readonly set: KeySet }>();

function keySetFor(issuer: string, jwks: JsonWebKeySet): KeySet {
  const known = keySetsByObject.get(jwks);
  if (known !== undefined && known.issuer === issuer) return known.set;
  const contentKey = `${issuer}\n${JSON.stringify(jwks)}`;
  let set = keySetsByContent.get(contentKey);
  if (set === undefined) {
    // jose's types want its own JWK shape; the objects are the server's JSON as published.
    set = createLocalJWKSet(jwks as unknown as JSONWebKeySet);
  } else {
    keySetsByContent.delete(contentKey);
  }
  // Most recently used last; the oldest goes first.
  keySetsByContent.set(contentKey, set);
  for (const oldest of keySetsByContent.keys()) {
    if (keySetsByContent.size <= KEY_SETS_KEPT) break;
    keySetsByContent.delete(oldest);
  }
  keySetsByObject.set(jwks, { issuer, set });
  return set;
}

/**
 * The server's JSON as null-prototype objects, depth-bounded: a `__proto__`
 * claim stays a plain claim (never the prototype that would answer for `iss`),
 * and 30,000 nested arrays cannot overflow a later walk.
 */
function safeJson(value: object): Record<string, unknown> {
  return boundedCopy(value, [], (s) => s) as Record<string, unknown>;
}

interface Decoded {
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
}

function decode(jwt: CompactJwt | null): Decoded | null {
  return jwt === null ? null : { header: safeJson(jwt.header), claims: safeJson(jwt.claims) };
}

function describeTime(epochSeconds: unknown): string {
  return typeof epochSeconds === 'number' ? describeEpochSeconds(epochSeconds) : 'an unknown time';
}

function result(status: SignatureStatus, signatureDetail: string, decoded: Decoded | null, format: 'jwt' | 'opaque' = 'jwt'): TokenInspection {
  return { format, header: decoded?.header ?? null, claims: decoded?.claims ?? null, signature: status, signatureDetail };
}

export async function inspectAccessToken(token: string, options: InspectOptions): Promise<TokenInspection> {
  const jwt = parseCompactJwt(token);
  const decoded = decode(jwt);
  if (options.isOrgServer) {
    return result(
      'unchecked',
      "Tokens from the org authorization server are for Okta's own APIs and are opaque to everyone else: Okta says not to validate them, so the signature was not checked. Any claims shown are for information only.",
      decoded,
      'opaque',
    );
  }
  if (decoded === null) {
    return result('unchecked', 'The access token is not a JWT, so there is no signature to check here.', null, 'opaque');
  }
  if (options.jwksUri === null) {
    return result('unchecked', 'The server published no key set (jwks_uri), so the signature could not be checked.', decoded);
  }
  const kid = typeof decoded.header.kid === 'string' ? decoded.header.kid : null;

  let loaded = await options.loadJwks(false);
  for (let attempt = 0; ; attempt += 1) {
    if (!loaded.ok) return result('unchecked', `The signature was not checked: ${loaded.reason}.`, decoded);
    const fast =
      options.checkSignature === undefined || jwt === null
        ? null
        : fastVerifiedClaims(jwt, loaded.jwks, { issuer: options.expectedIssuer, algorithms: ALGORITHMS, nowMs: options.nowMs, clockToleranceS: CLOCK_TOLERANCE_S }, options.checkSignature);
    if (fast !== null) return verifiedResult(fast.exp, kid, options, decoded);
    try {
      const verified = await jwtVerify(token, keySetFor(options.expectedIssuer, loaded.jwks), {
        issuer: options.expectedIssuer,
        algorithms: ALGORITHMS,
        currentDate: new Date(options.nowMs),
        clockTolerance: CLOCK_TOLERANCE_S,
      });
      return verifiedResult(verified.payload.exp, kid, options, decoded);
    } catch (error) {
      // A cached key set may predate a key rotation: refetch once before calling a kid unknown.
      if (error instanceof errors.JWKSNoMatchingKey && loaded.fromCache && attempt === 0) {
        loaded = await options.loadJwks(true);
        continue;
      }
      return failure(error, decoded, kid, options);
    }
  }
}

function verifiedResult(exp: unknown, kid: string | null, options: InspectOptions, decoded: Decoded | null): TokenInspection {
  return result(
    'verified',
    `Signature verified with key ${kid === null ? '(no kid)' : `"${kid}"`} from ${options.jwksUri ?? 'the key set'}; the issuer is ${options.expectedIssuer} and the token expires at ${describeTime(exp)}.`,
    decoded,
  );
}

function failure(error: unknown, decoded: Decoded, kid: string | null, options: InspectOptions): TokenInspection {
  const alg = typeof decoded.header.alg === 'string' ? decoded.header.alg : 'none';
  if (error instanceof errors.JWKSNoMatchingKey) {
    return result(
      'invalid',
      `No key ${kid === null ? 'for this token (it has no kid)' : `with kid "${kid}"`} is published at ${options.jwksUri ?? 'the key set'}, so the token cannot be trusted.`,
      decoded,
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return result('invalid', `The signature does not match key ${kid === null ? '' : `"${kid}" `}from ${options.jwksUri ?? 'the key set'}: the token was altered or signed by someone else.`, decoded);
  }
  if (error instanceof errors.JWTExpired) {
    return result('invalid', `The signature is valid, but the token expired at ${describeTime(decoded.claims.exp)}.`, decoded);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') {
      const iss = typeof decoded.claims.iss === 'string' ? decoded.claims.iss : '(none)';
      return result('invalid', `The signature is valid, but the issuer is ${iss}, not ${options.expectedIssuer}.`, decoded);
    }
    return result('invalid', `The signature is valid, but the "${error.claim}" claim failed its check (${error.reason}).`, decoded);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return result('invalid', `The token is signed with "${alg}", which is not an algorithm Okta uses for access tokens.`, decoded);
  }
  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return result('unchecked', `Several published keys match kid "${kid ?? ''}", so the signature could not be checked unambiguously.`, decoded);
  }
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) {
    return result('invalid', 'The token is not a well-formed signed JWT.', decoded);
  }
  return result('unchecked', `The signature could not be checked: the key set or algorithm (${alg}) is not usable here.`, decoded);
}
