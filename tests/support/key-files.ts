/**
 * Private keys in every format admins bring (made here with node:crypto, in
 * memory): PKCS#8, PKCS#1 and SEC1 PEM, a JWK, a JWK Set with one private key,
 * and keygen's JSON. Each comes with its public JWK, to register with the test
 * server, and the strings no output may ever show.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

export interface TestKey {
  readonly kty: 'RSA' | 'EC';
  readonly privateKey: KeyObject;
  /** Public JWK (no kid). */
  readonly publicJwk: JWK;
  /** Private JWK (no kid). */
  readonly privateJwk: JWK;
}

export function makeRsaKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kty: 'RSA', privateKey, publicJwk: publicKey.export({ format: 'jwk' }) as JWK, privateJwk: privateKey.export({ format: 'jwk' }) as JWK };
}

export function makeEcKey(namedCurve: 'P-256' | 'P-384' | 'P-521' = 'P-256'): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
  return { kty: 'EC', privateKey, publicJwk: publicKey.export({ format: 'jwk' }) as JWK, privateJwk: privateKey.export({ format: 'jwk' }) as JWK };
}

export type KeyFileFormat = 'pkcs8-pem' | 'pkcs1-pem' | 'sec1-pem' | 'jwk' | 'jwks' | 'keygen-json';

/** The key as a file of `format` would hold it; `kid` is written into JSON formats only. */
export function keyText(key: TestKey, format: KeyFileFormat, kid?: string): string {
  const withKid = (jwk: JWK): JWK => (kid === undefined ? jwk : { ...jwk, kid });
  switch (format) {
    case 'pkcs8-pem':
      return key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    case 'pkcs1-pem':
      if (key.kty !== 'RSA') throw new Error('PKCS#1 is for RSA keys');
      return key.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
    case 'sec1-pem':
      if (key.kty !== 'EC') throw new Error('SEC1 is for EC keys');
      return key.privateKey.export({ format: 'pem', type: 'sec1' }).toString();
    case 'jwk':
      return JSON.stringify(withKid(key.privateJwk), null, 2);
    case 'jwks':
      return JSON.stringify({ keys: [withKid(key.publicJwk), withKid(key.privateJwk)] });
    case 'keygen-json':
      return JSON.stringify({ kid: kid ?? null, alg: key.kty === 'RSA' ? 'RS256' : 'ES256', publicJwk: withKid(key.publicJwk), privateJwk: withKid(key.privateJwk) });
  }
}

/** The private members of a key, and its PEM bodies (whole and line by line): none may appear in any output. */
export function keyNeedles(key: TestKey): string[] {
  const jwk = key.privateJwk as Record<string, unknown>;
  const members = ['d', 'p', 'q', 'dp', 'dq', 'qi'].map((m) => jwk[m]).filter((v): v is string => typeof v === 'string');
  const pems = (['pkcs8', ...(key.kty === 'RSA' ? ['pkcs1'] : ['sec1'])] as const).flatMap((type) => {
    const body = key.privateKey.export({ format: 'pem', type: type as 'pkcs8' }).toString().replace(/-----[A-Z ]+-----/g, '').trim();
    // Every full line but the first (a few lines start alike across keys of one type: ASN.1 headers).
    return [body.replace(/\s+/g, ''), ...body.split(/\s+/).slice(1, -1)];
  });
  return [...members, ...pems];
}
