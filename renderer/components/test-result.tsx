import { useId, type ReactElement } from 'react';
import type { RateLimitInfo, TokenTestReport } from '../../core/okta/types';
import type { CopyFeedback } from '../hooks/use-copy';
import { formatEpochSeconds } from '../format';
import { CheckIcon, ErrorIcon, InfoIcon, WarningIcon } from './icons';
import { DiscoveryDetails } from './discovery-details';
import { MaskedRequestView } from './masked-request';
import { NoticeList } from './notice-list';
import { TokenDetailsView } from './token-details';
import { AuthSteps, DpopRetry, offersDpopRetry } from './client-key-steps';

const HEADINGS: Readonly<Record<TokenTestReport['outcome'], { readonly text: string; readonly tone: string; readonly Icon: () => ReactElement }>> = {
  success: { text: 'The credentials work: a token was issued', tone: 'ok', Icon: CheckIcon },
  rejected: { text: 'The server refused the request', tone: 'error', Icon: ErrorIcon },
  'no-answer': { text: 'No usable answer from the server', tone: 'error', Icon: WarningIcon },
  'invalid-input': { text: 'Not sent', tone: 'warning', Icon: WarningIcon },
  cancelled: { text: 'Test cancelled', tone: 'info', Icon: InfoIcon },
};

function RateLimit({ rateLimit }: { readonly rateLimit: RateLimitInfo }): ReactElement {
  const id = useId();
  return (
    <section className="subsection" aria-labelledby={`${id}-rate-limit`}>
      <h3 id={`${id}-rate-limit`}>Rate limit</h3>
      <dl className="facts facts-table">
        <div><dt>X-Rate-Limit-Limit</dt><dd>{rateLimit.limit ?? 'Not given'}</dd></div>
        <div><dt>X-Rate-Limit-Remaining</dt><dd>{rateLimit.remaining ?? 'Not given'}</dd></div>
        <div>
          <dt>X-Rate-Limit-Reset</dt>
          <dd>{rateLimit.resetEpochSeconds === null ? 'Not given' : `${formatEpochSeconds(rateLimit.resetEpochSeconds)} (your local time)`}</dd>
        </div>
      </dl>
    </section>
  );
}

export interface TestResultProps {
  readonly report: TokenTestReport;
  readonly feedback: CopyFeedback | null;
  readonly onCopyToken: () => void;
  /** Offered when the answer says DPoP is required and none was sent. */
  readonly onRetryWithDpop?: () => void;
}

export function TestResult({ report, feedback, onCopyToken, onRetryWithDpop }: TestResultProps): ReactElement {
  const heading = HEADINGS[report.outcome];
  // Unique per result: a rotation shows two side by side.
  const id = useId();
  const failed = report.outcome !== 'success';
  return (
    <section className={`result result-${heading.tone}`} aria-labelledby={`${id}-heading`} data-outcome={report.outcome}>
      <h3 id={`${id}-heading`} className="result-heading" tabIndex={-1}>
        <heading.Icon />
        <span>{heading.text}</span>
      </h3>
      <p className="result-meta">
        {report.status === null ? 'No HTTP response' : `HTTP ${report.status}`}
        {report.error === null ? null : <> · <span className="mono">{report.error}</span></>}
        {` · ${Math.round(report.elapsedMs)} ms`}
      </p>

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
            <div><dt>Fix</dt><dd>{report.explanation.fix}</dd></div>
          </dl>
        </div>
      )}

      {onRetryWithDpop !== undefined && offersDpopRetry(report) ? <DpopRetry onRetry={onRetryWithDpop} /> : null}

      {report.rateLimit === null ? null : <RateLimit rateLimit={report.rateLimit} />}

      {report.token === null ? null : <TokenDetailsView token={report.token} feedback={feedback} onCopyToken={onCopyToken} />}

      <AuthSteps report={report} />

      <NoticeList notices={report.notices} />

      {report.discovery === null ? null : <DiscoveryDetails discovery={report.discovery} />}

      {report.request === null ? null : (
        <details className="subsection">
          <summary>Request that was sent (secret masked)</summary>
          <MaskedRequestView request={report.request} label="Request that was sent" />
        </details>
      )}
    </section>
  );
}
