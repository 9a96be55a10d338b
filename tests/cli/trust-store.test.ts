import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrustStore, pemCertificates } from '../../cli/trust-store';
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
  it('without --ca-file keeps Node\'s default store (which already honours NODE_EXTRA_CA_CERTS)', () => {
    expect(buildTrustStore(undefined, { NODE_EXTRA_CA_CERTS: two.path })).toEqual({ ok: true, value: { ca: null, warnings: [] } });
  });

  it('with --ca-file: the default roots, then NODE_EXTRA_CA_CERTS, then the file; never instead of them', () => {
    const store = buildTrustStore(one.path, { NODE_EXTRA_CA_CERTS: two.path });
    expect(store.ok).toBe(true);
    if (!store.ok || store.value.ca === null) return;
    expect(store.value.ca.slice(0, rootCertificates.length)).toEqual(rootCertificates);
    expect(store.value.ca.slice(rootCertificates.length)).toEqual([caPems[1], caPems[0]]);
    expect(store.value.warnings).toEqual([]);
  });

  it('an unreadable NODE_EXTRA_CA_CERTS is a warning, not a failure', () => {
    const store = buildTrustStore(one.path, { NODE_EXTRA_CA_CERTS: `${two.path}.missing` });
    expect(store.ok && store.value.ca?.length).toBe(rootCertificates.length + 1);
    expect(store.ok && store.value.warnings[0]).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('a missing --ca-file or one without a certificate is a usage error', () => {
    expect(buildTrustStore(`${one.path}.missing`, {})).toMatchObject({ ok: false, code: 'usage', message: expect.stringContaining('cannot read --ca-file') });
    const bad = tempFile('bad.pem', '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
    try {
      expect(buildTrustStore(bad.path, {})).toMatchObject({ ok: false, message: expect.stringContaining('cannot be parsed') });
    } finally {
      bad.remove();
    }
  });

  it('pemCertificates finds every block and ignores the rest', () => {
    expect(pemCertificates(`x\n${caPems[0]}\ny\n${caPems[1]}\n`)).toEqual(caPems);
    expect(pemCertificates('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----')).toEqual([]);
  });
});
