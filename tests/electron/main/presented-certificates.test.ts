/**
 * Issue 14 item 9 in the desktop app: the session's one verify proc records
 * what Chromium refused, per host, and answers -3 (Chromium's verdict) — it
 * never accepts. Real certificates from a throwaway CA; the fingerprint must
 * equal Node's own fingerprint256 of the same certificate.
 */
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCertificateMemo, fingerprintHex, installCertificateRecorder, MEMO_LIMIT, VERIFY, type VerifyRequest } from '../../../electron/main/presented-certificates';
import { TEST_CA_ENV, testTrust } from '../../../electron/main/test-hooks';
import { chromiumCertificate } from '../../support/electron/chromium-certificate';
import { createTestCa, issueLeafCert, type LeafCert, type TestCa } from '../../support/test-ca';

type Proc = (request: VerifyRequest, callback: (result: number) => void) => void;

function installed(decide: Parameters<typeof installCertificateRecorder>[2]) {
  const memo = createCertificateMemo();
  let proc: Proc | null = null;
  installCertificateRecorder({ setCertificateVerifyProc: (p) => { proc = p as unknown as Proc; } }, memo, decide);
  const verify = (hostname: string, pem: string, errorCode: number): number => {
    let result = Number.NaN;
    if (proc === null) throw new Error('no verify proc installed');
    proc({ hostname, errorCode, certificate: chromiumCertificate(pem) }, (r) => { result = r; });
    return result;
  };
  return { memo, verify };
}

let ca: TestCa;
let leaf: LeafCert;
let foreign: LeafCert;
beforeAll(async () => {
  ca = await createTestCa('Inspection Proxy CA');
  leaf = await issueLeafCert(ca);
  foreign = await issueLeafCert(await createTestCa('someone else'));
});

describe('fingerprintHex', () => {
  it("turns Electron's sha256/<base64> into Node's colon-separated upper-case hex", () => {
    expect(fingerprintHex(chromiumCertificate(leaf.cert).fingerprint)).toBe(new X509Certificate(leaf.cert).fingerprint256);
  });
  it('refuses anything else', () => {
    for (const odd of ['', 'sha1/AAAA', 'sha256/', 'sha256/not base64!', `sha256/${'A'.repeat(100)}`]) expect(fingerprintHex(odd)).toBeNull();
  });
});

describe('the production verify proc (no test decision)', () => {
  it('records a refused certificate for its host and answers -3', () => {
    const { memo, verify } = installed(null);
    expect(verify('dev-1.okta.com', leaf.cert, -202)).toBe(VERIFY.chromium);
    const x509 = new X509Certificate(leaf.cert);
    expect(memo.lookup('https://DEV-1.okta.com/oauth2/v1/token')).toEqual({ subject: 'localhost', issuer: 'Inspection Proxy CA', sha256: x509.fingerprint256 });
    expect(memo.lookup('https://other.okta.com/')).toBeNull();
  });

  it('never accepts, whatever Chromium said, and records nothing that verified', () => {
    const { memo, verify } = installed(null);
    for (const code of [0, -200, -201, -202, -207]) expect(verify('127.0.0.1', leaf.cert, code)).toBe(VERIFY.chromium);
    expect(verify('ok.example', foreign.cert, 0)).toBe(VERIFY.chromium);
    expect(memo.lookup('https://ok.example/')).toBeNull();
  });

  it('keeps the memo small: the newest hosts win, Forget (clear) empties it', () => {
    const { memo, verify } = installed(null);
    for (let i = 0; i < 3 * MEMO_LIMIT; i += 1) verify(`h${i}.example`, leaf.cert, -202);
    expect(memo.size).toBe(MEMO_LIMIT);
    expect(memo.lookup(`https://h${3 * MEMO_LIMIT - 1}.example/`)).not.toBeNull();
    expect(memo.lookup('https://h0.example/')).toBeNull();
    memo.clear();
    expect(memo.size).toBe(0);
    expect(memo.lookup(`https://h${3 * MEMO_LIMIT - 1}.example/`)).toBeNull();
  });
});

describe('composed with the test build trust (one proc per session)', () => {
  it('still trusts the test CA on loopback (and records nothing then), defers and records otherwise', () => {
    const { memo, verify } = installed(testTrust({ [TEST_CA_ENV]: ca.cert }, false));
    expect(verify('127.0.0.1', leaf.cert, -202)).toBe(VERIFY.accept);
    expect(memo.lookup('https://127.0.0.1:8443/')).toBeNull();
    expect(verify('127.0.0.1', foreign.cert, -202)).toBe(VERIFY.chromium);
    expect(memo.lookup('https://127.0.0.1:8443/')?.issuer).toBe('someone else');
  });
});
