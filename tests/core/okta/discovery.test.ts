import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscoveryCache, discover, fetchJwks } from '../../../core/okta/discovery';
import { resolveTarget } from '../../../core/okta/target';
import type { AuthServerChoice, ResolvedTarget } from '../../../core/okta/types';
import { behaviours, oktaMetadata, startFaultServer, type FaultServer, type Route } from '../../support/fault-servers';
import { createTestFetch, type TestFetch } from '../../support/node-fetch';
import { createTestCa } from '../../support/test-ca';

const RFC8414 = '/.well-known/oauth-authorization-server/oauth2/default';
const LEGACY = '/oauth2/default/.well-known/oauth-authorization-server';
const BOUNDS = { timeoutMs: 3000, maxBodyBytes: 64 * 1024 };

let server: FaultServer;
let fetchLike: TestFetch;
let routes: Record<string, Route> = {};

beforeAll(async () => {
  const ca = await createTestCa();
  server = await startFaultServer({ ca, fallback: (req) => {
    const route = routes[req.path.split('?', 1)[0] ?? ''];
    if (route === undefined) return behaviours.json(404, { errorCode: 'E0000007', errorSummary: 'Not found: Resource not found' });
    return typeof route === 'function' ? route(req) : route;
  } });
  fetchLike = createTestFetch(ca.cert);
});

afterAll(async () => {
  await fetchLike.close();
  await server.close();
});

beforeEach(() => {
  routes = {};
});

function target(text = server.origin, choice: AuthServerChoice = { kind: 'default' }): ResolvedTarget {
  const r = resolveTarget(text, choice);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const paths = (from: number): string[] => server.requests.slice(from).map((r) => r.path);

describe('discover', () => {
  it('tries the RFC 8414 URL first, then the legacy one', async () => {
    routes[LEGACY] = behaviours.json(200, oktaMetadata(server.origin));
    const from = server.requestCount();
    const outcome = await discover(target(), fetchLike, BOUNDS);
    expect(paths(from)).toEqual([RFC8414, LEGACY]);
    expect(outcome.kind).toBe('done');
    if (outcome.kind === 'done') {
      expect(outcome.info.source).toBe('discovered');
      expect(outcome.info.url).toBe(`${server.origin}${LEGACY}`);
      expect(outcome.notices).toEqual([]);
    }
  });

  it('a pasted metadata URL is fetched first', async () => {
    routes['/oauth2/default/.well-known/openid-configuration'] = behaviours.json(200, oktaMetadata(server.origin));
    const from = server.requestCount();
    await discover(target(`${server.origin}/oauth2/default/.well-known/openid-configuration`), fetchLike, BOUNDS);
    expect(paths(from)).toEqual(['/oauth2/default/.well-known/openid-configuration']);
  });

  it('falls back with a note naming each failure when no metadata is usable', async () => {
    routes[RFC8414] = behaviours.html(200, '<html>portal</html>');
    routes[LEGACY] = behaviours.json(200, { no: 'issuer' });
    const outcome = await discover(target(), fetchLike, BOUNDS);
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(outcome.info).toMatchObject({
      source: 'fallback',
      url: null,
      issuer: `${server.origin}/oauth2/default`,
      tokenEndpoint: `${server.origin}/oauth2/default/v1/token`,
      jwksUri: `${server.origin}/oauth2/default/v1/keys`,
      tokenEndpointAuthMethodsSupported: null,
      scopesSupported: null,
    });
    expect(outcome.info.note).toContain('not JSON');
    expect(outcome.info.note).toContain('no issuer');
    expect(outcome.info.note).toContain('HTTP 404');
    expect(outcome.info.note).toContain("Okta's documented paths");
  });

  it('notes an issuer that differs, a key set on another host and a missing client_credentials grant', async () => {
    routes[RFC8414] = behaviours.json(
      200,
      oktaMetadata('https://login.example.com', 'default', { grant_types_supported: ['authorization_code'], token_endpoint: `${server.origin}/oauth2/default/v1/token` }),
    );
    const outcome = await discover(target(), fetchLike, BOUNDS);
    if (outcome.kind !== 'done') throw new Error('expected done');
    expect(outcome.notices.map((n) => n.code).sort()).toEqual(['issuer-differs', 'jwks-other-host', 'no-client-credentials-grant']);
    expect(outcome.info.issuer).toBe('https://login.example.com/oauth2/default');
    expect(outcome.info.jwksUri).toBe(`${server.origin}/oauth2/default/v1/keys`);
    expect(outcome.info.tokenEndpoint).toBe(`${server.origin}/oauth2/default/v1/token`);
  });

  it('caches by URL list until the TTL passes', async () => {
    routes[RFC8414] = behaviours.json(200, oktaMetadata(server.origin));
    const cache = createDiscoveryCache({ ttlMs: 1000 });
    const from = server.requestCount();
    await discover(target(), fetchLike, BOUNDS, cache, 0);
    await discover(target(), fetchLike, BOUNDS, cache, 999);
    expect(server.requestCount() - from).toBe(1);
    await discover(target(), fetchLike, BOUNDS, cache, 1000);
    expect(server.requestCount() - from).toBe(2);
    cache.clear();
    await discover(target(), fetchLike, BOUNDS, cache, 1000);
    expect(server.requestCount() - from).toBe(3);
  });

  it('caches per authorization server, not per host: the default server\'s metadata is not served for a custom one', async () => {
    const aus2 = target(server.origin, { kind: 'custom', id: 'aus2' });
    routes[RFC8414] = behaviours.json(200, oktaMetadata(server.origin));
    for (const url of aus2.discoveryUrls) routes[new URL(url).pathname] = behaviours.json(200, oktaMetadata(server.origin, 'aus2'));
    const cache = createDiscoveryCache();
    const first = await discover(target(), fetchLike, BOUNDS, cache, 0);
    const second = await discover(aus2, fetchLike, BOUNDS, cache, 1);
    expect(first).toMatchObject({ kind: 'done', info: { tokenEndpoint: `${server.origin}/oauth2/default/v1/token` } });
    expect(second).toMatchObject({ kind: 'done', info: { source: 'discovered', issuer: `${server.origin}/oauth2/aus2`, tokenEndpoint: `${server.origin}/oauth2/aus2/v1/token` } });
  });

  it('remembers the documented-paths fallback only when asked (a rotation run), so its URLs are tried once', async () => {
    // No routes: every discovery URL answers 404.
    const session = createDiscoveryCache();
    const from = server.requestCount();
    await discover(target(), fetchLike, BOUNDS, session, 0);
    const perRun = server.requestCount() - from;
    expect(perRun).toBeGreaterThan(0);
    await discover(target(), fetchLike, BOUNDS, session, 1);
    expect(server.requestCount() - from).toBe(2 * perRun);

    const oneRun = createDiscoveryCache({ rememberFallback: true });
    const again = server.requestCount();
    const first = await discover(target(), fetchLike, BOUNDS, oneRun, 0);
    const second = await discover(target(), fetchLike, BOUNDS, oneRun, 1);
    expect(server.requestCount() - again).toBe(perRun);
    expect(second).toEqual(first);
    expect(second).toMatchObject({ kind: 'done', info: { source: 'fallback' } });
  });

  it('stops on a network failure instead of trying every URL', async () => {
    const failing = (): Promise<Response> => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }));
    const outcome = await discover(target('https://dev-123.okta.com'), failing, BOUNDS);
    expect(outcome).toMatchObject({ kind: 'stopped', reason: { kind: 'network', error: { code: 'refused' } }, info: { source: 'fallback' } });
  });
});

describe('DiscoveryCache.resolveTarget (a session reads one address once)', () => {
  const custom: AuthServerChoice = { kind: 'custom', id: 'aus9o8wzkhckw9TLa0h7z' };

  it('answers as resolveTarget does, and the same answer again for the same address and server', () => {
    const cache = createDiscoveryCache();
    const first = cache.resolveTarget?.('dev-123.okta.com/oauth2/default', { kind: 'default' });
    expect(first).toEqual(resolveTarget('dev-123.okta.com/oauth2/default', { kind: 'default' }));
    expect(cache.resolveTarget?.('dev-123.okta.com/oauth2/default', { kind: 'default' })).toBe(first);
  });

  it('reads another address, another server or another custom ID afresh', () => {
    const cache = createDiscoveryCache();
    const first = cache.resolveTarget?.('dev-123.okta.com', custom);
    for (const [target, server] of [
      ['dev-124.okta.com', custom],
      ['dev-123.okta.com', { kind: 'default' }],
      ['dev-123.okta.com', { kind: 'custom', id: 'aus000other0000000' }],
    ] as const) {
      const answer = cache.resolveTarget?.(target, server);
      expect(answer).not.toBe(first);
      expect(answer).toEqual(resolveTarget(target, server));
    }
  });

  it('two custom servers in a row on one host: the second gets its own issuer, not the first one\'s', () => {
    // The other-ID case above follows a default-server read, so it never compared two custom IDs.
    const cache = createDiscoveryCache();
    const first = cache.resolveTarget?.('dev-123.okta.com', { kind: 'custom', id: 'aus1' });
    const second = cache.resolveTarget?.('dev-123.okta.com', { kind: 'custom', id: 'aus2' });
    expect(first).toMatchObject({ ok: true, value: { issuer: 'https://dev-123.okta.com/oauth2/aus1' } });
    expect(second).toMatchObject({ ok: true, value: { issuer: 'https://dev-123.okta.com/oauth2/aus2' } });
  });

  it('remembers a refusal as a refusal, and forgets everything on clear (Forget)', () => {
    const cache = createDiscoveryCache();
    expect(cache.resolveTarget?.('ftp://dev-123.okta.com', { kind: 'default' })).toMatchObject({ ok: false, code: 'unsupported-scheme' });
    const ok = cache.resolveTarget?.('dev-123.okta.com', { kind: 'default' });
    cache.clear();
    const again = cache.resolveTarget?.('dev-123.okta.com', { kind: 'default' });
    expect(again).not.toBe(ok);
    expect(again).toEqual(ok);
  });

  it('freezes only its own copy: the caller\'s server choice stays as it was', () => {
    const cache = createDiscoveryCache();
    const choice: AuthServerChoice = { kind: 'default' };
    const answer = cache.resolveTarget?.('dev-123.okta.com', choice);
    expect(answer?.ok).toBe(true);
    expect(Object.isFrozen(choice)).toBe(false);
  });

  it('shares a frozen answer: no caller can change what the next test reads', () => {
    const cache = createDiscoveryCache();
    const answer = cache.resolveTarget?.('http://localhost:8080/oauth2/default', { kind: 'default' });
    if (answer?.ok !== true) throw new Error('expected the loopback address to resolve');
    expect(answer.value.notices.length).toBeGreaterThan(0);
    expect(() => (answer.value.discoveryUrls as string[]).push('https://elsewhere.example')).toThrow(TypeError);
    expect(() => Object.assign(answer.value, { tokenEndpoint: 'https://elsewhere.example/token' })).toThrow(TypeError);
    expect(() => Object.assign(answer.value.notices[0] ?? {}, { message: 'changed' })).toThrow(TypeError);
    expect(cache.resolveTarget?.('http://localhost:8080/oauth2/default', { kind: 'default' })).toEqual(resolveTarget('http://localhost:8080/oauth2/default', { kind: 'default' }));
  });
});

describe('fetchJwks', () => {
  it('reads a key set and caches it', async () => {
    routes['/keys'] = behaviours.json(200, { keys: [{ kty: 'RSA', kid: 'a', n: 'x', e: 'AQAB' }, 'junk'] });
    const cache = createDiscoveryCache();
    const first = await fetchJwks(`${server.origin}/keys`, fetchLike, BOUNDS, cache, 0, false);
    expect(first).toEqual({ ok: true, jwks: { keys: [{ kty: 'RSA', kid: 'a', n: 'x', e: 'AQAB' }] }, fromCache: false });
    const second = await fetchJwks(`${server.origin}/keys`, fetchLike, BOUNDS, cache, 1, false);
    expect(second).toMatchObject({ ok: true, fromCache: true });
    const refreshed = await fetchJwks(`${server.origin}/keys`, fetchLike, BOUNDS, cache, 2, true);
    expect(refreshed).toMatchObject({ ok: true, fromCache: false });
  });

  it('forgets a cached key set once the TTL has passed (keys rotate)', () => {
    const cache = createDiscoveryCache({ ttlMs: 1000 });
    const set = { keys: [{ kty: 'RSA', kid: 'old', n: 'x', e: 'AQAB' }] };
    cache.setJwks('https://dev-123.okta.com/oauth2/default/v1/keys', set, 0);
    // Positive control: just inside the TTL it is still there.
    expect(cache.getJwks('https://dev-123.okta.com/oauth2/default/v1/keys', 999)).toBe(set);
    expect(cache.getJwks('https://dev-123.okta.com/oauth2/default/v1/keys', 1000)).toBeUndefined();
  });

  it.each([
    ['/keys-404', behaviours.json(404, {}), /HTTP 404/],
    ['/keys-html', behaviours.html(200), /not answer with JSON/],
    ['/keys-shape', behaviours.json(200, { nope: true }), /not answer with a key set/],
    ['/keys-redirect', behaviours.redirect('https://127.0.0.1:1/'), /redirect/],
  ] as const)('%s → a reason', async (path, behaviour, reason) => {
    routes[path] = behaviour;
    const result = await fetchJwks(`${server.origin}${path}`, fetchLike, BOUNDS, undefined, 0, false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
