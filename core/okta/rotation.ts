/**
 * Secret rotation (issue 13): the same token test with the current and the new
 * client secret of one app, one after the other, and what the pair means.
 * An Okta app holds up to two secrets, both ACTIVE at once during a rotation;
 * the admin needs to know "does the new one work?" before deploying it and
 * "is the old one dead?" after deactivating it.
 *
 * The runner takes the ordinary single-test input and varies only the secret,
 * so every client-authentication method core supports works the same way.
 */
import { buildBasicCredentials } from '../encoding';
import { fail, ok, type Result } from '../shared/result';
import { createDiscoveryCache } from './discovery';
import type { SensitiveValue } from './redact';
import { runTokenTest, type TokenTestOptions } from './run-token-test';
import { prepareTokenTest, type InputErrorCode } from './token-request';
import type { TokenTestDeps, TokenTestInput, TokenTestReport } from './types';

export type RotationVerdict = 'both-work' | 'only-first-works' | 'only-second-works' | 'neither-works' | 'no-answer';

/** How both shells name the two sides. Never a secret prefix: that would be a fragment of the secret. */
export const ROTATION_LABELS = { current: 'current', new: 'new' } as const;
export type RotationSide = keyof typeof ROTATION_LABELS;

export interface RotationReport {
  /** True only for both-work. */
  readonly ok: boolean;
  readonly verdict: RotationVerdict;
  /** [current, new]: each exactly what a single test of that secret reports. */
  readonly results: readonly [TokenTestReport, TokenTestReport];
  /** One sentence: what the pair of answers means. */
  readonly summary: string;
  /** What the admin should do next. */
  readonly nextStep: string;
}

export type RotationInputError = InputErrorCode | 'same-secret';

/** The two raw secrets are one secret: a rotation test of it would prove nothing. */
export const SAME_SECRET_MESSAGE =
  'these are the same secret: the current and the new secret are identical. Enter the second secret Okta generated for this app as the new one.';

/**
 * Refuses bad input (as a single test would) and a pair that is really one secret, compared after
 * the hygiene fixes every test applies (a stray space or line break does not make a second secret).
 */
export function checkRotationPair(current: TokenTestInput, next: TokenTestInput): Result<null, RotationInputError> {
  const a = prepareTokenTest(current);
  if (!a.ok) return fail(a.code, a.message);
  // Only the secret differs, so anything the new side adds is about the new secret.
  const b = prepareTokenTest(next);
  if (!b.ok) return fail(b.code, `The new secret: ${b.message}`);
  const cleaned = (secret: string): string => buildBasicCredentials({ clientId: current.clientId, clientSecret: secret, formEncode: false }).clientSecret;
  if (cleaned(current.clientSecret) === cleaned(next.clientSecret)) return fail('same-secret', SAME_SECRET_MESSAGE);
  return ok(null);
}

/** What a test of `input` masks for its secret: the secret as typed, as cleaned, and in its place in each Basic value. */
function sensitiveOf(input: TokenTestInput): readonly SensitiveValue[] {
  const prepared = prepareTokenTest(input);
  return prepared.ok ? prepared.value.sensitive : [input.clientSecret];
}

type Answer = 'works' | 'rejected' | 'no-answer';

function answerOf(report: TokenTestReport): Answer {
  if (report.outcome === 'success') return 'works';
  if (report.outcome === 'rejected') return 'rejected';
  // no-answer, cancelled, or (never expected after the pair check) invalid-input: nothing was learned about the secret.
  return 'no-answer';
}

export function rotationVerdict(current: TokenTestReport, next: TokenTestReport): RotationVerdict {
  const a = answerOf(current);
  const b = answerOf(next);
  if (a === 'no-answer' || b === 'no-answer') return 'no-answer';
  if (a === 'works') return b === 'works' ? 'both-work' : 'only-first-works';
  return b === 'works' ? 'only-second-works' : 'neither-works';
}

function isRateLimited(report: TokenTestReport): boolean {
  return report.status === 429 || report.explanation?.id === 'rate-limited';
}

/** Why one side failed, in a few words: Okta's explanation title, else its own text, else the code. */
export function rotationReason(report: TokenTestReport): string {
  return report.explanation?.title ?? report.errorDescription ?? report.error ?? report.outcome;
}

/** One side's failure as the neither-works step names it: a 429 checked nothing, so it is no rejection. */
function sideReason(report: TokenTestReport): string {
  return isRateLimited(report) ? 'not checked (rate-limited, HTTP 429)' : rotationReason(report);
}

const RATE_LIMITED_STEP =
  'was not really checked: Okta rate-limited the request (HTTP 429). Wait until the limit resets (see the rate-limit figures) and run the test again.';

/** The verdict sentence and the next step, in the words both shells show. */
export function describeRotation(verdict: RotationVerdict, current: TokenTestReport, next: TokenTestReport): { summary: string; nextStep: string } {
  switch (verdict) {
    case 'both-work':
      return {
        summary: 'Both work: the server issued a token for the current and for the new secret.',
        nextStep: 'It is safe to switch: deploy the new secret everywhere, then deactivate the old one once nothing uses it (test again then: only the new one should work).',
      };
    case 'only-first-works':
      return {
        summary: isRateLimited(next)
          ? 'Only the current secret is confirmed: the request with the new one was rate-limited (HTTP 429), so it was not checked.'
          : 'Only the current works: the server rejected the new secret.',
        nextStep: isRateLimited(next)
          ? `The new secret ${RATE_LIMITED_STEP}`
          : `Do not deploy it yet: the new one is mistyped, not yet active, or from another app (${rotationReason(next)}). Compare it with the app's Client Credentials in the Admin Console.`,
      };
    case 'only-second-works':
      return {
        summary: isRateLimited(current)
          ? 'Only the new secret is confirmed: the request with the current one was rate-limited (HTTP 429), so it was not checked.'
          : 'Only the new one works: the server rejected the current secret.',
        nextStep: isRateLimited(current)
          ? `The current secret ${RATE_LIMITED_STEP}`
          : `Act now: the old one is already inactive, so anything still using it is failing now (${rotationReason(current)}). Deploy the new secret everywhere it is missing.`,
      };
    case 'neither-works': {
      const limited = isRateLimited(current) || isRateLimited(next);
      return {
        summary: limited
          ? 'Neither is confirmed: the server rejected or rate-limited (HTTP 429) both requests.'
          : 'Neither works: the server rejected both secrets.',
        nextStep: limited
          ? `Current: ${sideReason(current)}. New: ${sideReason(next)}. Fix what a rejected side's result below says; for a rate-limited one, wait until the limit resets (see the rate-limit figures). Then test again.`
          : `Both rejected. Current: ${rotationReason(current)}. New: ${rotationReason(next)}. Fix what each result below says, then test again.`,
      };
    }
    case 'no-answer': {
      const which = answerOf(current) === 'no-answer' && answerOf(next) === 'no-answer' ? 'either secret' : answerOf(current) === 'no-answer' ? 'the current secret' : 'the new secret';
      return {
        summary: `No usable answer for ${which}, so nothing can be concluded about the rotation yet.`,
        nextStep: 'Fix what the result below says (network, TLS, a server error or a timeout), then run the rotation test again.',
      };
    }
  }
}

/**
 * Tests `input` (the current secret) and then the same input with `newSecret`. Refuses bad input
 * and a pair that is really one secret before any traffic. Sequential, never parallel (gentle on
 * Okta's rate limits); discovery and keys are fetched once and shared. Never throws.
 */
export async function runRotationTest(
  input: TokenTestInput,
  newSecret: string,
  deps: TokenTestDeps,
  signal?: AbortSignal,
  options: TokenTestOptions = {},
): Promise<Result<RotationReport, RotationInputError>> {
  const next: TokenTestInput = { ...input, clientSecret: newSecret };
  const pair = checkRotationPair(input, next);
  if (!pair.ok) return pair;
  const shared: TokenTestOptions = { ...options, discoveryCache: options.discoveryCache ?? createDiscoveryCache({ rememberFallback: true }) };
  // Each run masks the OTHER secret too, in every form, and inside its own verbatim cut: a server may echo either
  // one, and the start of a secret left at a cut is too short to be masked once the cut is made.
  const also = options.alsoSensitive ?? [];
  // The second answer can echo what the first request carried: its signed assertion and proof (an HMAC of the
  // current secret, whose header and claims the first report shows) are masked in the second report too.
  const firstSigned: SensitiveValue[] = [];
  const onFirst = (values: readonly SensitiveValue[]): void => {
    firstSigned.push(...values);
    options.onSensitive?.(values);
  };
  const first = await runTokenTest(input, deps, signal, { ...shared, onSensitive: onFirst, alsoSensitive: [...also, ...sensitiveOf(next)] });
  const second = await runTokenTest(next, deps, signal, { ...shared, alsoSensitive: [...also, ...sensitiveOf(input), ...firstSigned] });
  const results = [first, second] as const;
  const verdict = rotationVerdict(results[0], results[1]);
  return ok({ ok: verdict === 'both-work', verdict, results, ...describeRotation(verdict, results[0], results[1]) });
}
