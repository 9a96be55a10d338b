/** The masked outputs may show only characters that depend on the client ID alone. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idOnlyPrefix, MASK, maskBase64 } from '../../renderer/mask';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const idText = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes(':'));

describe('idOnlyPrefix', () => {
  it('is the first floor(idBytes/3)*4 characters, the same for every secret', () => {
    fc.assert(
      fc.property(idText, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (id, secretA, secretB) => {
        const valueA = b64(`${id}:${secretA}`);
        const valueB = b64(`${id}:${secretB}`);
        const prefix = idOnlyPrefix(valueA, id);
        expect(prefix.length).toBe(Math.floor(Buffer.byteLength(id, 'utf8') / 3) * 4);
        expect(valueA.startsWith(prefix)).toBe(true);
        // Nothing in it depends on the secret.
        expect(idOnlyPrefix(valueB, id)).toBe(prefix);
      }),
      { numRuns: 2000 },
    );
  });

  it('shows nothing when the ID given does not match the value (never a guess)', () => {
    expect(idOnlyPrefix(b64('0oa1real:secret'), '0oa1other')).toBe('');
    expect(idOnlyPrefix(b64('ab:secret'), 'ab')).toBe('');
  });

  it('masks with a fixed number of bullets, whatever the secret length', () => {
    const short = maskBase64(b64('0oa1example2client3:x'), '0oa1example2client3');
    const long = maskBase64(b64(`0oa1example2client3:${'x'.repeat(500)}`), '0oa1example2client3');
    expect(short).toBe(`${b64('0oa1example2client3:x').slice(0, 24)}${MASK}`);
    expect(long.length).toBe(short.length);
  });
});
