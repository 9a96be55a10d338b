/**
 * The client assertion and the DPoP proof, checked with jose's own verifier
 * against the public keys: Okta's claims, a fresh jti per call, the proof's
 * embedded public key (and nothing private), htu without query or fragment.
 */
import { calculateJwkThumbprint, EmbeddedJWK, importJWK, jwtVerify } from 'jose';
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { createDpopKey, dpopHtu, importPrivateKey, jwtSensitiveValues, signClientAssertion, signDpopProof } from '../../../core/okta';
import { keyText, makeEcKey } from '../../support/key-files';

const TOKEN_URL = 'https://dev-123.okta.com/oauth2/default/v1/token';

describe('signClientAssertion', () => {
  it('private_key_jwt: verifies with the public key; iss = sub = client, aud = token URL, exp = iat + 300, new jti each call', async () => {
    const key = makeEcKey('P-384');
    const imported = await importPrivateKey(keyText(key, 'sec1-pem'), { kid: 'k1' });
    if (!imported.ok) throw new Error(imported.message);
    const signer = { method: 'private_key_jwt' as const, alg: imported.value.alg, kid: 'k1', key: imported.value.key };
    const nowMs = Date.UTC(2026, 0, 1, 12, 0, 0);
    const a = await signClientAssertion(signer, { clientId: '0oa1', tokenEndpoint: TOKEN_URL, nowMs });
    const b = await signClientAssertion(signer, { clientId: '0oa1', tokenEndpoint: TOKEN_URL, nowMs });
    const verified = await jwtVerify(a.jwt, await importJWK(key.publicJwk, 'ES384'), { currentDate: new Date(nowMs), audience: TOKEN_URL, issuer: '0oa1', subject: '0oa1' });
    expect(verified.protectedHeader).toEqual({ alg: 'ES384', typ: 'JWT', kid: 'k1' });
    expect(verified.payload).toEqual({ ...a.claims });
    expect(a.claims).toMatchObject({ iat: nowMs / 1000, exp: nowMs / 1000 + 300 });
    expect(a.claims.jti).not.toBe(b.claims.jti);
    const signature = a.jwt.split('.')[2] ?? '';
    // The signature as bytes too: the report shows header and claims, so its hex or shifted Base64 would rebuild the JWT.
    // Not the header or claims segments: every JWT's header starts alike, so they would mask pieces of any JWT.
    expect(jwtSensitiveValues(a)).toEqual([signature, { bytes: new Uint8Array(Buffer.from(signature, 'base64url')) }]);
  });

  it('client_secret_jwt: HMAC with the secret, no kid', async () => {
    const secret = new TextEncoder().encode('s'.repeat(40));
    const a = await signClientAssertion({ method: 'client_secret_jwt', alg: 'HS384', key: secret }, { clientId: '0oa1', tokenEndpoint: TOKEN_URL, nowMs: Date.now() });
    const verified = await jwtVerify(a.jwt, secret);
    expect(verified.protectedHeader).toEqual({ alg: 'HS384', typ: 'JWT' });
  });
});

describe('DPoP proofs', () => {
  it('typ dpop+jwt, ES256, the public key only; verifies with the embedded key; jkt is its thumbprint', async () => {
    const key = await createDpopKey();
    expect(key.privateKey.extractable).toBe(false);
    const proof = await signDpopProof(key, { htu: `${TOKEN_URL}?x=1#frag`, nonce: 'n-1', nowMs: Date.now() });
    const verified = await jwtVerify(proof.jwt, EmbeddedJWK, { typ: 'dpop+jwt' });
    expect(Object.keys(verified.protectedHeader.jwk ?? {}).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(verified.payload).toMatchObject({ htm: 'POST', htu: TOKEN_URL, nonce: 'n-1' });
    expect(await calculateJwkThumbprint(verified.protectedHeader.jwk ?? {})).toBe(key.jkt);
    const again = await signDpopProof(key, { htu: TOKEN_URL, nonce: null, nowMs: Date.now() });
    expect(again.claims.jti).not.toBe(proof.claims.jti);
    expect(again.claims).not.toHaveProperty('nonce');
  });

  it('iat is in whole seconds (Okta rejects a proof whose iat is far off), also the signed one', async () => {
    const key = await createDpopKey();
    // A time with milliseconds, so rounding is visible too.
    const nowMs = Date.UTC(2026, 0, 1, 12, 0, 0) + 789;
    const proof = await signDpopProof(key, { htu: TOKEN_URL, nonce: null, nowMs });
    expect(proof.claims.iat).toBe(Math.floor(nowMs / 1000));
    expect((await jwtVerify(proof.jwt, EmbeddedJWK, { typ: 'dpop+jwt', currentDate: new Date(nowMs) })).payload.iat).toBe(Math.floor(nowMs / 1000));
  });

  it('htu drops query and fragment only', () => {
    expect(dpopHtu('https://a.example:8443/oauth2/v1/token?x=1#y')).toBe('https://a.example:8443/oauth2/v1/token');
    expect(dpopHtu('https://A.example/oauth2/default/v1/token')).toBe('https://a.example/oauth2/default/v1/token');
  });
});
