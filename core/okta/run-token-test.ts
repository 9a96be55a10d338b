/**
 * One client-credentials token test, start to finish: validate (no traffic on
 * bad input), discover, POST (signing a new client assertion and DPoP proof for
 * each attempt, with one retry on use_dpop_nonce), explain. Never throws; every
 * ending is a TokenTestReport, and nothing in it holds the secret, the Basic
 * value, a signed assertion or a proof: every such value is collected in one
 * list (`sensitive`) that the redactor masks in the finished report.
 */
import { decodeBase64Loose } from '../encoding';
import type { Notice } from '../shared/notice';
import { notice } from '../shared/notice';
import { afterRequestLeaves } from '../shared/next-task';
import { boundedFetch, type BoundedOutcome, type Bounds } from './bounded-fetch';
import { clockCheck, clockNotice } from './clock-skew';
import { cachedDiscovery, cachedJwks, discover, fetchJwks, type DiscoveryCache } from './discovery';
import { inspectAccessToken } from './jwt-inspect';
import { describeLocation, explainNoAnswer, noAnswerMessage, type NoAnswerCode, type NoAnswerContext } from './network-errors';
import { DPOP_MAYBE_REQUIRED } from './jwt-auth-errors';
import { explainOktaError, OKTA_ERROR_ROWS, parseOktaErrorBody, readRateLimit } from './okta-errors';
import { boundedCopy, createRedactor, type Redactor, type SensitiveValue } from './redact';
import { createDpopKey, jwtSensitiveValues, signClientAssertion, signDpopProof, type DpopKey, type SignedJwt } from './signed-jwt';
import { prepareTokenTest, type BuiltRequest, type PreparedTokenTest } from './token-request';
import {
  DEFAULT_MAX_BODY_BYTES,
  type ClientAuthMethod,
  type ClockCheck,
  type DecodedJwt,
  type DiscoveryInfo,
  type DpopResult,
  type Explanation,
  type MaskedRequest,
  type PresentedCertificate,
  type RateLimitInfo,
  type TokenDetails,
  type TokenRequestAttempt,
  type TokenTestDeps,
  type TokenTestInput,
  type TokenTestReport,
} from './types';

export interface TokenTestOptions {
  /** Reuse metadata and signing keys across tests (in memory); see createDiscoveryCache. */
  readonly discoveryCache?: DiscoveryCache;
  /**
   * More values the report must not show, masked in every form like the test's own secret, a verbatim
   * text's cut included (a rotation passes the other secret: a prefix under 16 characters left at a cut
   * is below the masking threshold, so masking afterwards is too late).
   */
  readonly alsoSensitive?: readonly SensitiveValue[];
  /**
   * Told each value as it joins the test's list (the secret's forms, then each client assertion and DPoP
   * proof as it is signed): a rotation masks one side's signed JWTs in the other side's report.
   */
  readonly onSensitive?: (values: readonly SensitiveValue[]) => void;
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

/** RFC 9449 nonce = 1*NQCHAR; a longer or odd header is not retried with (a hostile server could send anything). */
const NONCE = /^[\x21\x23-\x5B\x5D-\x7E]{1,512}$/;

/** What run() learns along the way, for whichever ending comes. */
interface Trail {
  authMethod: ClientAuthMethod | null;
  attempts: TokenRequestAttempt[];
  dpop: DpopResult | null;
  clock: ClockCheck | null;
  /** Every value the report must not show, in one list: the secret (in its Basic context), each signed JWT. */
  sensitive: SensitiveValue[];
  /** The redactor for `sensitive`, built when first needed (the report, a verbatim body) and dropped when a value joins. */
  built: Redactor | null;
  /** TokenTestOptions.onSensitive. */
  readonly told: ((values: readonly SensitiveValue[]) => void) | undefined;
}

function addSensitive(trail: Trail, values: readonly SensitiveValue[]): void {
  if (values.length === 0) return;
  trail.sensitive.push(...values);
  trail.built = null;
  trail.told?.(values);
}

/** Built once per test, for the final list: deriving the forms costs more than anything else core does itself. */
function redactorOf(trail: Trail): Redactor {
  trail.built ??= createRedactor(trail.sensitive);
  return trail.built;
}

interface Draft {
  certificate?: PresentedCertificate | null;
  status?: number | null;
  error?: string | null;
  serverErrorCode?: string | null;
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
  const trail: Trail = {
    authMethod: null, attempts: [], dpop: null, clock: null, sensitive: [input.clientSecret, ...(options.alsoSensitive ?? [])], built: null, told: options.onSensitive,
  };
  const finish = (outcome: TokenTestReport['outcome'], draft: Draft): TokenTestReport => {
    const redactor = redactorOf(trail);
    // The report's own field names stay (a placeholder secret such as `error` would blank them); the token's header
    // and claims are the server's, where a key can carry the secret, so theirs are masked too.
    const report = redactor.redactValues<TokenTestReport>(
      {
        ok: outcome === 'success',
        outcome,
        authMethod: trail.authMethod,
        status: draft.status ?? null,
        error: draft.error ?? null,
        serverErrorCode: draft.serverErrorCode ?? null,
        errorDescription: draft.errorDescription ?? null,
        explanation: draft.explanation ?? null,
        rateLimit: draft.rateLimit ?? null,
        request: draft.request ?? null,
        discovery: draft.discovery ?? null,
        token: draft.token ?? null,
        attempts: trail.attempts,
        dpop: trail.dpop,
        clock: trail.clock,
        notices: draft.notices ?? [],
        elapsedMs: Math.max(0, now() - started),
        ...(draft.certificate == null ? {} : { certificate: draft.certificate }),
      },
      // The header and claims come masked (run() masks them, keys too, as it checks the token holds no credential).
      [...KEEP_PATHS, 'token.header', 'token.claims'],
    );
    // The header and claims (copied by reference above) were masked by run(), keys too: a token is only ever
    // drafted that way.
    return report;
  };

  try {
    // The session's memo of the address, when it keeps one.
    const prepared = prepareTokenTest(input, options.discoveryCache?.resolveTarget?.bind(options.discoveryCache));
    if (!prepared.ok) {
      return finish('invalid-input', { error: prepared.code, errorDescription: prepared.message, notices: prepared.notices ?? [] });
    }
    addSensitive(trail, prepared.value.sensitive);
    trail.authMethod = prepared.value.authMethod;
    return await run(prepared.value, deps, signal, options, finish, trail);
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
  trail: Trail,
): Promise<TokenTestReport> {
  // Mask first, then cut: cutting first could leave the start of an echoed secret just before the cut.
  const verbatim = (text: string): string => redactorOf(trail).truncate(text.trim(), MAX_VERBATIM);
  const now = deps.now ?? Date.now;
  const bounds: Bounds = { timeoutMs: prepared.timeoutMs, maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, ...(signal ? { signal } : {}) };
  const notices: Notice[] = [...prepared.notices];
  // Host names only go into messages: read when one is written, not on every test.
  const host = hostOf(prepared.resolved.origin);
  const context: NoAnswerContext = { timeoutMs: prepared.timeoutMs, maxBodyBytes: bounds.maxBodyBytes };
  const noAnswer = (code: NoAnswerCode, draft: Draft, extra: NoAnswerContext = {}): TokenTestReport =>
    finish('no-answer', {
      ...draft,
      error: code,
      errorDescription: noAnswerMessage(code, host(), { ...context, ...extra }),
      explanation: explainNoAnswer(code, host(), { ...context, ...extra }),
      notices,
    });
  // `sent`: the token request went out (it is in trail.attempts); otherwise `request` is only what would have been sent.
  const cancelled = (draft: Draft, sent: boolean): TokenTestReport =>
    finish('cancelled', {
      ...draft,
      error: 'cancelled',
      errorDescription: sent ? `Cancelled before ${host()} answered.` : `Cancelled before the token request to ${host()} was sent.`,
      notices,
    });

  // Only a test that stops before the POST shows this (the request it would have sent): built then, not on every test.
  const preview = (): MaskedRequest => prepared.build(prepared.resolved.tokenEndpoint).masked;
  if (signal?.aborted === true) return cancelled({ request: preview() }, false);

  const discovery =
    cachedDiscovery(prepared.resolved, options.discoveryCache, now()) ?? (await discover(prepared.resolved, deps.fetch, bounds, options.discoveryCache, now()));
  if (discovery.kind === 'stopped') {
    const draft: Draft = { request: preview(), discovery: discovery.info };
    if (discovery.reason.kind === 'cancelled') return cancelled(draft, false);
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

  if (prepared.signer !== null && info.tokenEndpoint === info.issuer) {
    notices.push(notice('assertion-audience-is-issuer', 'warning', 'The token endpoint equals the issuer, so the assertion\'s aud is the issuer: Okta refuses that. Check the server\'s metadata.'));
  }

  const dpopKey = prepared.dpop ? await createDpopKey() : null;
  // While the request is out, the report's masking is prepared: the forms to mask, and the strings the report
  // will show from before the answer (the request, the metadata, the notices) masked and remembered. The answer
  // does not need any of it, so it runs while the thread would otherwise wait for the server.
  const whileWaiting = (masked: MaskedRequest): void => {
    // Outside runTokenTest's try: a failure here must not escape its task. finish() redoes the work, and a
    // redactor that cannot be built fails there, inside the try.
    try {
      redactorOf(trail).warm([masked, info, notices]);
    } catch {
      trail.built = null;
    }
  };
  const exchange = await postWithNonceRetry(prepared, info.tokenEndpoint, dpopKey, deps.fetch, bounds, now, trail, whileWaiting);
  const { request, outcome } = exchange;
  const requestHost = hostOf(request.url);
  const draft: Draft = { request: request.masked, discovery: info };
  if (dpopKey !== null) trail.dpop = { jkt: dpopKey.jkt, nonceRetried: exchange.nonceRetried, bound: false, tokenJkt: null };

  switch (outcome.kind) {
    case 'cancelled':
      return cancelled(draft, exchange.sent);
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
  trail.clock = clockCheck(headers, now());
  let rateLimit = readRateLimit(headers);
  if (status === 429 && rateLimit === null) rateLimit = { limit: null, remaining: null, resetEpochSeconds: null };
  // Parsed once, when the attempt was recorded.
  const { isJson, json } = exchange.body;
  const oktaError = isJson ? parseOktaErrorBody(json) : null;
  // Whatever the ending, the server's own code stays on the report (a 5xx's too, where `error` says server-error).
  const answered: Draft = { ...draft, status, rateLimit, serverErrorCode: oktaError?.code ?? null };

  if (status >= 500) {
    const said = oktaError?.description ?? oktaError?.code;
    const base = noAnswerMessage('server-error', requestHost(), { status });
    return finish('no-answer', {
      ...answered,
      error: 'server-error',
      errorDescription: said === undefined || said === null ? base : `${base} Okta said: "${said}"`,
      explanation: explainNoAnswer('server-error', requestHost(), { status }),
      notices,
    });
  }

  if (status === 429 && oktaError === null) {
    const row = OKTA_ERROR_ROWS.find((r) => r.id === 'rate-limited');
    return finish('rejected', {
      ...answered,
      error: null,
      errorDescription: isJson || text.trim() === '' ? `${requestHost()} answered HTTP 429 (too many requests).` : verbatim(text),
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
    const inspecting = inspectAccessToken(accessToken, {
      isOrgServer: prepared.resolved.authServer.kind === 'org',
      expectedIssuer,
      jwksUri,
      nowMs: now(),
      ...(deps.checkSignature === undefined ? {} : { checkSignature: deps.checkSignature }),
      loadJwks: (refresh) => {
        if (jwksUri === null) return { ok: false, reason: 'no key set' };
        // The session's copy without an await; a download otherwise.
        return (refresh ? undefined : cachedJwks(jwksUri, options.discoveryCache, now())) ?? fetchJwks(jwksUri, deps.fetch, bounds, options.discoveryCache, now(), refresh);
      },
    });
    // Awaited only when something was (a key download, jose): each await is a turn on the test's path.
    const inspection = inspecting instanceof Promise ? await inspecting : inspecting;
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : typeof body.expires_in === 'string' ? Number(body.expires_in) : null;
    // The raw token is the one value a report leaves unmasked (shells copy or print it whole). A hostile server can
    // hand back what it was sent (the secret, the signed assertion, the DPoP proof) as the token, whole or inside a
    // claim: then there is no token to give. The header and claims are masked here, once, for the report.
    const redactor = redactorOf(trail);
    // The text, and a JWT's header and claims as decoded text: parsing drops a duplicate key (the last wins) and
    // cuts nesting, while the raw token a shell copies keeps every byte.
    let echoed = redactor.maskText(accessToken) !== accessToken || decodedJwtParts(accessToken).some((part) => redactor.maskText(part) !== part);
    const noting = (text: string): string => {
      const masked = redactor.maskText(text);
      if (masked !== text) echoed = true;
      return masked;
    };
    const shown = {
      header: inspection.header === null ? null : (boundedCopy(inspection.header, [], noting) as TokenDetails['header']),
      claims: inspection.claims === null ? null : (boundedCopy(inspection.claims, [], noting) as TokenDetails['claims']),
    };
    if (echoed) return noAnswer('unexpected-response', answered, { status, credentialEcho: true });
    const token: TokenDetails = {
      tokenType: typeof body.token_type === 'string' ? body.token_type : null,
      expiresIn: expiresIn !== null && Number.isFinite(expiresIn) ? expiresIn : null,
      receivedAtMs,
      scope: typeof body.scope === 'string' ? body.scope : null,
      ...inspection,
      accessToken,
    };
    if (trail.dpop !== null) notices.push(...checkBinding(trail, token, requestHost()));
    return finish('success', { ...answered, serverErrorCode: null, token: { ...token, ...shown }, notices });
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
    let explanation = explainOktaError(status, oktaError.code, oktaError.description);
    if (!prepared.dpop && oktaError.code === 'invalid_grant' && explanation.id === 'unknown') explanation = DPOP_MAYBE_REQUIRED;
    const clock = clockNotice(explanation.id, trail.clock, requestHost());
    if (clock !== null) notices.push(clock);
    return finish('rejected', {
      ...answered,
      error: oktaError.code,
      errorDescription: description === '' ? null : description,
      explanation,
      notices: oktaError.errorId === null ? notices : [...notices, notice('okta-error-id', 'info', `Okta error ID: ${oktaError.errorId} (quote it to Okta support).`)],
    });
  }

  return noAnswer('unexpected-response', answered, { status });
}

interface Exchange {
  readonly request: BuiltRequest;
  readonly outcome: BoundedOutcome;
  readonly nonceRetried: boolean;
  /** The last answer's body as JSON (isJson false: no answer, or not JSON). */
  readonly body: ParsedBody;
  /** False when cancelled before the first attempt went out: `request` was never sent. */
  readonly sent: boolean;
}

interface ParsedBody {
  readonly isJson: boolean;
  readonly json: unknown;
}

const partDecoder = new TextDecoder();

/** A compact JWT's header and claims segments as text (Base64url-decoded, UTF-8, malformed bytes replaced); none for other tokens. */
function decodedJwtParts(token: string): string[] {
  const parts = token.split('.');
  if (parts.length !== 3) return [];
  const texts: string[] = [];
  for (const part of parts.slice(0, 2)) {
    const bytes = decodeBase64Loose(part);
    if (bytes.ok) texts.push(partDecoder.decode(bytes.bytes));
  }
  return texts;
}

/** The host of `url`, parsed on first use. */
function hostOf(url: string): () => string {
  let host: string | null = null;
  return () => (host ??= new URL(url).host);
}

const NO_BODY: ParsedBody = { isJson: false, json: undefined };

function parseBody(text: string): ParsedBody {
  try {
    return { isJson: true, json: JSON.parse(text) };
  } catch {
    return NO_BODY;
  }
}

const decoded = (signed: SignedJwt | null): DecodedJwt | null => (signed === null ? null : { header: signed.header, claims: signed.claims });

/**
 * POSTs the token request, signing a new assertion and proof for each attempt.
 * Okta answers a first DPoP proof with 400 use_dpop_nonce and a DPoP-Nonce
 * header: then it retries once, with the nonce, a new proof jti and a NEW
 * assertion (Okta refuses a reused assertion jti).
 */
async function postWithNonceRetry(
  prepared: PreparedTokenTest,
  tokenEndpoint: string,
  dpopKey: DpopKey | null,
  fetch: TokenTestDeps['fetch'],
  bounds: Bounds,
  now: () => number,
  trail: Trail,
  whileWaiting: (masked: MaskedRequest) => void,
): Promise<Exchange> {
  let nonce: string | null = null;
  let previous: BuiltRequest | null = null;
  // A function, not a narrowed property read: the signal can abort during any await below.
  const cancelled = (): boolean => bounds.signal?.aborted === true;
  for (let attempt = 1; ; attempt += 1) {
    const assertion = prepared.signer === null ? null : await signClientAssertion(prepared.signer, { clientId: prepared.clientId, tokenEndpoint, nowMs: now() });
    const proof = dpopKey === null ? null : await signDpopProof(dpopKey, { htu: tokenEndpoint, nonce, nowMs: now() });
    addSensitive(trail, [assertion, proof].flatMap((signed) => (signed === null ? [] : jwtSensitiveValues(signed))));
    const request = prepared.build(tokenEndpoint, {
      ...(assertion === null ? {} : { assertion: assertion.jwt }),
      ...(proof === null ? {} : { dpopProof: proof.jwt }),
    });
    // Cancelled while signing: this attempt is not sent, nor recorded (attempts lists what went out).
    if (cancelled()) {
      return { request: previous ?? request, outcome: { kind: 'cancelled' }, nonceRetried: false, body: NO_BODY, sent: previous !== null };
    }
    const sending = boundedFetch(fetch, request.url, { method: 'POST', headers: request.headers, body: request.body }, bounds);
    // Once the request is out: the fetch writes it in the ticks (in undici, the loop turns) after this call,
    // and work done sooner would hold it back (measured: the server got it only after). Cancelled if the
    // answer comes first; finish() then does the work itself.
    const cancelWaiting = afterRequestLeaves(() => whileWaiting(request.masked));
    const outcome = await sending;
    cancelWaiting();
    const response = outcome.kind === 'response' ? outcome : null;
    const body = response === null ? NO_BODY : parseBody(response.text);
    const error = body.isJson ? (parseOktaErrorBody(body.json)?.code ?? null) : null;
    const offered = response?.headers.get('dpop-nonce') ?? null;
    trail.attempts.push({
      attempt,
      assertion: decoded(assertion),
      dpopProof: decoded(proof),
      status: response?.status ?? (outcome.kind === 'redirect' || outcome.kind === 'too-large' ? outcome.status : null),
      error,
      dpopNonce: offered !== null && NONCE.test(offered) ? offered : null,
    });
    const retry = dpopKey !== null && attempt === 1 && response !== null && response.status === 400 && error === 'use_dpop_nonce';
    if (retry && offered !== null && NONCE.test(offered) && !cancelled()) {
      nonce = offered;
      previous = request;
      continue;
    }
    return { request, outcome, nonceRetried: attempt > 1, body, sent: true };
  }
}

/** RFC 9449 §6: a DPoP-bound token says token_type DPoP and carries cnf.jkt = the proof key's thumbprint. */
function checkBinding(trail: Trail, token: TokenDetails, host: string): Notice[] {
  const result = trail.dpop;
  if (result === null) return [];
  const cnf = token.claims?.cnf;
  const tokenJkt = cnf !== null && typeof cnf === 'object' && typeof (cnf as Record<string, unknown>).jkt === 'string' ? String((cnf as Record<string, unknown>).jkt) : null;
  const typeIsDpop = token.tokenType?.toLowerCase() === 'dpop';
  const bound = typeIsDpop && tokenJkt === result.jkt;
  trail.dpop = { ...result, bound, tokenJkt };
  if (bound) return [];
  const why = !typeIsDpop
    ? `its token_type is ${token.tokenType ?? 'missing'}, not DPoP`
    : tokenJkt === null
      ? 'its cnf.jkt claim cannot be read (the token is opaque here, or carries none)'
      : 'its cnf.jkt is not this run\'s DPoP key thumbprint';
  return [notice('dpop-not-bound', 'warning', `${host} issued a token, but it is not shown to be bound to the DPoP key: ${why}.`)];
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
