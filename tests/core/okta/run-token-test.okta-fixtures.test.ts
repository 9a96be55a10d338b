/**
 * Okta-only answers (both error shapes, 429 with rate-limit headers, every A4
 * text) served over real HTTPS by the fault server, with Okta-shaped metadata,
 * through runTokenTest end to end.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscoveryCache, runTokenTest, type DiscoveryCache } from '../../../core/okta';
import type { TokenTestInput } from '../../../core/okta/types';
import { oktaMetadata, startFaultServer, type FaultServer, type RouteBehaviour } from '../../support/fault-servers';
import { createTestFetch, type TestFetch } from '../../support/node-fetch';
import {
  CLIENT_ASSERTION_FIXTURES,
  DPOP_FIXTURES,
  OKTA_ERROR_FIXTURES,
  RATE_LIMIT_FIXTURE,
  RATE_LIMIT_RESET_EPOCH_S,
  UNKNOWN_ERROR_FIXTURE,
  type OktaFixture,
} from '../../support/okta-fixtures';
import { createTestCa } from '../../support/test-ca';
import { basicTestInput } from '../../support/token-inputs';

const SECRET = 'fixture-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH';

let server: FaultServer;
let fetchLike: TestFetch;
let cache: DiscoveryCache;
let current: OktaFixture = OKTA_ERROR_FIXTURES[0] as OktaFixture;
let orgToken = '';

beforeAll(async () => {
  const ca = await createTestCa();
  const { privateKey } = await generateKeyPair('RS256');
  orgToken = await new SignJWT({ scp: ['okta.users.read'], cid: '0oa1fixtureclient0h7' })
    .setProtectedHeader({ alg: 'RS256', kid: 'org-key' })
    .setIssuer('https://org.example')
    .setExpirationTime('1h')
    .sign(privateKey);
  server = await startFaultServer({
    ca,
    routes: {
      '/oauth2/v1/token': (): RouteBehaviour => ({
        kind: 'json',
        body: { token_type: 'Bearer', expires_in: 3600, access_token: orgToken, scope: 'okta.users.read' },
      }),
      '/.well-known/oauth-authorization-server/oauth2/default': (req) => ({
        kind: 'json',
        body: oktaMetadata(`https://${String(req.headers.host)}`, 'default'),
      }),
      '/oauth2/default/v1/token': (): RouteBehaviour => ({
        kind: 'json',
        status: current.status,
        body: current.body,
        ...(current.headers ? { headers: current.headers } : {}),
      }),
    },
  });
  fetchLike = createTestFetch(ca.cert);
  cache = createDiscoveryCache();
});

afterAll(async () => {
  await fetchLike.close();
  await server.close();
});

function input(): TokenTestInput {
  return basicTestInput({ target: server.origin, clientId: '0oa1fixtureclient0h7', clientSecret: SECRET, timeoutMs: 5000 });
}

async function serveAndRun(fixture: OktaFixture) {
  current = fixture;
  return runTokenTest(input(), { fetch: fetchLike }, undefined, { discoveryCache: cache });
}

describe('Okta error answers over HTTPS', () => {
  it.each(OKTA_ERROR_FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const report = await serveAndRun(fixture);
    expect(report.outcome).toBe('rejected');
    expect(report.ok).toBe(false);
    expect(report.status).toBe(fixture.status);
    expect(report.error).toBe(fixture.error);
    expect(report.serverErrorCode).toBe(fixture.error);
    expect(report.errorDescription).toBe(fixture.description);
    expect(report.explanation?.id).toBe(fixture.explanationId);
    expect(report.discovery?.source).toBe('discovered');
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });

  it('429 with E0000047 and X-Rate-Limit headers', async () => {
    const report = await serveAndRun(RATE_LIMIT_FIXTURE);
    expect(report.outcome).toBe('rejected');
    expect(report.status).toBe(429);
    expect(report.error).toBe('E0000047');
    expect(report.errorDescription).toBe('API call exceeded rate limit due to too many requests.');
    expect(report.explanation?.id).toBe('rate-limited');
    expect(report.rateLimit).toEqual({ limit: 600, remaining: 0, resetEpochSeconds: RATE_LIMIT_RESET_EPOCH_S });
    expect(report.notices.find((n) => n.code === 'okta-error-id')?.message).toContain('oaeRateLimitTestId');
  });

  it('429 without a JSON body is still a rate limit, not a network fault', async () => {
    const report = await serveAndRun({ ...RATE_LIMIT_FIXTURE, body: 'Too Many Requests' });
    expect(report.outcome).toBe('rejected');
    expect(report.explanation?.id).toBe('rate-limited');
    expect(report.rateLimit?.remaining).toBe(0);
  });

  it('an unknown error is shown verbatim, explained as unknown', async () => {
    const report = await serveAndRun(UNKNOWN_ERROR_FIXTURE);
    expect(report.outcome).toBe('rejected');
    expect(report.error).toBe('invalid_request');
    expect(report.errorDescription).toBe(UNKNOWN_ERROR_FIXTURE.description);
    expect(report.explanation?.id).toBe('unknown');
  });

  it('a 4xx JSON body in neither shape is shown verbatim', async () => {
    const report = await serveAndRun({ ...UNKNOWN_ERROR_FIXTURE, status: 403, body: { message: 'Forbidden by a gateway' } });
    expect(report.outcome).toBe('rejected');
    expect(report.error).toBeNull();
    expect(report.serverErrorCode).toBeNull();
    expect(report.errorDescription).toBe('{"message":"Forbidden by a gateway"}');
    expect(report.explanation?.id).toBe('unknown');
  });

  it('Okta-shaped metadata is shown as discovered, with the scopes caveat', async () => {
    const report = await serveAndRun(OKTA_ERROR_FIXTURES[0] as OktaFixture);
    expect(report.discovery).toMatchObject({
      source: 'discovered',
      issuer: `${server.origin}/oauth2/default`,
      tokenEndpoint: `${server.origin}/oauth2/default/v1/token`,
      jwksUri: `${server.origin}/oauth2/default/v1/keys`,
      tokenEndpointAuthMethodsSupported: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'],
      scopesSupported: ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'],
    });
    expect(report.discovery?.note).toMatch(/does not prove/);
  });

  it('an org-server token is labelled opaque and not validated', async () => {
    const from = server.requestCount();
    const report = await runTokenTest({ ...input(), authServer: { kind: 'org' }, scopes: ['okta.users.read'] }, { fetch: fetchLike });
    expect(report.outcome).toBe('success');
    expect(report.request?.url).toBe(`${server.origin}/oauth2/v1/token`);
    // A secret method on the org server: the one, method-aware warning.
    expect(report.notices.map((n) => n.code).filter((c) => c.startsWith('org-server'))).toEqual(['org-server-needs-private-key-jwt']);
    expect(report.token).toMatchObject({ format: 'opaque', signature: 'unchecked', tokenType: 'Bearer', expiresIn: 3600, scope: 'okta.users.read' });
    expect(report.token?.signatureDetail).toMatch(/opaque/);
    expect(report.token?.accessToken).toBe(orgToken);
    expect(server.requests.slice(from).some((r) => r.path.includes('/keys'))).toBe(false);
  });

  it.each([
    ['an expired assertion, server clock 10 min ahead', CLIENT_ASSERTION_FIXTURES, 'client-assertion-expired', 600, 'clock-skew', /is (599|600|601) s behind/],
    ['an expired assertion, clocks in step', CLIENT_ASSERTION_FIXTURES, 'client-assertion-expired', 0, 'clock-in-sync', /agrees with/],
    ['an assertion issued in the future, server clock 1 min behind', CLIENT_ASSERTION_FIXTURES, 'client-assertion-issued-in-future', -60, 'clock-skew', /is (59|60|61) s ahead of/],
    ['an assertion issued in the future, server clock ahead', CLIENT_ASSERTION_FIXTURES, 'client-assertion-issued-in-future', 120, 'clock-in-sync', /behind/],
    ['a DPoP proof too old, server clock 6 min ahead', DPOP_FIXTURES, 'dpop-proof-too-old', 360, 'clock-skew', /behind/],
  ] as const)('Date header: %s', async (_name, fixtures, id, skewS, code, words) => {
    const fixture = fixtures.find((f) => f.explanationId === id) as OktaFixture;
    const date = new Date(Date.now() + skewS * 1000).toUTCString();
    const report = await serveAndRun({ ...fixture, headers: { Date: date } });
    expect(report.explanation?.id).toBe(id);
    expect(Math.abs((report.clock?.skewSeconds ?? Number.NaN) - skewS)).toBeLessThanOrEqual(2);
    const clock = report.notices.find((n) => n.code === 'clock-skew' || n.code === 'clock-in-sync');
    expect(clock?.code).toBe(code);
    expect(clock?.message).toMatch(words);
  });

  it('no clock notice for an error time cannot explain', async () => {
    const report = await serveAndRun({ ...(OKTA_ERROR_FIXTURES[0] as OktaFixture), headers: { Date: new Date(Date.now() + 3_600_000).toUTCString() } });
    expect(report.notices.map((n) => n.code)).not.toContain('clock-skew');
    expect(report.clock?.skewSeconds).toBeGreaterThan(3500);
  });

  it('use_dpop_nonce on the retry too: exactly one retry, then explained; the nonce went into the second proof', async () => {
    const fixture = OKTA_ERROR_FIXTURES.find((f) => f.error === 'use_dpop_nonce') as OktaFixture;
    current = fixture;
    const from = server.requestCount();
    const report = await runTokenTest({ ...input(), dpop: true }, { fetch: fetchLike }, undefined, { discoveryCache: cache });
    const posts = server.requests.slice(from).filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(report.attempts.map((a) => a.error)).toEqual(['use_dpop_nonce', 'use_dpop_nonce']);
    expect(report.attempts[1]?.dpopProof?.claims.nonce).toBe('test-nonce-value');
    expect(report.explanation?.id).toBe('dpop-nonce');
    expect(report.dpop).toMatchObject({ nonceRetried: true, bound: false });
    // The proof on the wire is never in the report.
    const wire = posts.map((p) => String(p.headers.dpop));
    expect(JSON.stringify(report)).not.toContain(wire[0]);
  });

  it('a hostile DPoP-Nonce (huge, or with quotes) is not retried with', async () => {
    for (const nonce of ['n'.repeat(5000), 'bad"nonce']) {
      current = { ...(OKTA_ERROR_FIXTURES.find((f) => f.error === 'use_dpop_nonce') as OktaFixture), headers: { 'dpop-nonce': nonce } };
      const report = await runTokenTest({ ...input(), dpop: true }, { fetch: fetchLike }, undefined, { discoveryCache: cache });
      expect(report.attempts).toHaveLength(1);
      expect(report.attempts[0]?.dpopNonce).toBeNull();
      expect(report.dpop?.nonceRetried).toBe(false);
    }
  });
});
