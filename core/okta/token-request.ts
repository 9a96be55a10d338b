/**
 * Validates a TokenTestInput and builds the client-credentials request: the real
 * one (held only in memory, for fetch) and its masked twin for people to see.
 * Client authentication is exactly one of client_secret_basic (the default),
 * client_secret_post, client_secret_jwt or private_key_jwt, never two (Okta
 * refuses "multiple client credentials"). The JWT methods' assertion and the
 * DPoP proof are signed per attempt by the caller and passed to `build`.
 */
import { buildBasicCredentials, cleanField, encodeBase64Utf8, formUrlEncode, privateKeyNotice } from '../encoding';
import { notice, type Notice } from '../shared/notice';
import { fail, ok, type Result } from '../shared/result';
import { CLIENT_SECRET_JWT_ALGS, isClientSecretJwtAlg, isPrivateKeyJwtAlg, PRIVATE_KEY_JWT_ALGS } from './client-keys';
import { CLIENT_ASSERTION_TYPE, type AssertionSigner } from './signed-jwt';
import { credentialSensitiveValues, MASK, type SensitiveValue } from './redact';
import { resolveTarget, type TargetErrorCode } from './target';
import { CLIENT_AUTH_METHODS, DEFAULT_TIMEOUT_MS, type AuthServerChoice, type ClientAuthMethod, type MaskedRequest, type ResolvedTarget, type TokenTestInput } from './types';

export { MASK };

/** The longest timeout a caller may ask for: beyond it, a test is hung, not slow. */
export const MAX_TIMEOUT_MS = 600_000;

/** RFC 6749 §3.3 scope-token: printable ASCII except space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** OpenID Connect scopes Okta refuses with client credentials. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'groups']);

/** Okta: "The client secret is too short to verify a JWT HMAC." below this many characters. */
export const MIN_HMAC_SECRET_LENGTH = 32;

/** What one attempt sends besides the form: the signed assertion and DPoP proof, when the method and settings need them. */
export interface SignedParts {
  readonly assertion?: string;
  readonly dpopProof?: string;
}

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
  /** How to sign the client assertion (client_secret_jwt, private_key_jwt); null for the secret methods. */
  readonly signer: AssertionSigner | null;
  /** Send a DPoP proof with every attempt. */
  readonly dpop: boolean;
  readonly scopes: readonly string[];
  readonly timeoutMs: number;
  readonly notices: readonly Notice[];
  /** Strings that must never appear in a report: the secret in every form it is sent, and the Basic values. */
  readonly secretNeedles: readonly string[];
  /** What the redactor masks in every form: the secret as typed, as cleaned, and in its place in each Basic value. */
  readonly sensitive: readonly SensitiveValue[];
  /** The request for a token endpoint (Okta's documented one, or the discovered one); `signed` holds this attempt's JWTs. */
  build(tokenEndpoint: string, signed?: SignedParts): BuiltRequest;
}

/** What resolving the target can refuse, plus what the rest of the input can. */
export type InputErrorCode =
  | TargetErrorCode
  | 'bad-auth-method'
  | 'missing-private-key'
  | 'bad-assertion-alg'
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

/**
 * The org authorization server takes client credentials only with
 * private_key_jwt: one warning for any other method, none for private_key_jwt
 * (the setup the org server wants must not be told to change servers). The
 * one org-server notice: the app also shows it before a domain is typed.
 */
export function orgServerMethodNotice(authServer: AuthServerChoice, method: ClientAuthMethod): Notice | null {
  if (authServer.kind !== 'org' || method === 'private_key_jwt') return null;
  return notice(
    'org-server-needs-private-key-jwt',
    'warning',
    `The org authorization server takes client credentials only with private_key_jwt, so ${method} will be refused. Use private_key_jwt (an API Services app with a public key), or, for your own scopes, the default or a custom authorization server.`,
  );
}

/** `resolve` reads the address: resolveTarget itself, or a session's memo of it (DiscoveryCache.resolveTarget). */
export function prepareTokenTest(
  input: TokenTestInput,
  resolve: typeof resolveTarget = resolveTarget,
): Result<PreparedTokenTest, InputErrorCode> & { readonly notices?: readonly Notice[] } {
  const resolved = resolve(input.target, input.authServer);
  if (!resolved.ok) return resolved;
  const notices: Notice[] = [...resolved.value.notices];
  const withNotices = <C extends InputErrorCode>(failure: { ok: false; code: C; message: string }) => ({ ...failure, notices });

  if (!(CLIENT_AUTH_METHODS as readonly string[]).includes(input.authMethod)) {
    return withNotices(fail('bad-auth-method', `Choose how the client authenticates: ${CLIENT_AUTH_METHODS.join(', ')}.`));
  }
  const method = input.authMethod;
  // Before the credential checks, so a preview still missing its secret shows it too.
  const orgNotice = orgServerMethodNotice(resolved.value.authServer, method);
  if (orgNotice !== null) notices.push(orgNotice);
  const basic = method === 'client_secret_basic';
  const usesSecret = method !== 'private_key_jwt';

  let clientId: string;
  let secret = '';
  // Only tests read the needles: derived on first read, not on every token test's path.
  let needles = (): string[] => [];
  let basicValue = '';
  if (usesSecret) {
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
    clientId = encoded.clientId;
    secret = encoded.clientSecret;
    basicValue = encoded.value;
    const [id, cleaned, value] = [clientId, secret, basicValue];
    needles = () => {
      // The Basic value in the other form (raw vs form-encoded). Same cleaned fields as above, so no second hygiene
      // pass: the form-encoding notice is only ever 'info', so that build would be 'ready' too.
      const otherEncode = basic && input.formEncode ? (s: string): string => s : formUrlEncode;
      const otherBasic = encodeBase64Utf8(`${otherEncode(id)}:${otherEncode(cleaned)}`);
      return [...new Set([input.clientSecret, cleaned, formUrlEncode(cleaned), encodeURIComponent(cleaned), value, otherBasic])].filter((s) => s !== '');
    };
  } else {
    const id = cleanField(input.clientId, 'clientId');
    if (id.value === '') return withNotices(fail('empty-client-id', 'Enter the client ID.'));
    const keyInId = privateKeyNotice('clientId', id.value);
    if (keyInId !== null) return withNotices(fail('invalid-credentials', keyInId.message));
    const error = id.notices.find((n) => n.severity === 'error');
    if (error !== undefined) return withNotices(fail('invalid-credentials', error.message));
    notices.push(...id.notices);
    clientId = id.value;
  }

  let signer: AssertionSigner | null = null;
  if (method === 'private_key_jwt') {
    const key = input.clientKey;
    if (key === undefined) {
      return withNotices(fail('missing-private-key', 'private_key_jwt signs with the app\'s private key: give the key (PEM or JWK) whose public half is registered in Okta.'));
    }
    if (!isPrivateKeyJwtAlg(key.alg)) {
      return withNotices(fail('bad-assertion-alg', `private_key_jwt signs with ${PRIVATE_KEY_JWT_ALGS.join(', ')}.`));
    }
    signer = { method, alg: key.alg, kid: key.kid, key: key.key };
    if (key.kid === null) {
      notices.push(notice('no-key-id', 'warning', 'The assertion carries no kid: the key has none and no key ID was given. Okta may need the kid to pick the app\'s key; give the one shown in the app\'s Public Keys list.'));
    }
  } else if (method === 'client_secret_jwt') {
    const alg = input.assertionAlg ?? 'HS256';
    if (!isClientSecretJwtAlg(alg)) {
      return withNotices(fail('bad-assertion-alg', `client_secret_jwt signs with ${CLIENT_SECRET_JWT_ALGS.join(', ')}.`));
    }
    signer = { method, alg, key: new TextEncoder().encode(secret) };
    if ([...secret].length < MIN_HMAC_SECRET_LENGTH) {
      notices.push(notice('secret-too-short-for-hmac', 'warning', `Okta verifies client_secret_jwt only with a secret of ${MIN_HMAC_SECRET_LENGTH} characters or more; this one is shorter, so expect "The client secret is too short to verify a JWT HMAC."`));
    }
  } else if (input.assertionAlg !== undefined || input.clientKey !== undefined) {
    return withNotices(fail('bad-assertion-alg', 'A signing key or algorithm goes with client_secret_jwt or private_key_jwt only.'));
  }

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
  const selfScopes = scopes.filter((s) => s.endsWith('.self'));
  if (selfScopes.length > 0) {
    notices.push(notice('self-scope', 'warning', `Okta refuses .self scopes (${selfScopes.join(', ')}) with client credentials: they act for a signed-in user. Request the .read or .manage scope instead.`));
  }
  if (scopes.length === 0) {
    notices.push(notice('no-scope', 'info', 'No scope entered: Okta then grants the default scopes, and refuses the request if the server has none.'));
  }
  const org = resolved.value.authServer.kind === 'org';
  if (org && scopes.some((s) => !s.startsWith('okta.'))) {
    notices.push(notice('custom-scope-org-server', 'warning', 'The org authorization server accepts only Okta API scopes (okta.*); custom scopes need the default or a custom server.'));
  }

  const scopePart = scopes.length > 0 ? [`scope=${formUrlEncode(scopes.join(' '))}`] : [];
  const baseHeaders = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };

  const build = (tokenEndpoint: string, signed: SignedParts = {}): BuiltRequest => {
    const fields = ['grant_type=client_credentials', ...scopePart];
    const headers: Record<string, string> = { ...baseHeaders };
    const maskedHeaders: Record<string, string> = { ...baseHeaders };
    if (input.dpop === true) {
      headers.DPoP = signed.dpopProof ?? '';
      maskedHeaders.DPoP = MASK;
    }
    const request = (real: string[], masked: string[]): BuiltRequest => ({
      url: tokenEndpoint,
      headers,
      body: [...fields, ...real].join('&'),
      masked: { method: 'POST', url: tokenEndpoint, headers: maskedHeaders, body: [...fields, ...masked].join('&') },
    });
    if (basic) {
      headers.Authorization = `Basic ${basicValue}`;
      maskedHeaders.Authorization = `Basic ${MASK}`;
      return request([], []);
    }
    if (signer !== null) {
      const type = `client_assertion_type=${formUrlEncode(CLIENT_ASSERTION_TYPE)}`;
      return request([type, `client_assertion=${signed.assertion ?? ''}`], [type, `client_assertion=${MASK}`]);
    }
    const idField = `client_id=${formUrlEncode(clientId)}`;
    return request([idField, `client_secret=${formUrlEncode(secret)}`], [idField, `client_secret=${MASK}`]);
  };

  return ok({
    resolved: resolved.value,
    clientId,
    authMethod: method,
    signer,
    dpop: input.dpop === true,
    scopes,
    timeoutMs: normaliseTimeout(input.timeoutMs),
    notices,
    get secretNeedles() {
      return needles();
    },
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
