/**
 * Test-time TLS material: a throwaway CA and leaf certificates signed by it,
 * trusted only by the clients a test builds (never the process or the system).
 */
import { X509Certificate } from 'node:crypto';
import selfsigned from 'selfsigned';

export interface TestCa {
  /** PEM of the CA certificate: pass to a client's `ca` to trust it. */
  readonly cert: string;
  readonly key: string;
}

export interface LeafCert {
  readonly cert: string;
  readonly key: string;
}

type AltName = { type: 2; value: string } | { type: 7; ip: string };

export async function createTestCa(commonName = 'Basic Header test CA'): Promise<TestCa> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** A server certificate for the given names (default: localhost and 127.0.0.1), signed by `ca`. */
export async function issueLeafCert(
  ca: TestCa,
  names: { dns?: readonly string[]; ips?: readonly string[] } = { dns: ['localhost'], ips: ['127.0.0.1'] },
): Promise<LeafCert> {
  const altNames: AltName[] = [
    ...(names.dns ?? []).map((value): AltName => ({ type: 2, value })),
    ...(names.ips ?? []).map((ip): AltName => ({ type: 7, ip })),
  ];
  const pems = await selfsigned.generate([{ name: 'commonName', value: names.dns?.[0] ?? names.ips?.[0] ?? 'leaf' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  // Fail loudly here rather than as a confusing TLS error later.
  if (!new X509Certificate(pems.cert).verify(new X509Certificate(ca.cert).publicKey)) {
    throw new Error('test leaf certificate is not signed by the test CA');
  }
  return { cert: pems.cert, key: pems.private };
}
