/**
 * The certificate as Electron hands it to a verify proc, built from a real PEM
 * the way Chromium does (net_converter.cc: subjectName / issuerName are the
 * common names, fingerprint is `sha256/` + base64 of SHA-256 over the DER).
 */
import { createHash, X509Certificate } from 'node:crypto';

function commonName(distinguished: string): string {
  return /^CN=(.*)$/m.exec(distinguished)?.[1] ?? '';
}

export function chromiumCertificate(pem: string): { data: string; subjectName: string; issuerName: string; fingerprint: string } {
  const cert = new X509Certificate(pem);
  return {
    data: pem,
    subjectName: commonName(cert.subject),
    issuerName: commonName(cert.issuer),
    fingerprint: `sha256/${createHash('sha256').update(cert.raw).digest('base64')}`,
  };
}
