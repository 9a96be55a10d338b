/**
 * The fast road for the access token's signature (issue 16): with Node's
 * synchronous crypto passed in, inspectAccessToken must give exactly the
 * answer jose's WebCrypto road gives, for every kind of token a server could
 * send (each algorithm, odd headers, key sets jose would pick from differently,
 * failing claims, malformed parts), and the common token must not touch
 * WebCrypto at all. Positive control: a lenient check shows up as a difference.
 */
import * as nodeCrypto from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonWebKeySet } from '../../../core/okta/discovery';
import { inspectAccessToken, type InspectOptions } from '../../../core/okta/jwt-inspect';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import fc from 'fast-check';
import { fastVerifiedClaims, nodeSignatureCheck, parseCompactJwt, type SignatureCheck } from '../../../core/okta/token-signature';

const ISSUER = 'https://dev-123.okta.com/oauth2/default';
const NOW_S = 1_800_000_000;
const check = nodeSignatureCheck<nodeCrypto.KeyObject>(nodeCrypto);

type Jwk = Record<string, unknown>;
interface Signer {
  readonly jwk: Jwk;
  sign(alg: string, input: Buffer): Buffer;
}

function signer(type: 'rsa' | 'ec' | 'ed25519', detail: { modulusLength?: number; namedCurve?: string } = {}): Signer {
  const pair =
    type === 'rsa'
      ? nodeCrypto.generateKeyPairSync('rsa', { modulusLength: detail.modulusLength ?? 2048 })
      : type === 'ec'
        ? nodeCrypto.generateKeyPairSync('ec', { namedCurve: detail.namedCurve ?? 'P-256' })
        : nodeCrypto.generateKeyPairSync('ed25519');
  const hashOf = (alg: string): string => `sha${alg.slice(2)}`;
  return {
    jwk: pair.publicKey.export({ format: 'jwk' }) as Jwk,
    sign(alg, input) {
      if (alg.startsWith('RS')) return nodeCrypto.sign(hashOf(alg), input, pair.privateKey);
      if (alg.startsWith('PS')) return nodeCrypto.sign(hashOf(alg), input, { key: pair.privateKey, padding: nodeCrypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: nodeCrypto.constants.RSA_PSS_SALTLEN_DIGEST });
      if (alg.startsWith('ES')) return nodeCrypto.sign(hashOf(alg), input, { key: pair.privateKey, dsaEncoding: 'ieee-p1363' });
      return nodeCrypto.sign(null, input, pair.privateKey);
    },
  };
}

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

function jwt(header: Record<string, unknown>, payload: Record<string, unknown> | string, by: Signer, signAs = String(header.alg)): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(typeof payload === 'string' ? payload : JSON.stringify(payload))}`;
  return `${input}.${b64url(by.sign(signAs, Buffer.from(input)))}`;
}

const claims = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({ iss: ISSUER, aud: 'api://default', sub: '0oa1', iat: NOW_S - 10, exp: NOW_S + 3600, ...patch });

let rsa: Signer;
let rsaOther: Signer;
let rsaSmall: Signer;
let p256: Signer;
let p384: Signer;
let ed: Signer;

beforeAll(() => {
  rsa = signer('rsa');
  rsaOther = signer('rsa');
  rsaSmall = signer('rsa', { modulusLength: 1024 });
  p256 = signer('ec', { namedCurve: 'P-256' });
  p384 = signer('ec', { namedCurve: 'P-384' });
  ed = signer('ed25519');
});

function keySet(...keys: Jwk[]): JsonWebKeySet {
  return { keys };
}

function options(jwks: JsonWebKeySet, checkSignature?: SignatureCheck): InspectOptions {
  return {
    isOrgServer: false,
    expectedIssuer: ISSUER,
    jwksUri: `${ISSUER}/v1/keys`,
    nowMs: NOW_S * 1000,
    loadJwks: () => Promise.resolve({ ok: true, jwks, fromCache: false }),
    ...(checkSignature === undefined ? {} : { checkSignature }),
  };
}

interface Case {
  readonly name: string;
  readonly token: string;
  readonly jwks: JsonWebKeySet;
}

/** Every kind of token, each with the key set it is checked against. */
function cases(): Case[] {
  const k1 = { ...rsa.jwk, kid: 'k1', alg: 'RS256', use: 'sig' };
  const good = (alg: string, by: Signer, kid: string): string => jwt({ alg, kid }, claims(), by);
  const withKid = (s: Signer, kid: string, extra: Jwk = {}): Jwk => ({ ...s.jwk, kid, ...extra });
  const mixed = keySet(k1, withKid(p256, 'e1'), withKid(p384, 'e2'), withKid(ed, 'd1'), withKid(rsaSmall, 'small'));
  const tamper = (token: string): string => {
    const [h, , s] = token.split('.');
    return `${h}.${b64url(JSON.stringify(claims({ scp: ['admin'] })))}.${s}`;
  };
  return [
    { name: 'RS256, kid', token: good('RS256', rsa, 'k1'), jwks: mixed },
    { name: 'RS384 with a key published for RS256', token: good('RS384', rsa, 'k1'), jwks: mixed },
    { name: 'RS512, key without alg', token: good('RS512', rsa, 'k9'), jwks: keySet(withKid(rsa, 'k9')) },
    { name: 'PS256', token: good('PS256', rsa, 'k9'), jwks: keySet(withKid(rsa, 'k9')) },
    { name: 'PS512', token: good('PS512', rsa, 'k9'), jwks: keySet(withKid(rsa, 'k9')) },
    { name: 'ES256', token: good('ES256', p256, 'e1'), jwks: mixed },
    { name: 'ES384', token: good('ES384', p384, 'e2'), jwks: mixed },
    { name: 'ES256 header, P-384 key', token: jwt({ alg: 'ES256', kid: 'e2' }, claims(), p384, 'ES384'), jwks: mixed },
    { name: 'EdDSA', token: good('EdDSA', ed, 'd1'), jwks: mixed },
    { name: 'Ed25519', token: good('Ed25519', ed, 'd1'), jwks: mixed },
    { name: 'RS256 with a 1024-bit key', token: good('RS256', rsaSmall, 'small'), jwks: mixed },
    { name: 'no kid, one RSA key', token: jwt({ alg: 'RS256' }, claims(), rsa), jwks: keySet(k1, withKid(p256, 'e1')) },
    { name: 'no kid, two RSA keys', token: jwt({ alg: 'RS256' }, claims(), rsa), jwks: keySet(k1, withKid(rsaOther, 'k2')) },
    { name: 'two keys with the same kid', token: good('RS256', rsa, 'k1'), jwks: keySet(k1, { ...rsaOther.jwk, kid: 'k1' }) },
    { name: 'unknown kid', token: good('RS256', rsa, 'nope'), jwks: mixed },
    { name: 'kid is a number', token: jwt({ alg: 'RS256', kid: 7 }, claims(), rsa), jwks: mixed },
    { name: 'signed by another key', token: good('RS256', rsaOther, 'k1'), jwks: mixed },
    { name: 'tampered payload', token: tamper(good('RS256', rsa, 'k1')), jwks: mixed },
    { name: 'key published for use enc', token: good('RS256', rsa, 'k3'), jwks: keySet(withKid(rsa, 'k3', { use: 'enc' })) },
    { name: 'key_ops without verify', token: good('RS256', rsa, 'k3'), jwks: keySet(withKid(rsa, 'k3', { key_ops: ['sign'] })) },
    { name: 'key_ops with verify', token: good('RS256', rsa, 'k3'), jwks: keySet(withKid(rsa, 'k3', { key_ops: ['verify'] })) },
    { name: 'ext not a boolean', token: good('RS256', rsa, 'k3'), jwks: keySet(withKid(rsa, 'k3', { ext: 'yes' })) },
    { name: 'a private key in the set', token: good('ES256', p256, 'p'), jwks: keySet({ ...(nodeCrypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }) as Jwk), kid: 'p' }) },
    { name: 'expired', token: jwt({ alg: 'RS256', kid: 'k1' }, claims({ exp: NOW_S - 600 }), rsa), jwks: mixed },
    { name: 'expired within the clock tolerance', token: jwt({ alg: 'RS256', kid: 'k1' }, claims({ exp: NOW_S - 30 }), rsa), jwks: mixed },
    { name: 'exp exactly at the tolerance', token: jwt({ alg: 'RS256', kid: 'k1' }, claims({ exp: NOW_S - 60 }), rsa), jwks: mixed },
    { name: 'nbf in the future', token: jwt({ alg: 'RS256', kid: 'k1' }, claims({ nbf: NOW_S + 600 }), rsa), jwks: mixed },
    { name: 'nbf within the tolerance', token: jwt({ alg: 'RS256', kid: 'k1' }, claims({ nbf: NOW_S + 60 }), rsa), jwks: mixed },
    { name: 'no exp', token: jwt({ alg: 'RS256', kid: 'k1' }, claims({ exp: undefined }), rsa), jwks: mixed },
    { name: 'exp is a string', token: jwt({ alg: 'RS256', kid: 'k1' }, claims({ exp: String(NOW_S + 3600) }), rsa), jwks: mixed },
    { name: 'iat is a string', token: jwt({ alg: 'RS256', kid: 'k1' }, claims({ iat: 'now' }), rsa), jwks: mixed },
    { name: 'another issuer', token: jwt({ alg: 'RS256', kid: 'k1' }, claims({ iss: `${ISSUER}x` }), rsa), jwks: mixed },
    { name: 'no issuer', token: jwt({ alg: 'RS256', kid: 'k1' }, claims({ iss: undefined }), rsa), jwks: mixed },
    { name: 'a __proto__ claim', token: jwt({ alg: 'RS256', kid: 'k1' }, `${JSON.stringify(claims()).slice(0, -1)},"__proto__":{"iss":"x"}}`, rsa), jwks: mixed },
    { name: 'typ at+jwt', token: jwt({ alg: 'RS256', kid: 'k1', typ: 'application/okta-internal-at+jwt' }, claims(), rsa), jwks: mixed },
    { name: 'crit b64', token: jwt({ alg: 'RS256', kid: 'k1', crit: ['b64'], b64: true }, claims(), rsa), jwks: mixed },
    { name: 'crit unknown', token: jwt({ alg: 'RS256', kid: 'k1', crit: ['exp'] }, claims(), rsa), jwks: mixed },
    { name: 'a jku header', token: jwt({ alg: 'RS256', kid: 'k1', jku: 'https://evil.example/keys' }, claims(), rsa), jwks: mixed },
    { name: 'alg none', token: `${b64url(JSON.stringify({ alg: 'none', kid: 'k1' }))}.${b64url(JSON.stringify(claims()))}.`, jwks: mixed },
    { name: 'HS256 with the public key as secret', token: (() => {
      const input = `${b64url(JSON.stringify({ alg: 'HS256', kid: 'k1' }))}.${b64url(JSON.stringify(claims()))}`;
      return `${input}.${b64url(nodeCrypto.createHmac('sha256', JSON.stringify(k1)).update(input).digest())}`;
    })(), jwks: mixed },
    { name: 'payload is an array', token: jwt({ alg: 'RS256', kid: 'k1' }, '[1,2]', rsa), jwks: mixed },
    { name: 'payload is not UTF-8', token: (() => {
      const input = `${b64url(JSON.stringify({ alg: 'RS256', kid: 'k1' }))}.${b64url(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))}`;
      return `${input}.${b64url(rsa.sign('RS256', Buffer.from(input)))}`;
    })(), jwks: mixed },
    { name: 'header is not JSON', token: (() => {
      const input = `${b64url('{alg:RS256}')}.${b64url(JSON.stringify(claims()))}`;
      return `${input}.${b64url(rsa.sign('RS256', Buffer.from(input)))}`;
    })(), jwks: mixed },
    { name: 'signature with a stray bit', token: (() => {
      const token = good('ES256', p256, 'e1');
      // 64-byte P-256 signature: 86 characters, the last carrying 2 unused bits.
      const last = token.at(-1) ?? 'A';
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      return `${token.slice(0, -1)}${alphabet[alphabet.indexOf(last) | 1]}`;
    })(), jwks: mixed },
    { name: 'signature cut short', token: good('RS256', rsa, 'k1').slice(0, -4), jwks: mixed },
  ];
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('fast signature road (issue 16)', () => {
  it('gives exactly jose\'s answer for every kind of token', async () => {
    for (const c of cases()) {
      const slow = await inspectAccessToken(c.token, options(c.jwks));
      const fast = await inspectAccessToken(c.token, options(c.jwks, check));
      expect(fast, c.name).toStrictEqual(slow);
    }
  });

  it('the cases cover both answers: some verified, some not', async () => {
    const outcomes = new Map<string, string>();
    for (const c of cases()) outcomes.set(c.name, (await inspectAccessToken(c.token, options(c.jwks))).signature);
    expect(outcomes.get('RS256, kid')).toBe('verified');
    expect(outcomes.get('EdDSA')).toBe('verified');
    expect(outcomes.get('tampered payload')).toBe('invalid');
    expect(outcomes.get('expired')).toBe('invalid');
    expect(outcomes.get('no kid, two RSA keys')).toBe('unchecked');
  });

  it('a common token of each algorithm is verified without WebCrypto; without the check, WebCrypto verifies it', async () => {
    const subtleVerify = vi.spyOn(globalThis.crypto.subtle, 'verify');
    for (const name of ['RS256, kid', 'PS256', 'ES256', 'ES384', 'EdDSA', 'no kid, one RSA key']) {
      const c = cases().find((x) => x.name === name);
      if (c === undefined) throw new Error(name);
      expect((await inspectAccessToken(c.token, options(c.jwks, check))).signature, name).toBe('verified');
    }
    expect(subtleVerify).not.toHaveBeenCalled();
    const c = cases()[0];
    if (c === undefined) throw new Error('no case');
    await inspectAccessToken(c.token, options(c.jwks));
    expect(subtleVerify).toHaveBeenCalledTimes(1);
  });

  it('anything the fast road does not vouch for goes to jose (it never answers "invalid" itself)', () => {
    const opts = { issuer: ISSUER, algorithms: ['RS256', 'ES256', 'ES384', 'PS256', 'PS512', 'RS384', 'RS512', 'EdDSA', 'Ed25519'], nowMs: NOW_S * 1000, clockToleranceS: 60 };
    const vouched = cases()
      .filter((c) => {
        const jwt = parseCompactJwt(c.token);
        return jwt !== null && fastVerifiedClaims(jwt, c.jwks, opts, check) !== null;
      })
      .map((c) => c.name);
    expect(vouched.sort()).toEqual(
      ['RS256, kid', 'RS512, key without alg', 'PS256', 'PS512', 'ES256', 'ES384', 'EdDSA', 'Ed25519', 'no kid, one RSA key',
        'key_ops with verify', 'expired within the clock tolerance', 'nbf within the tolerance', 'no exp', 'typ at+jwt', 'a __proto__ claim'].sort(),
    );
  });

  it('a key set publishing the private key that signed the token: the fast road does not vouch, jose leaves it unchecked', async () => {
    // The case table's private key did not sign its token, so a bad signature hid
    // the missing private-member check; here the signature is good.
    const pair = nodeCrypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const privateJwk = { ...(pair.privateKey.export({ format: 'jwk' }) as Jwk), kid: 'p' };
    const by: Signer = { jwk: privateJwk, sign: (_alg, input) => nodeCrypto.sign('sha256', input, { key: pair.privateKey, dsaEncoding: 'ieee-p1363' }) };
    const token = jwt({ alg: 'ES256', kid: 'p' }, claims(), by);
    const jwks = keySet(privateJwk);
    // Positive control: the Node check itself says yes to this signature and key.
    expect(check('ES256', privateJwk, Buffer.from(token.split('.').slice(0, 2).join('.')), Buffer.from(token.split('.')[2] ?? '', 'base64url'))).toBe(true);
    const slow = await inspectAccessToken(token, options(jwks));
    const fast = await inspectAccessToken(token, options(jwks, check));
    expect(slow.signature).toBe('unchecked');
    expect(fast).toStrictEqual(slow);
  });

  it('positive control: a check that says yes to everything makes the roads differ', async () => {
    const lenient: SignatureCheck = () => true;
    const c = cases().find((x) => x.name === 'tampered payload');
    if (c === undefined) throw new Error('no case');
    const slow = await inspectAccessToken(c.token, options(c.jwks));
    const fast = await inspectAccessToken(c.token, options(c.jwks, lenient));
    expect(slow.signature).toBe('invalid');
    expect(fast.signature).toBe('verified');
  });

  it('the Node check leaves an RSA key over 8,192 bits to WebCrypto (a hostile key must not hold the main thread)', () => {
    let verifies = 0;
    const handle = (bits: number) => ({ type: 'public', asymmetricKeyType: 'rsa', asymmetricKeyDetails: { modulusLength: bits } });
    const stub = (bits: number): SignatureCheck =>
      nodeSignatureCheck({
        createPublicKey: () => handle(bits),
        verify: () => {
          verifies += 1;
          return true;
        },
        constants: nodeCrypto.constants,
      });
    expect(stub(16_384)('RS256', { kty: 'RSA', n: 'x', e: 'AQAB' }, Buffer.from('a.b'), Buffer.alloc(2048))).toBeNull();
    expect(verifies).toBe(0);
    // Positive control: the same stub at 8,192 bits is verified by it.
    expect(stub(8192)('RS256', { kty: 'RSA', n: 'y', e: 'AQAB' }, Buffer.from('a.b'), Buffer.alloc(1024))).toBe(true);
    expect(verifies).toBe(1);
  });

  it('the Node check declines keys it should not judge: small RSA, the wrong curve, an unknown algorithm', () => {
    const input = Buffer.from('a.b');
    expect(check('RS256', rsaSmall.jwk, input, rsaSmall.sign('RS256', input))).toBeNull();
    expect(check('ES256', p384.jwk, input, p384.sign('ES384', input))).toBeNull();
    expect(check('HS256', rsa.jwk, input, Buffer.alloc(32))).toBeNull();
    expect(check('RS256', { kty: 'RSA', n: '!!', e: 'AQAB' }, input, Buffer.alloc(256))).toBeNull();
    expect(check('RS256', rsa.jwk, input, rsa.sign('RS256', input))).toBe(true);
    expect(check('RS256', rsa.jwk, input, rsaOther.sign('RS256', input))).toBe(false);
  });

  it('reads header and claims exactly as jose\'s decodeProtectedHeader and decodeJwt do, whatever the bytes', () => {
    const jose = (token: string): unknown => {
      try {
        return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
      } catch {
        return null;
      }
    };
    const ours = (token: string): unknown => {
      const jwt = parseCompactJwt(token);
      return jwt === null ? null : { header: jwt.header, claims: jwt.claims };
    };
    const json = fc.oneof(fc.json(), fc.constantFrom('{"a":1}', '\uFEFF{"alg":"RS256"}', '[1]', 'null', '{"__proto__":{"x":1}}', '{"é":"ü"}'));
    const bytes = fc.oneof(
      json.map((t) => Buffer.from(t, 'utf8')),
      fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b)),
      json.map((t) => Buffer.concat([Buffer.from(t, 'utf8').subarray(0, 3), Buffer.from([0xff, 0xc3]), Buffer.from(t, 'utf8').subarray(3)])),
    );
    // base64url as a server might send it: canonical, with a stray bit, or a character short.
    const segment = fc.tuple(bytes, fc.constantFrom('plain', 'stray bit', 'cut')).map(([b, how]) => {
      const text = b64url(b);
      if (how === 'cut') return text.slice(0, -1);
      if (how === 'stray bit' && text.length % 4 !== 0) return text.slice(0, -1) + 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.charAt(('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(text.at(-1) ?? 'A') | 1) % 64);
      return text;
    });
    fc.assert(
      fc.property(segment, segment, (h, p) => {
        const token = `${h}.${p}.sig`;
        expect(ours(token)).toStrictEqual(jose(token));
      }),
      { numRuns: 1000 },
    );
  });
});
