/**
 * Works out where a token test goes from whatever the admin pasted (a host, an
 * origin, an issuer, a token URL or a well-known URL) plus the authorization
 * server they chose. Everything is decided here, before any traffic: a target
 * this refuses never reaches fetch.
 */
import { notice, type Notice } from '../shared/notice';
import { fail, ok, type Result } from '../shared/result';
import { hostToUnicode } from './punycode';
import type { AuthServerChoice, ResolvedTarget } from './types';

export type TargetErrorCode =
  | 'empty-target'
  | 'bad-domain'
  | 'unsupported-scheme'
  | 'insecure-http'
  | 'credentials-in-url'
  | 'bad-auth-server-id'
  | 'scheme-typo';

/** Okta's own domains: only there is `-admin` certainly the Admin Console, so only there is it stripped. */
const OKTA_DOMAINS = ['okta.com', 'oktapreview.com', 'okta-emea.com', 'okta-gov.com', 'okta.mil', 'trexcloud.com'];

/** Authorization server IDs are `default` or Okta-generated `aus…` IDs: letters and digits only. */
const AUTH_SERVER_ID = /^[A-Za-z0-9]{1,64}$/;

/** Query keys that mean the pasted URL carries a credential; such text is refused, never echoed. */
const CREDENTIAL_KEYS = /secret|password|passwd|pwd|token|assertion|apikey|api_key|authorization|^code$/i;

const WELL_KNOWN_OAUTH = '/.well-known/oauth-authorization-server';
const WELL_KNOWN_OIDC = '/.well-known/openid-configuration';

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]') return true;
  // The URL parser has already normalised IPv4 forms such as `127.1`.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * `https//host`, `https:/host`, `https:\\host`, `https:\host` and `https:host`
 * are a mistyped "https://"; the URL parser would read most of them as a
 * host named "https". Returns the address as meant, or null when the
 * scheme is typed right (or absent).
 */
export function correctSchemeTypo(text: string): string | null {
  const typo = /^(https?)(?:\/\/|:\/(?!\/)|:\\{1,2}|:(?![/\\]))(?=[^/\\\s])/i.exec(text.trim());
  if (typo === null) return null;
  return `${(typo[1] ?? 'https').toLowerCase()}://${text.trim().slice(typo[0].length).replace(/\\/g, '/')}`;
}

/** Host names that can only come from a mangled address. */
const SCHEME_HOSTS = new Set(['http', 'https']);

function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname);
}

export function describeAuthServer(choice: AuthServerChoice): string {
  switch (choice.kind) {
    case 'org':
      return 'the org authorization server';
    case 'default':
      return 'the "default" custom authorization server';
    case 'custom':
      return `the custom authorization server "${choice.id}"`;
  }
}

function sameChoice(a: AuthServerChoice, b: AuthServerChoice): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'custom' || (b.kind === 'custom' && a.id === b.id);
}

/** `custom` with id `default` is the default server; anything else must be a plausible Okta ID. */
function normaliseChoice(choice: AuthServerChoice): Result<AuthServerChoice, TargetErrorCode> {
  if (choice.kind !== 'custom') return ok(choice);
  const id = choice.id.trim();
  if (id === '') {
    return fail('bad-auth-server-id', 'Enter the custom authorization server ID (for example aus9o8wzkhckw9TLa0h7z), or choose "default".');
  }
  if (id === 'default') return ok({ kind: 'default' });
  if (!AUTH_SERVER_ID.test(id)) {
    return fail(
      'bad-auth-server-id',
      'A custom authorization server ID has letters and digits only (for example aus9o8wzkhckw9TLa0h7z). Paste the ID from Security › API › Authorization Servers, not a URL or a name.',
    );
  }
  return ok({ kind: 'custom', id });
}

function idToChoice(id: string): AuthServerChoice {
  return id === 'default' ? { kind: 'default' } : { kind: 'custom', id };
}

interface PathInfo {
  /** The server the path names, or null when it names none. */
  readonly choice: AuthServerChoice | null;
  /** The pasted URL itself, when it is a metadata URL worth trying first. */
  readonly wellKnownUrl: boolean;
  /** A path that is not an Okta OAuth path (ignored, with a notice). */
  readonly unrecognised: boolean;
  readonly badId: boolean;
}

function analysePath(path: string): PathInfo {
  const trimmed = path.replace(/\/+$/, '');
  const none: PathInfo = { choice: null, wellKnownUrl: false, unrecognised: false, badId: false };
  if (trimmed === '') return none;
  if (trimmed === WELL_KNOWN_OAUTH || trimmed === WELL_KNOWN_OIDC) {
    return { ...none, choice: { kind: 'org' }, wellKnownUrl: true };
  }
  const rfc8414 = /^\/\.well-known\/(?:oauth-authorization-server|openid-configuration)\/oauth2\/([^/]+)$/.exec(trimmed);
  if (rfc8414?.[1] !== undefined) {
    const id = rfc8414[1];
    return AUTH_SERVER_ID.test(id) ? { ...none, choice: idToChoice(id), wellKnownUrl: true } : { ...none, badId: true };
  }
  const segments = trimmed.split('/').slice(1);
  if (segments[0] !== 'oauth2') return { ...none, unrecognised: true };
  const second = segments[1];
  // `/oauth2` alone is a common half-pasted issuer: not a server, so the choice stands.
  if (second === undefined) return { ...none, unrecognised: true };
  if (second === 'v1') return { ...none, choice: { kind: 'org' } };
  if (!AUTH_SERVER_ID.test(second)) return { ...none, badId: true };
  const rest = segments.slice(2).join('/');
  const wellKnownUrl = rest === '.well-known/oauth-authorization-server' || rest === '.well-known/openid-configuration';
  return { ...none, choice: idToChoice(second), wellKnownUrl };
}

function oktaAdminFix(hostname: string): { fixed: string; oktaDomain: boolean } | null {
  const labels = hostname.split('.');
  const first = labels[0];
  if (first === undefined || labels.length < 3 || !first.endsWith('-admin') || first === '-admin') return null;
  const fixed = [first.slice(0, -'-admin'.length), ...labels.slice(1)].join('.');
  const domain = labels.slice(1).join('.').replace(/\.$/, '');
  return { fixed, oktaDomain: OKTA_DOMAINS.includes(domain) };
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}

function validHostname(hostname: string): boolean {
  if (hostname.startsWith('[')) return hostname.endsWith(']');
  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (host === '' || host.length > 253) return false;
  return host.split('.').every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label));
}

/** Endpoints for a server on an origin, in Okta's documented layout. */
export function documentedEndpoints(origin: string, choice: AuthServerChoice): {
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
  discoveryUrls: string[];
} {
  if (choice.kind === 'org') {
    return {
      issuer: origin,
      tokenEndpoint: `${origin}/oauth2/v1/token`,
      jwksUri: `${origin}/oauth2/v1/keys`,
      discoveryUrls: [`${origin}${WELL_KNOWN_OAUTH}`, `${origin}${WELL_KNOWN_OIDC}`],
    };
  }
  const id = choice.kind === 'default' ? 'default' : choice.id;
  const issuer = `${origin}/oauth2/${id}`;
  return {
    issuer,
    tokenEndpoint: `${issuer}/v1/token`,
    jwksUri: `${issuer}/v1/keys`,
    // RFC 8414 form first (Okta's current standard), then the legacy forms it still serves.
    discoveryUrls: [`${origin}${WELL_KNOWN_OAUTH}/oauth2/${id}`, `${issuer}${WELL_KNOWN_OAUTH}`, `${issuer}${WELL_KNOWN_OIDC}`],
  };
}

export function resolveTarget(target: string, authServer: AuthServerChoice): Result<ResolvedTarget, TargetErrorCode> {
  const notices: Notice[] = [];
  let text = target.trim();
  if (text === '') {
    return fail('empty-target', 'Enter your Okta domain, for example dev-123456.okta.com.');
  }
  if (/\s/.test(text)) {
    return fail('bad-domain', 'The Okta domain contains a space or a line break. Paste only the domain, for example dev-123456.okta.com.');
  }
  const corrected = correctSchemeTypo(text);
  if (corrected !== null) {
    // Offer the corrected address only if it passes every other check (it may carry a credential).
    const meant = resolveTarget(corrected, authServer);
    if (!meant.ok) return meant;
    return fail('scheme-typo', `The address has a mistyped "https://". Did you mean ${shorten(corrected, 120)}?`);
  }
  // A doubled scheme (`https://https://…`) is a classic paste slip; fix it rather than fail on host "https".
  const doubled = /^(https?:\/\/)+(https?:\/\/)/i.exec(text);
  if (doubled?.[2] !== undefined) {
    text = text.slice(doubled[0].length - doubled[2].length);
    notices.push(notice('doubled-scheme', 'info', 'The address had "https://" twice; the extra one was removed.'));
  }
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  const hasScheme = schemeMatch !== null;
  const scheme = schemeMatch?.[1]?.toLowerCase() ?? 'https';
  if (scheme !== 'https' && scheme !== 'http') {
    return fail('unsupported-scheme', `"${scheme}://" is not a web address. Use https://, for example https://dev-123456.okta.com.`);
  }
  // Check for userinfo before parsing: the pasted text may hold a secret and must never be echoed.
  const authority = (hasScheme ? text.slice(schemeMatch[0].length) : text).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) {
    return fail(
      'credentials-in-url',
      'The address contains "user:password@". Remove it: credentials belong in the Client ID and Secret fields, never in the address.',
    );
  }

  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return fail('bad-domain', 'This is not a valid domain or URL. Enter your Okta domain, for example dev-123456.okta.com.');
  }
  for (const key of [...url.searchParams.keys(), ...new URLSearchParams(url.hash.slice(1)).keys()]) {
    if (CREDENTIAL_KEYS.test(key)) {
      return fail(
        'credentials-in-url',
        'The address carries a credential in its query or fragment. Remove it: credentials belong in the Client ID and Secret fields, never in the address.',
      );
    }
  }
  if (url.search !== '' || url.hash !== '') {
    notices.push(notice('query-ignored', 'info', 'The "?…" or "#…" part of the address is ignored.'));
  }

  if (!validHostname(url.hostname)) {
    return fail('bad-domain', 'The domain is not a valid host name. Enter your Okta domain, for example dev-123456.okta.com.');
  }

  if (SCHEME_HOSTS.has(url.hostname.replace(/\.$/, ''))) {
    return fail('bad-domain', `The host name is "${url.hostname}": the address is mistyped. Write it as https://dev-123456.okta.com/oauth2/default.`);
  }
  if (url.port === '0') {
    return fail('bad-domain', 'Port 0 is not a port a server can listen on. Remove ":0", or give the real port.');
  }
  const bareHost = url.hostname.replace(/\.$/, '');
  if (!bareHost.includes('.') && !isLoopbackHost(bareHost) && !isIpLiteral(bareHost)) {
    notices.push(
      notice(
        'single-label-host',
        'warning',
        `"${bareHost}" has no domain part (such as .okta.com): it is looked up on your local network, which is not Okta. Check the domain.`,
      ),
    );
  }
  if (bareHost.split('.').some((label) => label.startsWith('xn--'))) {
    notices.push(
      notice(
        'punycode-host',
        'warning',
        `${bareHost} is an internationalised name that reads as "${hostToUnicode(bareHost)}". Look-alike letters (a Cyrillic "о" for "o") can imitate another domain: check it is your Okta domain.`,
      ),
    );
  }

  let hostname = url.hostname;
  const admin = oktaAdminFix(hostname);
  if (admin?.oktaDomain === true) {
    notices.push(
      notice(
        'admin-host',
        'warning',
        `${hostname} is the Admin Console address, not the OAuth address. Using ${admin.fixed} instead (the same name without "-admin").`,
      ),
    );
    hostname = admin.fixed;
    url.hostname = hostname;
  } else if (admin !== null) {
    notices.push(
      notice(
        'admin-host',
        'warning',
        `${hostname} looks like an Admin Console address. If token requests fail, try ${admin.fixed} (the same name without "-admin").`,
      ),
    );
  }

  const insecureLoopback = url.protocol === 'http:';
  if (insecureLoopback) {
    if (!isLoopbackHost(hostname)) {
      return fail(
        'insecure-http',
        `Plain http:// would send the credentials (a secret or a signed assertion) unencrypted, so it is allowed only for this computer (localhost). Use https://${url.host}.`,
      );
    }
    notices.push(
      notice('insecure-loopback', 'warning', `Plain HTTP to ${url.host}: allowed because it is this computer, but the request is not encrypted.`),
    );
  }

  const chosen = normaliseChoice(authServer);
  const pathInfo = analysePath(url.pathname);
  if (pathInfo.badId) {
    return fail(
      'bad-auth-server-id',
      'The authorization server ID in the pasted path is not valid: IDs have letters and digits only (for example aus9o8wzkhckw9TLa0h7z or default).',
    );
  }
  let choice: AuthServerChoice;
  if (pathInfo.choice !== null) {
    choice = pathInfo.choice;
    if (!chosen.ok || !sameChoice(chosen.value, choice)) {
      notices.push(
        notice('auth-server-from-path', 'info', `The pasted path names ${describeAuthServer(choice)}; using it instead of the one selected.`),
      );
    }
  } else {
    if (!chosen.ok) return chosen;
    choice = chosen.value;
    if (pathInfo.unrecognised) {
      notices.push(
        notice(
          'path-ignored',
          'warning',
          `The path "${shorten(url.pathname)}" is not an Okta OAuth path, so only the host is used, with ${describeAuthServer(choice)}.`,
        ),
      );
    }
  }

  // Nothing about the org server's private_key_jwt rule here: the target does not know the method.
  // prepareTokenTest warns (orgServerMethodNotice), and only when the method is one Okta refuses there.

  const origin = url.origin;
  const endpoints = documentedEndpoints(origin, choice);
  const discoveryUrls = pathInfo.wellKnownUrl
    ? [`${origin}${url.pathname.replace(/\/+$/, '')}`, ...endpoints.discoveryUrls]
    : endpoints.discoveryUrls;
  return ok({
    origin,
    issuer: endpoints.issuer,
    authServer: choice,
    tokenEndpoint: endpoints.tokenEndpoint,
    jwksUri: endpoints.jwksUri,
    discoveryUrls: [...new Set(discoveryUrls)],
    insecureLoopback,
    notices,
  });
}
