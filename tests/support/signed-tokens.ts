/**
 * Correctly signed access tokens with payloads no JWT library would build
 * (30,000 nested arrays, a `__proto__` claim, dates past the end of time),
 * and a fault-server route table that serves them like an Okta custom
 * authorization server: metadata, key set and token endpoint.
 */
import { exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { JsonWebKeySet } from '../../core/okta/discovery';
import { behaviours, oktaMetadata, type Route } from './fault-servers';

export interface TokenSigner {
  readonly jwks: { keys: Record<string, unknown>[] };
  /** RS256 over the payload exactly as given (raw JSON text). */
  sign(payloadJson: string): string;
}

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

export function createTokenSigner(kid = 'odd-key-1'): TokenSigner {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    jwks: { keys: [{ ...(publicKey as KeyObject).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] },
    sign(payloadJson) {
      const input = `${b64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }))}.${b64url(payloadJson)}`;
      return `${input}.${b64url(sign('sha256', Buffer.from(input), privateKey))}`;
    },
  };
}

/** A fresh RS256 key pair: the private key to sign with (jose) and the key set an issuer would publish for it. */
export async function rsaSigningKeySet(kid: string): Promise<{ readonly privateKey: CryptoKey; readonly jwks: JsonWebKeySet }> {
  const pair = await generateKeyPair('RS256');
  return { privateKey: pair.privateKey, jwks: { keys: [{ ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' }] } };
}

/** Usual claims for the default server at `origin`, as JSON text without the closing brace (so a test can append odd ones). */
export function claimsJsonStart(origin: string, nowS: number): string {
  return JSON.stringify({ ver: 1, iss: `${origin}/oauth2/default`, aud: 'api://default', sub: '0oa1', cid: '0oa1', scp: ['api:read'], iat: nowS - 5, exp: nowS + 3600 }).slice(0, -1);
}

/** Routes for a fault server acting as the default custom authorization server, answering `token(origin)`. */
export function tokenRoutes(signer: TokenSigner, body: (origin: string) => Record<string, unknown>, headers?: Readonly<Record<string, string>>): Record<string, Route> {
  const origin = (host: unknown): string => `https://${String(host)}`;
  return {
    '/.well-known/oauth-authorization-server/oauth2/default': (req) => behaviours.json(200, oktaMetadata(origin(req.headers.host))),
    '/oauth2/default/v1/keys': behaviours.json(200, signer.jwks),
    '/oauth2/default/v1/token': (req) => behaviours.json(200, body(origin(req.headers.host)), headers),
  };
}
