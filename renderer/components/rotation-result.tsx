/**
 * A rotation's result (issue 13): the verdict sentence and the next step on
 * top, then the current and the new secret's full results side by side, each
 * collapsed by default. Labels say "current" and "new", never a secret prefix.
 */
import { useId, type ReactElement } from 'react';
import type { RotationReport, RotationVerdict } from '../../core/okta/rotation';
import type { CopyFeedback } from '../hooks/use-copy';
import { CheckIcon, ErrorIcon, WarningIcon } from './icons';
import type { TokenTestOutcome } from '../../core/okta/types';
import { TestResult } from './lazy-test-result';
import { resultHeading, scopeVerdict } from './result-heading';
import './rotation.css';

const TONE: Readonly<Record<RotationVerdict, { readonly tone: string; readonly Icon: () => ReactElement }>> = {
  'both-work': { tone: 'ok', Icon: CheckIcon },
  'only-first-works': { tone: 'error', Icon: ErrorIcon },
  'only-second-works': { tone: 'error', Icon: ErrorIcon },
  'neither-works': { tone: 'error', Icon: ErrorIcon },
  'no-answer': { tone: 'warning', Icon: WarningIcon },
};

const SIDES = ['Current secret', 'New secret'] as const;

/** Each side's outcome in a few words (its full result says the rest). */
const OUTCOME_WORDS: Readonly<Record<TokenTestOutcome, string>> = {
  success: 'works, a token was issued',
  rejected: 'refused by the server',
  'no-answer': 'no usable answer',
  'invalid-input': 'not sent',
  cancelled: 'cancelled',
};

export interface RotationResultProps {
  readonly report: RotationReport;
  /** What was asked for, to compare with what each side was granted. */
  readonly scopes: readonly string[];
  readonly feedback: CopyFeedback | null;
  readonly onCopyToken: (side: 0 | 1) => void;
}

export function RotationResult({ report, scopes, feedback, onCopyToken }: RotationResultProps): ReactElement {
  const id = useId();
  const { tone, Icon } = TONE[report.verdict];
  return (
    <section className="result rotation-result" data-tone={tone} aria-labelledby={`${id}-heading`} data-verdict={report.verdict}>
      <h3 id={`${id}-heading`} className="result-heading" tabIndex={-1}>
        <Icon />
        <span>{report.summary}</span>
      </h3>
      <p className="result-meta">Verdict: <span className="mono">{report.verdict}</span></p>
      <p className="rotation-next"><strong>Next step:</strong> {report.nextStep}</p>
      <div className="rotation-sides">
        {report.results.map((result, i) => {
          const side = i === 0 ? 0 : 1;
          return (
            <details key={SIDES[side]} className="rotation-side" data-side={side === 0 ? 'current' : 'new'}>
              <summary>
                <strong>{SIDES[side]}</strong>: {OUTCOME_WORDS[result.outcome]}
                {result.status === null ? '' : ` (HTTP ${result.status})`}
              </summary>
              <TestResult report={result} heading={resultHeading(result, scopes)} scopes={scopeVerdict(result, scopes)} feedback={feedback} onCopyToken={() => onCopyToken(side)} />
            </details>
          );
        })}
      </div>
    </section>
  );
}
