/**
 * Okta's known token-endpoint errors, each with a plain cause and fix.
 * Rows are matched on the error code plus a distinctive phrase of Okta's
 * documented text (reference A4), so a generic `invalid_client` is not mistaken
 * for a wrong secret. Anything unmatched is explained as 'unknown' and the
 * caller shows Okta's words verbatim.
 */
import { CLIENT_ASSERTION_ROWS, DPOP_ROWS } from './jwt-auth-errors';
import type { Explanation, RateLimitInfo } from './types';

export interface OktaErrorRow extends Explanation {
  /** OAuth `error` / Okta `errorCode` values this row applies to; empty = any. */
  readonly codes: readonly string[];
  /** Lower-case phrases, any of which must appear in the description; empty = the code alone decides. */
  readonly phrases: readonly string[];
  /** HTTP status that alone selects the row (429), when set. */
  readonly status?: number;
}

export const OKTA_ERROR_ROWS: readonly OktaErrorRow[] = [
  {
    id: 'wrong-secret',
    codes: ['invalid_client'],
    phrases: ['client secret supplied for a confidential client is invalid'],
    title: 'Wrong client secret',
    cause: 'Okta found the client, but the secret does not match any of its active secrets.',
    fix: 'Copy the secret again from the app (General › Client Credentials), watching for a trailing space or line break. Check whether the secret was rotated, deactivated or deleted.',
  },
  {
    id: 'browser-request',
    codes: ['invalid_client'],
    phrases: ['browser requests to the token endpoint must use proof key for code exchange'],
    title: 'Rejected as a browser request',
    cause: 'The request carried an Origin header, so Okta treated it as coming from a browser, where only PKCE is allowed.',
    fix: 'Send the token request from a server or the app main process, without an Origin header. Basic Header never adds one; a proxy or another tool might.',
  },
  {
    id: 'client-auth-failed',
    codes: ['invalid_client'],
    phrases: ['client authentication failed'],
    title: 'Client authentication failed',
    cause: "Okta could not authenticate the client. Most often the app's Client authentication setting does not match the method used (client secret vs public key, or Basic vs POST), or the client ID or secret is wrong.",
    fix: "Check the app's General › Client Credentials: its Client authentication (client secret, or public key / private key) must match the method used. With a secret, try the other method (Basic header vs form body); with a key, check it is the registered one. Re-check the client ID.",
  },
  {
    id: 'unknown-client',
    codes: ['invalid_client'],
    phrases: ["invalid value for 'client_id' parameter"],
    title: 'Unknown client ID',
    cause: 'Okta has no client with this ID on this org and authorization server.',
    fix: 'Check the client ID for typos, and that the domain is the org where the app lives (production vs preview/sandbox). The app may also be deactivated or deleted.',
  },
  {
    id: 'missing-client-id',
    codes: ['invalid_client', 'invalid_request'],
    phrases: ['a client_id must be provided in the request'],
    title: 'No client ID in the request',
    cause: 'Okta did not find a client ID in the request.',
    fix: 'Send the credentials either in the Basic header or as client_id and client_secret in the form body.',
  },
  {
    id: 'no-credentials',
    codes: ['invalid_client'],
    phrases: ['no client credentials found'],
    title: 'No client credentials found',
    cause: 'The request reached Okta without usable client credentials: the Authorization header is missing or was stripped (a proxy can do this).',
    fix: 'Send "Authorization: Basic <base64(id:secret)>", or switch to client_secret_post.',
  },
  {
    id: 'malformed-basic',
    codes: ['invalid_client'],
    phrases: ['found authentication header but was not valid client credentials'],
    title: 'Malformed Basic header',
    cause: 'Okta found an Authorization header but could not read client credentials from it.',
    fix: 'Decode the header to check it: the Base64 must be one line of "id:secret" with no line wrap, BOM, or missing colon, after the word "Basic" and one space.',
  },
  {
    id: 'grant-type-not-enabled',
    codes: ['unauthorized_client'],
    phrases: ['not authorized to use the provided grant type'],
    title: 'Client Credentials not enabled for this app',
    cause: 'The app is not allowed to use the client_credentials grant.',
    fix: 'In the app, enable the Client Credentials grant type (General › General Settings › Grant type). Only web and API service apps can have it.',
  },
  {
    id: 'org-server-service-apps-only',
    codes: ['unauthorized_client', 'invalid_client'],
    phrases: ["only clients with 'application_type' of 'service' may use the client_credentials"],
    title: 'Only API service apps can use the org authorization server',
    cause: "The org authorization server accepts client credentials only from API service apps, with Okta API scopes.",
    fix: 'Use the "default" or a custom authorization server, or create an API Services app for Okta API scopes.',
  },
  {
    id: 'client-credentials-custom-server-only',
    codes: ['unsupported_grant_type', 'unauthorized_client'],
    phrases: ["'client_credentials' grant type can only be used with a custom authorization server"],
    title: 'Client credentials needs a custom authorization server',
    cause: 'This app can use the client_credentials grant only with a custom authorization server.',
    fix: 'Use /oauth2/default or /oauth2/{authorizationServerId} instead of the org authorization server.',
  },
  {
    id: 'no-default-scopes',
    codes: ['invalid_scope'],
    phrases: ['does not have any configured default scopes'],
    title: 'No scope requested, and no default scope',
    cause: "No scope was sent, and this authorization server has no scope marked as default.",
    fix: 'Enter at least one scope, or mark a scope as a default scope on the authorization server (Security › API › Scopes).',
  },
  {
    id: 'openid-scope',
    codes: ['invalid_scope'],
    phrases: ["cannot request 'openid' scopes using client credentials"],
    title: 'OpenID scopes are not allowed with client credentials',
    cause: 'openid, profile, email and the other OpenID Connect scopes are for signing in users, not for machine-to-machine tokens.',
    fix: 'Remove openid, profile, email, address, phone and offline_access; request your custom scopes only.',
  },
  {
    id: 'custom-scope-to-org-server',
    codes: ['invalid_scope'],
    phrases: ['custom scopes are not allowed for this request'],
    title: 'Custom scopes sent to the org authorization server',
    cause: 'The org authorization server knows only Okta API scopes (okta.*); custom scopes live on custom authorization servers.',
    fix: 'Use /oauth2/default or /oauth2/{authorizationServerId}, where the custom scope is defined.',
  },
  {
    id: 'unknown-scope',
    codes: ['invalid_scope'],
    phrases: ['one or more scopes are not configured for the authorization server resource', 'the requested scope is invalid, unknown, malformed'],
    title: 'Unknown scope',
    cause: 'At least one requested scope does not exist on this authorization server. Scopes belong to one authorization server.',
    fix: 'Check the spelling, then create the scope on this authorization server (Security › API › Authorization Servers › Scopes), or pick the server where it exists.',
  },
  {
    id: 'no-matching-policy',
    codes: ['access_denied'],
    phrases: ['policy evaluation failed for this request'],
    title: 'No access policy matches',
    cause: 'No access policy rule on this authorization server covers this client with the Client Credentials grant. The "default" server on Integrator Free plan orgs has no policy at all.',
    fix: 'Add an access policy (assigned to this app or all clients) with a rule that allows the Client Credentials grant and the requested scopes (Security › API › Authorization Servers › Access Policies).',
  },
  {
    id: 'scopes-rejected',
    codes: ['access_denied'],
    phrases: ['policy evaluation succeeded, but all the requested scopes were rejected'],
    title: 'All requested scopes were rejected',
    cause: "A policy rule matched, but it allows none of the requested scopes.",
    fix: "Widen the rule's scopes (Access Policies › rule › Scopes requested), or request scopes the rule allows.",
  },
  {
    id: 'multiple-credentials',
    codes: ['invalid_request', 'invalid_client'],
    phrases: ['cannot supply multiple client credentials'],
    title: 'More than one set of credentials',
    cause: 'The request carried credentials in more than one place (Authorization header and form body, or a client assertion).',
    fix: 'Send exactly one: the Basic header or client_id/client_secret in the body. Basic Header sends one; a proxy or library adding another would cause this.',
  },
  ...CLIENT_ASSERTION_ROWS,
  ...DPOP_ROWS,
  {
    id: 'rate-limited',
    codes: ['E0000047', 'user_rate_limited'],
    phrases: [],
    status: 429,
    title: 'Rate limit exceeded',
    cause: 'Too many requests to this endpoint in the current window. Each OAuth app may use up to half of the token bucket by default.',
    fix: 'Wait until the reset time shown, then try again. Check Reports › Rate Limits for what else is using the bucket.',
  },
  {
    id: 'resource-not-found',
    codes: ['E0000007'],
    phrases: [],
    title: 'Not found',
    cause: 'Okta found no such resource: usually an authorization server ID that does not exist in this org, or a "default" server that was renamed or is unavailable.',
    fix: 'Check the authorization server ID under Security › API › Authorization Servers, and that the domain is the right org.',
  },
];

/** Per-code guidance for Okta text no row knows: the verbatim words stay the headline. */
const GENERIC_CAUSES: Readonly<Record<string, { cause: string; fix: string }>> = {
  invalid_client: {
    cause: 'Okta could not authenticate the client: a wrong client ID or secret, a secret that was rotated or deactivated, an inactive app, or a different client authentication method.',
    fix: "Re-copy the client ID and secret, check the app is active, and check its Client authentication setting. Okta's System Log shows the detailed reason.",
  },
  invalid_scope: {
    cause: 'Okta did not accept the requested scopes.',
    fix: 'Check that each scope exists on this authorization server and that the access policy allows it.',
  },
  unauthorized_client: {
    cause: 'The app is not allowed to do this request.',
    fix: "Check the app's grant types and the authorization server you are using.",
  },
  access_denied: {
    cause: 'An access policy refused the request.',
    fix: "Check the authorization server's access policies and rules for this client.",
  },
  invalid_request: {
    cause: 'Okta found the request malformed.',
    fix: "Check the domain, the authorization server and the scopes. Okta's System Log shows the detailed reason.",
  },
  unsupported_grant_type: {
    cause: 'This endpoint does not accept the client_credentials grant.',
    fix: 'Use the "default" or a custom authorization server and enable Client Credentials on the app.',
  },
};

export interface OktaErrorBody {
  /** Which of Okta's two JSON shapes it was. */
  readonly shape: 'oauth' | 'okta';
  /** `error`, or `errorCode`. */
  readonly code: string;
  /** `error_description`, or `errorSummary`; verbatim. */
  readonly description: string | null;
  /** `errorCauses[].errorSummary`, verbatim. */
  readonly causes: readonly string[];
  /** `errorId` (Okta's request id for support), when present. */
  readonly errorId: string | null;
}

function stringField(body: Record<string, unknown>, key: string): string | null {
  const value = body[key];
  return typeof value === 'string' ? value : null;
}

/** Reads `{error, error_description}` or `{errorCode, errorSummary, errorCauses}`; null for anything else. */
export function parseOktaErrorBody(body: unknown): OktaErrorBody | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  const error = stringField(record, 'error');
  if (error !== null) {
    return { shape: 'oauth', code: error, description: stringField(record, 'error_description'), causes: [], errorId: null };
  }
  const errorCode = stringField(record, 'errorCode');
  if (errorCode !== null) {
    const rawCauses = Array.isArray(record.errorCauses) ? (record.errorCauses as unknown[]) : [];
    const causes = rawCauses
      .map((c) => (c !== null && typeof c === 'object' ? stringField(c as Record<string, unknown>, 'errorSummary') : null))
      .filter((c): c is string => c !== null);
    return {
      shape: 'okta',
      code: errorCode,
      description: stringField(record, 'errorSummary'),
      causes,
      errorId: stringField(record, 'errorId'),
    };
  }
  return null;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
}

/** Picks the row for an Okta error; `unknown` (with per-code guidance where there is some) when none matches. */
export function explainOktaError(status: number | null, code: string | null, description: string | null): Explanation {
  const text = normalise(description ?? '');
  const codeLower = (code ?? '').toLowerCase();
  for (const row of OKTA_ERROR_ROWS) {
    const codeMatches = row.codes.some((c) => c.toLowerCase() === codeLower);
    const statusMatches = row.status !== undefined && row.status === status;
    if (!codeMatches && !statusMatches) continue;
    // A code shared by many situations needs its phrase; a phrase is enough on its own only with the code.
    if (row.phrases.length > 0 && !row.phrases.some((p) => text.includes(p))) continue;
    return { id: row.id, title: row.title, cause: row.cause, fix: row.fix };
  }
  const generic = GENERIC_CAUSES[codeLower];
  return {
    id: 'unknown',
    title: code === null ? `Okta answered HTTP ${status ?? '?'}` : `Okta answered "${code}"`,
    cause: generic?.cause ?? "Basic Header does not recognise this answer; Okta's own words are shown as they came.",
    fix: generic?.fix ?? "Look up the error text in Okta's documentation, or find the request in Okta's System Log (Reports › System Log).",
  };
}

function headerNumber(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw.trim());
  return Number.isFinite(value) ? value : null;
}

/** X-Rate-Limit-Limit / -Remaining / -Reset (UTC epoch seconds); null when none is present. */
export function readRateLimit(headers: Headers): RateLimitInfo | null {
  const info: RateLimitInfo = {
    limit: headerNumber(headers, 'x-rate-limit-limit'),
    remaining: headerNumber(headers, 'x-rate-limit-remaining'),
    resetEpochSeconds: headerNumber(headers, 'x-rate-limit-reset'),
  };
  return info.limit === null && info.remaining === null && info.resetEpochSeconds === null ? null : info;
}
