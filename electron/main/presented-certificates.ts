/**
 * What Chromium was shown when it refused a server certificate, so the token
 * test can name it (issue 14 item 9: issuer, subject, SHA-256 reveal an
 * HTTPS-inspection proxy). Electron's way: the session's one certificate-verify
 * proc records the refused certificate per host and then returns -3, Chromium's
 * own verdict, so nothing is ever accepted here. Unlike the CLI, no second
 * connection is made: Chromium already had the certificate in hand.
 */
import type { Certificate, Session } from 'electron';
import type { PresentedCertificate } from '../../core/okta/types';

/** setCertificateVerifyProc results: 0 accept, -2 reject, -3 use Chromium's verdict. */
export const VERIFY = { accept: 0, reject: -2, chromium: -3 } as const;
export type VerifyResult = (typeof VERIFY)[keyof typeof VERIFY];

/** The part of Electron's verify request the proc reads. */
export interface VerifyRequest {
  readonly hostname: string;
  /** Chromium's own result: 0 when the certificate verified (net::OK). */
  readonly errorCode: number;
  readonly certificate: Pick<Certificate, 'data' | 'subjectName' | 'issuerName' | 'fingerprint'>;
}

/** A decision that overrides Chromium's (only the test build's trust of its CA). */
export type VerifyDecision = (request: VerifyRequest) => VerifyResult;

/** A handful of hosts is all a token test touches; older entries make room. */
export const MEMO_LIMIT = 8;

/** Electron's `sha256/<base64>` as upper-case colon-separated hex, Node's fingerprint256 form; null if not that shape. */
export function fingerprintHex(fingerprint: string): string | null {
  const match = /^sha256\/([A-Za-z0-9+/]{43}=)$/.exec(fingerprint);
  if (match?.[1] === undefined) return null;
  const bytes = Buffer.from(match[1], 'base64');
  if (bytes.length !== 32) return null;
  return [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

export interface CertificateMemo {
  record(hostname: string, certificate: VerifyRequest['certificate']): void;
  /** The certificate last refused for this URL's host, or null. */
  lookup(url: string): PresentedCertificate | null;
  clear(): void;
  readonly size: number;
}

function hostOf(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[|\]$/g, '');
}

export function createCertificateMemo(limit = MEMO_LIMIT): CertificateMemo {
  const byHost = new Map<string, PresentedCertificate>();
  return {
    record(hostname, certificate) {
      const sha256 = fingerprintHex(certificate.fingerprint);
      if (sha256 === null) return;
      const host = hostOf(hostname);
      byHost.delete(host);
      byHost.set(host, { subject: certificate.subjectName || '(none)', issuer: certificate.issuerName || '(none)', sha256 });
      while (byHost.size > limit) {
        const oldest = byHost.keys().next().value;
        if (oldest === undefined) break;
        byHost.delete(oldest);
      }
    },
    lookup(url) {
      try {
        return byHost.get(hostOf(new URL(url).hostname)) ?? null;
      } catch {
        return null;
      }
    },
    clear() {
      byHost.clear();
    },
    get size() {
      return byHost.size;
    },
  };
}

/**
 * THE verify proc of the app session (a session has only one): records what a
 * refused handshake presented, then answers with the test build's decision if
 * there is one, else -3. Production wiring passes no decision, so it never accepts.
 */
export function installCertificateRecorder(ses: Pick<Session, 'setCertificateVerifyProc'>, memo: CertificateMemo, decide: VerifyDecision | null): void {
  ses.setCertificateVerifyProc((request, callback) => {
    const verdict = decide === null ? VERIFY.chromium : decide(request);
    if (request.errorCode !== 0 && verdict !== VERIFY.accept) memo.record(request.hostname, request.certificate);
    callback(verdict);
  });
}
