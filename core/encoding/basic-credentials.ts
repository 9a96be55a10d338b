/**
 * client ID + secret → `base64(id:secret)` and the `Authorization: Basic` header,
 * after hygiene on both fields. Never throws; everything the user should know is a notice.
 */
import { notice } from '../shared/notice';
import type { Notice } from '../shared/notice';
import type { EncodeInput, EncodeOutput } from './types';
import { decodeBase64Loose, encodeBase64Utf8 } from './base64';
import { EMPTY_CLIENT_ID_NOTICE, EMPTY_CLIENT_SECRET_NOTICE } from './empty-notices';
import { formUrlEncode } from './form-urlencode';
import { cleanField } from './hygiene';
import { codePointLabel, countCodePoints, joinList, plural } from './characters';

export function buildBasicCredentials(input: EncodeInput): EncodeOutput {
  // An ID field with a colon may hold `id:secret`: then its characters are not shown in messages either.
  const id = cleanField(input.clientId, 'clientId', { revealCharacters: !input.clientId.includes(':') });
  const secret = cleanField(input.clientSecret, 'clientSecret');
  const idNotices: Notice[] = [...id.notices];
  const secretNotices: Notice[] = [...secret.notices];
  const crossNotices: Notice[] = [];
  let splitSuggestion: EncodeOutput['splitSuggestion'] = null;

  const colon = id.value.indexOf(':');
  const before = id.value.slice(0, colon);
  const after = id.value.slice(colon + 1);
  const idKey = privateKeyNotice('clientId', id.value);
  const secretKey = privateKeyNotice('clientSecret', secret.value);
  if (secretKey !== null) secretNotices.push(secretKey);
  if (idKey !== null) {
    // Not split, not encoded: a key in the ID field would go out as the client ID, in clear.
    idNotices.push(idKey);
  } else if (colon !== -1 && secret.value === '' && before !== '' && after !== '') {
    // The whole pair went into the ID field: offer the split rather than an error.
    splitSuggestion = { clientId: before, clientSecret: after };
    crossNotices.push(notice('id-secret-pasted-together', 'warning',
      'The Client ID field seems to hold the client ID and the secret joined by a colon (id:secret). ' +
      'Split them: the part before the first colon goes in Client ID, the rest in Client secret.'));
  } else {
    if (id.value === '') {
      idNotices.push(EMPTY_CLIENT_ID_NOTICE);
    } else if (colon !== -1) {
      idNotices.push(notice('colon-in-client-id', 'error',
        `The client ID contains a colon (at position ${countCodePoints(id.value.slice(0, colon)) + 1}). ` +
        'RFC 7617 does not allow a colon in the user-id, because the first colon separates the ID from the secret, ' +
        'and Okta never issues client IDs with one. Check that only the client ID was pasted here.'));
    }
    if (secret.value === '') {
      secretNotices.push(EMPTY_CLIENT_SECRET_NOTICE);
    }
  }

  // Judged on the values that would be encoded: the split parts, and never a colon the user must remove anyway.
  const formDiffers = splitSuggestion
    ? describeFormDifference(splitSuggestion.clientId, splitSuggestion.clientSecret, input.formEncode)
    : colon === -1 ? describeFormDifference(id.value, secret.value, input.formEncode) : null;
  if (formDiffers) crossNotices.push(formDiffers);

  const notices = [...idNotices, ...secretNotices, ...crossNotices];
  const status = notices.some((n) => n.severity === 'error')
    ? 'invalid'
    : id.value === '' || secret.value === '' || splitSuggestion ? 'empty' : 'ready';
  let value: string | null = null;
  if (status === 'ready') {
    const encode = input.formEncode ? formUrlEncode : (s: string): string => s;
    value = encodeBase64Utf8(`${encode(id.value)}:${encode(secret.value)}`);
  }
  return {
    status,
    value,
    header: value === null ? null : `Authorization: Basic ${value}`,
    clientId: id.value,
    clientSecret: secret.value,
    notices,
    formEncodingDiffers: formDiffers !== null,
    splitSuggestion,
  };
}

/**
 * A PEM private key block; a JWK (a `"kty":` member, also with its quotes escaped, as a JSON string in an .env
 * file holds it); a PEM Base64-encoded whole (a Kubernetes secret's value starts `LS0tLS1CRUdJTi`, "-----BEGIN").
 * A client ID or secret is never any of these.
 */
const PRIVATE_KEY_TEXT = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|\\?"kty\\?"\s*:|^\s*LS0tLS1CRUdJTi/;

/** A PEM body without its armour lines: Base64 of one DER SEQUENCE whose length is exactly the rest (100+ characters). */
function isDerBody(value: string): boolean {
  // Most values (every Okta secret) are shorter: no copy, no regex.
  if (value.length < 100) return false;
  const compact = value.replace(/\s+/g, '');
  if (compact.length < 100 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return false;
  const decoded = decodeBase64Loose(compact);
  if (!decoded.ok) return false;
  const der = decoded.bytes;
  if (der[0] !== 0x30) return false;
  const first = der[1] ?? 0;
  const [length, header] = first < 0x80 ? [first, 2] : first === 0x81 ? [der[2] ?? 0, 3] : first === 0x82 ? [((der[2] ?? 0) << 8) | (der[3] ?? 0), 4] : [-1, 0];
  return length >= 0 && header + length === der.length;
}

/**
 * An error when a credential field holds a private key (pasted into the wrong field): in the ID it would be sent
 * and shown in clear, in the secret sent to the server. The key itself is never quoted.
 */
export function privateKeyNotice(field: 'clientId' | 'clientSecret', value: string): Notice | null {
  if (!PRIVATE_KEY_TEXT.test(value) && !isDerBody(value)) return null;
  return field === 'clientId'
    ? notice('private-key-in-client-id', 'error',
      'The client ID field holds a private key (a PEM block or a JWK), which must never be sent as an ID. ' +
      'Give the key as the private key for private_key_jwt, and enter the app\'s client ID (0oa…) here.')
    : notice('private-key-in-client-secret', 'error',
      'The client secret field holds a private key (a PEM block or a JWK), not a client secret, so it is not sent. ' +
      'For private_key_jwt, give the key as the private key; a client secret comes from the app\'s Client Secrets section.');
}

/** The characters the WHATWG urlencoded serializer keeps as they are (see form-urlencode.ts). */
const FORM_SAFE = /^[A-Za-z0-9*\-._]$/;

/** A value form-encoding leaves as it is (most IDs and many secrets): one test, not one per character. */
const ALL_FORM_SAFE = /^[A-Za-z0-9*\-._]*$/;

/** Characters of `value` that form-encoding rewrites, distinct, in order of appearance. */
function changedByFormEncoding(value: string): string[] {
  if (ALL_FORM_SAFE.test(value)) return [];
  const seen = new Set<string>();
  for (const ch of value) if (!FORM_SAFE.test(ch)) seen.add(ch);
  return [...seen];
}

function countChangedByFormEncoding(value: string): number {
  if (ALL_FORM_SAFE.test(value)) return 0;
  let n = 0;
  for (const ch of value) if (!FORM_SAFE.test(ch)) n += 1;
  return n;
}

function describeFormDifference(clientId: string, clientSecret: string, formEncode: boolean): Notice | null {
  const idChars = changedByFormEncoding(clientId);
  const secretCount = countChangedByFormEncoding(clientSecret);
  if (idChars.length === 0 && secretCount === 0) return null;
  const parts: string[] = [];
  // The ID is not secret (it never holds a colon here), so its characters can be named; for the secret only a count.
  if (idChars.length > 0) parts.push(`in the client ID, ${joinList(idChars.map(printable))}`);
  if (secretCount > 0) parts.push(`in the client secret, ${secretCount} ${plural(secretCount, 'character')}`);
  const what = `RFC 6749 §2.3.1 form-encoding changes these values (${parts.join('; ')}).`;
  const message = formEncode
    ? `${what} Form-encoding is on, so the RFC 6749 form is encoded. Okta documents the raw form, Base64(client_id:client_secret): if Okta answers invalid_client, turn the option off.`
    : `${what} Okta documents the raw form, Base64(client_id:client_secret), which is what is encoded now. If Okta answers invalid_client, try the form-encoding option, or send the credentials in the request body (client_secret_post).`;
  return notice('form-encoding-differs', 'info', message);
}

function printable(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x20) return 'space';
  return cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) ? codePointLabel(cp) : ch;
}
