/**
 * Reads an access token: decodes a JWT's header and claims and verifies its
 * signature with jose against the server's published keys (fetched by the
 * caller through the injected fetch), by `kid`, checking `iss` and `exp`.
 * Org-server tokens are labelled opaque: Okta says not to validate them.
 */
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';
import type { JsonWebKeySet, LoadedJwks } from './discovery';
import { boundedCopy } from './redact';
import { fastVerifiedClaims, parseCompactJwt, type CompactJwt, type SignatureCheck } from './token-signature';
import { describeEpochSeconds } from './time';
import type { SignatureStatus, TokenDetails } from './types';

export type TokenInspection = Pick<TokenDetails, 'format' | 'header' | 'claims' | 'signature' | 'signatureDetail'>;

export type { LoadedJwks };

export interface InspectOptions {
  readonly isOrgServer: boolean;
  readonly expectedIssuer: string;
  readonly jwksUri: string | null;
  /**
   * Gets the key set; `refresh` asks for a fresh copy after a `kid` miss (keys
   * rotate). A set already at hand may come back as it is, not as a promise.
   */
  readonly loadJwks: (refresh: boolean) => LoadedJwks | Promise<LoadedJwks>;
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

/**
 * The token's inspection: a value when nothing had to be waited for (the key
 * set at hand and the fast road vouching, or nothing to check), else a
 * promise (a key download, or jose, which runs on WebCrypto). A token test
 * waits for it only when it must: each await is a turn on its path.
 */
export function inspectAccessToken(token: string, options: InspectOptions): TokenInspection | Promise<TokenInspection> {
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
  const check = (loaded: LoadedJwks, attempt: number): TokenInspection | Promise<TokenInspection> => {
    if (!loaded.ok) return result('unchecked', `The signature was not checked: ${loaded.reason}.`, decoded);
    const fast =
      options.checkSignature === undefined || jwt === null
        ? null
        : fastVerifiedClaims(jwt, loaded.jwks, { issuer: options.expectedIssuer, algorithms: ALGORITHMS, nowMs: options.nowMs, clockToleranceS: CLOCK_TOLERANCE_S }, options.checkSignature);
    if (fast !== null) return verifiedResult(fast.exp, kid, options, decoded);
    return viaJose(token, loaded.jwks, decoded, kid, options).then((outcome) =>
      // A cached key set may predate a key rotation: refetch once before calling a kid unknown.
      outcome === KID_MISS && loaded.fromCache && attempt === 0
        ? Promise.resolve(options.loadJwks(true)).then((fresh) => check(fresh, attempt + 1))
        : outcome === KID_MISS
          ? failure(new errors.JWKSNoMatchingKey(), decoded, kid, options)
          : outcome,
    );
  };
  const loaded = options.loadJwks(false);
  return loaded instanceof Promise ? loaded.then((set) => check(set, 0)) : check(loaded, 0);
}

/** jose's answer for a kid it found in no key: the caller may refetch the set first. */
const KID_MISS = Symbol('kid not in the key set');

/** jose's road: the same checks as the fast one, with its errors turned into the report's reasons. */
async function viaJose(token: string, jwks: JsonWebKeySet, decoded: Decoded, kid: string | null, options: InspectOptions): Promise<TokenInspection | typeof KID_MISS> {
  try {
    const verified = await jwtVerify(token, keySetFor(options.expectedIssuer, jwks), {
      issuer: options.expectedIssuer,
      algorithms: ALGORITHMS,
      currentDate: new Date(options.nowMs),
      clockTolerance: CLOCK_TOLERANCE_S,
    });
    return verifiedResult(verified.payload.exp, kid, options, decoded);
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return KID_MISS;
    return failure(error, decoded, kid, options);
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
