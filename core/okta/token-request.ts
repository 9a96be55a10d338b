/**
 * Validates a TokenTestInput and builds the client-credentials request: the real
 * one (held only in memory, for fetch) and its masked twin for people to see.
 * Client authentication is exactly one of client_secret_basic (the default) or
 * client_secret_post, never both (Okta refuses "multiple client credentials").
 */
import { buildBasicCredentials, encodeBase64Utf8, formUrlEncode } from '../encoding';
import { notice, type Notice } from '../shared/notice';
import { fail, ok, type Result } from '../shared/result';
import { credentialSensitiveValues, MASK, type SensitiveValue } from './redact';
import { resolveTarget } from './target';
import { DEFAULT_TIMEOUT_MS, type ClientAuthMethod, type MaskedRequest, type ResolvedTarget, type TokenTestInput } from './types';

export { MASK };

/** The longest timeout a caller may ask for: beyond it, a test is hung, not slow. */
export const MAX_TIMEOUT_MS = 600_000;

/** RFC 6749 §3.3 scope-token: printable ASCII except space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** OpenID Connect scopes Okta refuses with client credentials. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'groups']);

export interface BuiltRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly masked: MaskedRequest;
}

export interface PreparedTokenTest {
  readonly resolved: ResolvedTarget;
  readonly clientId: string;
  readonly authMethod: ClientAuthMethod;
  readonly scopes: readonly string[];
  readonly timeoutMs: number;
  readonly notices: readonly Notice[];
  /** Strings that must never appear in a report: the secret in every form it is sent, and the Basic values. */
  readonly secretNeedles: readonly string[];
  /** What the redactor masks in every form: the secret as typed, as cleaned, and in its place in each Basic value. */
  readonly sensitive: readonly SensitiveValue[];
  /** The request for a token endpoint (Okta's documented one, or the discovered one). */
  build(tokenEndpoint: string): BuiltRequest;
}

export type InputErrorCode =
  | 'empty-target'
  | 'bad-domain'
  | 'unsupported-scheme'
  | 'insecure-http'
  | 'credentials-in-url'
  | 'bad-auth-server-id'
  | 'scheme-typo'
  | 'bad-auth-method'
  | 'empty-client-id'
  | 'empty-client-secret'
  | 'id-secret-pasted-together'
  | 'invalid-credentials'
  | 'bad-scope';

/** Scopes as typed: each entry may hold several, separated by spaces or commas; duplicates dropped. */
export function normaliseScopes(scopes: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of scopes) {
    for (const scope of entry.split(/[\s,]+/)) {
      if (scope !== '' && !out.includes(scope)) out.push(scope);
    }
  }
  return out;
}

export function normaliseTimeout(timeoutMs: number): number {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return DEFAULT_TIMEOUT_MS;
  return Math.min(Math.round(timeoutMs), MAX_TIMEOUT_MS);
}

export function prepareTokenTest(
  input: TokenTestInput,
): Result<PreparedTokenTest, InputErrorCode> & { readonly notices?: readonly Notice[] } {
  const resolved = resolveTarget(input.target, input.authServer);
  if (!resolved.ok) return resolved;
  const notices: Notice[] = [...resolved.value.notices];
  const withNotices = <C extends InputErrorCode>(failure: { ok: false; code: C; message: string }) => ({ ...failure, notices });

  if (input.authMethod !== 'client_secret_basic' && input.authMethod !== 'client_secret_post') {
    return withNotices(fail('bad-auth-method', 'Choose how to send the credentials: client_secret_basic (the Authorization header) or client_secret_post (the form body).'));
  }
  const basic = input.authMethod === 'client_secret_basic';
  // RFC 6749 form-encoding applies to the Basic header only; the form body is always form-encoded.
  const encoded = buildBasicCredentials({ clientId: input.clientId, clientSecret: input.clientSecret, formEncode: basic && input.formEncode });
  const hygiene = encoded.notices.filter((n) => n.code !== 'empty-client-id' && n.code !== 'empty-client-secret');
  if (encoded.splitSuggestion !== null) {
    const message = encoded.notices.find((n) => n.code === 'id-secret-pasted-together')?.message ?? 'Split the client ID and the secret into their own fields.';
    return withNotices(fail('id-secret-pasted-together', message));
  }
  if (encoded.clientId === '') return withNotices(fail('empty-client-id', 'Enter the client ID.'));
  if (encoded.clientSecret === '') return withNotices(fail('empty-client-secret', 'Enter the client secret.'));
  if (encoded.status !== 'ready' || encoded.value === null) {
    const error = encoded.notices.find((n) => n.severity === 'error');
    return withNotices(fail('invalid-credentials', error?.message ?? 'The client ID or secret cannot be sent as entered.'));
  }
  notices.push(...hygiene);

  const scopes = normaliseScopes(input.scopes);
  for (const scope of scopes) {
    if (!SCOPE_TOKEN.test(scope)) {
      return withNotices(
        fail('bad-scope', 'A scope may contain printable ASCII characters only (no spaces, quotes or backslashes). Separate several scopes with spaces.'),
      );
    }
  }
  const oidc = scopes.filter((s) => OIDC_SCOPES.has(s));
  if (oidc.length > 0) {
    notices.push(notice('oidc-scope', 'warning', `Okta refuses OpenID Connect scopes (${oidc.join(', ')}) with client credentials; request your custom scopes instead.`));
  }
  if (scopes.length === 0) {
    notices.push(notice('no-scope', 'info', 'No scope entered: Okta then grants the default scopes, and refuses the request if the server has none.'));
  }
  if (resolved.value.authServer.kind === 'org' && scopes.some((s) => !s.startsWith('okta.'))) {
    notices.push(notice('custom-scope-org-server', 'warning', 'The org authorization server accepts only Okta API scopes (okta.*); custom scopes need the default or a custom server.'));
  }

  const clientId = encoded.clientId;
  const secret = encoded.clientSecret;
  const basicValue = encoded.value;
  // The Basic value in the other form (raw vs form-encoded). Same cleaned fields as above, so no second hygiene
  // pass: the form-encoding notice is only ever 'info', so that build would be 'ready' too.
  const otherEncode = basic && input.formEncode ? (s: string): string => s : formUrlEncode;
  const otherBasic = encodeBase64Utf8(`${otherEncode(clientId)}:${otherEncode(secret)}`);
  const secretNeedles = [...new Set([input.clientSecret, secret, formUrlEncode(secret), encodeURIComponent(secret), basicValue, otherBasic])]
    .filter((s) => s !== '');

  const scopePart = scopes.length > 0 ? [`scope=${formUrlEncode(scopes.join(' '))}`] : [];
  const baseHeaders = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };

  const build = (tokenEndpoint: string): BuiltRequest => {
    const fields = ['grant_type=client_credentials', ...scopePart];
    if (basic) {
      return {
        url: tokenEndpoint,
        headers: { ...baseHeaders, Authorization: `Basic ${basicValue}` },
        body: fields.join('&'),
        masked: { method: 'POST', url: tokenEndpoint, headers: { ...baseHeaders, Authorization: `Basic ${MASK}` }, body: fields.join('&') },
      };
    }
    const idField = `client_id=${formUrlEncode(clientId)}`;
    return {
      url: tokenEndpoint,
      headers: baseHeaders,
      body: [...fields, idField, `client_secret=${formUrlEncode(secret)}`].join('&'),
      masked: { method: 'POST', url: tokenEndpoint, headers: baseHeaders, body: [...fields, idField, `client_secret=${MASK}`].join('&') },
    };
  };

  return ok({
    resolved: resolved.value,
    clientId,
    authMethod: input.authMethod,
    scopes,
    timeoutMs: normaliseTimeout(input.timeoutMs),
    notices,
    secretNeedles,
    sensitive: credentialSensitiveValues(clientId, secret, input.clientSecret),
    build,
  });
}

/** The request that will be sent (to Okta's documented token endpoint), secret and Basic value masked. */
export function buildMaskedPreview(input: TokenTestInput): Result<MaskedRequest, InputErrorCode> {
  const prepared = prepareTokenTest(input);
  if (!prepared.ok) return fail(prepared.code, prepared.message);
  return ok(prepared.value.build(prepared.value.resolved.tokenEndpoint).masked);
}
