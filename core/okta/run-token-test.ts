/**
 * One client-credentials token test, start to finish: validate (no traffic on
 * bad input), discover, POST, explain. Never throws; every ending is a
 * TokenTestReport, and nothing in it holds the secret or the Basic value.
 */
import type { Notice } from '../shared/notice';
import { notice } from '../shared/notice';
import { boundedFetch, type Bounds } from './bounded-fetch';
import { discover, fetchJwks, type DiscoveryCache } from './discovery';
import { inspectAccessToken } from './jwt-inspect';
import { describeLocation, explainNoAnswer, noAnswerMessage, type NoAnswerCode, type NoAnswerContext } from './network-errors';
import { explainOktaError, OKTA_ERROR_ROWS, parseOktaErrorBody, readRateLimit } from './okta-errors';
import { createRedactor, type Redactor } from './redact';
import { prepareTokenTest, type PreparedTokenTest } from './token-request';
import {
  DEFAULT_MAX_BODY_BYTES,
  type DiscoveryInfo,
  type Explanation,
  type MaskedRequest,
  type PresentedCertificate,
  type RateLimitInfo,
  type TokenDetails,
  type TokenTestDeps,
  type TokenTestInput,
  type TokenTestReport,
} from './types';

export interface TokenTestOptions {
  /** Reuse metadata and signing keys across tests (in memory); see createDiscoveryCache. */
  readonly discoveryCache?: DiscoveryCache;
}

/** `error` of the report for a bug in Basic Header itself (outcome no-answer); shells give it its own exit code. */
export const INTERNAL_ERROR = 'internal';

/** True for the report of a bug, not of anything the server or the network did. */
export function isInternalError(report: Pick<TokenTestReport, 'outcome' | 'error'>): boolean {
  return report.outcome === 'no-answer' && report.error === INTERNAL_ERROR;
}

/** Verbatim text from a body no parser understood is shown, but only this much of it. */
const MAX_VERBATIM = 1000;

/** The raw token is the one field allowed to hold a credential-like value; it never holds the secret. */
const KEEP_PATHS = ['token.accessToken'];

interface Draft {
  certificate?: PresentedCertificate | null;
  status?: number | null;
  error?: string | null;
  errorDescription?: string | null;
  explanation?: Explanation | null;
  rateLimit?: RateLimitInfo | null;
  request?: MaskedRequest | null;
  discovery?: DiscoveryInfo | null;
  token?: TokenDetails | null;
  notices?: readonly Notice[];
}

export async function runTokenTest(
  input: TokenTestInput,
  deps: TokenTestDeps,
  signal?: AbortSignal,
  options: TokenTestOptions = {},
): Promise<TokenTestReport> {
  const now = deps.now ?? Date.now;
  const started = now();
  let redactor = createRedactor([input.clientSecret]);
  const finish = (outcome: TokenTestReport['outcome'], draft: Draft): TokenTestReport =>
    redactor.redact<TokenTestReport>(
      {
        ok: outcome === 'success',
        outcome,
        status: draft.status ?? null,
        error: draft.error ?? null,
        errorDescription: draft.errorDescription ?? null,
        explanation: draft.explanation ?? null,
        rateLimit: draft.rateLimit ?? null,
        request: draft.request ?? null,
        discovery: draft.discovery ?? null,
        token: draft.token ?? null,
        notices: draft.notices ?? [],
        elapsedMs: Math.max(0, now() - started),
        ...(draft.certificate == null ? {} : { certificate: draft.certificate }),
      },
      KEEP_PATHS,
    );

  try {
    const prepared = prepareTokenTest(input);
    if (!prepared.ok) {
      return finish('invalid-input', { error: prepared.code, errorDescription: prepared.message, notices: prepared.notices ?? [] });
    }
    redactor = createRedactor(prepared.value.sensitive);
    return await run(prepared.value, deps, signal, options, finish, redactor);
  } catch {
    // A bug, not a network condition: say so without the exception's text, which could hold anything.
    return finish('no-answer', {
      error: INTERNAL_ERROR,
      errorDescription: 'Basic Header hit an internal error while running the test. Nothing was shown from it, to keep the secret safe.',
    });
  }
}

async function run(
  prepared: PreparedTokenTest,
  deps: TokenTestDeps,
  signal: AbortSignal | undefined,
  options: TokenTestOptions,
  finish: (outcome: TokenTestReport['outcome'], draft: Draft) => TokenTestReport,
  redactor: Redactor,
): Promise<TokenTestReport> {
  // Mask first, then cut: cutting first could leave the start of an echoed secret just before the cut.
  const verbatim = (text: string): string => redactor.truncate(text.trim(), MAX_VERBATIM);
  const now = deps.now ?? Date.now;
  const bounds: Bounds = { timeoutMs: prepared.timeoutMs, maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, ...(signal ? { signal } : {}) };
  const notices: Notice[] = [...prepared.notices];
  const host = new URL(prepared.resolved.origin).host;
  const context: NoAnswerContext = { timeoutMs: prepared.timeoutMs, maxBodyBytes: bounds.maxBodyBytes };
  const noAnswer = (code: NoAnswerCode, draft: Draft, extra: NoAnswerContext = {}): TokenTestReport =>
    finish('no-answer', {
      ...draft,
      error: code,
      errorDescription: noAnswerMessage(code, host, { ...context, ...extra }),
      explanation: explainNoAnswer(code, host, { ...context, ...extra }),
      notices,
    });
  const cancelled = (draft: Draft): TokenTestReport =>
    finish('cancelled', { ...draft, error: 'cancelled', errorDescription: `Cancelled before ${host} answered.`, notices });

  const preview = prepared.build(prepared.resolved.tokenEndpoint).masked;
  if (signal?.aborted === true) return cancelled({ request: preview });

  const discovery = await discover(prepared.resolved, deps.fetch, bounds, options.discoveryCache, now());
  if (discovery.kind === 'stopped') {
    const draft: Draft = { request: preview, discovery: discovery.info };
    if (discovery.reason.kind === 'cancelled') return cancelled(draft);
    if (discovery.reason.kind === 'timeout') return noAnswer('timeout', draft);
    const code = discovery.reason.error.code === 'aborted' ? 'network' : discovery.reason.error.code;
    const certificate = await certificateOn(code, prepared.resolved.discoveryUrls[0] ?? prepared.resolved.tokenEndpoint, deps, signal);
    return noAnswer(code, { ...draft, certificate }, { detail: discovery.reason.error.detail });
  }
  notices.push(...discovery.notices);
  const info = discovery.info;
  const method = prepared.authMethod;
  if (info.tokenEndpointAuthMethodsSupported !== null && !info.tokenEndpointAuthMethodsSupported.includes(method)) {
    notices.push(notice('auth-method-not-advertised', 'warning', `The server does not list ${method} among its client authentication methods.`));
  }

  const request = prepared.build(info.tokenEndpoint);
  const requestHost = new URL(request.url).host;
  const draft: Draft = { request: request.masked, discovery: info };
  const outcome = await boundedFetch(deps.fetch, request.url, { method: 'POST', headers: request.headers, body: request.body }, bounds);

  switch (outcome.kind) {
    case 'cancelled':
      return cancelled(draft);
    case 'timeout':
      return noAnswer('timeout', draft);
    case 'network': {
      const code = outcome.error.code === 'aborted' ? 'network' : outcome.error.code;
      const certificate = await certificateOn(code, request.url, deps, signal);
      return noAnswer(code, { ...draft, certificate }, { detail: outcome.error.detail });
    }
    case 'redirect':
      return noAnswer('redirect', { ...draft, status: outcome.status || null }, { location: describeLocation(outcome.location, request.url) });
    case 'too-large':
      return noAnswer('body-too-large', { ...draft, status: outcome.status, rateLimit: readRateLimit(outcome.headers) }, { status: outcome.status });
    case 'response':
      break;
  }

  const { status, headers, text } = outcome;
  let rateLimit = readRateLimit(headers);
  if (status === 429 && rateLimit === null) rateLimit = { limit: null, remaining: null, resetEpochSeconds: null };
  const answered: Draft = { ...draft, status, rateLimit };

  let json: unknown;
  let isJson = true;
  try {
    json = JSON.parse(text);
  } catch {
    isJson = false;
  }
  const oktaError = isJson ? parseOktaErrorBody(json) : null;

  if (status >= 500) {
    const said = oktaError?.description ?? oktaError?.code;
    const base = noAnswerMessage('server-error', requestHost, { status });
    return finish('no-answer', {
      ...answered,
      error: 'server-error',
      errorDescription: said === undefined || said === null ? base : `${base} Okta said: "${said}"`,
      explanation: explainNoAnswer('server-error', requestHost, { status }),
      notices,
    });
  }

  if (status === 429 && oktaError === null) {
    const row = OKTA_ERROR_ROWS.find((r) => r.id === 'rate-limited');
    return finish('rejected', {
      ...answered,
      error: null,
      errorDescription: isJson || text.trim() === '' ? `${requestHost} answered HTTP 429 (too many requests).` : verbatim(text),
      explanation: row ? { id: row.id, title: row.title, cause: row.cause, fix: row.fix } : null,
      notices,
    });
  }

  if (!isJson) return noAnswer('not-json', answered, { status });

  if (status >= 200 && status < 300) {
    const body = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
    if (typeof body.access_token !== 'string' || body.access_token === '') return noAnswer('unexpected-response', answered, { status });
    const receivedAtMs = now();
    const accessToken = body.access_token;
    const expectedIssuer = info.issuer;
    const jwksUri = info.jwksUri;
    const inspection = await inspectAccessToken(accessToken, {
      isOrgServer: prepared.resolved.authServer.kind === 'org',
      expectedIssuer,
      jwksUri,
      nowMs: now(),
      loadJwks: (refresh) =>
        jwksUri === null
          ? Promise.resolve({ ok: false as const, reason: 'no key set' })
          : fetchJwks(jwksUri, deps.fetch, bounds, options.discoveryCache, now(), refresh),
    });
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : typeof body.expires_in === 'string' ? Number(body.expires_in) : null;
    const token: TokenDetails = {
      tokenType: typeof body.token_type === 'string' ? body.token_type : null,
      expiresIn: expiresIn !== null && Number.isFinite(expiresIn) ? expiresIn : null,
      receivedAtMs,
      scope: typeof body.scope === 'string' ? body.scope : null,
      ...inspection,
      accessToken,
    };
    return finish('success', { ...answered, token, notices });
  }

  if (status >= 400 && status < 500) {
    if (oktaError === null) {
      return finish('rejected', {
        ...answered,
        error: null,
        errorDescription: verbatim(text),
        explanation: explainOktaError(status, null, null),
        notices,
      });
    }
    const description = [oktaError.description, ...oktaError.causes].filter((d): d is string => d !== null && d !== '').join(' ');
    return finish('rejected', {
      ...answered,
      error: oktaError.code,
      errorDescription: description === '' ? null : description,
      explanation: explainOktaError(status, oktaError.code, oktaError.description),
      notices: oktaError.errorId === null ? notices : [...notices, notice('okta-error-id', 'info', `Okta error ID: ${oktaError.errorId} (quote it to Okta support).`)],
    });
  }

  return noAnswer('unexpected-response', answered, { status });
}

/** How long reading a refused certificate may take: it only explains a failure. */
const CERTIFICATE_READ_MS = 3000;

/**
 * After a certificate failure, what the server presented (issuer, subject,
 * SHA-256), when the shell can read it; null otherwise. Never throws.
 */
async function certificateOn(code: string, url: string, deps: TokenTestDeps, signal: AbortSignal | undefined): Promise<PresentedCertificate | null> {
  if (!code.startsWith('tls-') || deps.presentedCertificate === undefined) return null;
  const timeout = AbortSignal.timeout(CERTIFICATE_READ_MS);
  try {
    return await deps.presentedCertificate(url, signal === undefined ? timeout : AbortSignal.any([signal, timeout]));
  } catch {
    return null;
  }
}
