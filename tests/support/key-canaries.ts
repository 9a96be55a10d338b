/**
 * Private-key material as canary values (issue 12): the JWK private members and
 * the private part of a PEM body, so the canary scan can look for a key on disk
 * and in output. The PEM's first half is left out on purpose: it holds the
 * ASN.1 header every RSA key shares and the public modulus (which the page may
 * show as a public JWK), and would match harmless data.
 */
import type { ExtraCanary } from './canary-scanner';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/** The private members of a JWK (object or JSON text). */
export function jwkCanaries(label: string, jwk: Readonly<Record<string, unknown>> | string): ExtraCanary[] {
  const record = typeof jwk === 'string' ? (JSON.parse(jwk) as Record<string, unknown>) : jwk;
  return PRIVATE_MEMBERS.flatMap((member) => {
    const value = record[member];
    return typeof value === 'string' && value.length >= 16 ? [{ label: `${label} ${member}`, value }] : [];
  });
}

/** The second half of an RSA private-key PEM body (whitespace removed): d, p, q and the CRT values. */
export function rsaPemCanaries(label: string, pem: string): ExtraCanary[] {
  const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  if (body.length < 64) throw new Error(`${label}: not a PEM private key`);
  return [{ label: `${label} PEM body (private half)`, value: body.slice(Math.floor(body.length / 2)) }];
}
