/**
 * What a JWT or DPoP test did, step by step: each token request with its
 * decoded assertion and proof claims (never the signed JWTs), the DPoP nonce
 * round trip, the token's binding to the proof key, and the server's clock.
 * Plus the "Retry with DPoP" offer when the answer says DPoP is required.
 */
import type { ReactElement } from 'react';
import type { DecodedJwt, TokenRequestAttempt, TokenTestReport } from '../../core/okta/types';
import { ClaimsTable } from './token-details';
import { CheckIcon, ErrorIcon } from './icons';
import './client-key.css';

const ASSERTION_ORDER = ['iss', 'sub', 'aud', 'iat', 'exp', 'jti'];
const PROOF_ORDER = ['htm', 'htu', 'iat', 'jti', 'nonce'];

/** True when the report has steps worth showing: a signed assertion, a proof, or a DPoP outcome. */
export function hasAuthSteps(report: TokenTestReport): boolean {
  return report.dpop !== null || report.attempts.some((a) => a.assertion !== null || a.dpopProof !== null);
}

/** The answer says the app wants DPoP and this test sent none: offer to repeat it with DPoP. */
export function offersDpopRetry(report: TokenTestReport): boolean {
  return report.dpop === null && report.explanation?.id === 'dpop-required';
}

/** A proof's public jwk header is long; its thumbprint is what matters, and the binding check shows it. */
function proofHeader(header: DecodedJwt['header']): Record<string, unknown> {
  const { jwk, ...rest } = header;
  return jwk === undefined ? rest : { ...rest, jwk: 'the public key of this run’s DPoP key pair' };
}

function attemptTitle(attempt: TokenRequestAttempt, count: number): string {
  const what = attempt.attempt === 1 ? (count > 1 ? 'First request' : 'Request') : 'Retry with the server’s nonce';
  const answer = attempt.status === null ? 'no HTTP response' : `HTTP ${attempt.status}${attempt.error === null ? '' : ` ${attempt.error}`}`;
  return `${what}: ${answer}`;
}

function Attempt({ attempt, count }: { readonly attempt: TokenRequestAttempt; readonly count: number }): ReactElement {
  return (
    <li className="auth-step">
      <p className="auth-step-title"><strong>{attemptTitle(attempt, count)}</strong></p>
      {attempt.dpopNonce === null ? null : (
        <p className="hint">The server sent a DPoP-Nonce header: the next proof carries it as its nonce claim.</p>
      )}
      {attempt.assertion === null ? null : (
        <>
          <ClaimsTable caption={`Client assertion claims (request ${attempt.attempt})`} values={attempt.assertion.claims} order={ASSERTION_ORDER} />
          <ClaimsTable caption={`Client assertion header (request ${attempt.attempt})`} values={attempt.assertion.header} order={['alg', 'kid', 'typ']} />
        </>
      )}
      {attempt.dpopProof === null ? null : (
        <>
          <ClaimsTable caption={`DPoP proof claims (request ${attempt.attempt})`} values={attempt.dpopProof.claims} order={PROOF_ORDER} />
          <ClaimsTable caption={`DPoP proof header (request ${attempt.attempt})`} values={proofHeader(attempt.dpopProof.header)} order={['typ', 'alg', 'jwk']} />
        </>
      )}
    </li>
  );
}

function Binding({ report }: { readonly report: TokenTestReport }): ReactElement | null {
  const dpop = report.dpop;
  if (dpop === null) return null;
  const tokenType = report.token?.tokenType ?? null;
  return (
    <div className={`binding ${dpop.bound ? 'binding-ok' : 'binding-off'}`} aria-label="DPoP binding check" role="group">
      {dpop.bound ? <CheckIcon /> : <ErrorIcon />}
      <div>
        <p>
          <strong>{dpop.bound ? 'The token is bound to this run’s DPoP key.' : report.token === null ? 'No token to check the binding of.' : 'The token is NOT bound to this run’s DPoP key.'}</strong>
          {' '}
          {dpop.nonceRetried ? 'The server asked for a nonce first; the retry carried it.' : 'The server did not ask for a nonce.'}
        </p>
        <dl className="facts facts-table">
          <div><dt>Key thumbprint (jkt)</dt><dd className="mono">{dpop.jkt}</dd></div>
          <div><dt>Token cnf.jkt</dt><dd className="mono">{dpop.tokenJkt ?? 'Not readable (no token, or not a JWT)'}</dd></div>
          <div><dt>token_type</dt><dd className="mono">{tokenType ?? '—'}</dd></div>
        </dl>
      </div>
    </div>
  );
}

export function AuthSteps({ report }: { readonly report: TokenTestReport }): ReactElement | null {
  if (!hasAuthSteps(report)) return null;
  const count = report.attempts.length;
  return (
    <section className="subsection auth-steps" aria-labelledby="auth-steps-heading">
      <h3 id="auth-steps-heading">Steps</h3>
      <ol className="auth-step-list">
        {report.attempts.map((attempt) => <Attempt key={attempt.attempt} attempt={attempt} count={count} />)}
      </ol>
      <Binding report={report} />
      {report.clock === null ? null : (
        <p className="hint">
          Server clock (Date header): {report.clock.serverDate}; this computer is {Math.abs(report.clock.skewSeconds)} s{' '}
          {report.clock.skewSeconds === 0 ? 'apart' : report.clock.skewSeconds > 0 ? 'behind' : 'ahead'}.
        </p>
      )}
    </section>
  );
}

export function DpopRetry({ onRetry }: { readonly onRetry: () => void }): ReactElement {
  return (
    <div className="dpop-retry">
      <p>This app wants DPoP proofs. The app can make the proof key and handle the nonce for you.</p>
      <button type="button" className="button button-primary" onClick={onRetry}>Retry with DPoP</button>
    </div>
  );
}
