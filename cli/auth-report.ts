/**
 * The client-authentication part of the human report: the method, each
 * request sent (decoded assertion and DPoP proof, never the signed JWTs), the
 * DPoP nonce round trip, and the binding check.
 */
import type { DecodedJwt, TokenTestReport } from '../core/okta/types';
import type { Palette } from './output';

const ASSERTION_CLAIMS = ['iss', 'sub', 'aud', 'iat', 'exp', 'jti'];
const PROOF_CLAIMS = ['htm', 'htu', 'iat', 'jti', 'nonce'];

function describe(jwt: DecodedJwt, claimNames: readonly string[], headerNames: readonly string[]): string {
  const pick = (source: Readonly<Record<string, unknown>>, names: readonly string[]): string =>
    names.filter((n) => source[n] !== undefined).map((n) => `${n}=${typeof source[n] === 'string' ? String(source[n]) : JSON.stringify(source[n])}`).join(' ');
  return `${pick(jwt.header, headerNames)} | ${pick(jwt.claims, claimNames)}`;
}

export function authLines(report: TokenTestReport, p: Palette): string[] {
  const lines: string[] = [];
  const jwtMethod = report.authMethod === 'private_key_jwt' || report.authMethod === 'client_secret_jwt';
  if (report.authMethod !== null && (jwtMethod || report.dpop !== null)) {
    lines.push(`  ${p.bold('Auth:'.padEnd(12))}${report.authMethod}${report.dpop === null ? '' : ' with DPoP'}`);
  }
  if (!jwtMethod && report.dpop === null) return lines;
  for (const attempt of report.attempts) {
    const answer = attempt.status === null ? 'no answer' : `HTTP ${attempt.status}${attempt.error === null ? '' : ` ${attempt.error}`}`;
    const nonce = attempt.dpopNonce === null ? '' : ', with a DPoP-Nonce';
    lines.push(`  ${p.bold(`Request ${attempt.attempt}:`.padEnd(12))}${answer}${nonce}`);
    if (attempt.assertion !== null) lines.push(`    assertion  ${describe(attempt.assertion, ASSERTION_CLAIMS, ['alg', 'kid'])}`);
    if (attempt.dpopProof !== null) lines.push(`    DPoP proof ${describe(attempt.dpopProof, PROOF_CLAIMS, ['typ', 'alg'])}`);
  }
  const dpop = report.dpop;
  if (dpop !== null) {
    const retried = dpop.nonceRetried ? 'nonce requested and sent on the retry' : 'no nonce round trip';
    const binding = report.outcome !== 'success'
      ? 'no token to check'
      : dpop.bound ? p.green(`bound: cnf.jkt = ${dpop.jkt}`) : p.red(`NOT bound (cnf.jkt ${dpop.tokenJkt ?? 'missing'}, key ${dpop.jkt})`);
    lines.push(`  ${p.bold('DPoP:'.padEnd(12))}${retried}; ${binding}`);
  }
  return lines;
}
