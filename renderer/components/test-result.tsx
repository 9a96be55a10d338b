import { useId, type ReactElement } from 'react';
import type { Notice } from '../../core/shared/notice';
import { tokenRequestSent, type RateLimitInfo, type TokenTestReport } from '../../core/okta/types';
import type { CopyFeedback } from '../hooks/use-copy';
import { formatEpochSeconds } from '../format';
import type { Heading, ScopeVerdict } from './result-heading';
import { CertificateDetails, DESKTOP_TLS_FIX } from './certificate-details';
import { WarningIcon } from './icons';
import { DiscoveryDetails } from './discovery-details';
import { MaskedRequestView } from './masked-request';
import { NoticeList } from './notice-list';
import { TokenDetailsView } from './token-details';
import { AuthSteps, DpopRetry, offersDpopRetry } from './client-key-steps';
import '../styles/panels.css';

/** Notices that explain this outcome; the rest go behind Details. */
function bearsOnOutcome(report: TokenTestReport, n: Notice): boolean {
  if (report.outcome === 'no-answer' || report.outcome === 'cancelled') return n.severity === 'error';
  const scopeNote = n.code === 'no-scope' || n.code === 'oidc-scope' || n.code === 'custom-scope-org-server';
  if (scopeNote) return report.outcome === 'success' || report.error === 'invalid_scope';
  return true;
}

function RateLimit({ rateLimit }: { readonly rateLimit: RateLimitInfo }): ReactElement {
  const id = useId();
  return (
    <section className="subsection" aria-labelledby={`${id}-rate-limit`}>
      <h4 id={`${id}-rate-limit`}>Rate limit</h4>
      <dl className="facts facts-table">
        <div><dt>Limit<span className="raw-name mono">X-Rate-Limit-Limit</span></dt><dd>{rateLimit.limit ?? 'Not given'}</dd></div>
        <div><dt>Remaining<span className="raw-name mono">X-Rate-Limit-Remaining</span></dt><dd>{rateLimit.remaining ?? 'Not given'}</dd></div>
        <div>
          <dt>Resets<span className="raw-name mono">X-Rate-Limit-Reset</span></dt>
          <dd>{rateLimit.resetEpochSeconds === null ? 'Not given' : `${formatEpochSeconds(rateLimit.resetEpochSeconds)} (your local time)`}</dd>
        </div>
      </dl>
    </section>
  );
}

export interface TestResultProps {
  readonly report: TokenTestReport;
  /** From resultHeading and scopeVerdict (worked out by the test panel, which also announces them). */
  readonly heading: Heading;
  readonly scopes: ScopeVerdict | null;
  readonly feedback: CopyFeedback | null;
  readonly onCopyToken: () => void;
  /** Offered when the answer says DPoP is required and none was sent. */
  readonly onRetryWithDpop?: () => void;
}

export function TestResult({ report, heading, scopes, feedback, onCopyToken, onRetryWithDpop }: TestResultProps): ReactElement {
  // Unique per result: a rotation shows two side by side.
  const id = useId();
  const failed = report.outcome !== 'success';
  const main = report.notices.filter((n) => bearsOnOutcome(report, n));
  const aside = report.notices.filter((n) => !bearsOnOutcome(report, n));
  const hasDetails = aside.length > 0 || report.discovery !== null || report.request !== null;
  // A test that stopped before the token request shows the one it would have sent: never call that sent.
  const requestSent = tokenRequestSent(report);
  const requestTitle = requestSent ? 'Request that was sent' : 'Request that would have been sent';
  return (
    <section className="result" data-tone={heading.tone} aria-labelledby={`${id}-heading`} data-outcome={report.outcome}>
      <h3 id={`${id}-heading`} className="result-heading" tabIndex={-1}>
        <heading.Icon />
        <span>{heading.text}</span>
      </h3>
      <p className="result-meta">
        {report.status === null ? 'No HTTP response' : `HTTP ${report.status}`}
        {report.error === null ? null : <> · <span className="mono">{report.error}</span></>}
        {` · ${Math.round(report.elapsedMs)} ms`}
      </p>

      {scopes?.gap == null ? null : (
        <p className="scope-gap" data-tone="warning">
          <WarningIcon />
          <span>
            {scopes.gap} Okta refuses unknown scopes with invalid_scope, but some servers silently
            drop them: check the scope exists and that an access policy rule grants it to this app.
          </span>
        </p>
      )}

      {failed && report.errorDescription !== null && report.errorDescription !== report.explanation?.cause ? (
        <figure className="verbatim">
          <figcaption>{report.outcome === 'rejected' ? 'The server’s words' : 'What happened'}</figcaption>
          <blockquote className="mono">{report.errorDescription}</blockquote>
        </figure>
      ) : null}

      {report.explanation === null ? null : (
        <div className="explanation">
          <p className="explanation-title"><strong>{report.explanation.title}</strong></p>
          <dl className="facts">
            <div><dt>Cause</dt><dd>{report.explanation.cause}</dd></div>
            <div><dt>Fix</dt><dd>{report.error === 'tls-untrusted' ? DESKTOP_TLS_FIX : report.explanation.fix}</dd></div>
          </dl>
        </div>
      )}

      {report.certificate == null ? null : <CertificateDetails certificate={report.certificate} />}

      {onRetryWithDpop !== undefined && offersDpopRetry(report) ? <DpopRetry onRetry={onRetryWithDpop} /> : null}

      {report.token === null ? null : <TokenDetailsView token={report.token} feedback={feedback} onCopyToken={onCopyToken} />}

      <AuthSteps report={report} />

      {scopes?.unknown === true ? <p className="hint">The server did not say which scopes it granted, so they could not be compared with what you asked for.</p> : null}

      {report.rateLimit === null ? null : <RateLimit rateLimit={report.rateLimit} />}

      <NoticeList notices={main} />

      {hasDetails ? (
        <details className="subsection result-details">
          <summary>Details</summary>
          <div className="result-details-body">
            <NoticeList notices={aside} />
            {report.discovery === null ? null : <DiscoveryDetails discovery={report.discovery} />}
            {report.request === null ? null : (
              <section className="subsection" aria-labelledby={`${id}-request-heading`}>
                <h4 id={`${id}-request-heading`}>{requestTitle}{requestSent ? ' (secret masked)' : ' (not sent; secret masked)'}</h4>
                <MaskedRequestView request={report.request} label={requestTitle} />
              </section>
            )}
          </div>
        </details>
      ) : null}
    </section>
  );
}
