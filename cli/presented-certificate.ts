/**
 * Node's way to read what an HTTPS server presents without trusting it: a TLS
 * handshake that does not verify, the peer certificate read, the socket closed
 * before a single byte of HTTP is sent (so no credential ever goes over it).
 * Used only after a certificate failure, to name the certificate (issue 14 item 9).
 */
import { connect, type PeerCertificate } from 'node:tls';
import type { PresentedCertificate } from '../core/okta/types';
import { proxyApplies } from './node-fetch';

function names(entity: PeerCertificate['subject'] | undefined): string {
  if (entity === undefined) return '(none)';
  const parts = (['CN', 'O', 'OU', 'C'] as const).flatMap((key) => {
    const value: unknown = entity[key];
    return typeof value === 'string' && value !== '' ? [`${key}=${value}`] : [];
  });
  return parts.length === 0 ? '(none)' : parts.join(', ');
}

export function presentedCertificate(url: string, signal: AbortSignal): Promise<PresentedCertificate | null> {
  const target = new URL(url);
  if (target.protocol !== 'https:') return Promise.resolve(null);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({
      host,
      port: target.port === '' ? 443 : Number(target.port),
      // A name for SNI only (an IP address is not a valid SNI name).
      ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
      // Read-only: the certificate is only looked at, and the socket closes right after.
      rejectUnauthorized: false,
    });
    const done = (value: PresentedCertificate | null): void => {
      socket.destroy();
      signal.removeEventListener('abort', abort);
      resolve(value);
    };
    const abort = (): void => done(null);
    signal.addEventListener('abort', abort, { once: true });
    socket.once('error', () => done(null));
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      done(cert.fingerprint256 === undefined ? null : { subject: names(cert.subject), issuer: names(cert.issuer), sha256: cert.fingerprint256 });
    });
  });
}

/**
 * presentedCertificate for `basic-header test`: null when a proxy carries the
 * test (HTTPS_PROXY / NO_PROXY as the token request's fetch decides), since a
 * direct handshake would go around the proxy the user configured.
 */
export function presentedCertificateUnlessProxied(url: string, signal: AbortSignal): Promise<PresentedCertificate | null> {
  return proxyApplies(url, process.env) ? Promise.resolve(null) : presentedCertificate(url, signal);
}
