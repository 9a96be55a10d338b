/**
 * A TokenTestReport as the CLI shows it: the --json object of the contract,
 * the human report, and the exit code of each outcome. Only fields core built
 * for display are used, and the raw token never appears here.
 */
import { INTERNAL_ERROR, isInternalError } from '../core/okta/run-token-test';
import { describeEpochSeconds, isoFromEpochSeconds, NOT_A_DATE } from '../core/okta/time';
import { tokenRequestSent, type ClientAuthMethod, type Explanation, type MaskedRequest, type PresentedCertificate, type RateLimitInfo, type SignatureStatus, type TokenTestOutcome, type TokenTestReport } from '../core/okta/types';
import { authLines } from './auth-report';
import { EXIT, type ExitCode } from './exit-codes';
import type { Palette } from './output';

export interface TestJson {
  readonly ok: boolean;
  readonly status: number | null;
  /**
   * The OAuth `error` or Okta `errorCode` the server answered with (a 5xx's included), else null.
   * The one exception: "internal" for a bug in basic-header itself (exit 70), as documented.
   */
  readonly error: string | null;
  readonly errorDescription: string | null;
  readonly explanation: Explanation | null;
  readonly claims: Readonly<Record<string, unknown>> | null;
  readonly signature: SignatureStatus;
  readonly rateLimit: RateLimitInfo | null;
  readonly request: MaskedRequest | null;
  /** The client authentication method actually used. */
  readonly authMethod: ClientAuthMethod | null;
  /** token_type from the response. */
  readonly tokenType: string | null;
  readonly dpop: { readonly jkt: string; readonly nonceRetried: boolean; readonly bound: boolean } | null;
  /**
   * Why there is no answer to judge, as core names it: a no-answer code ('timeout', 'refused', 'dns',
   * 'tls-untrusted', 'server-error', 'not-json', …), 'internal', 'cancelled', or the code of an input
   * refused before sending. Null when the server answered with a token or a rejection.
   */
  readonly failure: string | null;
  /**
   * Only on a certificate failure: what the server presented (read without sending
   * anything). Absent otherwise, so every other answer keeps the documented key set.
   */
  readonly certificate?: PresentedCertificate;
}

/** The --debug line for the report's request: "sent" only when it went out (else the one it would have sent). */
export function requestDebugLine(report: TokenTestReport): string | null {
  if (report.request === null) return null;
  return `${tokenRequestSent(report) ? 'request sent' : 'request not sent (the test stopped before it)'} (secret masked): ${JSON.stringify(report.request)}`;
}

export function reportJson(report: TokenTestReport): TestJson {
  return {
    ok: report.ok,
    status: report.status,
    // Core's `error` also names its own failures (timeout, server-error, …): those go in `failure`.
    error: isInternalError(report) ? INTERNAL_ERROR : report.serverErrorCode,
    errorDescription: report.errorDescription,
    explanation: report.explanation,
    claims: report.token?.claims ?? null,
    signature: report.token?.signature ?? 'unchecked',
    rateLimit: report.rateLimit,
    request: report.request,
    authMethod: report.authMethod,
    tokenType: report.token?.tokenType ?? null,
    dpop: report.dpop === null ? null : { jkt: report.dpop.jkt, nonceRetried: report.dpop.nonceRetried, bound: report.dpop.bound },
    failure: report.outcome === 'success' || report.outcome === 'rejected' ? null : report.error,
    ...(report.certificate == null ? {} : { certificate: report.certificate }),
  };
}

export const OUTCOME_EXIT: Readonly<Record<TokenTestOutcome, ExitCode>> = {
  success: EXIT.ok,
  rejected: EXIT.rejected,
  'invalid-input': EXIT.usage,
  'no-answer': EXIT.noAnswer,
  cancelled: EXIT.cancelled,
};

/** The exit code of a report: its outcome's, except a bug in Basic Header itself, which is always 70. */
export function exitCodeFor(report: Pick<TokenTestReport, 'outcome' | 'error'>): ExitCode {
  return isInternalError(report) ? EXIT.internal : OUTCOME_EXIT[report.outcome];
}

const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time']);

function claimValue(name: string, value: unknown, nowMs: number): string {
  if (TIME_CLAIMS.has(name) && typeof value === 'number') {
    const iso = isoFromEpochSeconds(value);
    if (iso === null) return `${value} (${NOT_A_DATE})`;
    if (name !== 'exp') return `${value} (${iso})`;
    const left = Math.round(value - nowMs / 1000);
    return `${value} (${iso}, ${left >= 0 ? `in ${duration(left)}` : `${duration(-left)} ago`})`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

function rateLimitLine(rate: RateLimitInfo, nowMs: number): string {
  const parts: string[] = [];
  if (rate.remaining !== null) parts.push(rate.limit === null ? `${rate.remaining} requests left` : `${rate.remaining} of ${rate.limit} requests left`);
  else if (rate.limit !== null) parts.push(`limit ${rate.limit} requests`);
  if (rate.resetEpochSeconds !== null) {
    const left = Math.max(0, Math.round(rate.resetEpochSeconds - nowMs / 1000));
    const iso = isoFromEpochSeconds(rate.resetEpochSeconds);
    parts.push(iso === null ? `resets at ${describeEpochSeconds(rate.resetEpochSeconds)}` : `resets at ${iso} (in ${duration(left)})`);
  }
  return parts.join(', ');
}

function label(p: Palette, text: string): string {
  return p.bold(`${text}:`.padEnd(12));
}

const TLS_TRUST_CODES = /^tls-untrusted/;

/** The human report, line by line. `nowMs` is passed in so times are testable. */
export function reportLines(report: TokenTestReport, p: Palette, nowMs: number): string[] {
  const lines: string[] = [];
  const took = `${report.elapsedMs} ms`;
  const token = report.token;
  switch (report.outcome) {
    case 'success':
      lines.push(`${p.green('✔ Success:')} the authorization server issued an access token (HTTP ${report.status ?? '?'}, ${took}).`);
      break;
    case 'rejected':
      lines.push(`${p.red('✘ Rejected:')} HTTP ${report.status ?? '?'}${report.error === null ? '' : ` ${report.error}`} (${took}).`);
      break;
    case 'no-answer':
      lines.push(`${p.red('✘ No usable answer:')} ${report.error ?? 'no answer'}${report.status === null ? '' : ` (HTTP ${report.status})`}, after ${took}.`);
      break;
    case 'invalid-input':
      lines.push(`${p.red('✘ Not sent:')} ${report.errorDescription ?? report.error ?? 'invalid input'}`);
      break;
    case 'cancelled':
      lines.push(`${p.yellow('Cancelled.')}`);
      break;
  }
  if (report.discovery !== null) {
    const how = report.discovery.source === 'discovered' ? 'from its metadata' : `documented Okta paths${report.discovery.note === null ? '' : `: ${report.discovery.note}`}`;
    lines.push(`  ${label(p, 'Server')}${report.discovery.issuer} (${how})`);
  }
  // For a no-answer, core's description is usually the explanation's cause: say it once.
  const sameAsCause = report.explanation !== null && report.errorDescription !== null && report.explanation.cause.includes(report.errorDescription);
  if (report.outcome !== 'success' && report.outcome !== 'invalid-input' && report.errorDescription !== null && !sameAsCause) {
    lines.push(`  ${label(p, report.outcome === 'rejected' ? 'Okta said' : 'Details')}${report.outcome === 'rejected' ? `"${report.errorDescription}"` : report.errorDescription}`);
  }
  if (report.explanation !== null && report.outcome !== 'success') {
    lines.push(`  ${label(p, 'Why')}${report.explanation.title}. ${report.explanation.cause}`);
    lines.push(`  ${label(p, 'Fix')}${report.explanation.fix}`);
  }
  const certificate = report.certificate ?? null;
  if (certificate !== null) {
    lines.push(`  ${label(p, 'Presented')}certificate subject ${certificate.subject}; issuer ${certificate.issuer}`);
    lines.push(`  ${label(p, 'SHA-256')}${certificate.sha256}`);
  }
  const untrusted = report.outcome === 'no-answer' && report.error !== null && TLS_TRUST_CODES.test(report.error);
  if (untrusted && certificate !== null) {
    // The issuer is what gives an HTTPS-inspection proxy away; say what to do about it.
    lines.push(`  ${label(p, 'Hint')}If that issuer is your network's HTTPS-inspection proxy, trust its CA with --ca-file ca.pem or NODE_EXTRA_CA_CERTS=ca.pem; never turn TLS checks off.`);
  } else if (untrusted && report.explanation?.fix.includes('--ca-file') !== true) {
    lines.push(`  ${label(p, 'Hint')}If your network uses its own CA, trust it with --ca-file ca.pem or NODE_EXTRA_CA_CERTS=ca.pem; never turn TLS checks off.`);
  }
  if (token !== null) {
    const facts = [token.tokenType ?? 'token', token.format === 'jwt' ? 'JWT' : 'opaque'];
    // A server can say 0 or a negative number: that token is already expired, not one "in -5 s".
    if (token.expiresIn !== null) facts.push(token.expiresIn > 0 ? `expires in ${duration(token.expiresIn)}` : `already expired (expires_in ${token.expiresIn})`);
    if (token.scope !== null) facts.push(`scope ${token.scope}`);
    lines.push(`  ${label(p, 'Token')}${facts.join(', ')}`);
    const mark = token.signature === 'verified' ? p.green('verified') : token.signature === 'invalid' ? p.red('INVALID') : p.yellow('unchecked');
    lines.push(`  ${label(p, 'Signature')}${mark} — ${token.signatureDetail}`);
    if (token.claims !== null) {
      lines.push(`  ${p.bold('Claims:')}`);
      const names = Object.keys(token.claims);
      const width = Math.max(...names.map((n) => n.length)) + 2;
      for (const name of names) lines.push(`    ${name.padEnd(width)}${claimValue(name, token.claims[name], nowMs)}`);
    }
  }
  lines.push(...authLines(report, p));
  if (report.rateLimit !== null) {
    const line = rateLimitLine(report.rateLimit, nowMs);
    if (line !== '') lines.push(`  ${label(p, 'Rate limit')}${line}`);
  }
  if (report.request !== null && tokenRequestSent(report)) {
    lines.push(`  ${label(p, 'Sent')}${report.request.method} ${report.request.url} (credentials masked; --json shows the whole request)`);
  } else if (report.request !== null) {
    // Stopped before the token request (cancelled, or discovery failed): what it would have sent, never called "sent".
    lines.push(`  ${label(p, 'Not sent')}${report.request.method} ${report.request.url} (the test stopped before the token request; --json shows the request it would have sent, credentials masked)`);
  }
  return lines;
}
