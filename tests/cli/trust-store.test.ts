import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrustStore, MAX_CA_FILE_BYTES, pemCertificates } from '../../cli/trust-store';
import { createTestCa } from '../support/test-ca';
import { tempFile } from '../support/cli/cli-process';

let one: { path: string; remove: () => void };
let two: { path: string; remove: () => void };
let caPems: string[];

beforeAll(async () => {
  const a = await createTestCa('CA one');
  const b = await createTestCa('CA two');
  caPems = [a.cert.trim(), b.cert.trim()];
  one = tempFile('one.pem', a.cert);
  two = tempFile('two.pem', `comment line\n${b.cert}\n`);
});

afterAll(() => {
  one?.remove();
  two?.remove();
});

describe('buildTrustStore', () => {
  it('without --ca-file keeps Node\'s default store (which already honours NODE_EXTRA_CA_CERTS)', async () => {
    expect(await buildTrustStore(undefined, { NODE_EXTRA_CA_CERTS: two.path })).toEqual({ ok: true, value: { ca: null, warnings: [] } });
  });

  it('with --ca-file: the default roots, then NODE_EXTRA_CA_CERTS, then the file; never instead of them', async () => {
    const store = await buildTrustStore(one.path, { NODE_EXTRA_CA_CERTS: two.path });
    expect(store.ok).toBe(true);
    if (!store.ok || store.value.ca === null) return;
    expect(store.value.ca.slice(0, rootCertificates.length)).toEqual(rootCertificates);
    expect(store.value.ca.slice(rootCertificates.length)).toEqual([caPems[1], caPems[0]]);
    expect(store.value.warnings).toEqual([]);
  });

  it('an unreadable NODE_EXTRA_CA_CERTS is a warning, not a failure', async () => {
    const store = await buildTrustStore(one.path, { NODE_EXTRA_CA_CERTS: `${two.path}.missing` });
    expect(store.ok && store.value.ca?.length).toBe(rootCertificates.length + 1);
    expect(store.ok && store.value.warnings[0]).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('a missing --ca-file or one without a certificate is a usage error', async () => {
    expect(await buildTrustStore(`${one.path}.missing`, {})).toMatchObject({ ok: false, code: 'usage', message: expect.stringContaining('cannot read --ca-file') });
    const bad = tempFile('bad.pem', '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
    try {
      expect(await buildTrustStore(bad.path, {})).toMatchObject({ ok: false, message: expect.stringContaining('cannot be parsed') });
    } finally {
      bad.remove();
    }
  });

  it('both files are read with the 1 MiB cap: /dev/zero as --ca-file is refused, as NODE_EXTRA_CA_CERTS it is a warning', async () => {
    expect(await buildTrustStore('/dev/zero', {})).toEqual({
      ok: false,
      code: 'usage',
      message: '--ca-file /dev/zero is larger than 1 MiB; a CA file holds a few certificates, and even Mozilla\'s whole bundle is about 220 KB.',
    });
    const store = await buildTrustStore(one.path, { NODE_EXTRA_CA_CERTS: '/dev/zero' });
    expect(store.ok && store.value.ca?.length).toBe(rootCertificates.length + 1);
    expect(store.ok && store.value.warnings).toEqual([expect.stringMatching(/^NODE_EXTRA_CA_CERTS \/dev\/zero is larger than 1 MiB; .* Only the default store and --ca-file are trusted\.$/)]);
  }, 30_000);

  it('a CA file of exactly 1 MiB (certificates and comments) is read; one byte more is refused', async () => {
    const cert = `${caPems[0] ?? ''}\n`;
    const filler = (n: number): string => `${'#'.repeat(n - 1)}\n`;
    const atCap = tempFile('at-cap.pem', `${cert}${filler(MAX_CA_FILE_BYTES - cert.length)}`);
    const overCap = tempFile('over-cap.pem', `${cert}${filler(MAX_CA_FILE_BYTES + 1 - cert.length)}`);
    try {
      const store = await buildTrustStore(atCap.path, {});
      expect(store.ok && store.value.ca?.slice(rootCertificates.length)).toEqual([caPems[0]]);
      expect(await buildTrustStore(overCap.path, {})).toMatchObject({ ok: false, code: 'usage', message: expect.stringContaining('is larger than 1 MiB') });
    } finally {
      atCap.remove();
      overCap.remove();
    }
  });

  it('pemCertificates finds every block and ignores the rest', () => {
    expect(pemCertificates(`x\n${caPems[0]}\ny\n${caPems[1]}\n`)).toEqual(caPems);
    expect(pemCertificates('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----')).toEqual([]);
  });
});
