/**
 * The secret guard: nothing in a report (messages, request preview, errors,
 * explanations, notices) may contain the secret or the Basic value. The
 * detector is proven on a planted leak first, so a passing guard means something.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildBasicCredentials, formUrlEncode } from '../../../core/encoding';
import { buildMaskedPreview, createRedactor, credentialSensitiveValues, findSecretLeaks, jwtSensitiveValues, MIN_FRAGMENT, prepareTokenTest, redactSecrets, runTokenTest } from '../../../core/okta';
import type { TokenTestInput, TokenTestReport } from '../../../core/okta/types';
import { findFragments, secretForms } from '../../support/fragment-scanner';
import { countingFetch } from '../../support/node-fetch';
import { basicTestInput } from '../../support/token-inputs';

const SECRET = 'Guard-Secret_0123456789+/=abcdefghijklmnopqrstuvwxyzABCDEF';
const BASIC = buildBasicCredentials({ clientId: '0oa1guard', clientSecret: SECRET, formEncode: false }).value ?? '';

const INPUT: TokenTestInput = basicTestInput({ target: 'dev-123.okta.com', clientId: '0oa1guard', clientSecret: SECRET, timeoutMs: 1000 });

function needles(input: TokenTestInput): readonly string[] {
  const prepared = prepareTokenTest(input);
  if (!prepared.ok) throw new Error(prepared.message);
  return prepared.value.secretNeedles;
}

describe('findSecretLeaks (the detector)', () => {
  it('positive control: finds a planted secret, Basic value, or encoded secret anywhere', () => {
    const all = needles(INPUT);
    expect(all).toEqual(expect.arrayContaining([SECRET, BASIC, encodeURIComponent(SECRET)]));
    expect(findSecretLeaks({ a: { b: [`x ${SECRET} y`] } }, all)).toEqual(['a.b[0]']);
    expect(findSecretLeaks({ request: { headers: { Authorization: `Basic ${BASIC}` } } }, all)).toEqual(['request.headers.Authorization']);
    expect(findSecretLeaks({ body: `client_secret=${encodeURIComponent(SECRET)}` }, all)).toEqual(['body']);
    expect(findSecretLeaks({ [SECRET]: 1 }, all)).toEqual([`${SECRET} (key)`]);
  });

  it('skips only the paths it is told to keep', () => {
    expect(findSecretLeaks({ token: { accessToken: SECRET, scope: SECRET } }, [SECRET], ['token.accessToken'])).toEqual(['token.scope']);
  });
});

describe('redactSecrets', () => {
  it('masks every occurrence, longest needle first, and leaves kept paths alone', () => {
    const out = redactSecrets({ m: `${SECRET}/${BASIC}`, token: { accessToken: 'raw' } }, [SECRET, BASIC], ['token.accessToken']);
    expect(out).toEqual({ m: '••••••/••••••', token: { accessToken: 'raw' } });
  });

  it('ignores needles too short to be a secret (they would mask ordinary words)', () => {
    expect(redactSecrets({ m: 'the client' }, ['the'])).toEqual({ m: 'the client' });
  });
});

describe('a secret with a lone surrogate (issue 16 follow-up: the redactor threw URIError)', () => {
  const secret = `abcdefghijklmnopqrstu\uD800vwxyz0123456789ABCDEFGH`;

  it('builds and masks it, including the percent-encoded form (U+FFFD for the lone half, as encoders send it)', () => {
    const redactor = createRedactor([secret]);
    expect(redactor.maskText(`got ${secret}!`)).toBe('got ••••••!');
    expect(redactor.maskText(`got ${encodeURIComponent(secret.replace('\uD800', '\uFFFD'))}!`)).toBe('got ••••••!');
  });

  it('runTokenTest answers with a report instead of rejecting, and the report does not carry it', async () => {
    const report = await runTokenTest({ ...INPUT, clientSecret: secret }, { fetch: () => Promise.reject(new Error('no traffic expected')) });
    expect(report.ok).toBe(false);
    expect(findSecretLeaks(report, [secret, 'abcdefghijklmnopqrstu', 'vwxyz0123456789ABCDEFGH'])).toEqual([]);
  });
});

describe('no report carries the secret', () => {
  const variants: TokenTestInput[] = [
    INPUT,
    { ...INPUT, authMethod: 'client_secret_post' },
    { ...INPUT, formEncode: true },
    { ...INPUT, authServer: { kind: 'org' } },
    { ...INPUT, target: `https://0oa1guard:${SECRET}@dev-123.okta.com` },
    { ...INPUT, target: `https://dev-123.okta.com/?client_secret=${SECRET}` },
    { ...INPUT, clientId: `0oa1guard:${SECRET}`, clientSecret: '' },
    { ...INPUT, clientId: `0oa1:x`, clientSecret: SECRET },
    { ...INPUT, scopes: [`api:read "${SECRET}"`] },
    { ...INPUT, clientSecret: ` ${SECRET}\n` },
  ];

  it.each(variants.map((v, i) => [i, v] as const))('variant %i: report and preview are clean', async (_i, input) => {
    // The network "fails" with an error whose message holds the secret: it must not come through.
    const leakyNetwork = countingFetch(() => Promise.reject(new TypeError(`fetch failed for ${SECRET}`, { cause: new Error(`net::ERR_CONNECTION_REFUSED ${BASIC}`) })));
    const report: TokenTestReport = await runTokenTest(input, { fetch: leakyNetwork });
    const planted = [SECRET, BASIC, encodeURIComponent(SECRET)];
    expect(findSecretLeaks(report, planted, ['token.accessToken'])).toEqual([]);
    expect(findSecretLeaks(buildMaskedPreview(input), planted)).toEqual([]);
  });

  it('a network error is reported by its code, not its text', async () => {
    const leakyNetwork = countingFetch(() => Promise.reject(new TypeError('fetch failed', { cause: new Error(`net::ERR_CONNECTION_REFUSED ${SECRET}`) })));
    const report = await runTokenTest(INPUT, { fetch: leakyNetwork });
    expect(report.outcome).toBe('no-answer');
    expect(report.error).toBe('refused');
  });
});

describe('redaction walks are bounded and keep keys as keys (issue 11, items 6 and 7)', () => {
  it('30,000 nested arrays: no stack overflow; the depth past MAX_DEPTH becomes a placeholder', () => {
    const deep = JSON.parse(`${'['.repeat(30_000)}"${SECRET}"${']'.repeat(30_000)}`) as unknown;
    const out = redactSecrets({ claims: { deep } }, [SECRET]);
    const text = JSON.stringify(out);
    expect(text).toContain('(nested too deeply to show)');
    expect(text).not.toContain(SECRET);
    // And with nothing to mask, the copy is bounded all the same.
    expect(JSON.stringify(redactSecrets({ deep }, []))).toContain('(nested too deeply to show)');
  });

  it('a "__proto__" key is copied as a plain key: it becomes no prototype and spoofs no claim', () => {
    const claims = JSON.parse('{"sub":"0oa1","__proto__":{"iss":"https://spoofed.example","admin":true}}') as Record<string, unknown>;
    const out = redactSecrets({ claims }, [SECRET]).claims;
    expect('iss' in out).toBe(false);
    expect('admin' in out).toBe(false);
    expect(Object.keys(out)).toEqual(['sub', '__proto__']);
    expect(JSON.stringify(out)).toBe('{"sub":"0oa1","__proto__":{"iss":"https://spoofed.example","admin":true}}');
  });
});

describe('truncate: mask first, then cut (issue 11, item 1)', () => {
  it('a start of a sensitive form left at the cut goes too, even one shorter than a masked piece', () => {
    const redactor = createRedactor([SECRET]);
    const text = `${'a'.repeat(990)}${SECRET.slice(0, 12)} and more text after it`;
    const shown = redactor.truncate(text, 1000);
    expect(shown).toBe(`${'a'.repeat(990)}••••••…`);
    // Positive control: cut without the redactor, the start of the secret is there.
    expect(createRedactor([]).truncate(text, 1000)).toContain(SECRET.slice(0, 10));
  });

  it('an echo straddling the cut is masked whole before cutting', () => {
    const redactor = createRedactor([SECRET]);
    const shown = redactor.truncate(`${'x'.repeat(995)}${SECRET}${'y'.repeat(100)}`, 1000);
    expect(shown).toBe(`${'x'.repeat(995)}••••••${'y'.repeat(100)}`.slice(0, 1000) + '…');
    expect(shown).not.toContain(SECRET.slice(0, 5));
  });
});

describe('echoes hidden by invisible characters, line wrapping or a change of case', () => {
  const forms = secretForms('0oa1guard', SECRET);
  const interleave = (text: string, sep: string): string => [...text].join(sep);
  const wrap = (text: string, every: number, sep: string): string => text.replace(new RegExp(`(.{${every}})`, 'g'), `$1${sep}`);
  const echoes: readonly [string, string][] = [
    ['Basic value with a zero-width space between characters', interleave(BASIC, '\u200b')],
    ['Basic value with NUL between characters', interleave(BASIC, '\u0000')],
    ['Basic value with soft hyphens', interleave(BASIC, '\u00ad')],
    ['Basic value wrapped every 10 characters (MIME style)', wrap(BASIC, 10, '\r\n')],
    ['Basic value in groups of 8 with spaces', wrap(BASIC, 8, ' ')],
    ['secret upper-cased', SECRET.toUpperCase()],
    ['secret lower-cased', SECRET.toLowerCase()],
    ['Basic value lower-cased', BASIC.toLowerCase()],
    ['secret with zero-width joiners, upper-cased, in JSON', JSON.stringify({ d: interleave(SECRET.toUpperCase(), '\u200d') })],
  ];

  it.each(echoes)('positive control: the scanner finds the %s unmasked', (_name, echo) => {
    expect(findFragments(`server said: ${echo} (end)`, forms)).not.toEqual([]);
  });

  it.each(echoes)('masks the %s', (_name, echo) => {
    const masked = createRedactor([{ value: SECRET, after: '0oa1guard:' }]).maskText(`server said: ${echo} (end)`);
    expect(findFragments(masked, forms)).toEqual([]);
    expect(masked.startsWith('server said: ')).toBe(true);
  });

  it('leaves ordinary text with spaces and other case alone', () => {
    const text = 'The client ID or SECRET is wrong: check the app in the Admin Console.';
    expect(createRedactor([{ value: SECRET, after: '0oa1guard:' }]).maskText(text)).toBe(text);
  });
});

describe('hex echoes: the UTF-8 bytes of a sensitive value as hex digits, in any case', () => {
  const hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');
  const HEX = hex(SECRET);
  const redactor = createRedactor([SECRET, ...credentialSensitiveValues('0oa1guard', SECRET)]);
  const mixedCase = (text: string): string => text.replace(/[a-f]/g, (c, i: number) => (i % 3 === 0 ? c.toUpperCase() : c));

  it.each([
    ['lower case', HEX],
    ['upper case', HEX.toUpperCase()],
    ['mixed case', mixedCase(HEX)],
    ['of the form-encoded secret', hex(new URLSearchParams({ s: SECRET }).toString().slice(2)).toUpperCase()],
  ])('the secret as hex, %s, is masked', (_name, echo) => {
    // Positive control: the independent scanner sees the echo.
    expect(findFragments(`server said: ${echo} (end)`, secretForms('0oa1guard', SECRET))).not.toEqual([]);
    expect(redactor.maskText(`server said: ${echo} (end)`)).toBe('server said: •••••• (end)');
  });

  it('a piece of 16 hex digits (8 bytes) is masked at any offset; 15 are left, as any form shorter than MIN_FRAGMENT', () => {
    expect(MIN_FRAGMENT).toBe(16);
    for (const at of [0, 11, 30, HEX.length - 16]) {
      expect(redactor.maskText(`id ${HEX.slice(at, at + 16).toUpperCase()} end`)).toBe('id •••••• end');
      expect(redactor.maskText(`id ${HEX.slice(at, at + 15)} end`)).toBe(`id ${HEX.slice(at, at + 15)} end`);
    }
  });

  it('the hex of client_id:secret (raw and form-encoded) keeps only the client ID part', () => {
    const idPart = hex('0oa1guard:');
    expect(redactor.maskText(hex(`0oa1guard:${SECRET}`))).toBe(`${idPart}••••••`);
    expect(redactor.maskText(hex(`0oa1guard:${new URLSearchParams({ s: SECRET }).toString().slice(2)}`).toUpperCase())).toBe(`${idPart.toUpperCase()}••••••`);
  });

  it('the Authorization header as it went on the wire, hex-dumped, keeps only what encodes the client ID', () => {
    const value = Buffer.from(`0oa1guard:${SECRET}`, 'utf8').toString('base64');
    const idPart = value.slice(0, Math.floor((4 * '0oa1guard:'.length) / 3));
    const wire = hex(`Authorization: Basic ${value}`);
    // Positive control: the independent scanner sees it.
    expect(findFragments(wire, secretForms('0oa1guard', SECRET))).not.toEqual([]);
    expect(redactor.maskText(wire)).toBe(`${hex(`Authorization: Basic ${idPart}`)}••••••`);
    expect(redactor.maskText(wire.toUpperCase())).toBe(`${hex(`Authorization: Basic ${idPart}`).toUpperCase()}••••••`);
  });

  it('in JSON: a string value, a key, and a JSON text are all masked', () => {
    const body = { error: 'invalid_client', error_description: `bad secret ${HEX.toUpperCase()}`, [HEX.slice(4, 40)]: 'key' };
    const out = redactor.redact(body);
    expect(out).toEqual({ error: 'invalid_client', error_description: 'bad secret ••••••', '••••••': 'key' });
    expect(redactor.maskText(JSON.stringify(body))).toBe('{"error":"invalid_client","error_description":"bad secret ••••••","••••••":"key"}');
  });

  it('any sensitive value: a private key and a client assertion (made up) as hex are masked too', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\nMADE+UP/NOT+A+REAL+KEY/${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'.repeat(4)}\n-----END PRIVATE KEY-----\n`;
    const assertion = `eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIwb2ExZ3VhcmQiLCJqdGkiOiJtYWRlLXVwIn0.${'bWFkZS11cC1zaWduYXR1cmU'.repeat(3)}`;
    const keys = createRedactor([pem, assertion]);
    expect(keys.maskText(`key ${hex(pem).slice(101, 201)} end`)).toBe('key •••••• end');
    expect(keys.maskText(`assertion ${hex(assertion).toUpperCase()} end`)).toBe('assertion •••••• end');
  });

  it('negative control: ordinary hex that is not the secret stays (a SHA-256 of the secret, a request id, a trace id, another secret)', () => {
    const text = [
      `sha256 ${createHash('sha256').update(SECRET).digest('hex')}`,
      `SHA256 ${createHash('sha256').update(SECRET).digest('hex').toUpperCase()}`,
      'x-request-id a7c9f1e2-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      'trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7',
      `other ${hex('Zq8Pw3Lm5Nx7Rt2Vb4Hc6Jd9Kf1Gs0AyEu')}`,
    ].join('\n');
    expect(redactor.maskText(text)).toBe(text);
  });

  it('truncate: a start of the hex left at the cut goes too, in any case', () => {
    const text = `${'x'.repeat(990)}${HEX.slice(0, 12).toUpperCase()} and more text after it`;
    expect(redactor.truncate(text, 1000)).toBe(`${'x'.repeat(990)}••••••…`);
  });
});

describe('hex dumps: bytes set apart by punctuation, or each marked \\x or 0x', () => {
  const bytesOf = (text: string): string[] => Buffer.from(text, 'utf8').toString('hex').match(/../g) ?? [];
  const BYTES = bytesOf(SECRET);
  const forms = secretForms('0oa1guard', SECRET);
  const redactor = createRedactor([SECRET, ...credentialSensitiveValues('0oa1guard', SECRET)]);
  /** Name, dump, and what stays around the mask (a marker before the first byte, a bracket after the last). */
  const dumps: [string, (bytes: string[]) => string, string, string][] = [
    ['colon-separated (as openssl prints bytes)', (b) => b.join(':'), '', ''],
    ['dash-separated, upper case', (b) => b.join('-').toUpperCase(), '', ''],
    ['dot-separated', (b) => b.join('.'), '', ''],
    ['comma and space', (b) => b.join(', '), '', ''],
    ['colon and space, mixed case', (b) => b.map((x, i) => (i % 2 === 0 ? x.toUpperCase() : x)).join(' : '), '', ''],
    ['\\x-escaped (a byte string)', (b) => b.map((x) => `\\x${x}`).join(''), '\\x', ''],
    ['0x-marked, in an array', (b) => `[${b.map((x) => `0x${x.toUpperCase()}`).join(', ')}]`, '[0x', ']'],
  ];

  it.each(dumps)('the secret as a dump, %s, is masked', (_name, dump, lead, trail) => {
    const echo = `server said: ${dump(BYTES)} (end)`;
    // Positive control: the independent scanner sees the echo.
    expect(findFragments(echo, forms)).not.toEqual([]);
    const masked = redactor.maskText(echo);
    expect(masked).toBe(`server said: ${lead}••••••${trail} (end)`);
    expect(findFragments(masked, forms)).toEqual([]);
  });

  it('any 8 bytes of the dump, at any byte, are masked; 7 are left, as any piece shorter than MIN_FRAGMENT', () => {
    for (const at of [0, 5, 17, BYTES.length - 8]) {
      expect(redactor.maskText(`id ${BYTES.slice(at, at + 8).join(':')} end`)).toBe('id •••••• end');
      expect(redactor.maskText(`id ${BYTES.slice(at, at + 7).join(':')} end`)).toBe(`id ${BYTES.slice(at, at + 7).join(':')} end`);
    }
  });

  it('client_id:secret as a dump keeps only the client ID part', () => {
    const id = bytesOf('0oa1guard:');
    expect(redactor.maskText(bytesOf(`0oa1guard:${SECRET}`).join(':'))).toBe(`${id.join(':')}:••••••`);
  });

  it('negative control: punctuated hex that is not the secret stays (MAC, fingerprint, UUID, dates, addresses, another secret)', () => {
    const text = [
      'mac 00:1a:2b:3c:4d:5e',
      `sha256 fingerprint ${(createHash('sha256').update(SECRET).digest('hex').match(/../g) ?? []).join(':').toUpperCase()}`,
      'x-request-id a7c9f1e2-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      'at 2026-12-02 11:45:07.123, from 10.20.30.40 and fe80::1ff:fe23:4567:890a, version 1.22.33.44',
      `other ${bytesOf('Zq8Pw3Lm5Nx7Rt2Vb4Hc6Jd9Kf1Gs0AyEu').map((b) => `\\x${b}`).join('')}`,
    ].join('\n');
    expect(redactor.maskText(text)).toBe(text);
  });

  it('a hostile 4 MB run of dump-like bytes is read in one pass (a backtracking regex overflowed the stack on it)', () => {
    // Also runs of seven marked bytes four spaces apart that then fail: the pre-check once split each gap five
    // ways (5^7 paths per start; 28 s for 256 KB, second review 2026-12-02).
    for (const unit of ['ab:', '0xab, ', `${'0x00    '.repeat(7)}0xZZ `, `${'00    :    '.repeat(7)}zz `]) {
      const text = unit.repeat(Math.floor((4 * 1024 * 1024) / unit.length));
      expect(redactor.maskText(text)).toBe(text);
    }
    // The same run with the secret's bytes inside is still masked.
    const planted = `${'ab:'.repeat(100_000)}${BYTES.join(':')}:${'ab:'.repeat(100_000)}`;
    expect(findFragments(redactor.maskText(planted).slice(290_000, 310_000), forms)).toEqual([]);
    expect(redactor.maskText(planted)).toContain('••••••');
  });

  it('truncate: wherever the cut falls in a dump, no start of 2 bytes or more of the secret is left', () => {
    for (const [name, dump] of dumps) {
      const text = `${'x'.repeat(980)}${dump(BYTES)} and more text`;
      for (let cut = 981; cut < 980 + 40; cut += 1) {
        const shown = redactor.truncate(text, cut);
        const tail = shown.slice(980).replace('••••••', '').replace('…', '');
        const digits = tail.replace(/\\x|0x/gi, '').replace(/[^0-9a-f]/gi, '').toLowerCase();
        expect(digits.length < 4 || !BYTES.join('').startsWith(digits), `${name}, cut at ${cut}: ${shown.slice(975)}`).toBe(true);
      }
    }
  });
});

/**
 * Forms an attack review (2026-12-02) got through: characters the folded view
 * kept, a case-folding the views missed, entities and escape layers not read,
 * dump punctuation not joined, numbers, and a JWT signature as bytes. Each echo
 * is first shown to the independent scanner unmasked (the positive control).
 */
describe("a short secret that is one of the report's field names (attack review, 2026-12-02)", () => {
  const answer = async (secret: string, body: unknown): Promise<TokenTestReport> => {
    const fetch = countingFetch((url) => Promise.resolve(url.includes('/.well-known/')
      ? Response.json({ issuer: 'https://dev-123.okta.com/oauth2/default', token_endpoint: 'https://dev-123.okta.com/oauth2/default/v1/token' })
      : Response.json(body, { status: 401 })));
    return runTokenTest({ ...INPUT, clientSecret: secret }, { fetch });
  };

  it('keeps every field of the report: only values are masked in core\'s own objects', async () => {
    const report = await answer('error', { error: 'invalid_client', error_description: 'error: bad client' });
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['error', 'errorDescription', 'status', 'explanation']));
    expect(report.error).toBe('invalid_client');
    // The value is still masked wherever it shows.
    expect(report.errorDescription).toBe('••••••: bad client');
  });

  it("a token whose claims hold the secret (as a claim's name or in its value) is no token: refused, nothing of it kept", async () => {
    const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const iss = 'https://dev-123.okta.com/oauth2/default';
    const escaped = [...SECRET].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const raw = (text: string): string => Buffer.from(text).toString('base64url');
    // Second review: what parsing hides (a duplicate key, the last one winning; nesting past the copy's depth) is
    // still in the raw token a shell would copy.
    const hex = Buffer.from(SECRET).toString('hex');
    const hidden = [
      raw(`{"iss":"${iss}","note":"${escaped}","note":"ok"}`),
      raw(`{"iss":"${iss}","deep":${'['.repeat(70)}"${escaped}"${']'.repeat(70)}}`),
      // Mutation review: hex is read in the token's decoded text only, and the parsed copy keeps the later "e".
      raw(`{"iss":"${iss}","e":"${hex}","e":"ok"}`),
    ];
    for (const claims of [{ iss, [SECRET]: 'x' }, { iss, note: `is ${SECRET}` }, { iss, hex: Buffer.from(SECRET).toString('hex') }, ...hidden]) {
      const token = `${b64({ alg: 'RS256', kid: 'k1' })}.${typeof claims === 'string' ? claims : b64(claims)}.c2ln`;
      const fetch = countingFetch((url) => Promise.resolve(url.includes('/.well-known/')
        ? Response.json({ issuer: iss, token_endpoint: `${iss}/v1/token` })
        : Response.json({ access_token: token, token_type: 'Bearer', expires_in: 3600 })));
      const report = await runTokenTest(INPUT, { fetch });
      // Positive control: the scanner sees the secret in the claims as sent.
      expect(findFragments(typeof claims === 'string' ? Buffer.from(claims, 'base64url').toString() : JSON.stringify(claims), [SECRET, hex])).not.toEqual([]);
      expect(report.outcome).toBe('no-answer');
      expect(report.error).toBe('unexpected-response');
      expect(report.errorDescription).toContain('holds a credential this test sent');
      expect(report.token).toBeNull();
      expect(JSON.stringify(report)).not.toContain(token);
      expect(findSecretLeaks(report, [SECRET])).toEqual([]);
    }
  });
});

describe('the forms a mutation review (2026-12-02, evening) found untested', () => {
  const iss = 'https://dev-123.okta.com/oauth2/default';

  it('a secret with spaces: a piece of its percent-encoding (%20, not +) is masked', () => {
    const secret = 'a b c d e f g h i j k l m n o p q r';
    const piece = encodeURIComponent(secret).slice(5, 25);
    // Positive control: the piece is neither the secret as typed nor its form encoding (+ for spaces).
    expect(secret.includes(piece) || secret.replace(/ /g, '+').includes(piece)).toBe(false);
    expect(createRedactor([secret]).maskText(`x ${piece} y`)).toBe('x •••••• y');
  });

  it('a secret that form-encoding changes: the hex of its form-encoded bytes (what was on the wire) is masked', () => {
    const secret = 's3cr3t w1th sp4ces & more!';
    const wire = Buffer.from(formUrlEncode(secret)).toString('hex');
    expect(wire).not.toContain(Buffer.from(secret).toString('hex').slice(0, 16));
    expect(createRedactor([secret]).maskText(`dump ${wire} end`)).toBe('dump •••••• end');
  });

  it("a claim whose number holds the hex of 8 bytes of the secret, in exponent form, makes the token no token", async () => {
    const piece = Buffer.from(SECRET.slice(13, 21), 'utf8').toString('hex');
    const number = `${piece.slice(0, 1)}.${piece.slice(1)}e+22`;
    const token = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"iss":"${iss}","n":${number}}`).toString('base64url')}.`;
    // Positive control: the digits JSON.parse gives back are the secret's bytes as hex (with the point).
    expect(String((JSON.parse(`{"n":${number}}`) as { n: number }).n).replace('.', '').startsWith(piece.slice(0, 16))).toBe(true);
    const fetch = countingFetch((url) => Promise.resolve(url.includes('/.well-known/')
      ? Response.json({ issuer: iss, token_endpoint: `${iss}/v1/token` })
      : Response.json({ access_token: token, token_type: 'Bearer', expires_in: 3600 })));
    const report = await runTokenTest(INPUT, { fetch });
    expect(report.outcome).toBe('no-answer');
    expect(report.error).toBe('unexpected-response');
    expect(JSON.stringify(report)).not.toContain(token);
  });
});

describe('echoes from the attack review: every one masked', () => {
  const forms = secretForms('0oa1guard', SECRET);
  const redactor = createRedactor([SECRET, ...credentialSensitiveValues('0oa1guard', SECRET)]);
  const interleave = (text: string, sep: string): string => [...text].join(sep);
  const bytes = Buffer.from(SECRET, 'utf8').toString('hex').match(/../g) ?? [];
  const codes = (f: (code: number) => string): string => [...SECRET].map((c) => f(c.codePointAt(0) ?? 0)).join('');
  const echoes: readonly [string, string][] = [
    ['with variation selectors (U+FE0F) between characters', interleave(SECRET, '\uFE0F')],
    ['with combining grapheme joiners (U+034F)', interleave(SECRET, '\u034F')],
    ['with Hangul fillers (U+3164)', interleave(SECRET, '\u3164')],
    ['with a tag character (U+E0020, astral) between characters', interleave(SECRET, '\u{E0020}')],
    // 16 characters with the look-alike in the middle: no piece without it is long enough to be found.
    ['16 characters of it with the Kelvin sign for k', `${SECRET.slice(SECRET.indexOf('k') - 8, SECRET.indexOf('k'))}\u212A${SECRET.slice(SECRET.indexOf('k') + 1, SECRET.indexOf('k') + 8)}`],
    ['16 characters of it with long s for s', `${SECRET.slice(SECRET.indexOf('s') - 8, SECRET.indexOf('s'))}\u017F${SECRET.slice(SECRET.indexOf('s') + 1, SECRET.indexOf('s') + 8)}`],
    ['as &#NNN without semicolons', codes((c) => `&#${c}`)],
    // Mutation review (2026-12-02, evening): HTML reads the hex marker in either case.
    ['as &#XHH; entities with a capital X', codes((c) => `&#X${c.toString(16)};`)],
    ['as &#NNN; with eight leading zeros', codes((c) => `&#${String(c).padStart(11, '0')};`)],
    ['with &shy; between characters', interleave(SECRET, '&shy;')],
    ['with &ZeroWidthSpace; between characters', interleave(SECRET, '&ZeroWidthSpace;')],
    ['percent-encoded three times', codes((c) => `%2525${c.toString(16)}`)],
    ['JSON-escaped, then an entity, then percent (three layers)', codes((c) => `\\u0026#37;${c.toString(16)}`)],
    ['percent-encoded four times', codes((c) => `%252525${c.toString(16)}`)],
    ['as a hex dump with |', bytes.join('|')],
    ['as a hex dump with /', bytes.join('/')],
    ['as a hex dump with ;', bytes.join(';')],
    ['as a hex dump with _', bytes.join('_')],
    ['as a hex dump with three spaces around :', bytes.join('   :   ')],
    // The second review (same day): what the first fixes almost covered.
    ['with &shy without its semicolon (HTML reads it)', interleave(SECRET, '&shy')],
    ['with &nbsp without its semicolon', interleave(SECRET, '&nbsp')],
    ['with &ThickSpace; between characters', interleave(SECRET, '&ThickSpace;')],
    ['with braille blanks (U+2800) between characters', interleave(SECRET, '\u2800')],
    ['as a hex dump, colon and space alternating', bytes.map((b, i) => b + (i % 2 === 1 ? ' ' : ':')).join('')],
    ['as a hex dump, seven bytes to a line', bytes.map((b, i) => b + ((i + 1) % 7 === 0 ? '\n' : ':')).join('')],
    ['as a hex dump, seven bytes to a CRLF line after a colon', bytes.map((b, i) => b + ((i + 1) % 7 === 0 ? ':\r\n' : ':')).join('')],
    // Forms the third review's list left out of reach (2026-12-02, afternoon).
    ['as JavaScript \\u{…} escapes', codes((c) => `\\u{${c.toString(16)}}`)],
    ['as JavaScript \\u{…} escapes with leading zeros, upper case', codes((c) => `\\u{00${c.toString(16).toUpperCase()}}`)],
    ['with a combining diaeresis on every character', interleave(SECRET, '\u0308')],
    ['with an enclosing circle on every character', interleave(SECRET, '\u20DD')],
    ['in fullwidth letters and digits', codes((c) => (c > 0x20 && c < 0x7f ? String.fromCodePoint(c + 0xfee0) : String.fromCodePoint(c)))],
        // The widest gaps a dump is read across (the native pre-check must allow them too).
    ['as a hex dump, bytes four spaces apart', bytes.join('    ')],
    ['as a hex dump, bytes two CRLFs apart', bytes.join('\r\n\r\n')],
    ['as a hex dump, four spaces each side of a colon', bytes.join('    :    ')],
    ['as 0x bytes, four spaces each side of a comma', bytes.map((b) => `0x${b}`).join('    ,    ')],
  ];

  it('masks a secret upper-cased in a Turkish locale, where every i becomes İ (one every few characters)', () => {
    const secret = 'Zq8i-Pw3i_Lm5iNx7iRt2iVb4iHc6iJd9iKf1i';
    const echo = `server said: ${secret.toLocaleUpperCase('tr')} (end)`;
    expect(echo).toContain('İ');
    expect(findFragments(echo, [secret])).not.toEqual([]);
    expect(createRedactor([secret]).maskText(echo)).toBe('server said: •••••• (end)');
  });

  it.each(echoes)('positive control: the scanner finds the secret %s', (_name, echo) => {
    expect(findFragments(`server said: ${echo} (end)`, forms)).not.toEqual([]);
  });

  it.each(echoes)('masks the secret %s', (_name, echo) => {
    const masked = redactor.maskText(`server said: ${echo} (end)`);
    expect(findFragments(masked, forms)).toEqual([]);
    expect(masked.startsWith('server said: ')).toBe(true);
    expect(masked.endsWith(' (end)')).toBe(true);
  });

  it('negative control: ordinary text with those characters stays (an emoji with its selector, entities, paths, numbers)', () => {
    const text = 'ok \u2764\uFE0F &amp; &#169; 5&#8239;km /usr/local/lib 12|34 Kelvin \u212A, 3600 1764669600000';
    expect(redactor.maskText(text)).toBe(text);
  });

  it('a number whose digits are the hex of 8 bytes of the secret becomes null, also with a point or an exponent; other numbers stay', () => {
    const piece = Buffer.from(SECRET.slice(13, 21), 'utf8').toString('hex');
    expect(piece).toMatch(/^\d{16}$/);
    expect(findFragments(piece, forms)).not.toEqual([]);
    // As JSON.parse reads them from a server: 3.031323334353637e+22, 3031323334353.637, -3.03…e+45, 3.03…e-15.
    const written = [piece, `${piece}0000000`, `${piece}e7`, `${piece.slice(0, 13)}.${piece.slice(13)}`, `-${piece}e30`, `${piece}e-30`];
    const parsed = JSON.parse(`[${written.join(',')}]`) as number[];
    expect(parsed.map(String)).toContain('3.031323334353637e+22');
    const report = { token: { expiresIn: parsed[1], claims: { n: parsed, exp: 1764669600, big: 1234567890123456, small: 0.30000000000000004 } }, receivedAtMs: 1764669600000, status: 200 };
    expect(redactor.redact(report)).toEqual({
      token: { expiresIn: null, claims: { n: written.map(() => null), exp: 1764669600, big: 1234567890123456, small: 0.30000000000000004 } },
      receivedAtMs: 1764669600000,
      status: 200,
    });
  });

  it("a signed JWT's signature as hex or as Base64 at another alignment is masked (the header and claims are shown, so it would rebuild the JWT)", () => {
    const signature = Buffer.from('a made-up signature of at least thirty-two bytes, not a real one', 'utf8');
    const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiIwb2ExZ3VhcmQifQ.${signature.toString('base64url')}`;
    const signed = createRedactor(jwtSensitiveValues({ jwt, header: { alg: 'HS256' }, claims: { iss: '0oa1guard' } }));
    const echoes = [signature.toString('hex'), Buffer.concat([Buffer.from('x'), signature]).toString('base64'), Buffer.concat([Buffer.from('xy'), signature]).toString('base64url')];
    for (const echo of echoes) {
      // Positive control: without the signature's bytes listed (as before), the echo stays.
      expect(createRedactor([jwt, signature.toString('base64url')]).maskText(`computed ${echo}`)).toBe(`computed ${echo}`);
      expect(signed.maskText(`computed ${echo}`)).toMatch(/^computed (?:[A-Za-z0-9+/]{0,3})••••••[A-Za-z0-9+/=_-]{0,4}$/);
    }
  });
});
