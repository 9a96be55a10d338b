/**
 * The canary scanner must find every form of a canary wherever it is planted
 * (content, UTF-16 files, inside Base64 blobs at each alignment, split so only a
 * fragment remains, file names), find nothing in clean data, and never report bytes.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  base64AtAlignment, canaryNeedles, formatHits, formUrlEncoded, fragmentsOf, FRAGMENT_CHARS, NeedleMatcher,
  scanBytes, scanText, scanTree, summarizeHits, valueNeedles, type Needle, type ScanHit,
} from './canary-scanner';

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');

/** A fresh plain canary, and one with characters that change under URL and form encoding. */
function plainCanary() {
  return { clientId: `cid${hex(16)}`, clientSecret: `sec${hex(24)}` };
}
/** Random hex between the special characters: every 16-character window of every form then holds random characters. */
function specialCanary() {
  const specials = ['+', '/', '=', ':', '%', '&', ' '].map((c) => `${c}${hex(2)}`).join('');
  return { clientId: `cid${hex(16)}`, clientSecret: `sec${hex(6)}${specials}` };
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bh-scanner-test-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Random bytes that cannot contain a canary (checked, so a test never passes by luck). */
function noise(length: number, needles: readonly Needle[]): Buffer {
  const bytes = randomBytes(length);
  expect(new NeedleMatcher(needles).find(bytes)).toEqual([]);
  return bytes;
}

async function plant(name: string, content: Buffer | string): Promise<string> {
  const file = path.join(root, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

const labelsAt = (hits: readonly ScanHit[], where: string, kind: ScanHit['kind'] = 'content'): string[] =>
  hits.filter((h) => h.where === where && h.kind === kind).map((h) => h.needle);

describe('base64AtAlignment', () => {
  it('is a substring of the Base64 of any blob holding the bytes at that offset modulo 3', () => {
    fc.assert(fc.property(
      fc.uint8Array({ minLength: 0, maxLength: 20 }),
      fc.uint8Array({ minLength: 3, maxLength: 60 }),
      fc.uint8Array({ minLength: 0, maxLength: 20 }),
      (before, value, after) => {
        const blob = Buffer.concat([before, value, after]);
        const aligned = base64AtAlignment(value, (before.length % 3) as 0 | 1 | 2);
        expect(blob.toString('base64')).toContain(aligned);
        // Only the edge characters that mix in neighbouring bits are dropped.
        expect(aligned.length).toBeGreaterThanOrEqual(Math.floor((value.length * 8) / 6) - 2);
      },
    ));
  });

  it('at offset 0 is the plain Base64 without the last, partial character', () => {
    expect(base64AtAlignment(Buffer.from('abcd'), 0)).toBe('YWJjZ');
    expect(b64('abcd')).toBe('YWJjZA==');
  });
});

describe('fragmentsOf', () => {
  it('catches any run of 2×16−1 characters of a form', () => {
    fc.assert(fc.property(fc.string({ minLength: 17, maxLength: 200, unit: 'grapheme-ascii' }), fc.nat(), (text, seed) => {
      const run = 2 * FRAGMENT_CHARS - 1;
      if (text.length < run) return;
      const start = seed % (text.length - run + 1);
      const piece = text.slice(start, start + run);
      expect(fragmentsOf(text).some((f) => piece.includes(f.text))).toBe(true);
    }));
  });

  it('includes the middle window and none for short forms', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz0123456789';
    expect(fragmentsOf(text).map((f) => f.text)).toContain(text.slice(10, 26));
    expect(fragmentsOf('a'.repeat(FRAGMENT_CHARS))).toEqual([]);
  });
});

describe('NeedleMatcher', () => {
  it('finds exactly the needles that Buffer.includes finds', () => {
    const alphabet = fc.constantFrom(0x61, 0x62, 0x00, 0x63);
    fc.assert(fc.property(
      fc.array(fc.array(alphabet, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 12 }),
      fc.array(alphabet, { maxLength: 300 }),
      (rawNeedles, rawHay) => {
        const needles = rawNeedles.map((bytes, i) => ({ label: `n${i}`, bytes: Buffer.from(bytes) }));
        const hay = Buffer.from(rawHay);
        const expected = needles.filter((n) => hay.includes(n.bytes)).map((n) => n.label);
        expect(new NeedleMatcher(needles).find(hay)).toEqual(expected);
      },
    ));
  });
});

describe('canaryNeedles', () => {
  it('makes every required form, labelled', () => {
    const labels = canaryNeedles({ ...specialCanary(), extra: [{ label: 'access token', value: `tok${hex(20)}` }] }).map((n) => n.label);
    for (const expected of [
      'client secret [UTF-8]', 'client secret [UTF-16LE]', 'client ID [UTF-8]', 'access token [UTF-8]',
      'base64(id:secret) [UTF-8]', 'base64(form-urlencoded id:secret) [UTF-8]', 'base64url(id:secret) [UTF-8]',
      'base64(client secret) at byte offset 0 [UTF-8]', 'base64(client secret) at byte offset 1 [UTF-8]', 'base64(client secret) at byte offset 2 [UTF-8]',
      'base64(id:secret) at byte offset 1 [UTF-8]', 'base64(form-urlencoded id:secret) at byte offset 2 [UTF-8]',
      'Basic header value (id:secret) [UTF-8]', 'Authorization header (id:secret) [UTF-8]',
      'encodeURIComponent(client secret) [UTF-8]', 'form-urlencoded(client secret) [UTF-8]',
      'base64(access token) at byte offset 2 [UTF-8]', 'base64(id:secret) [UTF-16LE]',
    ]) {
      expect(labels, expected).toContain(expected);
    }
    expect(labels.some((l) => /^client secret fragment at \d+ \[UTF-8\]$/.test(l))).toBe(true);
    expect(labels.some((l) => /^base64\(id:secret\) fragment at \d+ \[UTF-16LE\]$/.test(l))).toBe(true);
  });

  it('adds Latin-1 only where it differs from UTF-8', () => {
    expect(canaryNeedles(plainCanary()).some((n) => n.label.includes('Latin-1'))).toBe(false);
    expect(canaryNeedles({ clientId: `cid${hex(8)}`, clientSecret: `sécret-${hex(8)}` }).map((n) => n.label)).toContain('client secret [Latin-1]');
  });

  it('with fragments: false, an extra canary is searched whole only', () => {
    const token = `eyJhbGciOiJSUzI1NiJ9.${hex(30)}`;
    const labels = canaryNeedles({ ...plainCanary(), extra: [{ label: 'token', value: token, fragments: false }] }).map((n) => n.label);
    expect(labels).toContain('token [UTF-8]');
    expect(labels).toContain('base64(token) at byte offset 1 [UTF-8]');
    expect(labels.filter((l) => l.startsWith('token fragment') || (l.includes('(token)') && l.includes(' fragment at ')))).toEqual([]);
    expect(new NeedleMatcher(canaryNeedles({ ...plainCanary(), extra: [{ label: 'token', value: token, fragments: false }] }))
      .find(Buffer.from('eyJhbGciOiJSUzI1NiJ9.other'))).toEqual([]);
  });

  it('refuses canaries too short to be told from ordinary data', () => {
    expect(() => canaryNeedles({ clientId: 'cid12345', clientSecret: 'short' })).toThrow(/shorter than/);
  });

  it('labels never carry a canary, a fragment of one, or an encoded form', () => {
    const canary = specialCanary();
    const needles = canaryNeedles(canary);
    for (const needle of needles) {
      // A label that held a 16-byte run of any needle would itself be a leak.
      expect(new NeedleMatcher(needles.filter((n) => n.bytes.length >= FRAGMENT_CHARS)).find(Buffer.from(needle.label))).toEqual([]);
    }
  });

  it('wraps constant text ("Authorization: Basic") only around the value, never as a fragment of its own', () => {
    const needles = canaryNeedles(plainCanary());
    expect(new NeedleMatcher(needles).find(Buffer.from('Authorization: Basic Basic Authorization: Basic '))).toEqual([]);
  });
});

describe('scanTree finds each planted form', () => {
  it('raw UTF-8 in file content, with the relative path and label only', async () => {
    const canary = plainCanary();
    const needles = canaryNeedles(canary);
    await plant('Default/Preferences', Buffer.concat([noise(5000, needles), Buffer.from(`{"x":"${canary.clientSecret}"}`), noise(5000, needles)]));
    const scan = await scanTree(root, needles);
    expect(labelsAt(scan.hits, path.join('Default', 'Preferences'))).toContain('client secret [UTF-8]');
    expect(formatHits(scan.hits).join('\n')).not.toContain(canary.clientSecret.slice(5, 21));
  });

  it('UTF-16LE content (LevelDB, SQLite, Windows files)', async () => {
    const canary = plainCanary();
    await plant('Local Storage/leveldb/000003.log', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`key\0${canary.clientSecret}`, 'utf16le')]));
    const scan = await scanTree(root, canaryNeedles(canary));
    expect(labelsAt(scan.hits, path.join('Local Storage', 'leveldb', '000003.log'))).toContain('client secret [UTF-16LE]');
  });

  it('Latin-1 content for a non-ASCII secret', async () => {
    const canary = { clientId: `cid${hex(8)}`, clientSecret: `sécret-${hex(12)}` };
    await plant('latin1.bin', Buffer.from(`\x01${canary.clientSecret}\x01`, 'latin1'));
    const scan = await scanTree(root, canaryNeedles(canary));
    expect(labelsAt(scan.hits, 'latin1.bin')).toContain('client secret [Latin-1]');
  });

  it.each([0, 1, 2] as const)('the secret and id:secret inside a larger Base64 blob at byte offset %i', async (alignment) => {
    const canary = plainCanary();
    const needles = canaryNeedles(canary);
    const before = noise(30 + alignment, needles);
    const after = noise(31, needles);
    await plant('secret-blob.txt', Buffer.concat([before, Buffer.from(canary.clientSecret), after]).toString('base64'));
    await plant('pair-blob.txt', Buffer.concat([before, Buffer.from(`${canary.clientId}:${canary.clientSecret}`), after]).toString('base64'));
    const scan = await scanTree(root, needles);
    // At offset 0 a value whose length is a multiple of 3 has the same bytes as its plain Base64 (kept under that label).
    const aligned = (name: string): RegExp => new RegExp(`^base64\\(${name}\\)${alignment === 0 ? '( at byte offset 0)?' : ` at byte offset ${alignment}`} \\[UTF-8\\]$`);
    expect(labelsAt(scan.hits, 'secret-blob.txt').some((l) => aligned('client secret').test(l))).toBe(true);
    expect(labelsAt(scan.hits, 'pair-blob.txt').some((l) => aligned('id:secret').test(l))).toBe(true);
    // A Base64 blob in a UTF-16 file (a JS string in LevelDB) too.
    await plant('utf16-blob.bin', Buffer.from(Buffer.concat([before, Buffer.from(canary.clientSecret), after]).toString('base64'), 'utf16le'));
    const again = await scanTree(root, needles);
    expect(labelsAt(again.hits, 'utf16-blob.bin').some((l) => l.startsWith('base64(client secret)') && l.endsWith('[UTF-16LE]'))).toBe(true);
  });

  it('the Basic value, the header, base64url and the RFC 6749 form-encoded variant', async () => {
    const canary = specialCanary();
    const raw = b64(`${canary.clientId}:${canary.clientSecret}`);
    const formed = b64(`${formUrlEncoded(canary.clientId)}:${formUrlEncoded(canary.clientSecret)}`);
    expect(formed).not.toBe(raw);
    await plant('header.txt', `GET / HTTP/1.1\r\nAuthorization: Basic ${raw}\r\n`);
    await plant('formed.txt', `{"v":"${formed}"}`);
    await plant('url.txt', `x=${raw.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}&`);
    const scan = await scanTree(root, canaryNeedles(canary));
    expect(labelsAt(scan.hits, 'header.txt')).toEqual(expect.arrayContaining([
      'Authorization header (id:secret) [UTF-8]', 'Basic header value (id:secret) [UTF-8]', 'base64(id:secret) [UTF-8]',
    ]));
    expect(labelsAt(scan.hits, 'formed.txt')).toContain('base64(form-urlencoded id:secret) [UTF-8]');
    expect(labelsAt(scan.hits, 'formed.txt')).not.toContain('base64(id:secret) [UTF-8]');
    expect(labelsAt(scan.hits, 'url.txt')).toContain('base64url(id:secret) [UTF-8]');
  });

  it('URL-encoded, form-encoded, JSON-escaped and \\u-escaped forms', async () => {
    const canary = { clientId: `cid${hex(8)}`, clientSecret: `sec${hex(8)}"\\<&> +/=:%${hex(8)}` };
    const secret = canary.clientSecret;
    await plant('uri.txt', `https://x.invalid/?s=${encodeURIComponent(secret)}`);
    await plant('uri-lower.txt', `s=${encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase())}`);
    await plant('form.txt', `grant_type=client_credentials&client_secret=${new URLSearchParams({ s: secret }).toString().slice(2)}`);
    await plant('json.json', JSON.stringify({ secret }));
    await plant('json-u.json', JSON.stringify({ secret }).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`));
    const scan = await scanTree(root, canaryNeedles(canary));
    expect(labelsAt(scan.hits, 'uri.txt')).toContain('encodeURIComponent(client secret) [UTF-8]');
    expect(labelsAt(scan.hits, 'uri-lower.txt')).toContain('encodeURIComponent(client secret) lower-case hex [UTF-8]');
    expect(labelsAt(scan.hits, 'form.txt')).toContain('form-urlencoded(client secret) [UTF-8]');
    expect(labelsAt(scan.hits, 'json.json')).toContain('JSON-escaped(client secret) [UTF-8]');
    expect(labelsAt(scan.hits, 'json-u.json')).toContain('JSON \\u-escaped(client secret) [UTF-8]');
    // None of these files holds the raw secret: only the encoded form found them.
    for (const file of ['uri.txt', 'form.txt', 'json.json', 'json-u.json']) expect(labelsAt(scan.hits, file)).not.toContain('client secret [UTF-8]');
  });

  it('a fragment when the value is split across files or cut short', async () => {
    const canary = plainCanary();
    const secret = canary.clientSecret;
    const pair = b64(`${canary.clientId}:${canary.clientSecret}`);
    const cut = 40;
    await plant('block-a', `...${pair.slice(0, cut)}`);
    await plant('block-b', `${pair.slice(cut)}...`);
    await plant('truncated.log', `secret=${secret.slice(4, 4 + 2 * FRAGMENT_CHARS - 1)}…`);
    await plant('utf16-part', Buffer.from(`x${secret.slice(9, 9 + 2 * FRAGMENT_CHARS - 1)}x`, 'utf16le'));
    const scan = await scanTree(root, canaryNeedles(canary));
    // The first Base64 characters encode the client ID alone, so block-a may be found by an ID fragment.
    for (const file of ['block-a', 'block-b']) {
      expect(labelsAt(scan.hits, file).some((l) => l.startsWith('base64(') && l.includes(' fragment at '))).toBe(true);
      expect(labelsAt(scan.hits, file)).not.toContain('base64(id:secret) [UTF-8]');
    }
    expect(labelsAt(scan.hits, 'truncated.log').some((l) => /^client secret fragment at \d+ \[UTF-8\]$/.test(l))).toBe(true);
    expect(labelsAt(scan.hits, 'utf16-part').some((l) => /^client secret fragment at \d+ \[UTF-16LE\]$/.test(l))).toBe(true);
  });

  it('file and folder names, and a symlink’s target text', async () => {
    const canary = plainCanary();
    await plant(`cache/${canary.clientSecret}.tmp`, 'nothing here');
    await mkdir(path.join(root, `dir-${b64(`${canary.clientId}:${canary.clientSecret}`).replace(/\//g, '_')}`));
    await symlink(`/nonexistent/${canary.clientSecret}`, path.join(root, 'SingletonLock'));
    const scan = await scanTree(root, canaryNeedles(canary));
    expect(labelsAt(scan.hits, path.join('cache', `${canary.clientSecret}.tmp`), 'name')).toContain('client secret [UTF-8]');
    expect(scan.hits.some((h) => h.kind === 'name' && h.where.startsWith('dir-') && h.needle.startsWith('base64'))).toBe(true);
    expect(labelsAt(scan.hits, 'SingletonLock', 'name')).toContain('client secret [UTF-8]');
    // The names are in the report's `where`: a scan report is for the test's eyes, and the
    // hit itself is the failure; the needle label still never repeats the bytes.
    expect(scan.hits.every((h) => !h.needle.includes(canary.clientSecret))).toBe(true);
  });

  it('does not follow symlinks out of the root', async () => {
    const canary = plainCanary();
    const outside = await mkdtemp(path.join(tmpdir(), 'bh-scanner-outside-'));
    try {
      await writeFile(path.join(outside, 'leak.txt'), canary.clientSecret);
      await symlink(outside, path.join(root, 'link-to-outside'));
      await symlink(path.join(outside, 'leak.txt'), path.join(root, 'link-to-file'));
      const scan = await scanTree(root, canaryNeedles(canary));
      expect(scan.hits).toEqual([]);
      expect(scan.files).toBe(0);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('reads every byte: the end of a file larger than one read, and needles across read boundaries', async () => {
    const canary = plainCanary();
    const needles = canaryNeedles(canary);
    await plant('big.bin', Buffer.concat([Buffer.alloc(9 * 1024 * 1024, 0x20), Buffer.from(canary.clientSecret)]));
    const big = await scanTree(root, needles);
    expect(labelsAt(big.hits, 'big.bin')).toContain('client secret [UTF-8]');
    expect(big.bytes).toBe(9 * 1024 * 1024 + canary.clientSecret.length);
    await rm(path.join(root, 'big.bin'));
    await plant('small-chunks.bin', Buffer.concat([noise(101, needles), Buffer.from(canary.clientSecret, 'utf16le'), noise(50, needles)]));
    for (const chunkBytes of [1, 7, 64]) {
      const scan = await scanTree(root, needles, { chunkBytes });
      expect(labelsAt(scan.hits, 'small-chunks.bin'), `chunk ${chunkBytes}`).toContain('client secret [UTF-16LE]');
    }
  });

  it('with modifiedSince, reads only files written since then (names always)', async () => {
    const canary = plainCanary();
    const old = await plant('old.txt', canary.clientSecret);
    await utimes(old, new Date(2000, 0, 1), new Date(2000, 0, 1));
    await plant('new.txt', canary.clientSecret);
    await plant(`old-name-${canary.clientSecret}`, 'x');
    await utimes(path.join(root, `old-name-${canary.clientSecret}`), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const scan = await scanTree(root, canaryNeedles(canary), { modifiedSince: Date.now() - 60_000 });
    expect(labelsAt(scan.hits, 'new.txt')).toContain('client secret [UTF-8]');
    expect(labelsAt(scan.hits, 'old.txt')).toEqual([]);
    expect(labelsAt(scan.hits, `old-name-${canary.clientSecret}`, 'name')).toContain('client secret [UTF-8]');
    expect(scan.skippedOlder).toBe(2);
  });

  it('skips FIFOs without blocking (their names are still matched)', async () => {
    if (spawnSync('mkfifo', ['--help']).status !== 0) return;
    const canary = plainCanary();
    expect(spawnSync('mkfifo', [path.join(root, `fifo-${canary.clientSecret}`)]).status).toBe(0);
    const scan = await scanTree(root, canaryNeedles(canary));
    expect(labelsAt(scan.hits, `fifo-${canary.clientSecret}`, 'name')).toContain('client secret [UTF-8]');
    expect(scan.files).toBe(0);
  });
});

describe('scanTree finds nothing in clean data', () => {
  it('random bytes, other credentials in every form, and bookkeeping text give zero hits', async () => {
    const canary = specialCanary();
    const needles = canaryNeedles({ ...canary, extra: [`eyJ${hex(40)}`] });
    const other = specialCanary();
    const otherPair = `${other.clientId}:${other.clientSecret}`;
    for (let i = 0; i < 5; i += 1) await plant(`noise/${i}.bin`, noise(400_000, needles));
    await plant('other.txt', [
      other.clientSecret, encodeURIComponent(other.clientSecret), JSON.stringify(other.clientSecret),
      `Authorization: Basic ${b64(otherPair)}`, b64(`${formUrlEncoded(other.clientId)}:${formUrlEncoded(other.clientSecret)}`),
    ].join('\n'));
    await plant('other16.bin', Buffer.from(other.clientSecret, 'utf16le'));
    await plant('Preferences', JSON.stringify({ profile: { name: 'Person 1' }, devtools: {}, 'Authorization: Basic': 'cid sec' }));
    await plant(`cache/f_${hex(6)}`, 'data');
    const scan = await scanTree(root, needles);
    expect(formatHits(scan.hits)).toEqual([]);
    expect(scan.files).toBe(9);
    expect(scan.unreadable).toEqual([]);
  });

  it('positive-control needles find their own value and nothing of the credentials', async () => {
    const control = `ctl${hex(20)}`;
    const canary = plainCanary();
    await plant('ls.log', Buffer.from(control, 'utf16le'));
    const controlScan = await scanTree(root, valueNeedles('control canary', control));
    expect(labelsAt(controlScan.hits, 'ls.log')).toContain('control canary [UTF-16LE]');
    const canaryScan = await scanTree(root, canaryNeedles(canary));
    expect(canaryScan.hits).toEqual([]);
  });
});

describe('summarizeHits', () => {
  it('gives one line per place, whole forms first, capped, without the bytes', () => {
    const canary = plainCanary();
    const needles = new NeedleMatcher(canaryNeedles(canary));
    const hits = [
      ...scanText('stdout', `x ${canary.clientSecret} x`, needles),
      ...scanText('stderr', canary.clientSecret.slice(2, 2 + 2 * FRAGMENT_CHARS - 1), needles),
    ];
    const lines = summarizeHits(hits, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^stdout \(content\): client secret \[UTF-8\]; .+ \(\+\d+ more\)$/);
    expect(lines[1]).toMatch(/^stderr \(content\): client secret fragment at \d+ \[UTF-8\]/);
    expect(lines[1]).not.toContain('client secret [UTF-8]');
    expect(lines.join('\n')).not.toContain(canary.clientSecret.slice(3, 19));
  });
});

describe('scanText and scanBytes', () => {
  it('find any form in captured output, labelled with the stream', () => {
    const canary = specialCanary();
    const needles = new NeedleMatcher(canaryNeedles(canary));
    const header = `Authorization: Basic ${b64(`${canary.clientId}:${canary.clientSecret}`)}`;
    expect(scanText('page console', `log: ${header}`, needles).map((h) => h.needle)).toContain('Authorization header (id:secret) [UTF-8]');
    expect(scanText('stderr', `body client_secret=${formUrlEncoded(canary.clientSecret)}`, needles).map((h) => h.needle))
      .toContain('form-urlencoded(client secret) [UTF-8]');
    expect(scanBytes('browser stderr', Buffer.from(canary.clientSecret, 'utf16le'), needles)).toContainEqual(
      { where: 'browser stderr', kind: 'content', needle: 'client secret [UTF-16LE]' },
    );
  });

  it('find nothing in clean output', () => {
    const needles = canaryNeedles(plainCanary());
    const other = plainCanary();
    expect(scanText('stdout', `Running 2 tests\n${other.clientSecret}\nDevTools listening on ws://127.0.0.1:1/devtools/browser/x`, needles)).toEqual([]);
  });
});
