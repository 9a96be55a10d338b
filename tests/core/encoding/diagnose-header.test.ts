import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagnoseHeader } from '../../../core/encoding/diagnose-header';
import { buildBasicCredentials } from '../../../core/encoding/basic-credentials';
import { formUrlEncode } from '../../../core/encoding/form-urlencode';
import { DIAGNOSIS_CODES } from '../../../core/encoding/codes';
import { certutilStyle, coreutilsBase64, echoPipeBase64, gnuBase64Wrapped, opensslBase64, utf16Base64 } from './shell-tools';

const ID = '0oajncakofQmjxlSw0h3';
const SECRET = 'X8tWZbmAq3b9-_CxYJ2uVvKkN0pLrDsEfGhIjMnOpQrStUvWxYz0123456789abc';
const CRED = `${ID}:${SECRET}`;
const GOOD = coreutilsBase64(CRED);

interface Fixture {
  readonly name: string;
  readonly pasted: string;
  readonly codes: readonly string[];
  readonly clientId: string | null;
  readonly secretLength: number | null;
  /** Something a listed notice must say, by code. */
  readonly says?: Readonly<Record<string, RegExp>>;
}

/** Every input made the way users make it: by the real tools where they exist here. */
function fixtures(): Fixture[] {
  const b64 = coreutilsBase64;
  const urlSafeSecret = 'ab~~~c??>>'; // bytes that map to - and _ in base64url
  const urlSafe = Buffer.from(`${ID}:${urlSafeSecret}`).toString('base64url');
  return [
    { name: 'printf | base64 -w0, bare', pasted: GOOD, codes: [], clientId: ID, secretLength: 64 },
    { name: 'the full header', pasted: `Authorization: Basic ${GOOD}`, codes: [], clientId: ID, secretLength: 64 },
    { name: 'header in odd case and spacing', pasted: `AUTHORIZATION :basic   ${GOOD}\r\n`, codes: [], clientId: ID, secretLength: 64 },
    { name: 'Basic without the header name', pasted: `Basic ${GOOD}\n`, codes: [], clientId: ID, secretLength: 64 },
    { name: 'echo without -n', pasted: `Authorization: Basic ${echoPipeBase64(CRED)}`, codes: ['trailing-newline'], clientId: ID, secretLength: 64,
      says: { 'trailing-newline': /ends with a line break \(\\n\).*echo adds without -n/ } },
    { name: 'echo | base64 on Linux: wrapped and a newline', pasted: gnuBase64Wrapped(`${CRED}\n`), codes: ['line-wrapped', 'trailing-newline'], clientId: ID, secretLength: 64,
      says: { 'line-wrapped': /wrapped every 76 characters, as GNU base64 does by default.*base64 -w 0/ } },
    { name: 'printf | base64 (GNU, wrapped at 76)', pasted: `Basic ${gnuBase64Wrapped(CRED)}`, codes: ['line-wrapped'], clientId: ID, secretLength: 64 },
    { name: 'openssl base64 (wrapped at 64)', pasted: opensslBase64(CRED), codes: ['line-wrapped'], clientId: ID, secretLength: 64,
      says: { 'line-wrapped': /every 64 characters, as certutil -encode and openssl base64 do/ } },
    { name: 'certutil -encode of a file ending with Enter', pasted: certutilStyle(`${CRED}\r\n`), codes: ['pem-armor', 'line-wrapped', 'trailing-newline'], clientId: ID, secretLength: 64,
      says: { 'line-wrapped': /64 characters with Windows \(CRLF\) line endings/, 'trailing-newline': /\(\\r\\n\).*Windows text file/ } },
    { name: 'certutil -encode, short value on one line', pasted: certutilStyle('id:secret'), codes: ['pem-armor'], clientId: 'id', secretLength: 6 },
    { name: 'certutil -encode of a UTF-8-with-BOM file', pasted: certutilStyle(`\ufeff${CRED}`), codes: ['pem-armor', 'line-wrapped', 'bom'], clientId: ID, secretLength: 64,
      says: { bom: /77u\// } },
    { name: 'Notepad "Unicode" (UTF-16LE with BOM)', pasted: utf16Base64(CRED), codes: ['utf16'], clientId: ID, secretLength: 64 },
    { name: 'UTF-16 without a BOM (PowerShell [Text.Encoding]::Unicode)', pasted: Buffer.from('id:secret', 'utf16le').toString('base64'), codes: ['utf16'], clientId: 'id', secretLength: 6 },
    { name: 'base64url without padding', pasted: `Basic ${urlSafe}`, codes: ['url-safe-alphabet', 'missing-padding'], clientId: ID, secretLength: urlSafeSecret.length },
    { name: 'missing padding', pasted: GOOD.replace(/=+$/, ''), codes: ['missing-padding'], clientId: ID, secretLength: 64, says: { 'missing-padding': /ends with ==\./ } },
    { name: 'extra padding', pasted: `${b64('id:secret')}==`, codes: ['bad-padding'], clientId: 'id', secretLength: 6 },
    { name: 'wrong padding', pasted: b64('id:secre').replace('=', ''), codes: ['missing-padding'], clientId: 'id', secretLength: 5 },
    { name: 'cut short by one character', pasted: 'aWQ6c2VjcmV', codes: ['missing-padding', 'truncated'], clientId: 'id', secretLength: 5 },
    { name: 'percent-encoded', pasted: encodeURIComponent(b64('id:secret?>')), codes: ['url-encoded'], clientId: 'id', secretLength: 8 },
    // Some encoders write lower-case escapes; the percent check must not depend on case.
    { name: 'percent-encoded in lower case (%2b, %3d)', pasted: encodeURIComponent(b64('id:se~cret>')).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), codes: ['url-encoded'], clientId: 'id', secretLength: 8 },
    { name: 'quoted JSON value', pasted: `"Basic ${GOOD}"`, codes: ['quoted'], clientId: ID, secretLength: 64 },
    { name: 'spaces inside and around', pasted: `  Basic ${GOOD.slice(0, 40)} ${GOOD.slice(40)}\t`, codes: ['whitespace'], clientId: ID, secretLength: 64,
      says: { whitespace: /before, inside and after the value/ } },
    { name: 'no colon', pasted: b64(`${ID}${SECRET}`), codes: ['missing-colon'], clientId: null, secretLength: null },
    { name: 'ID and secret on two lines, as Okta’s Windows steps produce', pasted: certutilStyle(`${ID}\r\n${SECRET}\r\n`), codes: ['pem-armor', 'line-wrapped', 'trailing-newline', 'missing-colon'],
      clientId: null, secretLength: null, says: { 'missing-colon': /two separate lines/ } },
    { name: 'encoded twice', pasted: b64(GOOD), codes: ['missing-colon', 'double-encoded'], clientId: null, secretLength: null },
    // Base64 inside Base64 that is not id:secret is not the double-encoding mistake.
    { name: 'encoded twice, but no id:secret inside', pasted: b64(b64('hello')), codes: ['missing-colon'], clientId: null, secretLength: null },
    { name: 'garbage', pasted: 'this is not base64!', codes: ['whitespace', 'not-base64'], clientId: null, secretLength: null },
    { name: 'the raw id:secret, not encoded', pasted: `Basic ${CRED}`, codes: ['not-base64'], clientId: null, secretLength: null,
      says: { 'not-base64': /raw client_id:client_secret before encoding/ } },
    { name: 'two values joined', pasted: `${b64('a:bc')}${b64('c:de')}`, codes: ['not-base64'], clientId: null, secretLength: null, says: { 'not-base64': /= sign appears before the end/ } },
    { name: 'one character too many', pasted: `${b64('id:secret')}A`, codes: ['not-base64'], clientId: null, secretLength: null, says: { 'not-base64': /length is one character off/ } },
    { name: 'Latin-1 bytes (invalid UTF-8)', pasted: Buffer.from('id:s\u00e9cret', 'latin1').toString('base64'), codes: ['invalid-utf8'], clientId: 'id', secretLength: 6 },
    { name: 'PowerShell "$id:$secret" (empty ID)', pasted: b64(`:${SECRET}`), codes: ['empty-client-id'], clientId: '', secretLength: 64, says: { 'empty-client-id': /\$\{id\}:\$\{secret\}/ } },
    { name: 'empty secret', pasted: b64(`${ID}:`), codes: ['empty-secret'], clientId: ID, secretLength: 0 },
    { name: 'empty paste', pasted: ' \r\n', codes: ['empty'], clientId: null, secretLength: null },
    { name: 'header without a value', pasted: 'Authorization: Basic ', codes: ['empty'], clientId: null, secretLength: null },
    { name: 'misspelt header name', pasted: `Authorisation: Basic ${GOOD}`, codes: ['header-name'], clientId: ID, secretLength: 64 },
    { name: 'header name without a colon', pasted: `Authorization Basic ${GOOD}`, codes: ['header-name'], clientId: ID, secretLength: 64 },
    { name: 'no scheme', pasted: `Authorization: ${GOOD}`, codes: ['missing-scheme'], clientId: ID, secretLength: 64 },
    { name: 'scheme typo Basics', pasted: `Authorization: Basics ${GOOD}`, codes: ['scheme-typo'], clientId: ID, secretLength: 64, says: { 'scheme-typo': /“Basics”/ } },
    { name: 'scheme with a colon', pasted: `Basic: ${GOOD}`, codes: ['scheme-typo'], clientId: ID, secretLength: 64 },
    { name: 'a Bearer header', pasted: 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', codes: ['scheme-typo', 'not-base64'], clientId: null, secretLength: null,
      says: { 'scheme-typo': /“Bearer” header, not Basic/ } },
    { name: 'Basic twice', pasted: `Authorization: Basic Basic ${GOOD}`, codes: ['repeated-prefix'], clientId: ID, secretLength: 64 },
    { name: 'header name twice', pasted: `Authorization: Authorization: Basic ${GOOD}`, codes: ['repeated-prefix'], clientId: ID, secretLength: 64 },
    { name: 'scheme and value on separate lines', pasted: `Authorization: Basic\n${GOOD}`, codes: ['line-wrapped'], clientId: ID, secretLength: 64 },
    { name: 'a zero-width space in the paste', pasted: `Basic ${GOOD.slice(0, 10)}\u200b${GOOD.slice(10)}`, codes: ['invisible-character'], clientId: ID, secretLength: 64 },
    { name: 'form-encoded values (info only)', pasted: b64('my%24app:s%2Bcret'), codes: ['form-encoded-values'], clientId: 'my%24app', secretLength: 8 },
    { name: 'a space after the colon', pasted: b64('id: secret'), codes: ['whitespace-in-value'], clientId: 'id', secretLength: 7,
      says: { 'whitespace-in-value': /client secret contains whitespace: a space at position 1 \(its first character\)/ } },
    { name: 'a line break inside the secret', pasted: b64('id:sec\nret'), codes: ['line-break-in-value'], clientId: 'id', secretLength: 7 },
    { name: 'a zero-width space inside the secret', pasted: b64('id:sec\u200bret'), codes: ['invisible-character'], clientId: 'id', secretLength: 7 },
    { name: 'a control character in the secret', pasted: b64('id:sec\u0007ret'), codes: ['control-character'], clientId: 'id', secretLength: 7 },
    { name: 'a smart quote in the secret', pasted: b64('id:sec\u2019ret'), codes: ['look-alike-character'], clientId: 'id', secretLength: 7 },
    { name: 'JSON-quoted ID and secret', pasted: b64('"id":"secret"'), codes: ['surrounding-quotes', 'surrounding-quotes'], clientId: '"id"', secretLength: 8 },
    { name: 'UTF-16 with an unpaired surrogate', pasted: Buffer.from([0xff, 0xfe, 0x69, 0, 0x64, 0, 0x3a, 0, 0x00, 0xd8]).toString('base64'), codes: ['utf16', 'lone-surrogate'], clientId: 'id', secretLength: 1 },
  ];
}

describe('diagnoseHeader', () => {
  const all = fixtures();

  it.each(all)('$name', ({ pasted, codes, clientId, secretLength, says }) => {
    const d = diagnoseHeader(pasted);
    expect(d.notices.map((n) => n.code)).toEqual(codes);
    expect(d.clientId).toBe(clientId);
    expect(d.secretLength).toBe(secretLength);
    expect(d.ok).toBe(codes.every((c) => c === 'form-encoded-values' || c === 'quoted') && clientId !== null);
    for (const [code, pattern] of Object.entries(says ?? {})) {
      expect(d.notices.find((n) => n.code === code)?.message).toMatch(pattern);
    }
    for (const n of d.notices) expect(n.message.length).toBeGreaterThan(30);
  });

  it('diagnoses every code it declares, from the fixtures above', () => {
    const seen = new Set(all.flatMap((f) => f.codes));
    expect([...DIAGNOSIS_CODES].filter((c) => !seen.has(c))).toEqual([]);
  });

  it('gives the CLI’s classic mistakes their documented codes and severities', () => {
    const severity = (pasted: string, code: string): string | undefined => diagnoseHeader(pasted).notices.find((n) => n.code === code)?.severity;
    expect(severity(echoPipeBase64(CRED), 'trailing-newline')).toBe('error');
    expect(severity(gnuBase64Wrapped(CRED), 'line-wrapped')).toBe('warning');
    expect(severity(certutilStyle(CRED), 'pem-armor')).toBe('warning');
    expect(severity(coreutilsBase64('nocolon'), 'missing-colon')).toBe('error');
    expect(severity('!!!!', 'not-base64')).toBe('error');
    expect(severity(Buffer.from('id:ab~~~c??>>').toString('base64url'), 'url-safe-alphabet')).toBe('warning');
    expect(severity(` ${GOOD}`, 'whitespace')).toBe('warning');
    // An empty secret can never authenticate: an error, not a warning.
    expect(severity(coreutilsBase64(`${ID}:`), 'empty-secret')).toBe('error');
  });
});

describe('round trip: diagnoseHeader(buildBasicCredentials(id, secret))', () => {
  // NUL is left out: credentials made of NULs alternating with ASCII are indistinguishable from UTF-16.
  const anyText = (minLength: number) => fc.string({ unit: 'binary', minLength, maxLength: 40 }).filter((s) => !s.includes('\0'));
  const anyId = anyText(1).filter((s) => !s.includes(':'));

  it('recovers the client ID and the secret length for any ID without a colon and any secret (2,500 cases)', () => {
    fc.assert(fc.property(anyId, anyText(1), fc.boolean(), (clientId, clientSecret, formEncode) => {
      const out = buildBasicCredentials({ clientId, clientSecret, formEncode });
      fc.pre(out.status === 'ready');
      const value = out.value ?? '';
      expect(value).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
      const expectedId = formEncode ? formUrlEncode(out.clientId) : out.clientId;
      const expectedSecret = formEncode ? formUrlEncode(out.clientSecret) : out.clientSecret;
      for (const pasted of [out.header ?? '', value]) {
        const d = diagnoseHeader(pasted);
        expect(d.clientId).toBe(expectedId);
        expect(d.secretLength).toBe([...expectedSecret].length);
      }
    }), { numRuns: 2500 });
  });

  it('is ok, with no notices, for Okta-style values (2,000 cases)', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9$\-_.+!*(),]{1,40}$/);
    const secret = fc.stringMatching(/^[A-Za-z0-9_-]{1,100}$/);
    fc.assert(fc.property(id, secret, (clientId, clientSecret) => {
      const out = buildBasicCredentials({ clientId, clientSecret, formEncode: false });
      expect(out.status).toBe('ready');
      expect(diagnoseHeader(out.header ?? '')).toEqual({ ok: true, clientId, secretLength: clientSecret.length, notices: [] });
    }), { numRuns: 2000 });
  });

  it('flags an echo newline and a 76-column wrap for any credentials, still recovering both (1,000 cases)', () => {
    const printable = fc.stringMatching(/^[!-9;-~]{1,30}$/); // printable ASCII, no colon or space
    fc.assert(fc.property(printable, fc.stringMatching(/^[!-~]{1,120}$/), (clientId, clientSecret) => {
      const echoed = Buffer.from(`${clientId}:${clientSecret}\n`).toString('base64');
      const wrapped = echoed.replace(/.{76}(?=.)/g, '$&\n');
      const d = diagnoseHeader(`Authorization: Basic ${wrapped}`);
      expect(d.clientId).toBe(clientId);
      expect(d.secretLength).toBe(clientSecret.length);
      expect(d.ok).toBe(false);
      const codes = d.notices.map((n) => n.code);
      expect(codes).toContain('trailing-newline');
      expect(codes.includes('line-wrapped')).toBe(echoed.length > 76);
    }), { numRuns: 1000 });
  });
});

describe('diagnoseHeader on hostile input', () => {
  it('stays fast and never throws on huge or pathological pastes', () => {
    const started = performance.now();
    const inputs = [
      ' '.repeat(200_000) + 'a' + ' '.repeat(200_000),
      `-----BEGIN ${'-'.repeat(100_000)}`,
      '\n'.repeat(100_000) + 'x',
      `Basic ${coreutilsBase64(`${ID}:${'s'.repeat(3000)}\n`.repeat(1))}`,
      `Basic ${Buffer.from(`${ID}:${'\n'.repeat(50_000)}`).toString('base64')}`,
      `Basic ${Buffer.from(`${ID}:${'x'.repeat(1_000_000)}`).toString('base64')}`,
      'Basic '.repeat(20_000),
      '\u0000\uffff\ud800'.repeat(10_000),
    ];
    for (const pasted of inputs) expect(() => diagnoseHeader(pasted)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(3000);
    expect(diagnoseHeader(inputs[5] ?? '')).toMatchObject({ ok: true, clientId: ID, secretLength: 1_000_000 });
    expect(diagnoseHeader(inputs[3] ?? '').notices.map((n) => n.code)).toEqual(['trailing-newline']);
  });
});
