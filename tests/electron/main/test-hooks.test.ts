import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VERIFY } from '../../../electron/main/presented-certificates';
import { applyTestPaths, isLoopbackName, REDIRECTED_PATHS, TEST_CA_ENV, TEST_ROOT_ENV, testCaPem, testPathOverrides, testTrust, verifyWithTestCa } from '../../../electron/main/test-hooks';
import { createTestCa, issueLeafCert, type LeafCert, type TestCa } from '../../support/test-ca';

const root = path.resolve('/tmp/bh-test-root');

describe('testPathOverrides', () => {
  it('unpackaged with the switch: every writable Electron path goes inside the root', () => {
    const overrides = testPathOverrides({ [TEST_ROOT_ENV]: root }, false);
    expect(overrides.map(([name]) => name)).toEqual(['appData', 'userData', 'sessionData', 'temp', 'logs', 'crashDumps']);
    for (const [, dir] of overrides) {
      expect(dir.startsWith(root + path.sep)).toBe(true);
    }
    expect(new Set(overrides.map(([, dir]) => dir)).size).toBe(REDIRECTED_PATHS.length);
  });

  it('a packaged build ignores the switch', () => {
    expect(testPathOverrides({ [TEST_ROOT_ENV]: root }, true)).toEqual([]);
  });

  it('no switch, an empty or a relative root: nothing changes', () => {
    expect(testPathOverrides({}, false)).toEqual([]);
    expect(testPathOverrides({ [TEST_ROOT_ENV]: '' }, false)).toEqual([]);
    expect(testPathOverrides({ [TEST_ROOT_ENV]: 'relative/dir' }, false)).toEqual([]);
  });
});

describe('testCaPem', () => {
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

  it('returns the PEM only when unpackaged', () => {
    expect(testCaPem({ [TEST_CA_ENV]: pem }, false)).toBe(pem);
    expect(testCaPem({ [TEST_CA_ENV]: pem }, true)).toBeNull();
  });

  it('ignores anything that is not a PEM certificate', () => {
    expect(testCaPem({ [TEST_CA_ENV]: '/path/to/ca.pem' }, false)).toBeNull();
    expect(testCaPem({}, false)).toBeNull();
  });
});

let ca: TestCa;
let leaf: LeafCert;
let foreign: LeafCert;
let otherName: LeafCert;

beforeAll(async () => {
  ca = await createTestCa();
  leaf = await issueLeafCert(ca);
  foreign = await issueLeafCert(await createTestCa('another CA'));
  otherName = await issueLeafCert(ca, { dns: ['other.test'] });
});

describe('verifyWithTestCa', () => {
  // Read at test time: the certificates are made in beforeAll, after collection.
  let now = 0;
  beforeEach(() => {
    now = Date.now();
  });

  it('accepts a loopback certificate signed by the test CA', () => {
    expect(verifyWithTestCa({ hostname: '127.0.0.1', certificatePem: leaf.cert }, ca.cert, now)).toBe(VERIFY.accept);
    expect(verifyWithTestCa({ hostname: 'localhost', certificatePem: leaf.cert }, ca.cert, now)).toBe(VERIFY.accept);
  });

  it('defers to Chromium for other CAs and for non-loopback hosts', () => {
    expect(verifyWithTestCa({ hostname: '127.0.0.1', certificatePem: foreign.cert }, ca.cert, now)).toBe(VERIFY.chromium);
    expect(verifyWithTestCa({ hostname: 'dev-123.okta.com', certificatePem: leaf.cert }, ca.cert, now)).toBe(VERIFY.chromium);
  });

  it('rejects a test-CA certificate for the wrong name or outside its validity', () => {
    expect(verifyWithTestCa({ hostname: '127.0.0.1', certificatePem: otherName.cert }, ca.cert, now)).toBe(VERIFY.reject);
    expect(verifyWithTestCa({ hostname: '127.0.0.1', certificatePem: leaf.cert }, ca.cert, now + 20 * 365 * 24 * 3600 * 1000)).toBe(VERIFY.reject);
  });

  it('garbage defers to Chromium', () => {
    expect(verifyWithTestCa({ hostname: '127.0.0.1', certificatePem: 'nope' }, ca.cert, now)).toBe(VERIFY.chromium);
  });
});

describe('isLoopbackName', () => {
  it.each([['localhost', true], ['127.0.0.1', true], ['127.1.2.3', true], ['[::1]', true], ['::1', true], ['10.0.0.1', false], ['localhost.evil', false], ['127.0.0.1.nip.io', false]])(
    '%s → %s',
    (name, expected) => {
      expect(isLoopbackName(name)).toBe(expected);
    },
  );
});

describe('applyTestPaths / testTrust (the glue main.ts calls in the test build)', () => {

  it('moves every path into the root, unpackaged only', () => {
    const set: string[] = [];
    applyTestPaths({ isPackaged: false, setPath: (name) => set.push(name) }, { [TEST_ROOT_ENV]: root });
    expect(set).toEqual([...REDIRECTED_PATHS]);
    set.length = 0;
    applyTestPaths({ isPackaged: true, setPath: (name) => set.push(name) }, { [TEST_ROOT_ENV]: root });
    expect(set).toEqual([]);
  });

  it('with a test CA: accepts its loopback certificate, defers to Chromium otherwise; nothing when packaged', async () => {
    const testCa = await createTestCa();
    const testLeaf = await issueLeafCert(testCa);
    const other = await issueLeafCert(await createTestCa('someone else'));
    const decide = testTrust({ [TEST_CA_ENV]: testCa.cert }, false);
    const verify = (hostname: string, pem: string): number =>
      decide?.({ hostname, errorCode: -202, certificate: { data: pem, subjectName: '', issuerName: '', fingerprint: '' } }) ?? Number.NaN;
    expect(verify('127.0.0.1', testLeaf.cert)).toBe(VERIFY.accept);
    expect(verify('127.0.0.1', other.cert)).toBe(VERIFY.chromium);
    expect(verify('dev-123.okta.com', testLeaf.cert)).toBe(VERIFY.chromium);
    expect(testTrust({ [TEST_CA_ENV]: testCa.cert }, true)).toBeNull();
  });
});
