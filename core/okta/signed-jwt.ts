/**
 * The two JWTs core signs for a token request: the client assertion
 * (private_key_jwt / client_secret_jwt, Okta's rules) and the DPoP proof
 * (RFC 9449). Each is returned with its decoded header and claims, which
 * reports show; the signed JWT itself goes only into the request.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { decodeBase64Loose } from '../encoding/base64';
import type { ClientSecretJwtAlg, PrivateKeyJwtAlg } from './client-keys';
import type { SensitiveValue } from './redact';
import type { DecodedJwt } from './types';

export interface SignedJwt extends DecodedJwt {
  /** The compact JWT: a credential. Never put it in a report. */
  readonly jwt: string;
}

/** How the client signs its assertion. */
export type AssertionSigner =
  | { readonly method: 'private_key_jwt'; readonly alg: PrivateKeyJwtAlg; readonly kid: string | null; readonly key: CryptoKey }
  | { readonly method: 'client_secret_jwt'; readonly alg: ClientSecretJwtAlg; readonly key: Uint8Array };

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Okta refuses more than an hour; five minutes is plenty for one request. */
export const ASSERTION_LIFETIME_S = 300;

const seconds = (ms: number): number => Math.floor(ms / 1000);

/**
 * iss = sub = client ID, aud = the exact token endpoint (never the issuer),
 * iat now, exp five minutes on, and a fresh random jti on every call, so a
 * retry never reuses one (Okta: "The client_assertion token has already been used.").
 */
export async function signClientAssertion(
  signer: AssertionSigner,
  claims: { readonly clientId: string; readonly tokenEndpoint: string; readonly nowMs: number },
): Promise<SignedJwt> {
  const iat = seconds(claims.nowMs);
  const payload = { iss: claims.clientId, sub: claims.clientId, aud: claims.tokenEndpoint, iat, exp: iat + ASSERTION_LIFETIME_S, jti: crypto.randomUUID() };
  const header: Record<string, unknown> = { alg: signer.alg, typ: 'JWT' };
  if (signer.method === 'private_key_jwt' && signer.kid !== null) header.kid = signer.kid;
  const jwt = await new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(signer.key);
  return { jwt, header, claims: payload };
}

export interface DpopKey {
  readonly privateKey: CryptoKey;
  readonly publicJwk: Readonly<JWK>;
  /** RFC 7638 SHA-256 thumbprint of publicJwk: the token's cnf.jkt must equal it. */
  readonly jkt: string;
}

/** A fresh ES256 key for one run, separate from the client-authentication key (Okta's rule). */
export async function createDpopKey(): Promise<DpopKey> {
  const pair = await generateKeyPair('ES256', { extractable: false });
  const { kty, crv, x, y } = await exportJWK(pair.publicKey);
  // Only the RFC 7638 members: the proof header carries the public key and nothing else.
  const publicJwk = { kty, crv, x, y } as JWK;
  return { privateKey: pair.privateKey, publicJwk, jkt: await calculateJwkThumbprint(publicJwk, 'sha256') };
}

/** RFC 9449 §4.2: htu is the target URI without query and fragment. */
export function dpopHtu(url: string): string {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  return u.href;
}

export async function signDpopProof(
  key: DpopKey,
  proof: { readonly htu: string; readonly nonce: string | null; readonly nowMs: number },
): Promise<SignedJwt> {
  const payload: Record<string, unknown> = { htm: 'POST', htu: dpopHtu(proof.htu), iat: seconds(proof.nowMs), jti: crypto.randomUUID() };
  if (proof.nonce !== null) payload.nonce = proof.nonce;
  const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicJwk };
  const jwt = await new SignJWT(payload).setProtectedHeader(header).sign(key.privateKey);
  return { jwt, header, claims: payload };
}

/**
 * Values a report must never hold for a signed JWT: its signature, also as
 * bytes (its hex, its Base64 at another alignment). The report shows the
 * header and claims, so the signature is all that is missing to rebuild the
 * JWT, and an echo of the whole JWT is masked where it counts. Not the header
 * or claims segments: every JWT's header starts with the same characters
 * (`eyJhbGciOi…`), so they would mask pieces of any other JWT, the access
 * token included.
 */
export function jwtSensitiveValues(signed: SignedJwt): SensitiveValue[] {
  const signature = signed.jwt.split('.')[2] ?? '';
  const bytes = decodeBase64Loose(signature);
  return [
    ...(signature.length > 0 ? [signature] : []),
    ...(bytes.ok && bytes.bytes.length > 0 ? [{ bytes: bytes.bytes }] : []),
  ];
}
