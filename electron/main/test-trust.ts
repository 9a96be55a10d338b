/**
 * For the Electron suite only (unpackaged, BASIC_HEADER_TEST_CA_PEM set): the
 * certificate-verify decision that accepts a loopback server certificate
 * signed by the test CA. Everything else keeps Chromium's own verdict, so the
 * OS trust store still decides for real hosts.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

/** setCertificateVerifyProc results: 0 accept, -2 reject, -3 use Chromium's verdict. */
export const VERIFY = { accept: 0, reject: -2, chromium: -3 } as const;
export type VerifyResult = (typeof VERIFY)[keyof typeof VERIFY];

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackName(hostname: string): boolean {
  return LOOPBACK_NAMES.has(hostname.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

export function verifyWithTestCa(request: { readonly hostname: string; readonly certificatePem: string }, caPem: string, nowMs: number): VerifyResult {
  if (!isLoopbackName(request.hostname)) return VERIFY.chromium;
  try {
    const ca = new X509Certificate(caPem);
    const leaf = new X509Certificate(request.certificatePem);
    if (!leaf.verify(ca.publicKey)) return VERIFY.chromium;
    if (nowMs < Date.parse(leaf.validFrom) || nowMs > Date.parse(leaf.validTo)) return VERIFY.reject;
    const host = request.hostname.replace(/^\[|\]$/g, '');
    const matches = isIP(host) === 0 ? leaf.checkHost(host) !== undefined : leaf.checkIP(host) !== undefined;
    return matches ? VERIFY.accept : VERIFY.reject;
  } catch {
    return VERIFY.chromium;
  }
}
