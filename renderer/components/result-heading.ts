/**
 * The result's heading and what the status line announces, per outcome. Its own
 * small module: the test panel announces the result before the result view's
 * lazy chunk has to be there.
 */
import type { ReactElement } from 'react';
import type { TokenTestOutcome, TokenTestReport } from '../../core/okta/types';
import { compareScopes, missingScopesSentence } from '../../core/okta/scope-check';
import { CheckIcon, ErrorIcon, InfoIcon, WarningIcon } from './icons';

type Tone = 'ok' | 'error' | 'warning' | 'info';

export interface Heading {
  readonly text: string;
  readonly tone: Tone;
  readonly Icon: () => ReactElement;
  /** What the status line announces when the test ends. */
  readonly announce: string;
}

const HEADINGS: Readonly<Record<TokenTestOutcome, Heading>> = {
  success: { text: 'The credentials work: a token was issued', tone: 'ok', Icon: CheckIcon, announce: 'Test finished: the credentials work.' },
  rejected: { text: 'The server refused the request', tone: 'error', Icon: ErrorIcon, announce: 'Test finished: the request failed. See the explanation.' },
  'no-answer': { text: 'No usable answer from the server', tone: 'error', Icon: WarningIcon, announce: 'Test finished: the request failed. See the explanation.' },
  'invalid-input': { text: 'Not sent', tone: 'warning', Icon: WarningIcon, announce: 'Test not sent: see the message.' },
  cancelled: { text: 'Test cancelled', tone: 'info', Icon: InfoIcon, announce: 'Test cancelled.' },
};

/** A token that lacks a requested scope is not a plain success. */
const PARTIAL: Heading = {
  text: 'A token was issued, without every scope you asked for',
  tone: 'warning',
  Icon: WarningIcon,
  announce: 'Test finished: a token was issued, but not with every scope you asked for.',
};

/** The result's heading: a success without every requested scope is amber. */
export function resultHeading(report: TokenTestReport, requested: readonly string[]): Heading {
  if (report.outcome !== 'success' || report.token === null) return HEADINGS[report.outcome];
  return compareScopes(requested, report.token).missing.length > 0 ? PARTIAL : HEADINGS.success;
}


/** What the result says about scopes: the gap sentence, or that the server did not say. */
export interface ScopeVerdict {
  readonly gap: string | null;
  readonly unknown: boolean;
}

export function scopeVerdict(report: TokenTestReport, requested: readonly string[]): ScopeVerdict | null {
  if (report.token === null) return null;
  const compared = compareScopes(requested, report.token);
  return { gap: compared.missing.length > 0 ? missingScopesSentence(compared.missing) : null, unknown: compared.unknown };
}
