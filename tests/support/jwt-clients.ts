/**
 * The JWT and DPoP clients the core and CLI suites register with the real
 * authorization server (auth-server.ts), with the keys they sign with.
 * Keys are made per test run, in memory.
 */
import type { JWK } from 'jose';
import type { SecretTestClient, TestClient } from './auth-server';
import { makeEcKey, makeRsaKey, type TestKey } from './key-files';

export interface JwtClients {
  /** private_key_jwt with an RSA key (kid RSA_KID) and an EC P-256 key (kid EC_KID). */
  readonly keyClient: TestClient;
  readonly rsa: TestKey;
  readonly ec: TestKey;
  /** client_secret_jwt with a 64-character secret. */
  readonly hmacClient: SecretTestClient;
  /** client_secret_basic, but DPoP-bound (Okta's "Require DPoP"). */
  readonly dpopClient: SecretTestClient;
  /** A key nobody registered. */
  readonly stranger: TestKey;
  readonly all: readonly TestClient[];
}

export const RSA_KID = 'rsa-key-2026';
export const EC_KID = 'ec-key-2026';

const withKid = (jwk: JWK, kid: string): JWK => ({ ...jwk, kid, use: 'sig' });

export function makeJwtClients(): JwtClients {
  const rsa = makeRsaKey();
  const ec = makeEcKey('P-256');
  const keyClient: TestClient = {
    clientId: '0oa1keyclient00000h7',
    authMethod: 'private_key_jwt',
    jwks: { keys: [withKid(rsa.publicJwk, RSA_KID), withKid(ec.publicJwk, EC_KID)] },
  };
  const hmacClient = {
    clientId: '0oa1hmacclient0000h7',
    clientSecret: 'hmac-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMN',
    authMethod: 'client_secret_jwt' as const,
  };
  const dpopClient = {
    clientId: '0oa1dpopclient0000h7',
    clientSecret: 'dpop-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMN',
    dpopBound: true,
  };
  return { keyClient, rsa, ec, hmacClient, dpopClient, stranger: makeRsaKey(), all: [keyClient, hmacClient, dpopClient] };
}
