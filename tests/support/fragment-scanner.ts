/**
 * An independent leak scanner for the redaction tests: written without the
 * redactor's code (plain regex decoders, no position maps), so a blind spot in
 * one is not silently shared by the other. "Leaked" means: some view of the
 * text holds a piece of 16 characters or more of a sensitive form, in any case.
 */
import { Buffer } from 'node:buffer';

export const FRAGMENT = 16;

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/**
 * The forms the issue names for a client secret: the secret, form-encoded and
 * percent-encoded, its Base64 alone (no padding), the part of the Basic
 * value (raw and form-encoded) from the first character that carries a bit
 * of the secret, and the hex of its UTF-8 bytes (as is and form-encoded) and
 * of that part of the Basic value (a dump of the request as sent; the
 * views are lower-cased, so any letter case is found, and a dump's punctuated
 * or prefixed bytes are joined). Hex is per byte: the
 * hex of `client_id:secret` holds the secret's hex whole.
 */
export function secretForms(clientId: string, secret: string): string[] {
  const basicPart = (id: string, s: string): string => {
    const lead = Buffer.byteLength(`${id}:`, 'utf8');
    return Buffer.from(`${id}:${s}`, 'utf8').toString('base64').slice(Math.floor((4 * lead) / 3));
  };
  return [
    secret,
    formEncode(secret),
    encodeURIComponent(secret),
    Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
    basicPart(clientId, secret),
    basicPart(formEncode(clientId), formEncode(secret)),
    Buffer.from(secret, 'utf8').toString('hex'),
    Buffer.from(formEncode(secret), 'utf8').toString('hex'),
    // The Basic value's part as it goes on the wire, hex-dumped.
    Buffer.from(basicPart(clientId, secret), 'utf8').toString('hex'),
    Buffer.from(basicPart(formEncode(clientId), formEncode(secret)), 'utf8').toString('hex'),
  ];
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", sol: '/', plus: '+', equals: '=', percnt: '%',
  shy: '\u00ad', zerowidthspace: '\u200b', zwj: '\u200d', zwnj: '\u200c', nobreak: '\u2060', invisibletimes: '\u2062',
  thickspace: '\u205f\u200a', nbsp: '\u00a0',
};

function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => new TextDecoder().decode(Buffer.from(run.replace(/%/g, ''), 'hex')));
}

function jsonUnescape(text: string): string {
  const simple: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  return text
    .replace(/\\u\{0*([0-9a-fA-F]{1,6})\}/g, (m, hex: string) => (parseInt(hex, 16) <= 0x10ffff ? String.fromCodePoint(parseInt(hex, 16)) : m))
    .replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (_m, e: string) => (e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : (simple[e] ?? e)));
}

/** Numeric references as browsers read them (any leading zeros, `;` optional), named ones with their `;`. */
function entityDecode(text: string): string {
  return text.replace(/&#[xX]0*([0-9a-fA-F]{1,6});?|&#0*(\d{1,7});?|&([A-Za-z]{2,24});|&(shy|nbsp)/g, (m, hex?: string, dec?: string, name?: string, legacy?: string) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    return ENTITIES[(name ?? legacy ?? '').toLowerCase()] ?? m;
  });
}

function canonical(text: string): string {
  return text.replace(/=/g, '').replace(/-/g, '+').replace(/_/g, '/');
}

/** Hex dumps read as one run of digits: bytes set apart by `:` `-` `.` `,` `|` `/` `;` `_`, or each marked `\x` or `0x`. */
function joinHexDumps(text: string): string {
  return text
    // Set apart by whitespace alone, a byte must stand alone (not the start of a longer hex word).
    .replace(/[0-9a-f]{2}(?:\s*[:.,|/;_-]\s*[0-9a-f]{2}|\s+[0-9a-f]{2}(?![0-9a-f]))+/gi, (run) => run.replace(/[^0-9a-f]/gi, ''))
    .replace(/(?:(?:\\x|0x)[0-9a-f]{2}[\s,]*)+/gi, (run) => run.replace(/(?:\\x|0x)([0-9a-f]{2})[\s,]*/gi, '$1'));
}

export function scannerViews(text: string): string[] {
  const all = (t: string): string => entityDecode(jsonUnescape(percentDecode(t)));
  // Up to four layers of escapes, in any mix.
  const decoded = [text, percentDecode(text), jsonUnescape(text), entityDecode(text), all(text), all(all(text)), all(all(all(text))), all(all(all(all(text))))]
    .flatMap((t) => [t, joinHexDumps(t)]);
  // Without what a reader does not see or a Base64 decoder skips (whitespace, controls, every default-ignorable
  // character), and without combining marks (drawn on the character before them).
  const plain = [...decoded, ...decoded.map((t) => t.replace(/[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}\u2800]/gu, ''))];
  // Case-folded: a case-changed echo still gives the secret away (upper then lower: the Kelvin sign is k, long s is s;
  // Turkish İ is i). Compatibility forms (fullwidth ｓ, circled ⓢ) read as what they stand for, one character each.
  const fold = (v: string): string => [...v].map((ch) => (ch.normalize('NFKC').length === ch.length ? ch.normalize('NFKC') : ch)).join('').replace(/\u0130/g, 'i').toUpperCase().toLowerCase();
  return [...new Set([...plain, ...plain.map(canonical)].map(fold))];
}

/** Every piece (>= FRAGMENT chars, or a whole shorter form) of any form found in any view of `text`. */
export function findFragments(text: string, forms: readonly string[]): string[] {
  const found = new Set<string>();
  const views = scannerViews(text);
  for (const raw of forms) {
    for (const form of [raw, canonical(raw)]) {
      const width = Math.min(FRAGMENT, form.length);
      for (let i = 0; i + width <= form.length; i += 1) {
        const piece = form.slice(i, i + width);
        if (views.some((v) => v.includes(piece.toUpperCase().toLowerCase()))) found.add(piece);
      }
    }
  }
  return [...found];
}
