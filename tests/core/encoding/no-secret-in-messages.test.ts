/**
 * No notice message and no diagnosis field may carry the secret or the Basic value,
 * whatever hygiene or diagnosis path a value takes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildBasicCredentials } from '../../../core/encoding/basic-credentials';
import { cleanField } from '../../../core/encoding/hygiene';
import { diagnoseHeader } from '../../../core/encoding/diagnose-header';
import { encodeBase64Utf8 } from '../../../core/encoding/base64';
import type { Notice } from '../../../core/shared/notice';

const ID = '0oajncakofQmjxlSw0h3';
const WINDOW = 8;

/** Texts that contain the secret, or any 8-character piece of it or of the encoded value. */
function leaks(texts: readonly string[], ...sensitive: readonly string[]): string[] {
  const pieces = new Set<string>();
  for (const value of sensitive.filter((v) => v !== '')) {
    const chars = [...value];
    if (chars.length <= WINDOW) pieces.add(value);
    for (let i = 0; i + WINDOW <= chars.length; i += 1) pieces.add(chars.slice(i, i + WINDOW).join(''));
  }
  return texts.filter((text) => [...pieces].some((piece) => text.includes(piece)));
}

const messages = (notices: readonly Notice[]): string[] => notices.map((n) => n.message);

describe('the leak check itself', () => {
  it('catches a message that contains the secret, or a piece of it or of the Basic value (positive control)', () => {
    const secret = 'Q7wErTy9uIoPaSdF';
    const value = encodeBase64Utf8(`${ID}:${secret}`);
    expect(leaks([`The client secret ${secret} is wrong`], secret)).toHaveLength(1);
    expect(leaks([`ends with …${secret.slice(3, 12)}`], secret)).toHaveLength(1);
    expect(leaks([`Your header: Basic ${value}`], secret, value)).toHaveLength(1);
    expect(leaks(['The client secret has a space at position 3.'], secret, value, '')).toEqual([]);
  });
});

describe('messages never contain the secret', () => {
  // Random secrets with the characters hygiene and diagnosis talk about.
  const secretChar = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789_-') },
    { weight: 2, arbitrary: fc.constantFrom(':', '$', '+', '%', '"', "'", ' ', '/', '=') },
    { weight: 1, arbitrary: fc.constantFrom('\u2019', '\u201c', '\u2013', '\u00a0', '\u0430', '\uff21', 'é', '🔑', '\u200b', '\u0007', '\n') },
  );
  const secret = fc.array(secretChar, { minLength: 12, maxLength: 70 }).map((cs) => cs.join(''))
    .filter((s) => cleanField(s, 'clientSecret').value.length >= 12);

  it('in hygiene and encoding notices, whatever was wrong with the input (600 cases × 7 inputs)', () => {
    fc.assert(fc.property(secret, fc.boolean(), (raw, formEncode) => {
      const clean = cleanField(raw, 'clientSecret').value;
      const inputs: [string, string][] = [
        [ID, raw], [` ${ID}\n`, `\ufeff ${raw}\r\n`], [ID, `"${raw}"`], [`${ID}:${raw}`, ''], [`${ID}:x`, raw], ['', raw], [`${ID}$+`, raw],
      ];
      for (const [clientId, clientSecret] of inputs) {
        const out = buildBasicCredentials({ clientId, clientSecret, formEncode });
        expect(leaks(messages(out.notices), clean, out.value ?? '')).toEqual([]);
      }
    }), { numRuns: 600 });
  });

  it('in diagnoses of every kind of pasted header, and in no field but clientId (500 cases × 12 pastes)', () => {
    fc.assert(fc.property(secret, (raw) => {
      const clean = cleanField(raw, 'clientSecret').value;
      const cred = `${ID}:${clean}`;
      const bytes = Buffer.from(cred);
      const value = bytes.toString('base64');
      const pastes = [
        `Authorization: Basic ${value}`,
        Buffer.from(`${cred}\n`).toString('base64').replace(/.{76}(?=.)/g, '$&\n'),
        `-----BEGIN CERTIFICATE-----\r\n${Buffer.from(`${cred}\r\n`).toString('base64').replace(/.{64}(?=.)/g, '$&\r\n')}\r\n-----END CERTIFICATE-----\r\n`,
        bytes.toString('base64url'),
        // Without the separator, text before a colon in the secret would be indistinguishable from an ID.
        Buffer.from(`${ID}${clean.replaceAll(':', '')}`).toString('base64'),
        Buffer.from(`${ID}\r\n${clean.replaceAll(':', '')}`).toString('base64'),
        Buffer.from(value).toString('base64'),
        Buffer.from(`:${clean}`).toString('base64'),
        Buffer.from(cred, 'utf16le').toString('base64'),
        `Basics ${value.slice(0, 20)} ${value.slice(20)}`,
        `Basic ${cred}`, // the raw credentials, not encoded
        cred,
      ];
      for (const pasted of pastes) {
        const d = diagnoseHeader(pasted);
        expect(leaks(messages(d.notices), clean, value)).toEqual([]);
        expect(Object.keys(d).sort()).toEqual(['clientId', 'notices', 'ok', 'secretLength']);
        expect(leaks([d.clientId ?? ''], clean, value)).toEqual([]);
      }
    }), { numRuns: 500 });
  });
});
