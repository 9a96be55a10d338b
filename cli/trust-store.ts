/**
 * The CA list for the token test. Without --ca-file, Node's own store is used
 * untouched (it already includes NODE_EXTRA_CA_CERTS). With --ca-file, a custom
 * `ca` list replaces Node's defaults, so it is rebuilt as: Node's root store +
 * the NODE_EXTRA_CA_CERTS file + the --ca-file certificates. "In addition to",
 * never "instead of".
 */
import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { fail, ok, type Result } from '../core/shared/result';
import { readCappedFile } from './capped-file';

/**
 * The most a CA file may hold. Mozilla's whole bundle (about 145 roots) is
 * about 220 KB; a corporate CA file is a few KiB. The cap keeps /dev/zero,
 * a FIFO or an endless <(…) from filling memory before anything is sent.
 */
export const MAX_CA_FILE_BYTES = 1024 * 1024;

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function pemCertificates(text: string): string[] {
  return text.match(PEM_CERTIFICATE) ?? [];
}

async function readPemFile(path: string, label: string): Promise<Result<string[], 'usage'>> {
  const read = await readCappedFile(path, {
    label,
    maxBytes: MAX_CA_FILE_BYTES,
    reason: 'a CA file holds a few certificates, and even Mozilla\'s whole bundle is about 220 KB',
  });
  if (!read.ok) return fail('usage', read.message);
  const text = read.value.toString('utf8');
  const pems = pemCertificates(text);
  if (pems.length === 0) return fail('usage', `${label} ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`);
  for (const pem of pems) {
    try {
      new X509Certificate(pem);
    } catch {
      return fail('usage', `${label} ${path} holds a certificate that cannot be parsed.`);
    }
  }
  return ok(pems);
}

export interface TrustStore {
  /** The full `ca` list for TLS, or null to keep Node's default store. */
  readonly ca: readonly string[] | null;
  /** Non-fatal problems worth a warning (e.g. an unreadable NODE_EXTRA_CA_CERTS). */
  readonly warnings: readonly string[];
}

export async function buildTrustStore(caFile: string | undefined, env: Readonly<Record<string, string | undefined>>): Promise<Result<TrustStore, 'usage'>> {
  if (caFile === undefined) return ok({ ca: null, warnings: [] });
  const extra = await readPemFile(caFile, '--ca-file');
  if (!extra.ok) return extra;
  const warnings: string[] = [];
  const nodeExtra: string[] = [];
  const extraPath = env.NODE_EXTRA_CA_CERTS;
  if (extraPath !== undefined && extraPath !== '') {
    const fromEnv = await readPemFile(extraPath, 'NODE_EXTRA_CA_CERTS');
    if (fromEnv.ok) nodeExtra.push(...fromEnv.value);
    else warnings.push(`${fromEnv.message} Only the default store and --ca-file are trusted.`);
  }
  return ok({ ca: [...rootCertificates, ...nodeExtra, ...extra.value], warnings });
}
