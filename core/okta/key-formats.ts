/**
 * Private-key text as admins have it, turned into one shape (a private JWK):
 * PEM (PKCS#8 "PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY", SEC1 "EC PRIVATE KEY"),
 * a JWK, a JWK Set holding one private key, or `keygen`'s JSON. WebCrypto reads
 * PKCS#8 only, so PKCS#1 and SEC1 are wrapped in a PKCS#8 envelope with a tiny
 * DER writer here (no node:crypto: core runs in every shell).
 * Messages never quote the text: it is key material.
 */
import { decodeBase64Loose } from '../encoding';
import { fail, ok, type Result } from '../shared/result';
import { hexOf, type SensitiveValue } from './redact';

export type KeyFormat = 'pkcs8-pem' | 'pkcs1-pem' | 'sec1-pem' | 'jwk' | 'jwks' | 'keygen-json';

export type KeyFormatErrorCode =
  | 'empty-key'
  | 'key-too-large'
  | 'encrypted-key'
  | 'public-key-only'
  | 'certificate-not-key'
  | 'unreadable-key'
  | 'unsupported-key-type'
  | 'several-private-keys';

/** The JWK members that make a key private (RFC 7518 §6.2.2, §6.3.2; `k` for symmetric keys). */
export const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'] as const;

/** A key file is a few KiB; anything far larger is not one. */
export const MAX_KEY_TEXT_LENGTH = 64 * 1024;

export type PrivateJwk = Readonly<Record<string, unknown>> & { readonly kty: string; readonly d: string };

export interface ParsedKeyText {
  readonly format: KeyFormat;
  /** The private key as a JWK; PEM input has only the members WebCrypto exports later, so it starts as PKCS#8. */
  readonly source: { readonly kind: 'jwk'; readonly jwk: PrivateJwk } | { readonly kind: 'pkcs8'; readonly der: Uint8Array; readonly keyType: 'RSA' | 'EC'; readonly curve: EcCurve | null };
}

export type EcCurve = 'P-256' | 'P-384' | 'P-521';

type KeyResult<T> = Result<T, KeyFormatErrorCode>;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Recognises the format and extracts the private key; never throws. */
export function parseKeyText(text: string): KeyResult<ParsedKeyText> {
  if (text.length > MAX_KEY_TEXT_LENGTH) {
    return fail('key-too-large', `The key text is larger than ${MAX_KEY_TEXT_LENGTH / 1024} KiB; a private key is a few KiB. Give the key file alone.`);
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return fail('empty-key', 'The key is empty. Give a PEM private key, a JWK, or a JWK Set holding one private key.');
  if (trimmed.startsWith('{')) return parseJsonKey(trimmed);
  if (trimmed.includes('-----BEGIN')) return parsePem(trimmed);
  return fail(
    'unreadable-key',
    'The key is neither PEM (-----BEGIN PRIVATE KEY-----) nor JSON (a JWK or JWK Set). Give the private key as Okta showed it, or as keygen printed it.',
  );
}

function parsePem(text: string): KeyResult<ParsedKeyText> {
  const blocks = [...text.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1] ?? '', body: m[2] ?? '' }));
  const privateBlocks = blocks.filter((b) => b.label.endsWith('PRIVATE KEY'));
  if (privateBlocks.length === 0) {
    if (blocks.some((b) => b.label === 'CERTIFICATE')) {
      return fail('certificate-not-key', 'This is a certificate, not a private key. Give the private key that belongs to it.');
    }
    if (blocks.some((b) => b.label.endsWith('PUBLIC KEY'))) {
      return fail('public-key-only', 'This is a public key. Okta holds the public key; signing needs the private key.');
    }
    return fail('unreadable-key', 'No complete PEM private key was found (the BEGIN and END lines must match).');
  }
  if (privateBlocks.length > 1) return fail('several-private-keys', 'The PEM text holds more than one private key; give one.');
  const block = privateBlocks[0] ?? { label: '', body: '' };
  if (block.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/i.test(block.body)) {
    return fail(
      'encrypted-key',
      'The private key is encrypted with a passphrase. Decrypt a copy in memory first (e.g. openssl pkey -in key.pem | basic-header … --private-key -).',
    );
  }
  const der = decodeBase64Loose(block.body.replace(/\s+/g, ''));
  if (!der.ok || der.bytes.length === 0) return fail('unreadable-key', 'The PEM body is not valid Base64.');
  switch (block.label) {
    case 'PRIVATE KEY':
      return fromPkcs8(der.bytes, 'pkcs8-pem');
    case 'RSA PRIVATE KEY':
      return fromPkcs8(wrapPkcs8(der.bytes, [RSA_ENCRYPTION, NULL]), 'pkcs1-pem');
    case 'EC PRIVATE KEY': {
      const curve = sec1Curve(der.bytes);
      if (curve === null) return fail('unsupported-key-type', 'This EC key is not on P-256, P-384 or P-521, the curves Okta accepts (ES256, ES384, ES512).');
      return fromPkcs8(wrapPkcs8(der.bytes, [EC_PUBLIC_KEY, CURVE_OIDS[curve]]), 'sec1-pem');
    }
    case 'OPENSSH PRIVATE KEY':
      return fail('unsupported-key-type',
        'This is a key in OpenSSH\'s own format. Convert a copy to PEM first (cp key key.pem, then ssh-keygen -p -m PEM -f key.pem), ' +
        'or generate a new pair (basic-header keygen, or Generate key pair in the app); Okta takes RSA or EC (P-256, P-384, P-521) keys.');
    default:
      return fail('unsupported-key-type', `A "${block.label}" is not a key type Okta accepts: use an RSA key (RS256) or an EC key on P-256/P-384/P-521 (ES256/ES384/ES512).`);
  }
}

function fromPkcs8(der: Uint8Array, format: KeyFormat): KeyResult<ParsedKeyText> {
  const info = pkcs8Algorithm(der);
  if (info === null) return fail('unreadable-key', 'The PEM private key could not be read (not a PKCS#8, PKCS#1 or SEC1 structure).');
  if (info.keyType === 'other') {
    return fail('unsupported-key-type', 'This private key type is not one Okta accepts (no Ed25519 or PS*): use an RSA key or an EC key on P-256, P-384 or P-521.');
  }
  if (info.keyType === 'EC' && info.curve === null) {
    return fail('unsupported-key-type', 'This EC key is not on P-256, P-384 or P-521, the curves Okta accepts (ES256, ES384, ES512).');
  }
  return ok({ format, source: { kind: 'pkcs8', der, keyType: info.keyType, curve: info.curve } });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isPrivateJwk(value: unknown): value is PrivateJwk {
  return isRecord(value) && typeof value.kty === 'string' && typeof value.d === 'string';
}

function parseJsonKey(text: string): KeyResult<ParsedKeyText> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('unreadable-key', 'The key looks like JSON but does not parse. Give the whole JWK or JWK Set.');
  }
  if (!isRecord(json)) return fail('unreadable-key', 'The JSON is not a JWK or a JWK Set.');
  if (isRecord(json.privateJwk)) return jwkSource(json.privateJwk, 'keygen-json');
  if (Array.isArray(json.keys)) {
    const keys = json.keys as unknown[];
    const privates = keys.filter((k) => isRecord(k) && (typeof k.d === 'string' || typeof k.k === 'string'));
    if (privates.length === 0) {
      return fail('public-key-only', 'The JWK Set holds public keys only. Okta holds those; signing needs the private key (a JWK with "d").');
    }
    if (privates.length > 1) return fail('several-private-keys', `The JWK Set holds ${privates.length} private keys; keep only the one to sign with.`);
    return jwkSource(privates[0], 'jwks');
  }
  if (typeof json.kty === 'string') return jwkSource(json, 'jwk');
  return fail('unreadable-key', 'The JSON is not a JWK (no "kty"), a JWK Set (no "keys") or keygen output (no "privateJwk").');
}

function jwkSource(jwk: unknown, format: KeyFormat): KeyResult<ParsedKeyText> {
  if (!isRecord(jwk) || typeof jwk.kty !== 'string') return fail('unreadable-key', 'The key has no "kty" member.');
  if (jwk.kty === 'oct') {
    return fail('unsupported-key-type', 'This is a symmetric key. For an HMAC-signed assertion use client_secret_jwt with the client secret.');
  }
  if (jwk.kty !== 'RSA' && jwk.kty !== 'EC') {
    return fail('unsupported-key-type', `Key type "${String(jwk.kty).slice(0, 10)}" is not one Okta accepts: use RSA or EC (P-256, P-384, P-521).`);
  }
  if (!isPrivateJwk(jwk)) return fail('public-key-only', 'This JWK is a public key (no "d"). Okta holds the public key; signing needs the private key.');
  if (jwk.kty === 'EC' && !isCurve(jwk.crv)) {
    return fail('unsupported-key-type', 'This EC key is not on P-256, P-384 or P-521, the curves Okta accepts (ES256, ES384, ES512).');
  }
  return ok({ format, source: { kind: 'jwk', jwk } });
}

export function isCurve(value: unknown): value is EcCurve {
  return value === 'P-256' || value === 'P-384' || value === 'P-521';
}

/**
 * Strings in the key text that must never be printed: each PEM body (whole and
 * line by line) and every private JWK member, wherever it sits in the JSON.
 */
export function keyMaterialValues(text: string): string[] {
  const values = new Set<string>();
  for (const m of text.matchAll(PEM_BLOCK)) {
    const body = m[2] ?? '';
    values.add(body.replace(/\s+/g, ''));
    for (const line of body.split(/\r?\n/)) if (line.trim().length >= 16) values.add(line.trim());
  }
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isRecord(value)) {
      for (const [name, member] of Object.entries(value)) {
        if ((PRIVATE_JWK_MEMBERS as readonly string[]).includes(name) && typeof member === 'string') values.add(member);
        else collect(member);
      }
    }
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      collect(JSON.parse(trimmed));
    } catch {
      // Not JSON after all: the PEM bodies (if any) are already collected.
    }
  }
  return [...values].filter((v) => v !== '');
}

/** The private members of a JWK, to protect wherever the key is used. */
export function privateJwkValues(jwk: Readonly<Record<string, unknown>>): string[] {
  return PRIVATE_JWK_MEMBERS.map((m) => jwk[m]).filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * Every form a key's private members (privateJwkValues) can take in an echo:
 * each as the JWK's base64url text; as bytes, so their hex and their Base64 at
 * each alignment (a PEM or DER body holds them there, whatever format the key
 * was given in); and as a decimal number (RSA's p and q in decimal rebuild the
 * key with the public n).
 */
export function privateKeySensitiveValues(members: readonly string[]): SensitiveValue[] {
  const values: SensitiveValue[] = [];
  for (const member of members) {
    values.push(member);
    const decoded = decodeBase64Loose(member);
    if (!decoded.ok || decoded.bytes.length === 0) continue;
    values.push({ bytes: decoded.bytes });
    values.push(BigInt(`0x${hexOf(decoded.bytes)}`).toString(10));
  }
  return values;
}

// ---- DER: just enough to read PKCS#8 / SEC1 headers and write a PKCS#8 envelope ----

const RSA_ENCRYPTION = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01);
const EC_PUBLIC_KEY = Uint8Array.of(0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01);
const NULL = Uint8Array.of(0x05, 0x00);
const CURVE_OIDS: Readonly<Record<EcCurve, Uint8Array>> = {
  'P-256': Uint8Array.of(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07),
  'P-384': Uint8Array.of(0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22),
  'P-521': Uint8Array.of(0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23),
};
/** SEC1 without its curve parameter: the private scalar's length names the curve. */
const CURVE_BY_SCALAR_LENGTH: Readonly<Record<number, EcCurve>> = { 32: 'P-256', 48: 'P-384', 66: 'P-521' };

interface Tlv {
  readonly tag: number;
  /** Offset of the contents. */
  readonly start: number;
  /** Offset just past the contents. */
  readonly end: number;
}

function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv | null {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) return null;
  let start = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 3) return null;
    length = 0;
    for (let i = 0; i < count; i += 1) {
      lengthByte = bytes[start + i];
      if (lengthByte === undefined) return null;
      length = (length << 8) | lengthByte;
    }
    start += count;
  }
  const end = start + length;
  return end > limit ? null : { tag, start, end };
}

function sameBytes(bytes: Uint8Array, tlvStart: number, tlvEnd: number, expected: Uint8Array): boolean {
  if (tlvEnd - tlvStart !== expected.length) return false;
  for (let i = 0; i < expected.length; i += 1) if (bytes[tlvStart + i] !== expected[i]) return false;
  return true;
}

function curveOf(bytes: Uint8Array, oidOffset: number, limit: number): EcCurve | null {
  const oid = readTlv(bytes, oidOffset, limit);
  if (oid === null || oid.tag !== 0x06) return null;
  for (const curve of ['P-256', 'P-384', 'P-521'] as const) {
    if (sameBytes(bytes, oidOffset, oid.end, CURVE_OIDS[curve])) return curve;
  }
  return null;
}

/** PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER version, SEQUENCE { OID algorithm, parameters }, OCTET STRING key, … }. */
function pkcs8Algorithm(der: Uint8Array): { keyType: 'RSA' | 'EC' | 'other'; curve: EcCurve | null } | null {
  const outer = readTlv(der, 0);
  if (outer === null || outer.tag !== 0x30) return null;
  const version = readTlv(der, outer.start, outer.end);
  if (version === null || version.tag !== 0x02) return null;
  const algorithm = readTlv(der, version.end, outer.end);
  if (algorithm === null || algorithm.tag !== 0x30) return null;
  const oid = readTlv(der, algorithm.start, algorithm.end);
  if (oid === null || oid.tag !== 0x06) return null;
  if (sameBytes(der, algorithm.start, oid.end, RSA_ENCRYPTION)) return { keyType: 'RSA', curve: null };
  if (sameBytes(der, algorithm.start, oid.end, EC_PUBLIC_KEY)) return { keyType: 'EC', curve: curveOf(der, oid.end, algorithm.end) };
  return { keyType: 'other', curve: null };
}

/** SEC1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING d, [0] OID curve OPTIONAL, [1] BIT STRING OPTIONAL }. */
function sec1Curve(der: Uint8Array): EcCurve | null {
  const outer = readTlv(der, 0);
  if (outer === null || outer.tag !== 0x30) return null;
  const version = readTlv(der, outer.start, outer.end);
  if (version === null || version.tag !== 0x02) return null;
  const scalar = readTlv(der, version.end, outer.end);
  if (scalar === null || scalar.tag !== 0x04) return null;
  const params = readTlv(der, scalar.end, outer.end);
  if (params !== null && params.tag === 0xa0) return curveOf(der, params.start, params.end);
  return CURVE_BY_SCALAR_LENGTH[scalar.end - scalar.start] ?? null;
}

function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function derTlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const length = contents.reduce((sum, c) => sum + c.length, 0);
  const head = derLength(length);
  const out = new Uint8Array(1 + head.length + length);
  out[0] = tag;
  out.set(head, 1);
  let offset = 1 + head.length;
  for (const c of contents) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** PKCS#8 envelope around a PKCS#1 or SEC1 key: version 0, the algorithm identifier, the key as an OCTET STRING. */
function wrapPkcs8(inner: Uint8Array, algorithm: readonly Uint8Array[]): Uint8Array {
  return derTlv(0x30, Uint8Array.of(0x02, 0x01, 0x00), derTlv(0x30, ...algorithm), derTlv(0x04, inner));
}
