/**
 * Keys for private_key_jwt, in memory only: import one from text (any format
 * key-formats.ts reads) as a NON-extractable CryptoKey, generate a pair for
 * Okta's "Add key" dialog, and export a generated private key as PEM.
 * A shell keeps the CryptoKey (and the `sensitiveValues`) on its side; a UI
 * shows only kid, alg, key type and thumbprint.
 */
import { calculateJwkThumbprint, CompactSign, compactVerify, exportJWK, exportPKCS8, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { fail, ok, type Result } from '../shared/result';
import { decodeBase64Loose } from '../encoding';
import { isCurve, parseKeyText, privateJwkValues, privateKeySensitiveValues, type EcCurve, type KeyFormat, type KeyFormatErrorCode, type PrivateJwk } from './key-formats';
import type { SensitiveValue } from './redact';

/** What Okta accepts for private_key_jwt (no PS*, no EdDSA). */
export const PRIVATE_KEY_JWT_ALGS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;
export type PrivateKeyJwtAlg = (typeof PRIVATE_KEY_JWT_ALGS)[number];
/** What Okta accepts for client_secret_jwt. */
export const CLIENT_SECRET_JWT_ALGS = ['HS256', 'HS384', 'HS512'] as const;
export type ClientSecretJwtAlg = (typeof CLIENT_SECRET_JWT_ALGS)[number];
/** What `keygen` makes: Okta's own "Generate new key" is RSA 2048; ES256 is the compact alternative. */
export const KEYGEN_ALGS = ['RS256', 'ES256'] as const;
export type KeygenAlg = (typeof KEYGEN_ALGS)[number];

const ALG_FOR_CURVE: Readonly<Record<EcCurve, PrivateKeyJwtAlg>> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };

export function isPrivateKeyJwtAlg(value: unknown): value is PrivateKeyJwtAlg {
  return typeof value === 'string' && (PRIVATE_KEY_JWT_ALGS as readonly string[]).includes(value);
}

export function isClientSecretJwtAlg(value: unknown): value is ClientSecretJwtAlg {
  return typeof value === 'string' && (CLIENT_SECRET_JWT_ALGS as readonly string[]).includes(value);
}

export interface ImportKeyOptions {
  /** The signing algorithm; default inferred from the key (RS256 for RSA, ES256/384/512 by curve). */
  readonly alg?: string;
  /** The `kid` to send when the key carries none. */
  readonly kid?: string;
}

export interface ImportedKey {
  /** Non-extractable, usage "sign": it cannot be read back, only used. */
  readonly key: CryptoKey;
  readonly alg: PrivateKeyJwtAlg;
  /** The key's own `kid`, else options.kid, else null (then none is sent). */
  readonly kid: string | null;
  readonly kidSource: 'key' | 'option' | 'none';
  readonly kty: 'RSA' | 'EC';
  /** RFC 7638 SHA-256 thumbprint of the public key (base64url), as Okta and DPoP use it. */
  readonly thumbprint: string;
  readonly format: KeyFormat;
  /** The key's public half, ready for Okta's "Add key" dialog. */
  readonly publicJwk: Readonly<JWK>;
  /** Strings that must never be shown (the private members); stay with the shell, for its redactor. */
  readonly sensitiveValues: readonly string[];
  /** Every form of those (privateKeySensitiveValues: bytes, hex, decimal), for a redactor: what the shell passes on. */
  readonly sensitiveForms: readonly SensitiveValue[];
}

export type ImportKeyErrorCode = KeyFormatErrorCode | 'bad-alg' | 'alg-mismatch' | 'bad-key-id' | 'key-rejected';

/** A kid is a short label; anything else is a mistake (or a pasted key). */
const KID = /^[\x21-\x7E]{1,200}$/;

export function checkKeyId(kid: string): boolean {
  return KID.test(kid);
}

function publicPart(jwk: Readonly<Record<string, unknown>>): JWK {
  const out: Record<string, unknown> = {};
  for (const name of ['kty', 'crv', 'x', 'y', 'n', 'e']) if (jwk[name] !== undefined) out[name] = jwk[name];
  return out as JWK;
}

function inferAlg(jwk: PrivateJwk): PrivateKeyJwtAlg | null {
  if (jwk.kty === 'RSA') return 'RS256';
  return isCurve(jwk.crv) ? ALG_FOR_CURVE[jwk.crv] : null;
}

function algFits(alg: PrivateKeyJwtAlg, jwk: PrivateJwk): boolean {
  return jwk.kty === 'RSA' ? alg.startsWith('RS') : isCurve(jwk.crv) && ALG_FOR_CURVE[jwk.crv] === alg;
}

async function pkcs8ToJwk(der: Uint8Array, keyType: 'RSA' | 'EC', curve: EcCurve | null): Promise<PrivateJwk | null> {
  const algorithm = keyType === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: curve ?? 'P-256' };
  try {
    // A copy on a plain ArrayBuffer: WebCrypto's types refuse views that may be shared.
    const bytes = new Uint8Array(der.length);
    bytes.set(der);
    const key = await crypto.subtle.importKey('pkcs8', bytes, algorithm, true, ['sign']);
    const exported = (await crypto.subtle.exportKey('jwk', key)) as Record<string, unknown>;
    // The alg above was only needed to import; the PEM itself names none.
    const jwk = Object.fromEntries(Object.entries(exported).filter(([name]) => !['alg', 'key_ops', 'ext'].includes(name)));
    return typeof jwk.kty === 'string' && typeof jwk.d === 'string' ? (jwk as PrivateJwk) : null;
  } catch {
    return null;
  }
}

/** Reads a private key from text and makes it ready to sign. Never throws; messages never quote the key. */
export async function importPrivateKey(text: string, options: ImportKeyOptions = {}): Promise<Result<ImportedKey, ImportKeyErrorCode>> {
  const parsed = parseKeyText(text);
  if (!parsed.ok) return parsed;
  const { source, format } = parsed.value;
  const jwk = source.kind === 'jwk' ? source.jwk : await pkcs8ToJwk(source.der, source.keyType, source.curve);
  if (jwk === null) return fail('key-rejected', 'The private key could not be loaded: its contents are damaged or not a valid RSA or EC key.');

  let alg: PrivateKeyJwtAlg | null;
  if (options.alg !== undefined) {
    if (!isPrivateKeyJwtAlg(options.alg)) {
      return fail('bad-alg', `The algorithm must be one Okta accepts for private_key_jwt: ${PRIVATE_KEY_JWT_ALGS.join(', ')}.`);
    }
    alg = options.alg;
    if (typeof jwk.alg === 'string' && jwk.alg !== alg) {
      return fail('alg-mismatch', `The key is marked for ${jwk.alg.slice(0, 10)}, not ${alg}. Leave the algorithm out to use the key's own.`);
    }
  } else {
    alg = isPrivateKeyJwtAlg(jwk.alg) ? jwk.alg : inferAlg(jwk);
  }
  // Okta (and JWA for RS256) refuse RSA keys under 2048 bits; WebCrypto would load one and the test fail later.
  const modulus = jwk.kty === 'RSA' && typeof jwk.n === 'string' ? decodeBase64Loose(jwk.n) : null;
  if (modulus !== null && modulus.ok && modulus.bytes.length * 8 < 2048) {
    return fail('key-rejected', `This RSA key is ${modulus.bytes.length * 8} bits; Okta requires 2048 bits or more. Generate a new pair (basic-header keygen, or Generate key pair in the app) and register its public half.`);
  }
  if (alg === null || !algFits(alg, jwk)) {
    const expected = jwk.kty === 'RSA' ? 'RS256, RS384 or RS512' : isCurve(jwk.crv) ? ALG_FOR_CURVE[jwk.crv] : 'ES256, ES384 or ES512';
    return fail('alg-mismatch', `${jwk.kty === 'RSA' ? 'An RSA' : `A ${String(jwk.crv)} EC`} key signs with ${expected}${alg === null ? '' : `, not ${alg}`}.`);
  }

  const ownKid = typeof jwk.kid === 'string' && jwk.kid !== '' ? jwk.kid : null;
  if (options.kid !== undefined && !checkKeyId(options.kid)) {
    return fail('bad-key-id', 'The key ID must be 1 to 200 printable characters without spaces.');
  }
  const kid = ownKid ?? options.kid ?? null;

  // Only the members a signing key needs: `ext`/`key_ops` in a pasted JWK must not make it extractable.
  const signing: Record<string, unknown> = { ...publicPart(jwk) };
  for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) if (jwk[name] !== undefined) signing[name] = jwk[name];
  let key: CryptoKey;
  try {
    const imported = await importJWK(signing as JWK, alg, { extractable: false });
    if (imported instanceof Uint8Array) return fail('key-rejected', 'The key could not be loaded as a signing key.');
    key = imported;
    // WebCrypto may accept damaged members and fail only later: sign once and verify with the public half now.
    const probe = await new CompactSign(new TextEncoder().encode('basic-header key check')).setProtectedHeader({ alg }).sign(key);
    await compactVerify(probe, await importJWK(publicPart(jwk), alg));
  } catch {
    return fail('key-rejected', `The private key could not be loaded for ${alg}: its members are damaged or do not form a valid key pair.`);
  }
  const publicJwk = publicPart(jwk);
  const members = privateJwkValues(jwk);
  return ok({
    key,
    alg,
    kid,
    kidSource: ownKid !== null ? 'key' : kid !== null ? 'option' : 'none',
    kty: jwk.kty === 'RSA' ? 'RSA' : 'EC',
    thumbprint: await calculateJwkThumbprint(publicJwk, 'sha256'),
    format,
    publicJwk: kid === null ? publicJwk : { ...publicJwk, kid },
    sensitiveValues: members,
    sensitiveForms: privateKeySensitiveValues(members),
  });
}

export interface GeneratedKey {
  readonly kid: string;
  readonly alg: KeygenAlg;
  /** No private members: what Okta's "Add key" dialog takes. */
  readonly publicJwk: Readonly<JWK>;
  readonly privateJwk: Readonly<JWK>;
}

/** A new key pair in memory. The default kid is the RFC 7638 thumbprint. RSA keys are 2048-bit, as Okta makes them. */
export async function generateClientKey(alg: KeygenAlg = 'RS256', kid?: string): Promise<GeneratedKey> {
  const pair = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
  const publicBase = publicPart(await exportJWK(pair.publicKey));
  const privateBase = await exportJWK(pair.privateKey);
  const id = kid ?? (await calculateJwkThumbprint(publicBase, 'sha256'));
  const labels = { kid: id, alg, use: 'sig' };
  const privateJwk: Record<string, unknown> = { ...publicBase, ...labels };
  for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) if (privateBase[name as keyof JWK] !== undefined) privateJwk[name] = privateBase[name as keyof JWK];
  return { kid: id, alg, publicJwk: { ...publicBase, ...labels }, privateJwk: privateJwk as JWK };
}

/** PKCS#8 PEM of a private JWK (e.g. a generated one), for tools that want PEM. */
export async function exportPrivateKeyPem(privateJwk: Readonly<JWK>): Promise<Result<string, 'key-rejected'>> {
  const alg = isPrivateKeyJwtAlg(privateJwk.alg) ? privateJwk.alg : inferAlg(privateJwk as PrivateJwk);
  if (alg === null || typeof privateJwk.d !== 'string') return fail('key-rejected', 'Only an RSA or EC private JWK can be exported as PEM.');
  try {
    const key = await importJWK({ ...privateJwk, ext: true }, alg, { extractable: true });
    if (key instanceof Uint8Array) return fail('key-rejected', 'Only an RSA or EC private JWK can be exported as PEM.');
    return ok(await exportPKCS8(key));
  } catch {
    return fail('key-rejected', 'The private JWK could not be exported: its members are damaged.');
  }
}
