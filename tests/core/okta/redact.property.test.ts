/**
 * Property tests for the redactor (issue 11, items 1 and 2): random secrets
 * (with `+ / % ~` and non-ASCII), every transform a server might apply to an
 * echo (hex of the bytes in any case too), random surrounding text and random
 * cut positions. The assertion uses an independent scanner
 * (tests/support/fragment-scanner.ts): no piece of 16 characters or more of
 * any sensitive form survives. Positive control: the same scanner finds one in
 * the same texts when masking is switched off.
 */
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, credentialSensitiveValues } from '../../../core/okta';
import { findFragments, secretForms } from '../../support/fragment-scanner';
import { createReferenceRedactor } from '../../support/redact-reference';

const SECRET_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/%~-_=. ', 'é', 'ж', '€', '🙂'];
const secretArb = fc.array(fc.constantFrom(...SECRET_CHARS), { minLength: 40, maxLength: 64 }).map((a) => a.join(''));
const clientIdArb = fc.stringMatching(/^0oa[a-zA-Z0-9]{8,17}$/);
/** Surrounding text: anything printable, including the characters the decoders look for. */
const textArb = fc.string({ maxLength: 60 });

const basic = (id: string, secret: string): string => Buffer.from(`${id}:${secret}`, 'utf8').toString('base64');
const formEncode = (v: string): string => new URLSearchParams({ v }).toString().slice(2);
const lowerPercent = (t: string): string => t.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
/** Every byte as %XX: an ASCII text in which only a decoded view shows anything. */
const everyBytePercent = (t: string): string => [...Buffer.from(t, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
const everyCharJsonU = (t: string): string => [...t].map((c) => (c.length === 1 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
const entities = (t: string): string => [...t].map((c) => (/[A-Za-z0-9]/.test(c) ? `&#${c.codePointAt(0)};` : c === '+' ? '&plus;' : c === '/' ? '&#x2F;' : c === '=' ? '&equals;' : c)).join('');
const hex = (t: string): string => Buffer.from(t, 'utf8').toString('hex');
/** Each letter upper- or lower-cased by a small generator seeded with `seed` (mixed even for seed 0). */
const randomCase = (t: string, seed: number): string => {
  let state = seed >>> 0;
  return t.replace(/[a-f]/g, (c) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) & 1 ? c.toUpperCase() : c;
  });
};
/** Hex digits two by two, as a dump shows bytes (an odd last digit alone, as a cut leaves it). */
const bytePairs = (digits: string): string[] => digits.match(/.{1,2}/g) ?? [];
/** A contiguous piece of 16 characters or more of `t`, where and how long chosen by `at`. */
const sliceOf = (t: string, at: number): string => {
  const start = at % (t.length - 15);
  return t.slice(start, start + 16 + (Math.floor(at / 97) % (t.length - start - 15)));
};

type Transform = (id: string, secret: string, between: string, at: number) => string;

/** Each way the issue lists for an echo to come back (plus the plain ones). */
const TRANSFORMS: Readonly<Record<string, Transform>> = {
  'secret as is': (_id, s) => s,
  'Basic value': (id, s) => `Basic ${basic(id, s)}`,
  'header URL-encoded': (id, s) => encodeURIComponent(`Basic ${basic(id, s)}`),
  'header URL-encoded, lower-case hex': (id, s) => lowerPercent(encodeURIComponent(`Basic ${basic(id, s)}`)),
  'value without = padding': (id, s) => basic(id, s).replace(/=+$/, ''),
  'value in the URL-safe alphabet': (id, s) => basic(id, s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
  'value split in two with text between': (id, s, between, at) => {
    const v = basic(id, s);
    // Both halves keep at least 16 characters of the secret's part, so each is a leak on its own.
    const lead = Math.floor((4 * Buffer.byteLength(`${id}:`)) / 3);
    const cut = lead + 16 + (at % Math.max(1, v.length - lead - 32));
    return `${v.slice(0, cut)}${between.replace(/[A-Za-z0-9+/=_-]/g, ' ')} ${v.slice(cut)}`;
  },
  'Base64 of the secret alone': (_id, s) => Buffer.from(s, 'utf8').toString('base64'),
  'secret form-encoded': (_id, s) => `client_secret=${formEncode(s)}`,
  'secret form-encoded, lower-case hex': (_id, s) => lowerPercent(formEncode(s)),
  'JSON with \\/ escapes': (id, s) => JSON.stringify({ got: `Basic ${basic(id, s)}`, secret: s }).replace(/\//g, '\\/'),
  'JSON with \\u escapes': (id, s) => JSON.stringify(`Basic ${basic(id, s)}`).replace(/[A-Za-z]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  'HTML entities': (id, s) => `<p>${entities(basic(id, s))}</p>`,
  'double percent-encoding': (id, s) => encodeURIComponent(encodeURIComponent(`Basic ${basic(id, s)}`)),
  // Only a decoding pass shows these (once, then twice): the redactor's quick pass must read the decoded bases too.
  'secret, every byte percent-encoded': (_id, s) => everyBytePercent(s),
  'secret, every byte percent-encoded twice': (_id, s) => everyBytePercent(s).replace(/%/g, '%25'),
  'Basic value \\u-escaped, then percent-encoded': (id, s) => encodeURIComponent(everyCharJsonU(basic(id, s))),
};

/** Hex echoes of the UTF-8 bytes, in any letter case (the reference redactor below predates hex forms). */
const HEX_TRANSFORMS: Readonly<Record<string, Transform>> = {
  'secret as hex, lower case': (_id, s) => hex(s),
  'secret as hex, upper case': (_id, s) => hex(s).toUpperCase(),
  'secret as hex, random case': (_id, s, _between, at) => randomCase(hex(s), at),
  'a piece of 16+ hex digits of the secret at any offset, random case': (_id, s, _between, at) => randomCase(sliceOf(hex(s), at), at),
  'form-encoded secret as hex, random case': (_id, s, _between, at) => randomCase(hex(formEncode(s)), at),
  'client_id:secret (the Basic credentials before Base64) as hex, random case': (id, s, _between, at) => randomCase(hex(`${id}:${s}`), at),
  'secret as hex bytes with spaces between (a dump)': (_id, s, _between, at) => randomCase(hex(s).replace(/(..)(?!$)/g, '$1 '), at),
  'secret as hex in a JSON value': (_id, s, _between, at) => JSON.stringify({ secret_hex: randomCase(hex(s), at) }),
  // Dumps whose bytes are punctuated or marked: any piece of 8+ bytes, from any digit, random case.
  'a piece of the secret as colon-separated hex bytes': (_id, s, _between, at) => bytePairs(randomCase(sliceOf(hex(s), at), at)).join(':'),
  'a piece of the secret as hex bytes with a separator and spaces': (_id, s, _between, at) => bytePairs(randomCase(sliceOf(hex(s), at), at)).join([' - ', ', ', '.', ' : '][at % 4] ?? ','),
  'a piece of the secret as \\x-escaped bytes': (_id, s, _between, at) => bytePairs(randomCase(sliceOf(hex(s), at), at)).map((b) => `\\x${b}`).join(''),
  'client_id:secret as 0x-marked bytes in an array': (id, s, _between, at) => `{${bytePairs(randomCase(hex(`${id}:${s}`), at)).map((b) => `0x${b}`).join(', ')}}`,
  // The request as sent, hex-dumped (a capture, a proxy's debug echo): the Base64 text's bytes.
  'the Authorization header as sent, as hex, random case': (id, s, _between, at) => randomCase(hex(`Authorization: Basic ${basic(id, s)}`), at),
  'the Authorization header as sent, as a colon-separated dump': (id, s, _between, at) => bytePairs(randomCase(hex(`Authorization: Basic ${basic(id, s)}`), at)).join(':'),
};
const ALL_TRANSFORMS: Readonly<Record<string, Transform>> = { ...TRANSFORMS, ...HEX_TRANSFORMS };

const caseArbOf = (transforms: Readonly<Record<string, Transform>>) =>
  fc.record({
    id: clientIdArb,
    secret: secretArb,
    transform: fc.constantFrom(...Object.keys(transforms)),
    before: textArb,
    after: textArb,
    between: textArb,
    at: fc.nat(),
    cut: fc.nat({ max: 400 }),
  });
const caseArb = caseArbOf(ALL_TRANSFORMS);

function echo(c: { id: string; secret: string; transform: string; before: string; after: string; between: string; at: number }): string {
  const transform = ALL_TRANSFORMS[c.transform];
  if (transform === undefined) throw new Error(`no transform ${c.transform}`);
  return `${c.before}${transform(c.id, c.secret, c.between, c.at)}${c.after}`;
}

describe('redactor properties', () => {
  it('positive control: with masking switched off, the scanner finds a fragment in every echo', () => {
    const off = createRedactor([]);
    fc.assert(
      fc.property(caseArb, (c) => {
        const text = echo(c);
        expect(findFragments(off.maskText(text), secretForms(c.id, c.secret))).not.toEqual([]);
      }),
    );
  });

  it('no fragment of 16+ characters of any sensitive form survives masking, whatever the transform', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const redactor = createRedactor(credentialSensitiveValues(c.id, c.secret));
        const masked = redactor.maskText(echo(c));
        expect(findFragments(masked, secretForms(c.id, c.secret))).toEqual([]);
      }),
    );
  });

  it('mask first, then cut: no fragment survives a cut at any position', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const redactor = createRedactor(credentialSensitiveValues(c.id, c.secret));
        const text = echo(c);
        const shown = redactor.truncate(text, Math.min(c.cut, text.length + 5));
        expect(findFragments(shown, secretForms(c.id, c.secret))).toEqual([]);
      }),
    );
  });

  it('the leading characters that encode only the client ID may stay; the masked text says where the rest went', () => {
    const id = '0oa1b2c3d4e5f6g7h8i9';
    const secret = 'Zx9+/%~é-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const redactor = createRedactor(credentialSensitiveValues(id, secret));
    const value = basic(id, secret);
    const idPart = value.slice(0, Math.floor((4 * (id.length + 1)) / 3));
    expect(redactor.maskText(`got ${value}!`)).toBe(`got ${idPart}••••••!`);
  });
});

describe('hex echoes: random case, any piece of 16+ digits, in random text', () => {
  const hexCaseArb = caseArbOf(HEX_TRANSFORMS);

  it('no fragment of any sensitive form survives, in the text or cut anywhere (positive control: the scanner finds one unmasked)', () => {
    fc.assert(
      fc.property(hexCaseArb, (c) => {
        const text = echo(c);
        const forms = secretForms(c.id, c.secret);
        expect(findFragments(text, forms)).not.toEqual([]);
        const redactor = createRedactor(credentialSensitiveValues(c.id, c.secret));
        expect(findFragments(redactor.maskText(text), forms)).toEqual([]);
        expect(findFragments(redactor.truncate(text, Math.min(c.cut, text.length + 5)), forms)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('any sensitive value (a key, an assertion, any UTF-16) is masked as a hex piece too, plain or as a dump', () => {
    const valueArb = fc.string({ unit: 'binary', minLength: 8, maxLength: 120 });
    fc.assert(
      fc.property(valueArb, textArb, textArb, fc.nat(), (value, before, after, at) => {
        const digits = randomCase(sliceOf(hex(value), at), at);
        const text = `${before}${[digits, bytePairs(digits).join(':'), bytePairs(digits).map((b) => `\\x${b}`).join('')][at % 3] ?? digits}${after}`;
        expect(findFragments(text, [hex(value)])).not.toEqual([]);
        expect(findFragments(createRedactor([value]).maskText(text), [hex(value)])).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Differential (issue 16): the redactor was sped up (forms derived once, a
 * memo, fewer allocations). It must mask exactly what main's redactor masked,
 * frozen in tests/support/redact-reference.ts: the same output, character for
 * character, for every text, cut and report.
 */
describe('the optimised redactor against the reference (issue 16)', () => {
  const jwtLike = fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), { minLength: 40, maxLength: 120 }).map((a) => `eyJ${a.join('')}.${a.reverse().join('')}`);
  // The reference predates hex forms: its echoes are the transforms it knew (hex is proven by the scanner above).
  const valuesArb = fc.record({ c: caseArbOf(TRANSFORMS), typed: fc.option(secretArb, { nil: undefined }), jwt: fc.option(jwtLike, { nil: undefined }), raw: fc.boolean() });
  const listOf = (v: { c: { id: string; secret: string }; typed: string | undefined; jwt: string | undefined; raw: boolean }) => [
    // As run-token-test lists them: the input secret first, then its Basic context, then any signed JWT.
    ...(v.raw ? [v.c.secret] : []),
    ...credentialSensitiveValues(v.c.id, v.c.secret, v.typed),
    ...(v.jwt === undefined ? [] : [v.jwt]),
  ];

  it('positive control: the comparison sees a difference when one form is left out', () => {
    const c = { id: '0oa1b2c3d4e5f6g7h8i9', secret: 'Zx9+/%~é-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' };
    const text = `got ${basic(c.id, c.secret)}`;
    // Without the Basic context the value's Base64 at the wrong alignment is not masked: a real difference shows.
    expect(createRedactor([c.secret]).maskText(text)).not.toBe(createReferenceRedactor(credentialSensitiveValues(c.id, c.secret)).maskText(text));
  });

  it('maskText and truncate give the same output as the reference, also when called again (memo)', () => {
    fc.assert(
      fc.property(valuesArb, fc.string({ maxLength: 80 }), (v, noise) => {
        const values = listOf(v);
        const fast = createRedactor(values);
        const reference = createReferenceRedactor(values);
        for (const text of [echo(v.c), noise, `${noise}${v.jwt ?? ''}${noise}`, encodeURIComponent(v.jwt ?? noise)]) {
          expect(fast.maskText(text)).toBe(reference.maskText(text));
          expect(fast.maskText(text)).toBe(reference.maskText(text));
          const cut = Math.min(v.c.cut, text.length + 5);
          expect(fast.truncate(text, cut)).toBe(reference.truncate(text, cut));
        }
      }),
      { numRuns: 300 },
    );
  });

  // The views were sped up too (issue 16: ASCII fast paths, typed-array maps, unfolded views skipped when
  // no form holds whitespace): prose full of spaces, invisible characters and any UTF-16 unit, around echoes.
  const proseArb = fc.array(
    fc.oneof(
      fc.constantFrom(' ', '  ', '\n', '\t', '\u200B', '\u00AD', '\uFEFF', '\u2060', '-', '=', '_', '%2B', '&amp;', '\\u0041', '\\u{42}', 'Σ', 'ς', 'İ', '\u0308', 'ｓ', 'Ⓐ', '\uD801\uDC00', '\uD801', '\uDC00', '\u{E0001}'),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.stringMatching(/^[A-Za-z ]{1,30}$/),
    ),
    { maxLength: 12 },
  ).map((parts) => parts.join(''));
  const spacedSecretArb = fc.array(fc.constantFrom(...SECRET_CHARS, ' ', '\t', 'Σ'), { minLength: 40, maxLength: 64 }).map((a) => a.join(''));

  /**
   * What the reference cannot read and core since can: default-ignorable characters beyond \\s, Cc and Cf
   * (variation selectors, Hangul fillers), astral ones (tags), combining marks, letters whose case folding
   * differs from lower case (the Kelvin sign, long s, final sigma, Turkish İ), compatibility forms (fullwidth,
   * circled) and JavaScript's \\u{…} escapes. In a text holding one, core may mask more.
   */
  const beyondReference = (text: string): boolean =>
    /[\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}\u{10000}-\u{10FFFF}]/u.test(text) || text.includes('\\u{') ||
    [...text].some((ch) => ch.toUpperCase().toLowerCase() !== ch.toLowerCase() || ch.normalize('NFKC') !== ch);
  /** Core leaves nothing the reference would mask; and, but for what only core can read, the same output. */
  const sameOrMore = (fast: ReturnType<typeof createRedactor>, reference: ReturnType<typeof createReferenceRedactor>, text: string): void => {
    const out = fast.maskText(text);
    expect(reference.maskText(out)).toBe(out);
    if (!beyondReference(text)) expect(out).toBe(reference.maskText(text));
  };

  it('positive control: an echo hidden by tag characters is what the reference misses and core masks', () => {
    const secret = 'Zx9ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const text = `said ${[...secret].join('\u{E0001}')}`;
    expect(createReferenceRedactor([secret]).maskText(text)).toBe(text);
    expect(createRedactor([secret]).maskText(text)).toBe('said ••••••');
    expect(beyondReference(text)).toBe(true);
  });

  it('prose with whitespace, invisible characters and any Unicode masks as the reference, or more where only core reads it', () => {
    fc.assert(
      fc.property(valuesArb, fc.option(spacedSecretArb, { nil: undefined }), proseArb, proseArb, (v, spaced, before, after) => {
        const values = spaced === undefined ? listOf(v) : [...listOf(v), spaced];
        const fast = createRedactor(values);
        const reference = createReferenceRedactor(values);
        const hidden = (t: string): string => [...t].join(before.slice(0, 2) || ' ');
        for (const text of [`${before}${echo(v.c)}${after}`, `${before}${hidden(echo(v.c))}${after}`, `${before}${spaced ?? ''}${after}`, `${before}${after}`]) {
          sameOrMore(fast, reference, text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('redact gives the same copy as the reference: keys, kept paths, __proto__, depth bound', () => {
    fc.assert(
      fc.property(valuesArb, fc.string({ maxLength: 40 }), (v, noise) => {
        const values = listOf(v);
        const text = echo(v.c);
        let deep: unknown = text;
        for (let i = 0; i < 70; i += 1) deep = { [noise]: deep };
        const report = JSON.parse(
          JSON.stringify({ ok: true, token: { accessToken: text, claims: { [text]: [text, noise, 1, null] } }, notices: [{ text }], deep, tokens: [{ accessToken: text }] }),
        ) as unknown;
        Object.defineProperty(report, '__proto__', { value: { iss: text }, enumerable: true, writable: true, configurable: true });
        for (const keep of [[], ['token.accessToken'], ['token'], ['tokens[0].accessToken'], ['']]) {
          expect(createRedactor(values).redact(report, keep)).toStrictEqual(createReferenceRedactor(values).redact(report, keep));
          // Warmed first (as a token test does while its request is out), with parts of the report: the same copy.
          const warmed = createRedactor(values);
          warmed.warm([text, noise, (report as { notices: unknown }).notices, { [text]: noise }]);
          expect(warmed.redact(report, keep)).toStrictEqual(createReferenceRedactor(values).redact(report, keep));
        }
      }),
      { numRuns: 150 },
    );
  });
});
