/**
 * The fast road for an access token's signature check (issue 16). WebCrypto
 * verifies on a worker thread, and in Node the hop there and back costs more
 * than the RSA check itself: most of a token test's own time. The Node shells
 * (the CLI, Electron's main process) pass their synchronous crypto in; core
 * stays on web-standard APIs and only describes what it needs.
 *
 * This road only ever says "verified", and only for the plain shape Okta issues:
 * a compact JWT whose header holds nothing but alg, kid and typ, exactly one
 * published key that jose would pick, a valid signature, and claims jose would
 * accept. Everything else (a bad signature, an unknown kid, an odd header, a
 * claim that fails) goes the slow road, jose's jwtVerify, which gives the
 * reasons and the errors the report explains. So the answer is never more
 * lenient than jose's; tests/core/okta/token-signature.test.ts compares both
 * roads on every kind of token.
 */
import { decodeBase64Loose } from '../encoding/base64';
import type { JsonWebKeySet } from './discovery';

/** A public key as Node's crypto holds it (only what is read here). */
export interface PublicKeyHandle {
  readonly type: string;
  readonly asymmetricKeyType?: string;
  readonly asymmetricKeyDetails?: { readonly modulusLength?: number; readonly namedCurve?: string };
}

/** The part of Node's `crypto` module the fast road uses: the shells pass `node:crypto` itself. */
export interface NodeCryptoLike<K extends PublicKeyHandle> {
  createPublicKey(key: { key: Readonly<Record<string, unknown>>; format: 'jwk' }): K;
  verify(
    algorithm: string | null | undefined,
    data: Uint8Array,
    key: K | { key: K; padding?: number; saltLength?: number; dsaEncoding?: 'der' | 'ieee-p1363' },
    signature: Uint8Array,
  ): boolean;
  readonly constants: { readonly RSA_PKCS1_PSS_PADDING: number; readonly RSA_PSS_SALTLEN_DIGEST: number };
}

/**
 * Checks `signature` over `signingInput` with the JWK for `alg`: true or false,
 * or null when it cannot use this key (then the slow road decides).
 */
export type SignatureCheck = (alg: string, jwk: Readonly<Record<string, unknown>>, signingInput: Uint8Array, signature: Uint8Array) => boolean | null;

/** What jose's key selection needs per algorithm (its JWS table), for the algorithms this road takes. */
interface AlgorithmEntry {
  readonly kty: 'RSA' | 'EC' | 'OKP';
  readonly crv?: string;
  readonly hash: string | null;
  readonly pss?: boolean;
}

const ALGORITHMS: Readonly<Record<string, AlgorithmEntry>> = {
  RS256: { kty: 'RSA', hash: 'sha256' },
  RS384: { kty: 'RSA', hash: 'sha384' },
  RS512: { kty: 'RSA', hash: 'sha512' },
  PS256: { kty: 'RSA', hash: 'sha256', pss: true },
  PS384: { kty: 'RSA', hash: 'sha384', pss: true },
  PS512: { kty: 'RSA', hash: 'sha512', pss: true },
  ES256: { kty: 'EC', crv: 'P-256', hash: 'sha256' },
  ES384: { kty: 'EC', crv: 'P-384', hash: 'sha384' },
  ES512: { kty: 'EC', crv: 'P-521', hash: 'sha512' },
  EdDSA: { kty: 'OKP', crv: 'Ed25519', hash: null },
  Ed25519: { kty: 'OKP', crv: 'Ed25519', hash: null },
};

/** Node's names for the curves (asymmetricKeyDetails.namedCurve). */
const NODE_CURVES: Readonly<Record<string, string>> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };

/** JWK members only a private or secret key has: such a key in a published set goes the slow road (jose refuses it). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/**
 * Larger RSA keys go the slow road: a hostile key set could publish a huge
 * modulus (and, below 3,072 bits, a huge exponent), and a synchronous verify
 * would hold the main process (the app's window, its cancel and its timeout)
 * for as long as it runs; WebCrypto runs it on another thread.
 */
const MAX_SYNC_RSA_BITS = 8192;

/** Imported keys by key content (public keys only, nothing secret-derived); a handful, as for jose's key sets. */
const KEYS_KEPT = 16;

/** A SignatureCheck over Node's crypto: keys imported once per content, RSA under 2048 bits left to jose (which refuses them). */
export function nodeSignatureCheck<K extends PublicKeyHandle>(crypto: NodeCryptoLike<K>): SignatureCheck {
  const keys = new Map<string, K>();
  // The same key object again (a cached key set) skips serialising it.
  // (as jwt-inspect's key sets: a key set's objects are the server's JSON, never changed after parsing).
  const byObject = new WeakMap<object, K>();
  const keyFor = (jwk: Readonly<Record<string, unknown>>): K => {
    const known = byObject.get(jwk);
    if (known !== undefined) return known;
    const id = JSON.stringify(jwk);
    let key = keys.get(id);
    if (key === undefined) {
      key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
      if (keys.size >= KEYS_KEPT) keys.delete(keys.keys().next().value ?? '');
      keys.set(id, key);
    }
    byObject.set(jwk, key);
    return key;
  };
  return (alg, jwk, signingInput, signature) => {
    const entry = ALGORITHMS[alg];
    if (entry === undefined) return null;
    try {
      const key = keyFor(jwk);
      if (key.type !== 'public') return null;
      if (entry.kty === 'RSA') {
        if (key.asymmetricKeyType !== 'rsa') return null;
        const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
        if (bits < 2048 || bits > MAX_SYNC_RSA_BITS) return null;
        return entry.pss === true
          ? crypto.verify(entry.hash, signingInput, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST }, signature)
          : crypto.verify(entry.hash, signingInput, key, signature);
      }
      if (entry.kty === 'EC') {
        if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== NODE_CURVES[entry.crv ?? '']) return null;
        return crypto.verify(entry.hash, signingInput, { key, dsaEncoding: 'ieee-p1363' }, signature);
      }
      if (key.asymmetricKeyType !== 'ed25519') return null;
      return crypto.verify(null, signingInput, key, signature);
    } catch {
      // A key Node cannot import or use: jose decides, and explains.
      return null;
    }
  };
}

/** jose's decoder for decodeJwt, JWS headers and claim checks: UTF-8, strict (invalid bytes fail), a BOM dropped. */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const ascii = new TextEncoder();

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** A compact JWT read once, for both the decoded view and the fast road. */
export interface CompactJwt {
  readonly segments: readonly [string, string, string];
  /** As JSON.parse gave them (ordinary objects): callers copy before showing. */
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
}

function jsonObject(bytes: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Header and claims of a compact JWT, read as jose's decodeProtectedHeader and
 * decodeJwt read them (base64url as atob reads it, strict UTF-8, a JSON
 * object each); null for anything else.
 */
export function parseCompactJwt(token: string): CompactJwt | null {
  if (!JWT_SHAPE.test(token)) return null;
  const [h = '', p = '', sig = ''] = token.split('.');
  const headerBytes = decodeBase64Loose(h);
  const claimsBytes = decodeBase64Loose(p);
  if (!headerBytes.ok || !claimsBytes.ok) return null;
  const header = jsonObject(headerBytes.bytes);
  const claims = jsonObject(claimsBytes.bytes);
  return header === null || claims === null ? null : { segments: [h, p, sig], header, claims };
}

/** jose's isUsableJWK (jwks/local.js), for the algorithms above. */
function usable(jwk: Readonly<Record<string, unknown>>, alg: string, entry: AlgorithmEntry, kid: string | undefined): boolean {
  const ops = jwk.key_ops;
  return (
    (jwk.ext === undefined || typeof jwk.ext === 'boolean') &&
    (ops === undefined || (Array.isArray(ops) && ops.every((op, i) => typeof op === 'string' && ops.indexOf(op) === i) && ops.includes('verify'))) &&
    jwk.kty === entry.kty &&
    (kid === undefined || kid === jwk.kid) &&
    (jwk.alg === undefined || jwk.alg === alg) &&
    (jwk.use === undefined || jwk.use === 'sig') &&
    (entry.crv === undefined || jwk.crv === entry.crv)
  );
}

export interface FastCheckOptions {
  readonly issuer: string;
  readonly algorithms: readonly string[];
  readonly nowMs: number;
  readonly clockToleranceS: number;
}

/**
 * The claims of the token when the fast road can vouch for it (signature and
 * claims as jose would accept them); null whenever jose must decide.
 */
export function fastVerifiedClaims(jwt: CompactJwt, jwks: JsonWebKeySet, options: FastCheckOptions, check: SignatureCheck): Record<string, unknown> | null {
  const { header, claims } = jwt;
  const [headerPart, payloadPart, signaturePart] = jwt.segments;
  if (Object.keys(header).some((name) => name !== 'alg' && name !== 'kid' && name !== 'typ')) return null;
  const { alg, kid } = header;
  if (typeof alg !== 'string' || !options.algorithms.includes(alg)) return null;
  const entry = ALGORITHMS[alg];
  if (entry === undefined || (kid !== undefined && typeof kid !== 'string')) return null;
  const candidates = jwks.keys.filter((jwk) => usable(jwk, alg, entry, kid));
  const [jwk] = candidates;
  if (jwk === undefined || candidates.length !== 1 || PRIVATE_MEMBERS.some((member) => member in jwk)) return null;
  const signature = decodeBase64Loose(signaturePart);
  if (!signature.ok || !signature.canonical) return null;
  if (check(alg, jwk, ascii.encode(`${headerPart}.${payloadPart}`), signature.bytes) !== true) return null;

  // jose's validateClaimsSet with { issuer, clockTolerance, currentDate }: success only.
  if (!Object.hasOwn(claims, 'iss') || claims.iss !== options.issuer) return null;
  const now = Math.floor(options.nowMs / 1000);
  const tolerance = options.clockToleranceS;
  const { iat, nbf, exp } = claims;
  if (iat !== undefined && typeof iat !== 'number') return null;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + tolerance)) return null;
  if (exp !== undefined && (typeof exp !== 'number' || exp <= now - tolerance)) return null;
  return claims;
}
