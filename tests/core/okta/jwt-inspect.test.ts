import * as nodeCrypto from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonWebKeySet } from '../../../core/okta/discovery';
import { inspectAccessToken, type InspectOptions, type LoadedJwks } from '../../../core/okta/jwt-inspect';
import { nodeSignatureCheck } from '../../../core/okta/token-signature';
import { rsaSigningKeySet } from '../../support/signed-tokens';

const ISSUER = 'https://dev-123.okta.com/oauth2/default';
const JWKS_URI = `${ISSUER}/v1/keys`;
const NOW_S = 1_800_000_000;

let signingKey: CryptoKey;
let otherKey: CryptoKey;
let jwks: JsonWebKeySet;

beforeAll(async () => {
  ({ privateKey: signingKey, jwks } = await rsaSigningKeySet('k1'));
  otherKey = (await generateKeyPair('RS256')).privateKey;
});

async function token(claims: Record<string, unknown> = {}, options: { kid?: string; key?: CryptoKey; iss?: string; exp?: number } = {}): Promise<string> {
  return new SignJWT({ ver: 1, cid: '0oa1', scp: ['api:read'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1' })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience('api://default')
    .setSubject('0oa1')
    .setIssuedAt(NOW_S - 10)
    .setExpirationTime(options.exp ?? NOW_S + 3600)
    .setJti('jti-1')
    .sign(options.key ?? signingKey);
}

function options(patch: Partial<InspectOptions> = {}): InspectOptions {
  return {
    isOrgServer: false,
    expectedIssuer: ISSUER,
    jwksUri: JWKS_URI,
    nowMs: NOW_S * 1000,
    loadJwks: () => Promise.resolve({ ok: true, jwks, fromCache: false }),
    ...patch,
  };
}

describe('inspectAccessToken', () => {
  it('verifies a good token by kid and decodes header and claims', async () => {
    const result = await inspectAccessToken(await token(), options());
    expect(result.signature).toBe('verified');
    expect(result.format).toBe('jwt');
    expect(result.header).toMatchObject({ alg: 'RS256', kid: 'k1' });
    expect(result.claims).toMatchObject({ iss: ISSUER, aud: 'api://default', cid: '0oa1', scp: ['api:read'], sub: '0oa1', jti: 'jti-1' });
    expect(result.signatureDetail).toContain('k1');
  });

  it('a correctly signed token with exp and iat near 1e17 is verified, its expiry shown as "not a valid date" (issue 11, item 5)', async () => {
    const result = await inspectAccessToken(await token({ iat: 1e17 - 1 }, { exp: 1e17 }), options());
    expect(result.signature).toBe('verified');
    expect(result.signatureDetail).toContain('100000000000000000 (not a valid date)');
  });

  it('a __proto__ claim is a plain claim of a null-prototype object (issue 11, item 7)', async () => {
    const result = await inspectAccessToken(await token(JSON.parse('{"__proto__":{"admin":true}}') as Record<string, unknown>), options());
    expect(result.signature).toBe('verified');
    expect(Object.getPrototypeOf(result.claims)).toBeNull();
    expect('admin' in (result.claims ?? {})).toBe(false);
    expect(Object.keys(result.claims ?? {})).toContain('__proto__');
  });

  it('a token signed by another key is invalid', async () => {
    const result = await inspectAccessToken(await token({}, { key: otherKey }), options());
    expect(result.signature).toBe('invalid');
    expect(result.signatureDetail).toMatch(/does not match/);
  });

  it('a tampered payload is invalid', async () => {
    const good = await token();
    const [h, , s] = good.split('.');
    const forged = Buffer.from(JSON.stringify({ iss: ISSUER, sub: 'admin', exp: NOW_S + 3600 })).toString('base64url');
    const result = await inspectAccessToken(`${h}.${forged}.${s}`, options());
    expect(result.signature).toBe('invalid');
  });

  it('an expired token is invalid, and says so', async () => {
    const result = await inspectAccessToken(await token({}, { exp: NOW_S - 3600 }), options());
    expect(result.signature).toBe('invalid');
    expect(result.signatureDetail).toMatch(/expired/);
  });

  it('a token expired five minutes ago is invalid: the clock tolerance is a minute, not more', async () => {
    const result = await inspectAccessToken(await token({}, { exp: NOW_S - 300 }), options());
    expect(result.signature).toBe('invalid');
    expect(result.signatureDetail).toMatch(/expired/);
    // Positive control: within the minute it is still accepted.
    expect((await inspectAccessToken(await token({}, { exp: NOW_S - 30 }), options())).signature).toBe('verified');
  });

  it('a token from another issuer is invalid', async () => {
    const result = await inspectAccessToken(await token({}, { iss: 'https://evil.example/oauth2/default' }), options());
    expect(result.signature).toBe('invalid');
    expect(result.signatureDetail).toContain('https://evil.example/oauth2/default');
  });

  it('an unknown kid refetches the key set once when it came from a cache (key rotation)', async () => {
    const rotated = await generateKeyPair('RS256');
    const newJwks: JsonWebKeySet = { keys: [{ ...(await exportJWK(rotated.publicKey)), kid: 'k2', alg: 'RS256' }] };
    const calls: boolean[] = [];
    const result = await inspectAccessToken(
      await token({}, { kid: 'k2', key: rotated.privateKey }),
      options({
        loadJwks: (refresh) => {
          calls.push(refresh);
          return Promise.resolve(refresh ? { ok: true, jwks: newJwks, fromCache: false } : { ok: true, jwks, fromCache: true });
        },
      }),
    );
    expect(calls).toEqual([false, true]);
    expect(result.signature).toBe('verified');
  });

  it('an unknown kid in a fresh key set is invalid', async () => {
    const result = await inspectAccessToken(await token({}, { kid: 'nope' }), options());
    expect(result.signature).toBe('invalid');
    expect(result.signatureDetail).toContain('"nope"');
  });

  it('an alg=none token is never verified', async () => {
    const good = await token();
    const [, payload] = good.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'k1' })).toString('base64url')}.${payload}.`;
    const result = await inspectAccessToken(none, options());
    expect(result.signature).not.toBe('verified');
  });

  it('an HS256 token is invalid as an algorithm Okta does not use, even with an HMAC key published', async () => {
    // With the shared secret in the set, allowing HMAC would make this "verified".
    const secret = Buffer.from('0123456789abcdef0123456789abcdef');
    const input = `${Buffer.from(JSON.stringify({ alg: 'HS256', kid: 'o' })).toString('base64url')}.${Buffer.from(JSON.stringify({ iss: ISSUER, exp: NOW_S + 100 })).toString('base64url')}`;
    const hs256 = `${input}.${nodeCrypto.createHmac('sha256', secret).update(input).digest('base64url')}`;
    const withSecret: JsonWebKeySet = { keys: [...jwks.keys, { kty: 'oct', kid: 'o', k: secret.toString('base64url') }] };
    const result = await inspectAccessToken(hs256, options({ loadJwks: () => Promise.resolve({ ok: true, jwks: withSecret, fromCache: false }) }));
    expect(result.signature).toBe('invalid');
    expect(result.signatureDetail).toBe('The token is signed with "HS256", which is not an algorithm Okta uses for access tokens.');
  });

  it('keys that cannot be loaded leave the signature unchecked, with the reason', async () => {
    const result = await inspectAccessToken(await token(), options({ loadJwks: () => Promise.resolve({ ok: false, reason: 'the host was down' }) }));
    expect(result.signature).toBe('unchecked');
    expect(result.signatureDetail).toContain('the host was down');
    expect(result.claims).not.toBeNull();
  });

  it('org-server tokens are labelled opaque and not validated', async () => {
    let loaded = false;
    const result = await inspectAccessToken(
      await token(),
      options({
        isOrgServer: true,
        loadJwks: () => {
          loaded = true;
          return Promise.resolve({ ok: true, jwks, fromCache: false });
        },
      }),
    );
    expect(result.format).toBe('opaque');
    expect(result.signature).toBe('unchecked');
    expect(result.signatureDetail).toMatch(/opaque/);
    expect(loaded).toBe(false);
  });

  it('a non-JWT token is opaque and unchecked', async () => {
    const result = await inspectAccessToken('an-opaque-reference-token', options());
    expect(result).toMatchObject({ format: 'opaque', header: null, claims: null, signature: 'unchecked' });
  });
});

/**
 * Issue 16: with the keys at hand (a session's cache) and the shell's check
 * vouching, nothing is awaited: the inspection comes back as a value, as each
 * await is a turn on the token test's path. The same answers as before otherwise.
 */
describe('inspectAccessToken with the keys at hand (no await)', () => {
  const checkSignature = nodeSignatureCheck<nodeCrypto.KeyObject>(nodeCrypto);
  const atHand = (set: () => LoadedJwks, calls: boolean[] = []): Partial<InspectOptions> => ({
    checkSignature,
    loadJwks: (refresh) => {
      calls.push(refresh);
      return set();
    },
  });

  it('returns a verified inspection as a value, not a promise', async () => {
    const result = inspectAccessToken(await token(), options(atHand(() => ({ ok: true, jwks, fromCache: true }))));
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toMatchObject({ signature: 'verified', format: 'jwt', header: { kid: 'k1' } });
  });

  it('still goes to jose (a promise) for a token the fast road does not vouch for, with the same answer', async () => {
    const forged = await token({}, { key: otherKey });
    const result = inspectAccessToken(forged, options(atHand(() => ({ ok: true, jwks, fromCache: false }))));
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toEqual(await inspectAccessToken(forged, options()));
    expect((await result).signature).toBe('invalid');
  });

  it('refetches a cached key set once for an unknown kid, and verifies with the new key', async () => {
    const rotated = await generateKeyPair('RS256');
    const newJwks: JsonWebKeySet = { keys: [{ ...(await exportJWK(rotated.publicKey)), kid: 'k2', alg: 'RS256' }] };
    const calls: boolean[] = [];
    const result = await inspectAccessToken(
      await token({}, { kid: 'k2', key: rotated.privateKey }),
      options(atHand(() => (calls.length > 1 ? { ok: true, jwks: newJwks, fromCache: false } : { ok: true, jwks, fromCache: true }), calls)),
    );
    expect(calls).toEqual([false, true]);
    expect(result.signature).toBe('verified');
  });

  it('calls an unknown kid invalid when the set was fresh, or still lacks it after the refetch', async () => {
    const calls: boolean[] = [];
    const fresh = await inspectAccessToken(await token({}, { kid: 'nope' }), options(atHand(() => ({ ok: true, jwks, fromCache: false }), calls)));
    expect(calls).toEqual([false]);
    expect(fresh).toMatchObject({ signature: 'invalid', signatureDetail: expect.stringContaining('"nope"') });
    const again: boolean[] = [];
    const stale = await inspectAccessToken(await token({}, { kid: 'nope' }), options(atHand(() => ({ ok: true, jwks, fromCache: true }), again)));
    expect(again).toEqual([false, true]);
    expect(stale).toMatchObject({ signature: 'invalid', signatureDetail: expect.stringContaining('No key with kid "nope"') });
  });

  it('leaves the signature unchecked when the keys at hand say they could not be loaded', () => {
    return expect(Promise.resolve(token()).then((t) => inspectAccessToken(t, options(atHand(() => ({ ok: false, reason: 'the host was down' })))))).resolves.toMatchObject({
      signature: 'unchecked',
      signatureDetail: expect.stringContaining('the host was down'),
    });
  });
});
