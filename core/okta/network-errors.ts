/**
 * Turns "the request got no usable answer" into one stable code and a plain
 * message naming the host. fetch errors differ by runtime: Node/undici wraps a
 * coded Error in `cause` (TypeError "fetch failed" → Error ECONNREFUSED), while
 * Electron/Chromium puts `net::ERR_…` in the message. Both are read here.
 * Messages are built from fixed text plus the host: a thrown error's own text
 * is never copied, so nothing from the request can leak through it.
 */
import type { Explanation } from './types';

export type NetworkErrorCode =
  | 'dns'
  | 'refused'
  | 'tls-untrusted'
  | 'tls-hostname-mismatch'
  | 'tls-expired'
  | 'timeout'
  | 'reset'
  | 'proxy'
  | 'network';

/** Every reason for outcome 'no-answer'. */
export type NoAnswerCode = NetworkErrorCode | 'server-error' | 'not-json' | 'body-too-large' | 'redirect' | 'unexpected-response';

export interface ClassifiedNetworkError {
  /** 'aborted': the request's signal fired; the caller knows whether that was a timeout or a cancel. */
  readonly code: NetworkErrorCode | 'aborted';
  /** The low-level code that decided it (e.g. ENOTFOUND, ERR_NAME_NOT_RESOLVED), or null. */
  readonly detail: string | null;
}

const CODE_TABLE: Readonly<Record<string, NetworkErrorCode | 'aborted'>> = {
  // Node / undici
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  EAI_FAIL: 'dns',
  EAI_NODATA: 'dns',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls-untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls-untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls-untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls-untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'tls-untrusted',
  CERT_UNTRUSTED: 'tls-untrusted',
  CERT_REJECTED: 'tls-untrusted',
  CERT_REVOKED: 'tls-untrusted',
  CERT_SIGNATURE_FAILURE: 'tls-untrusted',
  INVALID_CA: 'tls-untrusted',
  CERT_HAS_EXPIRED: 'tls-expired',
  CERT_NOT_YET_VALID: 'tls-expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls-hostname-mismatch',
  EHOSTUNREACH: 'network',
  ENETUNREACH: 'network',
  ENETDOWN: 'network',
  // Chromium net (Electron's session.fetch / net module)
  ERR_NAME_NOT_RESOLVED: 'dns',
  ERR_NAME_RESOLUTION_FAILED: 'dns',
  ERR_DNS_TIMED_OUT: 'dns',
  ERR_ICANN_NAME_COLLISION: 'dns',
  ERR_CONNECTION_REFUSED: 'refused',
  ERR_CONNECTION_RESET: 'reset',
  ERR_CONNECTION_CLOSED: 'reset',
  ERR_CONNECTION_ABORTED: 'reset',
  ERR_EMPTY_RESPONSE: 'reset',
  ERR_TIMED_OUT: 'timeout',
  ERR_CONNECTION_TIMED_OUT: 'timeout',
  ERR_CERT_AUTHORITY_INVALID: 'tls-untrusted',
  ERR_CERT_INVALID: 'tls-untrusted',
  ERR_CERT_REVOKED: 'tls-untrusted',
  ERR_CERT_CONTAINS_ERRORS: 'tls-untrusted',
  ERR_CERT_WEAK_SIGNATURE_ALGORITHM: 'tls-untrusted',
  ERR_CERT_WEAK_KEY: 'tls-untrusted',
  ERR_CERT_NAME_CONSTRAINT_VIOLATION: 'tls-untrusted',
  ERR_CERT_KNOWN_INTERCEPTION_BLOCKED: 'tls-untrusted',
  ERR_CERT_SYMANTEC_LEGACY: 'tls-untrusted',
  ERR_CERT_VALIDITY_TOO_LONG: 'tls-untrusted',
  ERR_CERTIFICATE_TRANSPARENCY_REQUIRED: 'tls-untrusted',
  ERR_CERT_COMMON_NAME_INVALID: 'tls-hostname-mismatch',
  ERR_CERT_DATE_INVALID: 'tls-expired',
  ERR_PROXY_CONNECTION_FAILED: 'proxy',
  ERR_TUNNEL_CONNECTION_FAILED: 'proxy',
  ERR_PROXY_AUTH_REQUESTED: 'proxy',
  ERR_PROXY_AUTH_UNSUPPORTED: 'proxy',
  ERR_PROXY_CERTIFICATE_INVALID: 'proxy',
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: 'proxy',
  ERR_PAC_SCRIPT_FAILED: 'proxy',
  ERR_PROXY_HTTP_1_1_REQUIRED: 'proxy',
  ERR_HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT: 'proxy',
  ERR_INTERNET_DISCONNECTED: 'network',
  ERR_ADDRESS_UNREACHABLE: 'network',
  ERR_NETWORK_CHANGED: 'network',
  ERR_ABORTED: 'aborted',
};

/** When several levels carry codes, the most specific wins (a proxy failure often also says "refused"). */
const PRIORITY: readonly (NetworkErrorCode | 'aborted')[] = [
  'aborted',
  'proxy',
  'tls-hostname-mismatch',
  'tls-expired',
  'tls-untrusted',
  'dns',
  'refused',
  'timeout',
  'reset',
  'network',
];

/** Only short code-like tokens are kept as `detail`: never free text from an error. */
const SAFE_TOKEN = /^[A-Za-z][A-Za-z0-9_:.-]{1,60}$/;

function field(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

function collectTokens(error: unknown): string[] {
  const tokens: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  // Bounded walk: cause chains and AggregateError lists can be long or cyclic.
  while (queue.length > 0 && seen.size < 32) {
    const current = queue.shift();
    if (current === null || current === undefined || seen.has(current)) continue;
    seen.add(current);
    if (typeof current !== 'object') {
      if (typeof current === 'string') tokens.push(...netCodesIn(current));
      continue;
    }
    const name = field(current, 'name');
    const code = field(current, 'code');
    const message = field(current, 'message');
    if (typeof name === 'string') tokens.push(name);
    if (typeof code === 'string') tokens.push(code);
    if (typeof message === 'string') {
      tokens.push(...netCodesIn(message));
      if (/proxy/i.test(message)) tokens.push('PROXY_MENTIONED');
    }
    queue.push(field(current, 'cause'));
    const nested = field(current, 'errors');
    if (Array.isArray(nested)) queue.push(...(nested as unknown[]));
  }
  return tokens;
}

function netCodesIn(text: string): string[] {
  const codes = [...text.matchAll(/net::(ERR_[A-Z0-9_]+)/g)].map((m) => m[1] ?? '');
  // Node puts some codes only in the message, e.g. "getaddrinfo ENOTFOUND host".
  const nodeCodes = [...text.matchAll(/\b(E[A-Z]{3,}|EAI_[A-Z]+)\b/g)].map((m) => m[1] ?? '').filter((c) => c in CODE_TABLE);
  return [...codes, ...nodeCodes];
}

export function classifyNetworkError(error: unknown): ClassifiedNetworkError {
  const tokens = collectTokens(error);
  let best: { code: NetworkErrorCode | 'aborted'; detail: string | null } | null = null;
  for (const token of tokens) {
    let code: NetworkErrorCode | 'aborted' | undefined = CODE_TABLE[token];
    if (token === 'AbortError') code = 'aborted';
    if (token === 'TimeoutError') code = 'timeout';
    if (token === 'PROXY_MENTIONED') code = 'proxy';
    if (code === undefined) continue;
    if (best === null || PRIORITY.indexOf(code) < PRIORITY.indexOf(best.code)) {
      best = { code, detail: token === 'PROXY_MENTIONED' ? null : token };
    }
  }
  if (best !== null) return best;
  const fallbackDetail = tokens.find((t) => SAFE_TOKEN.test(t) && t !== 'Error' && t !== 'TypeError') ?? null;
  return { code: 'network', detail: fallbackDetail };
}

interface NoAnswerText {
  readonly title: string;
  readonly message: (host: string, context: NoAnswerContext) => string;
  readonly fix: string;
}

export interface NoAnswerContext {
  readonly timeoutMs?: number;
  readonly status?: number;
  readonly detail?: string | null;
  readonly location?: string | null;
  readonly maxBodyBytes?: number;
  /** unexpected-response: the access token holds a credential the test sent. */
  readonly credentialEcho?: boolean;
}

function seconds(ms: number | undefined): string {
  const s = (ms ?? 15_000) / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}

const NO_ANSWER: Readonly<Record<NoAnswerCode, NoAnswerText>> = {
  dns: {
    title: 'Domain not found',
    message: (host) => `The name ${host} could not be found (DNS lookup failed).`,
    fix: 'Check the domain for typos (for example dev-123456.okta.com), then your network connection, VPN and DNS settings.',
  },
  refused: {
    title: 'Connection refused',
    message: (host) => `${host} refused the connection: nothing accepts connections at that address and port.`,
    fix: 'Check the domain and any port in it. A firewall or a stopped server can also cause this.',
  },
  'tls-untrusted': {
    title: 'Certificate not trusted',
    message: (host) => `The certificate presented by ${host} is not issued by an authority this computer trusts.`,
    fix: 'If your network inspects HTTPS or the domain uses a private certificate authority, install that CA in the system trust store (the command line accepts --ca-file). Custom domains must serve their full certificate chain. Do not turn certificate checks off.',
  },
  'tls-hostname-mismatch': {
    title: 'Certificate is for another name',
    message: (host) => `The certificate presented by ${host} is for a different host name.`,
    fix: 'Check the domain. A proxy or captive portal that intercepts connections can also present the wrong certificate.',
  },
  'tls-expired': {
    title: 'Certificate expired or not yet valid',
    message: (host) => `The certificate presented by ${host} has expired or is not valid yet.`,
    fix: "Check this computer's date and time. If they are right, the server's certificate needs renewing.",
  },
  timeout: {
    title: 'No answer in time',
    message: (host, c) => `${host} did not answer within ${seconds(c.timeoutMs)}.`,
    fix: 'Check your network, VPN or proxy, then try again; you can allow a longer timeout.',
  },
  reset: {
    title: 'Connection dropped',
    message: (host) => `The connection to ${host} was closed before an answer arrived.`,
    fix: 'Try again. If it keeps happening, a proxy or firewall may be cutting the connection.',
  },
  proxy: {
    title: 'Proxy failure',
    message: (host) => `The proxy could not connect to ${host}.`,
    fix: 'Check the system proxy settings (or PAC script) and whether the proxy needs you to sign in.',
  },
  network: {
    title: 'Network error',
    message: (host, c) => `Could not reach ${host}: a network error occurred${c.detail ? ` (${c.detail})` : ''}.`,
    fix: 'Check your network connection, VPN and proxy, then try again.',
  },
  'server-error': {
    title: 'Server error',
    message: (host, c) => `${host} answered HTTP ${c.status ?? 500}: an error on the server side, not in your credentials.`,
    fix: 'Try again in a few minutes and check status.okta.com. If it persists, contact Okta support.',
  },
  'not-json': {
    title: 'Not an OAuth answer',
    message: (host, c) =>
      `${host} answered${c.status === undefined ? '' : ` HTTP ${c.status}`} with a web page or other non-JSON text, not an OAuth response.`,
    fix: 'Check the domain and the authorization server: the request probably reached something other than an Okta token endpoint (a login page, a proxy or a captive portal).',
  },
  'body-too-large': {
    title: 'Answer too large',
    message: (host, c) =>
      `${host} sent an answer larger than ${Math.round((c.maxBodyBytes ?? 262_144) / 1024)} KiB, so it was not read. A token response is a few KiB.`,
    fix: 'Check the domain: the request probably reached something other than an Okta token endpoint.',
  },
  redirect: {
    title: 'Redirect not followed',
    message: (host, c) =>
      `${host} answered with a redirect${c.location ? ` to ${c.location}` : ''}. Redirects are never followed, so nothing was sent anywhere else.`,
    fix: 'Use the final address directly. A redirect on a token endpoint usually means a wrong domain or path (for example the Admin Console or a custom-domain mix-up).',
  },
  'unexpected-response': {
    title: 'Unexpected answer',
    message: (host, c) =>
      c.credentialEcho === true
        ? `${host} answered${c.status === undefined ? '' : ` HTTP ${c.status}`} with an "access token" that holds a credential this test sent (the client secret, the signed assertion or the DPoP proof), so it is neither shown nor kept. Okta never does that.`
        : `${host} answered${c.status === undefined ? '' : ` HTTP ${c.status}`} but without an access token or an OAuth error.`,
    fix: 'Check the domain and the authorization server: this does not look like an Okta token endpoint.',
  },
};

export function noAnswerMessage(code: NoAnswerCode, host: string, context: NoAnswerContext = {}): string {
  return NO_ANSWER[code].message(host, context);
}

export function explainNoAnswer(code: NoAnswerCode, host: string, context: NoAnswerContext = {}): Explanation {
  const text = NO_ANSWER[code];
  return { id: code, title: text.title, cause: text.message(host, context), fix: text.fix };
}

/** Only the host and scheme of a redirect target are shown; its path/query could be anything. */
export function describeLocation(location: string | null, base: string): string | null {
  if (location === null || location === '') return null;
  try {
    const url = new URL(location, base);
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}
