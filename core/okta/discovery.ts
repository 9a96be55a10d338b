/**
 * Authorization-server metadata (RFC 8414 / OIDC discovery), fetched through
 * the injected fetch. Discovery only informs: if it fails, Okta's documented
 * paths are used and DiscoveryInfo.note says why. Endpoints it names on another
 * host are not followed, so the secret only ever goes to the host entered.
 */
import { notice, type Notice } from '../shared/notice';
import { boundedFetch, type Bounds } from './bounded-fetch';
import type { ClassifiedNetworkError } from './network-errors';
import type { Result } from '../shared/result';
import { resolveTarget, type TargetErrorCode } from './target';
import type { AuthServerChoice, DiscoveryInfo, FetchLike, ResolvedTarget } from './types';

/** JSON Web Key Set as published at jwks_uri (only what core reads). */
export interface JsonWebKeySet {
  readonly keys: readonly Record<string, unknown>[];
}

interface CachedDiscovery {
  readonly info: DiscoveryInfo;
  readonly notices: readonly Notice[];
  readonly atMs: number;
}

/**
 * Remembers metadata and signing keys between token tests (keyed by URL), so a
 * session or a benchmark does not refetch them for every request. In memory only.
 */
export interface DiscoveryCache {
  readonly ttlMs: number;
  /**
   * Also remember the documented-paths fallback when discovery fails (default false). A session cache
   * should retry next time; a rotation run must not fetch the metadata twice within one run.
   */
  readonly rememberFallback?: boolean;
  getDiscovery(key: string, nowMs: number): CachedDiscovery | undefined;
  setDiscovery(key: string, value: CachedDiscovery): void;
  getJwks(uri: string, nowMs: number): JsonWebKeySet | undefined;
  setJwks(uri: string, jwks: JsonWebKeySet, nowMs: number): void;
  /**
   * resolveTarget, remembering the last answer: a session tests one address
   * again and again, and reading it (URL parsing, a dozen checks) is on the
   * path before the request. The answer is frozen, as it is shared.
   */
  resolveTarget?(target: string, authServer: AuthServerChoice): Result<ResolvedTarget, TargetErrorCode>;
  clear(): void;
}

type Resolved = Result<ResolvedTarget, TargetErrorCode>;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

export function createDiscoveryCache(options: { ttlMs?: number; rememberFallback?: boolean } = {}): DiscoveryCache {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const discovery = new Map<string, CachedDiscovery>();
  const jwks = new Map<string, { jwks: JsonWebKeySet; atMs: number }>();
  let lastTarget: { readonly target: string; readonly kind: string; readonly id: string; readonly resolved: Resolved } | null = null;
  return {
    ttlMs,
    rememberFallback: options.rememberFallback === true,
    getDiscovery(key, nowMs) {
      const hit = discovery.get(key);
      return hit !== undefined && nowMs - hit.atMs < ttlMs ? hit : undefined;
    },
    setDiscovery(key, value) {
      discovery.set(key, value);
    },
    getJwks(uri, nowMs) {
      const hit = jwks.get(uri);
      return hit !== undefined && nowMs - hit.atMs < ttlMs ? hit.jwks : undefined;
    },
    setJwks(uri, value, nowMs) {
      jwks.set(uri, { jwks: value, atMs: nowMs });
    },
    resolveTarget(target, authServer) {
      const id = authServer.kind === 'custom' ? authServer.id : '';
      if (lastTarget !== null && lastTarget.target === target && lastTarget.kind === authServer.kind && lastTarget.id === id) return lastTarget.resolved;
      // A copy of the choice: the answer may hold it, and freezing must not reach the caller's object.
      const resolved = deepFreeze(resolveTarget(target, { ...authServer }));
      lastTarget = { target, kind: authServer.kind, id, resolved };
      return resolved;
    },
    clear() {
      discovery.clear();
      jwks.clear();
      lastTarget = null;
    },
  };
}

export const SCOPES_NOTE =
  'Custom scopes are listed only when they are marked as discoverable (metadata publish), so an empty or short scopes_supported list does not prove a scope is missing.';

export type DiscoveryOutcome =
  | { readonly kind: 'done'; readonly info: DiscoveryInfo; readonly notices: readonly Notice[] }
  /** The host itself could not be reached (or the user cancelled): trying the token request would fail the same way. */
  | {
      readonly kind: 'stopped';
      readonly info: DiscoveryInfo;
      readonly reason: { readonly kind: 'network'; readonly error: ClassifiedNetworkError } | { readonly kind: 'timeout' } | { readonly kind: 'cancelled' };
    };

function stringArray(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  return (value as unknown[]).filter((v): v is string => typeof v === 'string');
}

/** An endpoint from metadata is used only on the origin the user entered, over the same scheme. */
function sameOrigin(value: unknown, origin: string): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.origin === origin && url.username === '' && url.password === '' ? url.href : null;
  } catch {
    return null;
  }
}

function fallbackInfo(resolved: ResolvedTarget, note: string): DiscoveryInfo {
  return {
    source: 'fallback',
    url: null,
    note,
    issuer: resolved.issuer,
    tokenEndpoint: resolved.tokenEndpoint,
    tokenEndpointAuthMethodsSupported: null,
    scopesSupported: null,
    jwksUri: resolved.jwksUri,
  };
}

function readMetadata(url: string, text: string, resolved: ResolvedTarget): { info: DiscoveryInfo; notices: Notice[] } | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'the answer was not JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the answer was not a metadata object';
  const meta = body as Record<string, unknown>;
  if (typeof meta.issuer !== 'string' || meta.issuer === '') return 'the answer has no issuer';
  const notices: Notice[] = [];
  const host = new URL(resolved.origin).host;

  let tokenEndpoint = sameOrigin(meta.token_endpoint, resolved.origin);
  if (tokenEndpoint === null) {
    tokenEndpoint = resolved.tokenEndpoint;
    if (meta.token_endpoint !== undefined) {
      notices.push(
        notice(
          'token-endpoint-other-host',
          'warning',
          `The metadata names a token endpoint that is not on ${host}. The secret is sent only to the host you entered, so Okta's documented path ${resolved.tokenEndpoint} is used instead.`,
        ),
      );
    }
  }
  let jwksUri = sameOrigin(meta.jwks_uri, resolved.origin);
  if (jwksUri === null) {
    jwksUri = resolved.jwksUri;
    if (meta.jwks_uri !== undefined) {
      notices.push(
        notice('jwks-other-host', 'warning', `The metadata names a key set that is not on ${host}; Okta's documented path ${resolved.jwksUri} is used instead.`),
      );
    }
  }
  if (meta.issuer !== resolved.issuer) {
    notices.push(
      notice(
        'issuer-differs',
        'info',
        `The server calls itself ${meta.issuer} (the address entered gives ${resolved.issuer}); tokens are checked against ${meta.issuer}. Custom URL domains cause this.`,
      ),
    );
  }
  const grants = stringArray(meta.grant_types_supported);
  if (grants !== null && !grants.includes('client_credentials')) {
    notices.push(
      notice('no-client-credentials-grant', 'warning', 'This authorization server does not list client_credentials among its grant types.'),
    );
  }
  return {
    info: {
      source: 'discovered',
      url,
      note: SCOPES_NOTE,
      issuer: meta.issuer,
      tokenEndpoint,
      tokenEndpointAuthMethodsSupported: stringArray(meta.token_endpoint_auth_methods_supported),
      scopesSupported: stringArray(meta.scopes_supported),
      jwksUri,
    },
    notices,
  };
}

/** What `cache` remembers for this target (no await: a token test asks before its request, on every test). */
export function cachedDiscovery(resolved: ResolvedTarget, cache: DiscoveryCache | undefined, nowMs: number): DiscoveryOutcome | undefined {
  const cached = cache?.getDiscovery(resolved.discoveryUrls.join(' '), nowMs);
  return cached === undefined ? undefined : { kind: 'done', info: cached.info, notices: cached.notices };
}

export async function discover(
  resolved: ResolvedTarget,
  fetch: FetchLike,
  bounds: Bounds,
  cache?: DiscoveryCache,
  nowMs = 0,
): Promise<DiscoveryOutcome> {
  const known = cachedDiscovery(resolved, cache, nowMs);
  if (known !== undefined) return known;
  const key = resolved.discoveryUrls.join(' ');

  const failures: string[] = [];
  for (const url of resolved.discoveryUrls) {
    const outcome = await boundedFetch(fetch, url, { method: 'GET', headers: { Accept: 'application/json' } }, bounds);
    const path = new URL(url).pathname;
    switch (outcome.kind) {
      case 'cancelled':
      case 'timeout':
      case 'network':
        // Every discovery URL is on the same host as the token endpoint: stop here rather than wait again.
        return {
          kind: 'stopped',
          info: fallbackInfo(resolved, "Discovery could not reach the server, so Okta's documented paths are shown."),
          reason: outcome.kind === 'network' ? { kind: 'network', error: outcome.error } : { kind: outcome.kind },
        };
      case 'redirect':
        failures.push(`${path}: redirected (not followed)`);
        break;
      case 'too-large':
        failures.push(`${path}: answer too large`);
        break;
      case 'response': {
        if (outcome.status !== 200) {
          failures.push(`${path}: HTTP ${outcome.status}`);
          break;
        }
        const read = readMetadata(url, outcome.text, resolved);
        if (typeof read === 'string') {
          failures.push(`${path}: ${read}`);
          break;
        }
        cache?.setDiscovery(key, { ...read, atMs: nowMs });
        return { kind: 'done', ...read };
      }
    }
  }
  const note = `Discovery failed (${failures.join('; ')}), so Okta's documented paths are used: token endpoint ${resolved.tokenEndpoint}, keys ${resolved.jwksUri}.`;
  const fallback = { info: fallbackInfo(resolved, note), notices: [] };
  if (cache?.rememberFallback === true) cache.setDiscovery(key, { ...fallback, atMs: nowMs });
  return { kind: 'done', ...fallback };
}

/** A key set, or why there is none; `fromCache`: it came from a cache (it may predate a key rotation). */
export type LoadedJwks = { readonly ok: true; readonly jwks: JsonWebKeySet; readonly fromCache: boolean } | { readonly ok: false; readonly reason: string };

/** The key set `cache` holds for `uri` (no await: a token test asks after its answer, on every test). */
export function cachedJwks(uri: string, cache: DiscoveryCache | undefined, nowMs: number): LoadedJwks | undefined {
  const hit = cache?.getJwks(uri, nowMs);
  return hit === undefined ? undefined : { ok: true, jwks: hit, fromCache: true };
}

/** Fetches a key set (through the injected fetch, with the same bounds), or says why not. */
export async function fetchJwks(
  uri: string,
  fetch: FetchLike,
  bounds: Bounds,
  cache: DiscoveryCache | undefined,
  nowMs: number,
  refresh: boolean,
): Promise<LoadedJwks> {
  const known = refresh ? undefined : cachedJwks(uri, cache, nowMs);
  if (known !== undefined) return known;
  const outcome = await boundedFetch(fetch, uri, { method: 'GET', headers: { Accept: 'application/json' } }, bounds);
  const host = new URL(uri).host;
  switch (outcome.kind) {
    case 'cancelled':
      return { ok: false, reason: 'the key download was cancelled' };
    case 'timeout':
      return { ok: false, reason: `${host} did not send its signing keys in time` };
    case 'network':
      return { ok: false, reason: `the signing keys could not be downloaded from ${host} (${outcome.error.code})` };
    case 'redirect':
      return { ok: false, reason: `${uri} answered with a redirect, which is not followed` };
    case 'too-large':
      return { ok: false, reason: `the key set at ${uri} is too large` };
    case 'response': {
      if (outcome.status !== 200) return { ok: false, reason: `${uri} answered HTTP ${outcome.status}` };
      let body: unknown;
      try {
        body = JSON.parse(outcome.text);
      } catch {
        return { ok: false, reason: `${uri} did not answer with JSON` };
      }
      const keys = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).keys : undefined;
      if (!Array.isArray(keys)) return { ok: false, reason: `${uri} did not answer with a key set` };
      const jwks: JsonWebKeySet = {
        keys: (keys as unknown[]).filter((k): k is Record<string, unknown> => k !== null && typeof k === 'object' && !Array.isArray(k)),
      };
      cache?.setJwks(uri, jwks, nowMs);
      return { ok: true, jwks, fromCache: false };
    }
  }
}
