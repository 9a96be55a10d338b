/**
 * Private keys in every accepted format become the same non-extractable
 * signing key (same thumbprint, checked against node:crypto's own public key);
 * bad input is refused with a plain message that never quotes the key.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, compactVerify, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { exportPrivateKeyPem, generateClientKey, importPrivateKey } from '../../../core/okta/client-keys';
import { keyMaterialValues } from '../../../core/okta/key-formats';
import { keyNeedles, keyText, makeEcKey, makeRsaKey, type KeyFileFormat, type TestKey } from '../../support/key-files';

const rsa = makeRsaKey();
const ec256 = makeEcKey('P-256');

async function imported(text: string, options = {}) {
  const result = await importPrivateKey(text, options);
  if (!result.ok) throw new Error(`import failed: ${result.code} ${result.message}`);
  return result.value;
}

async function signsFor(key: CryptoKey, alg: string, publicJwk: JWK): Promise<boolean> {
  const jwt = await new SignJWT({ a: 1 }).setProtectedHeader({ alg }).sign(key);
  try {
    await compactVerify(jwt, await importJWK(publicJwk, alg));
    return true;
  } catch {
    return false;
  }
}

/** Titles name the key type only: a test title must never print key material. */
const FORMATS: readonly [string, KeyFileFormat, string, TestKey][] = [
  ['RSA', 'pkcs8-pem', 'RS256', rsa],
  ['RSA', 'pkcs1-pem', 'RS256', rsa],
  ['RSA', 'jwk', 'RS256', rsa],
  ['RSA', 'jwks', 'RS256', rsa],
  ['RSA', 'keygen-json', 'RS256', rsa],
  ['EC', 'pkcs8-pem', 'ES256', ec256],
  ['EC', 'sec1-pem', 'ES256', ec256],
  ['EC', 'jwk', 'ES256', ec256],
  ['EC', 'jwks', 'ES256', ec256],
];

describe('importPrivateKey', () => {
  it.each(FORMATS)('%s key as %s: same thumbprint, infers %s, signs verifiably, not extractable', async (_type, format, alg, key) => {
    const out = await imported(keyText(key, format));
    expect(out.format).toBe(format);
    expect(out.alg).toBe(alg);
    expect(out.kty).toBe(key.kty);
    expect(out.thumbprint).toBe(await calculateJwkThumbprint(key.publicJwk));
    expect(out.key.extractable).toBe(false);
    expect(out.key.usages).toEqual(['sign']);
    expect(await signsFor(out.key, alg, key.publicJwk)).toBe(true);
    // Control: the signature does not verify with another key.
    expect(await signsFor(out.key, alg, (key.kty === 'RSA' ? makeRsaKey() : makeEcKey()).publicJwk)).toBe(false);
    expect(Object.keys(out.publicJwk)).not.toContain('d');
    // The private members are what the shell must protect.
    expect(out.sensitiveValues).toContain((key.privateJwk as Record<string, string>).d);
  });

  it('P-384 and P-521 infer ES384 and ES512', async () => {
    expect((await imported(keyText(makeEcKey('P-384'), 'sec1-pem'))).alg).toBe('ES384');
    expect((await imported(keyText(makeEcKey('P-521'), 'pkcs8-pem'))).alg).toBe('ES512');
  });

  it('kid: the key\'s own wins; the option fills in when it has none; otherwise none', async () => {
    expect(await imported(keyText(rsa, 'jwk', 'own-kid'), { kid: 'other' })).toMatchObject({ kid: 'own-kid', kidSource: 'key' });
    expect(await imported(keyText(rsa, 'pkcs8-pem'), { kid: 'given' })).toMatchObject({ kid: 'given', kidSource: 'option' });
    expect(await imported(keyText(rsa, 'pkcs8-pem'))).toMatchObject({ kid: null, kidSource: 'none' });
  });

  it('an explicit alg of the key\'s family is used; one that does not fit is refused', async () => {
    expect((await imported(keyText(rsa, 'pkcs8-pem'), { alg: 'RS512' })).alg).toBe('RS512');
    const wrongFamily = await importPrivateKey(keyText(rsa, 'pkcs8-pem'), { alg: 'ES256' });
    expect(wrongFamily).toMatchObject({ ok: false, code: 'alg-mismatch' });
    const wrongCurve = await importPrivateKey(keyText(ec256, 'pkcs8-pem'), { alg: 'ES384' });
    expect(wrongCurve).toMatchObject({ ok: false, code: 'alg-mismatch' });
    expect(await importPrivateKey(keyText(rsa, 'pkcs8-pem'), { alg: 'PS256' })).toMatchObject({ ok: false, code: 'bad-alg' });
    expect(await importPrivateKey(keyText(rsa, 'pkcs8-pem'), { alg: 'HS256' })).toMatchObject({ ok: false, code: 'bad-alg' });
  });

  it('a JWK marked "ext": true is still imported non-extractable', async () => {
    const out = await imported(JSON.stringify({ ...rsa.privateJwk, ext: true, key_ops: ['sign'] }));
    expect(out.key.extractable).toBe(false);
  });

  it.each([
    ['empty', '  \n', 'empty-key'],
    ['public PEM', createPublicKey(rsa.privateKey).export({ format: 'pem', type: 'spki' }).toString(), 'public-key-only'],
    ['public JWK', JSON.stringify(rsa.publicJwk), 'public-key-only'],
    ['JWKS of public keys', JSON.stringify({ keys: [rsa.publicJwk, ec256.publicJwk] }), 'public-key-only'],
    ['JWKS with two private keys', JSON.stringify({ keys: [rsa.privateJwk, ec256.privateJwk] }), 'several-private-keys'],
    ['encrypted PKCS#8', '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQI\n-----END ENCRYPTED PRIVATE KEY-----', 'encrypted-key'],
    ['symmetric JWK', JSON.stringify({ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA' }), 'unsupported-key-type'],
    ['Ed25519', keyTextEd25519(), 'unsupported-key-type'],
    ['not a key', 'hello world', 'unreadable-key'],
    ['broken JSON', '{"kty": "RSA", ', 'unreadable-key'],
    ['damaged PEM body', '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----', 'unreadable-key'],
    ['certificate', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', 'certificate-not-key'],
    ['huge', `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(70_000)}\n-----END PRIVATE KEY-----`, 'key-too-large'],
  ])('refuses %s with a code and a message that quotes nothing', async (_name, text, code) => {
    // (The title prints only the name: `text` may be key material.)
    const result = await importPrivateKey(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    for (const value of keyMaterialValues(text)) expect(result.message).not.toContain(value);
    expect(result.message.length).toBeLessThan(300);
  });

  it('an RSA key under 2048 bits, or an OpenSSH-format key, is refused saying why (contract audit, 2026-12-02)', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(await importPrivateKey(small)).toMatchObject({ ok: false, code: 'key-rejected', message: expect.stringMatching(/^This RSA key is 1024 bits; Okta requires 2048 bits or more\./) });
    const openssh = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----';
    expect(await importPrivateKey(openssh)).toMatchObject({ ok: false, code: 'unsupported-key-type', message: expect.stringMatching(/OpenSSH's own format.*ssh-keygen -p -m PEM/) });
  });

  it('damaged private members are refused, never thrown', async () => {
    const broken = { ...rsa.privateJwk, d: 'AAAA', p: 'AAAA' };
    const result = await importPrivateKey(JSON.stringify(broken));
    expect(result).toMatchObject({ ok: false, code: 'key-rejected' });
  });
});

function keyTextEd25519(): string {
  // Built without node:crypto's generator options to keep this list declarative.
  return '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----';
}

describe('keyMaterialValues', () => {
  it('finds every PEM body and private JWK member, and nothing public', async () => {
    const needles = keyNeedles(rsa);
    const fromPem = keyMaterialValues(keyText(rsa, 'pkcs8-pem'));
    expect(fromPem).toContain(needles.find((n) => n.length > 1000 && keyText(rsa, 'pkcs8-pem').replace(/\s+/g, '').includes(n)));
    const fromJwks = keyMaterialValues(keyText(rsa, 'jwks'));
    const jwk = rsa.privateJwk as Record<string, string>;
    for (const m of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(fromJwks).toContain(jwk[m]);
    expect(fromJwks).not.toContain(jwk.n);
    expect(fromJwks).not.toContain(jwk.e);
  });
});

describe('generateClientKey and exportPrivateKeyPem', () => {
  it.each(['RS256', 'ES256'] as const)('%s: public JWK has no private members, default kid is the thumbprint, the pair signs', async (alg) => {
    const key = await generateClientKey(alg);
    expect(key.alg).toBe(alg);
    expect(key.kid).toBe(await calculateJwkThumbprint(key.publicJwk));
    expect(key.publicJwk).toMatchObject({ kid: key.kid, alg, use: 'sig' });
    for (const m of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key.publicJwk).not.toHaveProperty(m);
    expect(typeof key.privateJwk.d).toBe('string');
    const back = await imported(JSON.stringify(key));
    expect(back).toMatchObject({ kid: key.kid, alg, thumbprint: key.kid, format: 'keygen-json' });
    expect(await signsFor(back.key, alg, key.publicJwk)).toBe(true);
    if (alg === 'RS256') expect(Buffer.from(String(key.publicJwk.n), 'base64url').length).toBe(256);

    const pem = await exportPrivateKeyPem(key.privateJwk);
    if (!pem.ok) throw new Error(pem.message);
    expect(pem.value).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect((await imported(pem.value)).thumbprint).toBe(key.kid);
  });

  it('a given kid is used; each call makes a new key', async () => {
    const a = await generateClientKey('ES256', 'my-kid');
    const b = await generateClientKey('ES256', 'my-kid');
    expect(a.kid).toBe('my-kid');
    expect(a.publicJwk.x).not.toBe(b.publicJwk.x);
  });
});
