/**
 * Issue 16: public keys are imported once per issuer and key-set content, even
 * when the key set is fetched again as a new object (no discovery cache, or one
 * that expired: the app keeps it five minutes). A rotated set, or the same
 * keys under another issuer, is imported afresh, and verification stays as
 * strict as before.
 */
import { SignJWT, type CryptoKey } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonWebKeySet } from '../../../core/okta/discovery';
import { inspectAccessToken, type InspectOptions } from '../../../core/okta/jwt-inspect';
import { rsaSigningKeySet } from '../../support/signed-tokens';

const NOW_S = 1_800_000_000;
// Unique to this file: the cache is module-wide, so other files' issuers cannot have warmed it.
const ISSUER = 'https://key-cache.example.okta.com/oauth2/default';
const OTHER_ISSUER = 'https://key-cache-2.example.okta.com/oauth2/default';

let key: CryptoKey;
let rotatedKey: CryptoKey;
let published: JsonWebKeySet;
let rotated: JsonWebKeySet;

beforeAll(async () => {
  ({ privateKey: key, jwks: published } = await rsaSigningKeySet('k1'));
  ({ privateKey: rotatedKey, jwks: rotated } = await rsaSigningKeySet('k2'));
});

afterEach(() => vi.restoreAllMocks());

const sign = (issuer: string, kid = 'k1', signer: CryptoKey = key): Promise<string> =>
  new SignJWT({ cid: '0oa1' }).setProtectedHeader({ alg: 'RS256', kid }).setIssuer(issuer).setIssuedAt(NOW_S - 10).setExpirationTime(NOW_S + 3600).sign(signer);

/** Every call hands out a fresh deep copy, as a refetch without a cache does. */
const options = (issuer: string, set: () => JsonWebKeySet): InspectOptions => ({
  isOrgServer: false,
  expectedIssuer: issuer,
  jwksUri: `${issuer}/v1/keys`,
  nowMs: NOW_S * 1000,
  loadJwks: () => Promise.resolve({ ok: true, jwks: structuredClone(set()), fromCache: false }),
});

describe('imported key cache', () => {
  it('imports a key set once per issuer and content, however often it is fetched again', async () => {
    const imports = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    for (let i = 0; i < 5; i += 1) {
      expect((await inspectAccessToken(await sign(ISSUER), options(ISSUER, () => published))).signature).toBe('verified');
    }
    expect(imports).toHaveBeenCalledTimes(1);

    // Same keys, another issuer: its own import (a key set is trusted per issuer).
    expect((await inspectAccessToken(await sign(OTHER_ISSUER), options(OTHER_ISSUER, () => published))).signature).toBe('verified');
    expect(imports).toHaveBeenCalledTimes(2);

    // Rotated content: imported afresh, and the old key no longer verifies against it.
    expect((await inspectAccessToken(await sign(ISSUER, 'k2', rotatedKey), options(ISSUER, () => rotated))).signature).toBe('verified');
    expect(imports).toHaveBeenCalledTimes(3);
    expect((await inspectAccessToken(await sign(ISSUER), options(ISSUER, () => rotated))).signature).toBe('invalid');
  });

  it('stays strict with a cached key: a token signed by another key is still invalid', async () => {
    await inspectAccessToken(await sign(ISSUER), options(ISSUER, () => published));
    const forged = await sign(ISSUER, 'k1', rotatedKey);
    const result = await inspectAccessToken(forged, options(ISSUER, () => published));
    expect(result.signature).toBe('invalid');
    expect(result.signatureDetail).toMatch(/does not match/);
  });
});
