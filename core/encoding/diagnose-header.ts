/**
 * Decode-and-diagnose a pasted `Authorization: Basic …` header or bare value.
 * Tolerant of everything people paste (wrapped lines, CRLF, PEM armour, base64url,
 * missing padding) and names each mistake by a stable code. Reports the client ID
 * and the secret's length; the secret itself never leaves this function.
 */
import { notice } from '../shared/notice';
import type { Notice } from '../shared/notice';
import type { Diagnosis } from './types';
import { decodeBase64Loose } from './base64';
import { INVISIBLES, charClass, countCodePoints, countPhrase, describeChar, joinList, lineBreakLabel, plural, splitLineBreaks } from './characters';
import { inspectField } from './hygiene';

const INVISIBLE_ANY = new RegExp(charClass(INVISIBLES.keys()), 'u');
/** Reused: decode() without { stream: true } keeps no state between calls. ignoreBOM keeps a BOM visible instead of silently dropping it. */
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF8_LOSSY = new TextDecoder('utf-8', { ignoreBOM: true });
/** "-----BEGIN CERTIFICATE-----" and friends. Checked in two anchored steps so long pasted lines cannot make it slow. */
const isPemLine = (line: string): boolean => {
  const t = line.trim();
  return t.endsWith('---') && /^-{3,}\s*(BEGIN|END)\b/i.test(t);
};
const HEADER_NAME = /^(authori[sz]ation)[ \t]*(:?)[ \t]*/i;
const MAX_REPEATS = 3;
const LINE_SPLIT = /\r\n|[\r\n\u0085\u2028\u2029]/;
/** Other HTTP auth schemes people paste by mistake (RFC 9110 registry plus common vendor ones). */
const OTHER_SCHEMES = new Set(['bearer', 'digest', 'negotiate', 'ntlm', 'dpop', 'token', 'hoba', 'mutual', 'oauth', 'vapid', 'aws4-hmac-sha256', 'sso-key', 'apikey']);

export function diagnoseHeader(pasted: string): Diagnosis {
  const notices: Notice[] = [];
  const done = (clientId: string | null, secretLength: number | null): Diagnosis => ({
    ok: clientId !== null && secretLength !== null && notices.every((n) => n.severity === 'info'),
    clientId,
    secretLength,
    notices,
  });

  // 1. Invisible characters in the pasted text itself (BOM from a file, zero-width from a web page).
  const invisible = new Map<string, number>();
  let invisibleTotal = 0;
  let text = pasted;
  if (INVISIBLE_ANY.test(pasted)) {
    text = '';
    for (const ch of pasted) {
      const cp = ch.codePointAt(0) ?? 0;
      if (INVISIBLES.has(cp)) {
        const name = describeChar(cp, INVISIBLES.get(cp));
        invisible.set(name, (invisible.get(name) ?? 0) + 1);
        invisibleTotal += 1;
      } else {
        text += ch;
      }
    }
  }
  if (invisibleTotal > 0) {
    notices.push(notice('invisible-character', 'warning',
      `The pasted text contains ${invisibleTotal} invisible ${plural(invisibleTotal, 'character')}: ${countPhrase(invisible)}. ` +
      'They were ignored here, but if they are in your configuration too the header will not work: copy it again from a plain-text source.'));
  }
  const hadCarriageReturn = text.includes('\r');

  // 2. PEM armour, as `certutil -encode` writes it.
  const lines = text.split(LINE_SPLIT);
  const kept = lines.filter((line) => !isPemLine(line));
  if (kept.length !== lines.length) {
    notices.push(notice('pem-armor', 'warning',
      'The value is wrapped in PEM armour (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----), as certutil -encode writes it. ' +
      'Only the Base64 between those lines belongs in the header, joined into one line. certutil also needs the secret in a file: Basic Header avoids both.'));
    text = kept.join('\n');
  }

  // 3. What surrounds the value. Line breaks at the very ends come with any copied line; spaces and tabs do not.
  const whitespacePlaces = new Set<string>();
  const trimmed = text.trim();
  const leading = text.slice(0, text.length - text.trimStart().length);
  const trailing = text.slice(text.trimEnd().length);
  if (/[^\r\n\u0085\u2028\u2029]/.test(leading)) whitespacePlaces.add('before');
  if (/[^\r\n\u0085\u2028\u2029]/.test(trailing)) whitespacePlaces.add('after');
  let rest = trimmed;
  if (rest === '') {
    notices.push(notice('empty', 'info', 'There is nothing to check yet: paste an Authorization header or a Base64 value.'));
    return done(null, null);
  }

  // 4. Quotes from JSON, YAML or a shell command.
  const quoted = /^(["'`])([\s\S]*)\1$/.exec(rest);
  if (quoted) {
    rest = (quoted[2] ?? '').trim();
    notices.push(notice('quoted', 'info',
      'The pasted text was wrapped in quotes, which were ignored. In JSON or a shell command that is right; in a raw HTTP header the quotes must not be there.'));
  }

  // 5. Header name: "Authorization:" in any case, optional spaces.
  let prefixes = 0;
  let headerNameProblem = false;
  // Bounded: a repeat is reported once, and each pass copies the rest of the paste.
  for (let m = HEADER_NAME.exec(rest); m && prefixes < MAX_REPEATS; m = HEADER_NAME.exec(rest)) {
    if (m[2] !== ':' && !/^(authori[sz]ation)\s/i.test(rest)) break; // e.g. "Authorizationfoo": not a header name
    if (m[1]?.toLowerCase() !== 'authorization' || m[2] !== ':') headerNameProblem = true;
    prefixes += 1;
    rest = rest.slice(m[0].length).trimStart();
  }
  if (headerNameProblem) {
    notices.push(notice('header-name', 'warning',
      'The header name should be exactly “Authorization:” (American spelling, followed by a colon). Servers ignore a misspelt header.'));
  }

  // 6. Scheme: "Basic", any case, then whitespace.
  let schemes = 0;
  let otherScheme: string | null = null;
  let brokenBeforeValue = false;
  while (schemes < MAX_REPEATS) {
    const m = /^(\S+)(\s+)([\s\S]*)$/.exec(rest) ?? /^(\S+)()()$/.exec(rest);
    const word = m?.[1] ?? '';
    const lower = word.toLowerCase();
    const isBasic = lower === 'basic';
    const isOther = !isBasic && (OTHER_SCHEMES.has(lower) || looksLikeBasicTypo(lower));
    if (!m || (!isBasic && !isOther) || (m[2] === '' && !isBasic && !OTHER_SCHEMES.has(lower))) break;
    if (isOther && otherScheme === null) otherScheme = word;
    if (LINE_SPLIT.test(m[2] ?? '')) brokenBeforeValue = true;
    schemes += 1;
    rest = m[3] ?? '';
  }
  if (otherScheme !== null) {
    notices.push(notice('scheme-typo', 'error', OTHER_SCHEMES.has(otherScheme.toLowerCase())
      ? `This is a “${otherScheme}” header, not Basic. Client credentials go in “Authorization: Basic <value>”; a ${otherScheme} header carries a token, not an ID and secret.`
      : `The scheme is written “${otherScheme}”; it must be exactly “Basic” followed by one space. Servers reject any other spelling.`));
  }
  if (prefixes > 1 || schemes > 1) {
    notices.push(notice('repeated-prefix', 'warning',
      `“${prefixes > 1 ? 'Authorization:' : 'Basic'}” appears twice. The configuration or tool probably adds it already: paste only the Base64 value there.`));
  }
  if (prefixes > 0 && schemes === 0) {
    notices.push(notice('missing-scheme', 'warning',
      'The header has no scheme: it must read “Authorization: Basic <value>”, with the word Basic and one space before the value.'));
  }
  const body = rest;
  if (body.trim() === '') {
    notices.push(notice('empty', 'error', 'There is no value after the scheme: the Base64 of client_id:client_secret is missing.'));
    return done(null, null);
  }

  // 7. Layout of the value: lines and stray spaces.
  const bodyLines = body.split(LINE_SPLIT);
  if (bodyLines.length > 1 || brokenBeforeValue) {
    notices.push(notice('line-wrapped', 'warning', wrappedMessage(bodyLines, hadCarriageReturn)));
  }
  if (bodyLines.some((line) => /[^\S\r\n]/.test(line))) whitespacePlaces.add('inside');
  if (whitespacePlaces.size > 0) {
    const places = ['before', 'inside', 'after'].filter((p) => whitespacePlaces.has(p));
    notices.push(notice('whitespace', 'warning',
      `There are stray spaces or tabs ${joinList(places)} the value. A Basic header is exactly “Basic”, one space and the Base64 value, ` +
      'with nothing around it or inside it: remove them.'));
  }
  let compact = body.replace(/\s+/g, '');

  // 8. Percent-encoded Base64 (+ / = escaped), from a URL or a form.
  if (/%(2b|2f|3d)/i.test(compact)) {
    const unescaped = compact.replace(/%2b/gi, '+').replace(/%2f/gi, '/').replace(/%3d/gi, '=');
    if (!unescaped.includes('%')) {
      compact = unescaped;
      notices.push(notice('url-encoded', 'warning',
        'The value is percent-encoded (%2B, %2F or %3D stand for +, / and =), as happens when Base64 passes through a URL or a form. Use the plain Base64 in the header.'));
    }
  }

  // 9. Base64 itself.
  const decoded = decodeBase64Loose(compact);
  if (!decoded.ok) {
    notices.push(notice('not-base64', 'error', notBase64Message(decoded.problem, decoded.index, compact)));
    return done(null, null);
  }
  if (decoded.urlSafe) {
    notices.push(notice('url-safe-alphabet', 'warning',
      'The value uses the URL-safe Base64 alphabet (- and _ instead of + and /), as base64url and JWT tools produce. ' +
      'HTTP Basic uses the standard alphabet: replace - with + and _ with /, or encode it again with Basic Header.'));
  }
  if (decoded.padding === 'missing') {
    notices.push(notice('missing-padding', 'warning',
      `The value is missing its padding: standard Base64 here ends with ${'='.repeat(decoded.expectedPadding)}. Some servers reject unpadded values: add it, or encode again with Basic Header.`));
  } else if (decoded.padding === 'wrong') {
    notices.push(notice('bad-padding', 'warning',
      decoded.expectedPadding === 0
        ? 'The value ends with = signs it should not have: this length of Base64 takes no padding. Part of it may be missing or the value was edited: copy it again.'
        : `The value ends with the wrong number of = signs: it should end with ${'='.repeat(decoded.expectedPadding)}. Part of it may be missing or the value was edited: copy it again.`));
  }
  if (!decoded.canonical) {
    notices.push(notice('truncated', 'warning',
      'The last character of the value does not end the Base64 cleanly: the value was probably cut short or altered when it was copied. Copy it again from its source.'));
  }

  // 10. Bytes to text: what the encoder was fed.
  const decodedText = bytesToText(decoded.bytes, notices);
  if (decodedText === null) return done(null, null);

  // 11. The credentials.
  let credentials = decodedText;
  let cut = credentials.length;
  while (cut > 0 && (credentials[cut - 1] === '\n' || credentials[cut - 1] === '\r')) cut -= 1;
  const trailingBreaks = credentials.slice(cut);
  if (trailingBreaks !== '') {
    credentials = credentials.slice(0, -trailingBreaks.length);
    notices.push(notice('trailing-newline', 'error', trailingNewlineMessage(trailingBreaks)));
  }
  const colon = credentials.indexOf(':');
  if (colon === -1) {
    notices.push(notice('missing-colon', 'error', missingColonMessage(credentials)));
    if (isDoubleEncoded(credentials)) {
      notices.push(notice('double-encoded', 'error',
        'The decoded text is itself the Base64 of id:secret: the value was encoded twice. Encode the plain client_id:client_secret once.'));
    }
    return done(null, null);
  }
  const clientId = credentials.slice(0, colon);
  const secret = credentials.slice(colon + 1);
  if (clientId === '') {
    notices.push(notice('empty-client-id', 'error',
      'The client ID is empty: the decoded text starts with a colon. In PowerShell, "$id:$secret" silently drops $id (PowerShell reads $id: as a drive name): write "${id}:${secret}" instead.'));
  }
  if (secret === '') {
    notices.push(notice('empty-secret', 'error',
      'The secret is empty: nothing follows the colon. Check that the secret was included when the value was made.'));
  }
  for (const n of [...inspectField(clientId, 'clientId'), ...inspectField(secret, 'clientSecret')]) {
    if (n.code !== 'non-ascii-utf8') notices.push(n);
  }
  const percent = [/%[0-9a-f]{2}/i.test(clientId) ? 'client ID' : '', /%[0-9a-f]{2}/i.test(secret) ? 'client secret' : ''].filter((s) => s !== '');
  if (percent.length > 0) {
    notices.push(notice('form-encoded-values', 'info',
      `The ${joinList(percent)} ${percent.length === 1 ? 'contains' : 'contain'} %XX sequences, as RFC 6749 form-encoding produces. ` +
      'Okta documents the raw form, Base64(client_id:client_secret): if Okta answers invalid_client, encode the raw values instead.'));
  }
  return done(clientId, countCodePoints(secret));
}

/** "Basics", "Baisc", "Basic:" and friends: close to "basic" but not it. */
function looksLikeBasicTypo(word: string): boolean {
  return word.length >= 4 && word.length <= 8 && /^[a-z]+:?$/.test(word) && editDistance(word, 'basic') <= 2;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function wrappedMessage(bodyLines: readonly string[], crlf: boolean): string {
  const widths = bodyLines.map((line) => line.trim().length).filter((w) => w > 0);
  const first = widths[0] ?? 0;
  const regular = widths.length > 1 && widths.slice(0, -1).every((w) => w === first) && (widths[widths.length - 1] ?? 0) <= first;
  const endings = crlf ? ' with Windows (CRLF) line endings' : '';
  let how = `The value is broken across ${Math.max(widths.length, 2)} lines${endings}.`;
  if (regular && first === 76) how = `The value is wrapped every 76 characters${endings}, as GNU base64 does by default.`;
  else if (regular && first === 64) how = `The value is wrapped every 64 characters${endings}, as certutil -encode and openssl base64 do.`;
  else if (regular) how = `The value is wrapped every ${first} characters${endings}.`;
  return `${how} A header is one line: join the lines, or encode with base64 -w 0 (Linux), base64 -b 0 (macOS) or openssl base64 -A, or copy the value from Basic Header.`;
}

function notBase64Message(problem: 'character' | 'padding-position' | 'length', index: number | null, compact: string): string {
  const at = index === null ? '' : ` (character ${index + 1} of the value, ignoring spaces)`;
  if (problem === 'padding-position') {
    return `This is not valid Base64: an = sign appears before the end${at}. Two values may have been joined, or text was added after the value. Copy the value again.`;
  }
  if (problem === 'length') {
    return 'This is not valid Base64: its length is one character off, so part of it is missing or extra. Copy the value again from its source.';
  }
  // A colon is never Base64 but is always in raw credentials.
  const raw = compact.includes(':')
    ? ' It contains a colon, so it may be the raw client_id:client_secret before encoding: encode it first (Basic Header does this).'
    : ' Paste the header or the Base64 value only.';
  return `This is not Base64: it contains a character outside the Base64 alphabet${at}.${raw}`;
}

/** Decodes the credential bytes as the encoder's author intended, reporting BOM, UTF-16 and invalid UTF-8. */
function bytesToText(bytes: Uint8Array, notices: Notice[]): string | null {
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    notices.push(notice('utf16', 'error',
      'The credentials were encoded as UTF-16 (what Notepad calls “Unicode”, or PowerShell’s [Text.Encoding]::Unicode), not UTF-8, so Okta sees a zero byte after every letter. ' +
      'Save the file as UTF-8, use [Text.Encoding]::UTF8, or use Basic Header.'));
    return decodeUtf16(bytes.subarray(utf16.bomLength), utf16.littleEndian);
  }
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    notices.push(notice('bom', 'warning',
      'The encoded text starts with a UTF-8 byte-order mark (the value starts with 77u/): the file was saved “UTF-8 with BOM” before it was encoded, ' +
      'so Okta sees three invisible bytes before the client ID. Save as UTF-8 without BOM, or use Basic Header.'));
  }
  try {
    return UTF8_STRICT.decode(body);
  } catch {
    notices.push(notice('invalid-utf8', 'error',
      'The decoded bytes are not valid UTF-8 text: they may be Latin-1/Windows-1252 text, binary data, or not credentials at all. ' +
      'RFC 7617 credentials are UTF-8: encode the text client_id:client_secret as UTF-8.'));
    return UTF8_LOSSY.decode(body);
  }
}

function detectUtf16(bytes: Uint8Array): { littleEndian: boolean; bomLength: number } | null {
  if (bytes.length >= 2 && bytes.length % 2 === 0) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { littleEndian: true, bomLength: 2 };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { littleEndian: false, bomLength: 2 };
  }
  // Without a BOM: mostly-ASCII UTF-16 has a zero byte in most pairs, which UTF-8 text never has.
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  for (const littleEndian of [true, false]) {
    let ascii = 0;
    let colon = false;
    let nul = false;
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      const unit = littleEndian ? ((bytes[i + 1] ?? 0) << 8) | (bytes[i] ?? 0) : ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
      if (unit >= 0x20 && unit <= 0x7e) ascii += 1;
      if (unit === 0x3a) colon = true;
      if (unit === 0) nul = true;
    }
    if (colon && !nul && ascii * 4 >= bytes.length / 2 * 3) return { littleEndian, bomLength: 0 };
  }
  return null;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const lo = bytes[littleEndian ? i : i + 1] ?? 0;
    const hi = bytes[littleEndian ? i + 1 : i] ?? 0;
    out += String.fromCharCode((hi << 8) | lo);
  }
  return out;
}

function trailingNewlineMessage(breaks: string): string {
  const labels = splitLineBreaks(breaks).map(lineBreakLabel);
  const what = labels.length === 1 ? `a line break (${labels[0] ?? ''})` : `${labels.length} line breaks (${labels.join(', ')})`;
  const cause = breaks.includes('\r')
    ? 'That is what pressing Enter at the end of a Windows text file adds before certutil -encode.'
    : 'That is what echo adds without -n.';
  return `The encoded text ends with ${what}, so the server compares the secret plus that line break and answers invalid_client. ${cause} ` +
    "Encode with printf '%s' 'id:secret' | base64 -w 0, or use Basic Header.";
}

function missingColonMessage(credentials: string): string {
  const lineCount = credentials.split(LINE_SPLIT).filter((line) => line.trim() !== '').length;
  if (lineCount === 2) {
    return 'The decoded text has no colon: the client ID and the secret are on two separate lines, as in a file saved for certutil. ' +
      'Put them on one line joined by a colon: client_id:client_secret.';
  }
  return 'The decoded text has no colon, so it is not client_id:client_secret. Encode the client ID and the secret joined by one colon.';
}

function isDoubleEncoded(credentials: string): boolean {
  const inner = credentials.trim();
  if (inner.length < 4 || !/^[A-Za-z0-9+/]+={0,2}$/.test(inner)) return false;
  const again = decodeBase64Loose(inner);
  if (!again.ok || again.padding !== 'ok' || !again.canonical) return false;
  try {
    return UTF8_STRICT.decode(again.bytes).includes(':');
  } catch {
    return false;
  }
}
