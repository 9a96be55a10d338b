import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildBasicCredentials } from '../../../core/encoding/basic-credentials';
import { ENCODE_CODES } from '../../../core/encoding/codes';
import { coreutilsBase64 } from './shell-tools';

const ID = '0oajncakofQmjxlSw0h3';
const SECRET = 'X8tWZbmAq3b9-_CxYJ2uVvKkN0pLrDsEfGhIjMnOpQrStUvWxYz0123456789abc';
const build = (clientId: string, clientSecret: string, formEncode = false) => buildBasicCredentials({ clientId, clientSecret, formEncode });
const codes = (out: ReturnType<typeof build>): string[] => out.notices.map((n) => n.code);

describe('buildBasicCredentials matches printf %s id:secret | base64 -w0', () => {
  const okta = fc.record({
    id: fc.stringMatching(/^0oa[A-Za-z0-9]{17}$/),
    secret: fc.stringMatching(/^[A-Za-z0-9_-]{64}$/),
  });

  it('for Okta-shaped credentials (20-char 0oa… ID, 64-char secret)', () => {
    for (const { id, secret } of fc.sample(okta, { numRuns: 8, seed: 7 })) {
      const out = build(id, secret);
      expect(out.status).toBe('ready');
      expect(out.value).toBe(coreutilsBase64(`${id}:${secret}`));
      expect(out.value).toMatch(/^MG9h/); // base64("0oa")
      expect(out.header).toBe(`Authorization: Basic ${out.value ?? ''}`);
      expect(out.notices).toEqual([]);
    }
  });

  it.each([
    ['non-ASCII', 'clïent-ünicode', 'sécret-ключ-秘密-🔑'],
    ['colons in the secret', ID, 'a:b::c:'],
    ['a 3,000-character secret', ID, 'Ab9_-'.repeat(600)],
    ['the 40-character pre-2023 secret', ID, '3ZIqRCzmjcdNPK2Y29x1qSkI5NRHji_eGIm4aKtI'],
  ])('for %s', (_name, id, secret) => {
    const out = build(id, secret);
    expect(out.status).toBe('ready');
    expect(out.value).toBe(coreutilsBase64(`${id}:${secret}`));
    expect(out.value).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });
});

describe('buildBasicCredentials statuses', () => {
  it('encodes the cleaned values and reports the hygiene of both fields, ID first', () => {
    const out = build(` ${ID}\u200b`, `\ufeff${SECRET}\n`);
    expect(out).toMatchObject({ status: 'ready', clientId: ID, clientSecret: SECRET, value: coreutilsBase64(`${ID}:${SECRET}`) });
    expect(codes(out)).toEqual(['removed-zero-width', 'trimmed-whitespace', 'removed-bom', 'removed-line-break']);
    expect(out.notices.slice(0, 2).every((n) => n.message.includes('client ID'))).toBe(true);
    expect(out.notices.slice(2).every((n) => n.message.includes('client secret'))).toBe(true);
  });

  it('produces no output for an empty field, with a hint', () => {
    expect(build('', SECRET)).toMatchObject({ status: 'empty', value: null, header: null });
    expect(codes(build('', SECRET))).toEqual(['empty-client-id']);
    expect(codes(build(ID, '  \n'))).toEqual(['trimmed-whitespace', 'removed-line-break', 'empty-client-secret']);
    expect(build(ID, '')).toMatchObject({ status: 'empty', value: null, header: null });
    expect(codes(build('', ''))).toEqual(['empty-client-id', 'empty-client-secret']);
    expect(build('', '').notices.every((n) => n.severity === 'info')).toBe(true);
  });

  it('refuses a colon in the client ID, citing RFC 7617', () => {
    const out = build('my:app', SECRET);
    expect(out).toMatchObject({ status: 'invalid', value: null, header: null, splitSuggestion: null });
    expect(out.notices).toEqual([expect.objectContaining({ code: 'colon-in-client-id', severity: 'error' })]);
    expect(out.notices[0]?.message).toMatch(/colon \(at position 3\)\. RFC 7617/);
    // Still refused with form-encoding on: Okta never issues such IDs.
    expect(build('my:app', SECRET, true).status).toBe('invalid');
  });

  it('offers a split when id:secret was pasted into the ID field and the secret is empty', () => {
    const out = build(`${ID}:${SECRET}`, '');
    expect(out).toMatchObject({ status: 'empty', value: null, header: null, splitSuggestion: { clientId: ID, clientSecret: SECRET } });
    expect(codes(out)).toEqual(['id-secret-pasted-together']);
    expect(out.notices[0]?.severity).toBe('warning');
    // Only the first colon splits: the secret may contain colons.
    expect(build('id:se:cret', '').splitSuggestion).toEqual({ clientId: 'id', clientSecret: 'se:cret' });
    // Applying the suggestion gives what printf would.
    const split = out.splitSuggestion ?? { clientId: '', clientSecret: '' };
    expect(build(split.clientId, split.clientSecret).value).toBe(coreutilsBase64(`${ID}:${SECRET}`));
  });

  it('an id:secret pasted into the ID field: its characters are named, never quoted (the part after the colon is a secret)', () => {
    const pasted = build(`${ID}:s\u0435cret\u00a0Valu\u0435XYZ`, '');
    expect(pasted.notices.map((n) => n.code)).toContain('look-alike-character');
    const text = pasted.notices.map((n) => n.message).join('\n');
    expect(text).toContain('Cyrillic small letter E (U+0435)');
    expect(text).not.toContain('\u0435');
    // Positive control: in an ID without a colon, the same character is quoted.
    expect(build(`0oa1abc\u0435defgh`, SECRET).notices.map((n) => n.message).join('\n')).toContain('“\u0435”');
  });

  it('does not offer a split when a side is empty: that is a colon error', () => {
    expect(build('abc:', '')).toMatchObject({ status: 'invalid', splitSuggestion: null });
    expect(codes(build('abc:', ''))).toEqual(['colon-in-client-id', 'empty-client-secret']);
    expect(codes(build(':abc', ''))).toEqual(['colon-in-client-id', 'empty-client-secret']);
  });

  it('refuses a value that cannot be encoded as UTF-8', () => {
    expect(build(ID, 'abc\ud800').status).toBe('invalid');
  });

  it('accepts a colon in the secret', () => {
    expect(build(ID, ':::').status).toBe('ready');
  });
});

describe('RFC 6749 form-encoding option', () => {
  it('form-encodes both values before joining when on', () => {
    const out = build('my$app+1', 'p a/ss', true);
    expect(out.value).toBe(coreutilsBase64('my%24app%2B1:p+a%2Fss'));
    expect(out.clientId).toBe('my$app+1'); // the cleaned, not the encoded, values
    expect(build('my$app+1', 'p a/ss', false).value).toBe(coreutilsBase64('my$app+1:p a/ss'));
  });

  it('says when the two forms differ, whatever the option, naming ID characters and counting secret ones', () => {
    for (const formEncode of [false, true]) {
      const out = build("app$+!'", 'se/cr et', formEncode);
      expect(out.formEncodingDiffers).toBe(true);
      const info = out.notices.find((n) => n.code === 'form-encoding-differs');
      expect(info?.severity).toBe('info');
      expect(info?.message).toContain("in the client ID, $, +, ! and '; in the client secret, 2 characters");
      expect(info?.message).toMatch(/Okta documents the raw form/);
      expect(info?.message).toMatch(formEncode ? /Form-encoding is on/ : /which is what is encoded now/);
    }
  });

  it('stays quiet for Okta-generated values, where both forms are equal', () => {
    const out = build(ID, SECRET);
    expect(out.formEncodingDiffers).toBe(false);
    expect(build(ID, SECRET, true).value).toBe(out.value);
  });

  it('judges a pasted id:secret by its split parts, and ignores the colon of an invalid ID', () => {
    const info = build('my$id:s cret', '').notices.find((n) => n.code === 'form-encoding-differs');
    expect(info?.message).toContain('in the client ID, $; in the client secret, 1 character');
    expect(build('my:id', SECRET).formEncodingDiffers).toBe(false);
  });
});

describe('a private key pasted into a credential field (attack review, 2026-12-02)', () => {
  const PEM = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgpu00CcydBoWYtvu8\n-----END PRIVATE KEY-----\n';
  const JWK = '{"kty":"EC","crv":"P-256","x":"Or9OQm2U4x1","y":"SHmrNqVclo1g","d":"pu00CcydBoWY-tvu8Qxziz5LM"}';
  it.each([['a PEM block', PEM], ['a JWK', JWK], ['an RSA PEM block', PEM.replace(/PRIVATE KEY/g, 'RSA PRIVATE KEY')]])(
    'in the ID: %s is refused, not split, not encoded, and never quoted', (_name, key) => {
      for (const secret of ['', 'a-real-looking-secret-0123456789']) {
        const out = build(key, secret);
        expect(out.status).toBe('invalid');
        expect(out.value).toBeNull();
        expect(out.splitSuggestion).toBeNull();
        expect(codes(out)).toContain('private-key-in-client-id');
        for (const n of out.notices) expect(n.message).not.toMatch(/MIGH|pu00|Or9O/);
      }
    });
  it.each([['a PEM block', PEM], ['a JWK', JWK]])('in the secret: %s is refused, never quoted', (_name, key) => {
    const out = build('0oa1example2client3x', key);
    expect(out.status).toBe('invalid');
    expect(codes(out)).toContain('private-key-in-client-secret');
    for (const n of out.notices) expect(n.message).not.toMatch(/MIGH|pu00|Or9O/);
  });
  it('wrapped as a secret store keeps it: a JSON string, Base64 of the whole PEM, the PEM body alone (second review)', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const rsaBody = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs1' }).toString().replace(/-----[A-Z ]+-----/g, '');
    for (const wrapped of [JSON.stringify(JWK), Buffer.from(pem).toString('base64'), pem.replace(/-----[A-Z ]+-----/g, ''), rsaBody]) {
      expect(codes(build('0oa1example2client3x', wrapped))).toContain('private-key-in-client-secret');
      const inId = build(wrapped, '');
      expect(codes(inId)).toContain('private-key-in-client-id');
      // Never offered as an id:secret split (that would move the key into the secret).
      expect(inId.splitSuggestion).toBeNull();
    }
  });

  it('negative control: a secret with dashes, braces or the word key is a secret', () => {
    const longRandom = 'QmFzaWMgSGVhZGVyIHRlc3Qgc2VjcmV0IHRoYXQgaXMgbG9uZyBlbm91Z2ggdG8gYmUgY2hlY2tlZCBmb3IgREVSIGJ5dGVzIGJ1dCBpcyBub3QgREVS';
    for (const secret of ['-----not-a-key-----', '{braces}-and-"kty"-later', 'my PRIVATE KEY secret 0123456789', longRandom]) {
      expect(build('0oa1example2client3x', secret).status).toBe('ready');
    }
  });
});

it('produces every encode code', () => {
  const seen = new Set([build('', ''), build('a:b', 'c'), build('a:b', ''), build('a$', 'b'),
    build('-----BEGIN PRIVATE KEY-----', 'x'), build('0oa1', '{"kty":"RSA"}')].flatMap(codes));
  expect([...ENCODE_CODES].filter((c) => !seen.has(c))).toEqual([]);
});
