import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isLoopbackName, VERIFY, verifyWithTestCa } from '../../../electron/main/test-trust';
import { createTestCa, issueLeafCert, type LeafCert, type TestCa } from '../../support/test-ca';

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
