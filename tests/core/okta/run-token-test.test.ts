/**
 * runTokenTest against a real authorization server (oidc-provider over HTTPS,
 * mounted at Okta's /oauth2/default paths), through undici trusting only the
 * test CA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscoveryCache, findSecretLeaks, prepareTokenTest, runTokenTest, tokenRequestSent } from '../../../core/okta';
import type { FetchLike, TokenTestInput, TokenTestReport } from '../../../core/okta/types';
import { DEFAULT_CLIENT, startAuthServer, tokenTestInput, type AuthServer, type SecretTestClient } from '../../support/auth-server';
import { createTestCa } from '../../support/test-ca';
import { createTestFetch, type TestFetch } from '../../support/node-fetch';

const POST_CLIENT: SecretTestClient = {
  clientId: '0oa1postclient0000h7',
  clientSecret: 'post-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN',
  authMethod: 'client_secret_post',
};
/** `+` is where raw and RFC 6749 form-encoded Basic credentials differ; this server form-decodes. */
const PLUS_CLIENT: SecretTestClient = {
  clientId: '0oa1plusclient0000h7',
  clientSecret: 'plus+secret+0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL',
};

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly origin: string | undefined;
  readonly authorization: boolean;
  readonly cookie: boolean;
}

let server: AuthServer;
let fetchLike: TestFetch;
const seen: Seen[] = [];

beforeAll(async () => {
  server = await startAuthServer({
    ca: await createTestCa(),
    clients: [DEFAULT_CLIENT, POST_CLIENT, PLUS_CLIENT],
    onRequest: ({ method, path, headers }) =>
      seen.push({
        method,
        path,
        origin: typeof headers.origin === 'string' ? headers.origin : undefined,
        authorization: headers.authorization !== undefined,
        cookie: headers.cookie !== undefined,
      }),
  });
  fetchLike = createTestFetch(server.ca);
});

afterAll(async () => {
  await fetchLike.close();
  await server.close();
});

function input(patch: Partial<TokenTestInput> = {}): TokenTestInput {
  return tokenTestInput(server, patch);
}

function expectNoSecret(report: TokenTestReport, testInput: TokenTestInput): void {
  const prepared = prepareTokenTest(testInput);
  if (!prepared.ok) throw new Error('input should be valid');
  expect(findSecretLeaks(report, prepared.value.secretNeedles, ['token.accessToken'])).toEqual([]);
}

async function run(testInput: TokenTestInput, fetch: FetchLike = fetchLike, signal?: AbortSignal): Promise<{ report: TokenTestReport; requests: Seen[] }> {
  const start = seen.length;
  const report = await runTokenTest(testInput, { fetch }, signal);
  return { report, requests: seen.slice(start) };
}

describe('runTokenTest against a real authorization server', () => {
  it('succeeds, verifies the signature and decodes the claims', async () => {
    const before = Date.now();
    const testInput = input({ scopes: ['api:read', 'api:write'] });
    const { report, requests } = await run(testInput);
    expect(report.outcome).toBe('success');
    expect(report.ok).toBe(true);
    expect(report.status).toBe(200);
    expect(report.serverErrorCode).toBeNull();
    expect(report.error).toBeNull();
    const token = report.token;
    if (token === null) throw new Error('no token');
    expect(token.tokenType).toBe('Bearer');
    expect(token.expiresIn).toBe(3600);
    expect(token.receivedAtMs).toBeGreaterThanOrEqual(before);
    expect(token.receivedAtMs).toBeLessThanOrEqual(Date.now());
    expect(token.scope?.split(' ').sort()).toEqual(['api:read', 'api:write']);
    expect(token.format).toBe('jwt');
    expect(token.header).toMatchObject({ alg: 'RS256', kid: 'test-key-1' });
    expect(token.claims).toMatchObject({ iss: server.issuer, aud: server.audience, client_id: DEFAULT_CLIENT.clientId, sub: DEFAULT_CLIENT.clientId });
    expect(typeof token.claims?.exp).toBe('number');
    expect(typeof token.claims?.iat).toBe('number');
    expect(typeof token.claims?.jti).toBe('string');
    expect(token.signature).toBe('verified');
    expect(token.signatureDetail).toContain(server.jwksUri);
    expect(token.accessToken.split('.')).toHaveLength(3);

    expect(report.discovery).toMatchObject({
      source: 'discovered',
      issuer: server.issuer,
      tokenEndpoint: server.tokenUrl,
      jwksUri: server.jwksUri,
    });
    expect(report.discovery?.tokenEndpointAuthMethodsSupported).toEqual(expect.arrayContaining(['client_secret_basic', 'client_secret_post']));
    expect(report.discovery?.note).toMatch(/discoverable/);
    expect(report.request?.headers.Authorization).toBe('Basic ••••••');

    // What the server saw: metadata, one token POST with Basic, the keys; never an Origin header or a cookie.
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/oauth2/default/v1/token']);
    expect(requests.find((r) => r.method === 'POST')?.authorization).toBe(true);
    expect(requests.some((r) => r.path === '/oauth2/default/v1/keys')).toBe(true);
    expect(requests.every((r) => r.origin === undefined && !r.cookie)).toBe(true);
    expectNoSecret(report, testInput);
  });

  it('a wrong secret is rejected with 401 invalid_client, explained', async () => {
    const testInput = input({ clientSecret: `${DEFAULT_CLIENT.clientSecret}-wrong` });
    const { report } = await run(testInput);
    expect(report.outcome).toBe('rejected');
    expect(report.status).toBe(401);
    expect(report.error).toBe('invalid_client');
    expect(report.serverErrorCode).toBe('invalid_client');
    expect(report.errorDescription).toBe('client authentication failed');
    expect(report.explanation?.id).toBe('client-auth-failed');
    expect(report.token).toBeNull();
    expectNoSecret(report, testInput);
  });

  it('client_secret_post sends the credentials in the body (and no Authorization header)', async () => {
    const testInput = input({ clientId: POST_CLIENT.clientId, clientSecret: POST_CLIENT.clientSecret, authMethod: 'client_secret_post' });
    const { report, requests } = await run(testInput);
    expect(report.outcome).toBe('success');
    expect(report.token?.signature).toBe('verified');
    expect(report.request?.headers.Authorization).toBeUndefined();
    expect(report.request?.body).toContain('client_secret=••••••');
    expect(requests.find((r) => r.method === 'POST')?.authorization).toBe(false);
    expectNoSecret(report, testInput);
  });

  it('each method sends exactly one credential (this server refuses a request carrying two)', async () => {
    // oidc-provider accepts either method for a secret client, but answers invalid_request when both arrive.
    const viaBasic = await run(input({ clientId: POST_CLIENT.clientId, clientSecret: POST_CLIENT.clientSecret, authMethod: 'client_secret_basic' }));
    expect(viaBasic.report.outcome).toBe('success');
    expect(viaBasic.requests.find((r) => r.method === 'POST')?.authorization).toBe(true);
    const viaPost = await run(input({ authMethod: 'client_secret_post' }));
    expect(viaPost.report.outcome).toBe('success');
    expect(viaPost.requests.find((r) => r.method === 'POST')?.authorization).toBe(false);

    // Control: the same server does refuse a request that carries both.
    const both: FetchLike = (url, init) => {
      if (init.method !== 'POST') return fetchLike(url, init);
      const basic = Buffer.from(`${DEFAULT_CLIENT.clientId}:${DEFAULT_CLIENT.clientSecret}`).toString('base64');
      return fetchLike(url, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: `Basic ${basic}` } });
    };
    const twice = await run(input({ authMethod: 'client_secret_post' }), both);
    expect(twice.report.outcome).toBe('rejected');
    expect(twice.report.error).toBe('invalid_request');
  });

  it('a secret with "+": raw Basic fails on this form-decoding server, RFC 6749 form-encoding succeeds', async () => {
    const base = { clientId: PLUS_CLIENT.clientId, clientSecret: PLUS_CLIENT.clientSecret };
    const raw = await run(input({ ...base, formEncode: false }));
    expect(raw.report.outcome).toBe('rejected');
    expect(raw.report.status).toBe(401);
    expect(raw.report.notices.map((n) => n.code)).toContain('form-encoding-differs');
    const encoded = await run(input({ ...base, formEncode: true }));
    expect(encoded.report.outcome).toBe('success');
    expect(encoded.report.token?.signature).toBe('verified');
    expectNoSecret(encoded.report, input({ ...base, formEncode: true }));
  });

  it('cancelling while the token request is in flight ends as "cancelled"', async () => {
    const controller = new AbortController();
    const cancellingFetch: FetchLike = (url, init) => {
      const pending = fetchLike(url, init);
      if (init.method === 'POST') controller.abort();
      return pending;
    };
    const { report } = await run(input(), cancellingFetch, controller.signal);
    expect(report.outcome).toBe('cancelled');
    expect(report.error).toBe('cancelled');
    expect(report.token).toBeNull();
    // The request went out: it is the one recorded, and the report calls it sent.
    expect(report.errorDescription).toBe(`Cancelled before ${new URL(server.origin).host} answered.`);
    expect(report.attempts).toHaveLength(1);
    expect(tokenRequestSent(report)).toBe(true);
  });

  it('cancelled before it starts: no traffic at all, and the report says the request was not sent', async () => {
    const count = server.requestCount();
    const { report } = await run(input(), fetchLike, AbortSignal.abort());
    expect(report.outcome).toBe('cancelled');
    expect(server.requestCount()).toBe(count);
    expect(report.errorDescription).toBe(`Cancelled before the token request to ${new URL(server.origin).host} was sent.`);
    expect(report.attempts).toEqual([]);
    expect(tokenRequestSent(report)).toBe(false);
    // `request` is the request it would have sent (the preview), secret masked.
    expect(report.request).toMatchObject({ method: 'POST', url: server.tokenUrl, headers: { Authorization: 'Basic ••••••' } });
  });

  it('cancelled while the client assertion is signed: the POST never reaches fetch and is not called sent', async () => {
    const cache = createDiscoveryCache();
    const jwtInput = input({ authMethod: 'client_secret_jwt' });
    // Discovery from the cache: no await before signing, so the abort below lands while the assertion is signed.
    expect((await runTokenTest(jwtInput, { fetch: fetchLike }, undefined, { discoveryCache: cache })).discovery).not.toBeNull();
    const posts: string[] = [];
    const watching: FetchLike = (url, init) => {
      if (init.method === 'POST') posts.push(url);
      return fetchLike(url, init);
    };
    const controller = new AbortController();
    const pending = runTokenTest(jwtInput, { fetch: watching }, controller.signal, { discoveryCache: cache });
    controller.abort();
    const report = await pending;
    expect(report.outcome).toBe('cancelled');
    expect(posts).toEqual([]);
    expect(report.attempts).toEqual([]);
    expect(report.errorDescription).toMatch(/^Cancelled before the token request to .* was sent\.$/);
    expect(report.request?.body).toContain('client_assertion=••••••');
  });

  it('falls back to the documented paths when discovery fails, and says so', async () => {
    // Metadata answers 404 here; the token and key requests still reach the real server.
    const noMetadata: FetchLike = (url, init) =>
      url.includes('/.well-known/') ? Promise.resolve(new Response('{"errorCode":"E0000007"}', { status: 404 })) : fetchLike(url, init);
    const { report, requests } = await run(input(), noMetadata);
    expect(report.outcome).toBe('success');
    expect(report.discovery?.source).toBe('fallback');
    expect(report.discovery?.note).toMatch(/Discovery failed .*HTTP 404.*documented paths/);
    expect(report.discovery?.tokenEndpoint).toBe(server.tokenUrl);
    expect(report.token?.signature).toBe('verified');
    expect(requests.some((r) => r.path.includes('.well-known'))).toBe(false);
  });

  it('with a discovery cache, a repeated test sends only the token request', async () => {
    const cache = createDiscoveryCache();
    const first = seen.length;
    const a = await runTokenTest(input(), { fetch: fetchLike }, undefined, { discoveryCache: cache });
    const second = seen.length;
    const b = await runTokenTest(input(), { fetch: fetchLike }, undefined, { discoveryCache: cache });
    expect(a.outcome).toBe('success');
    expect(b.outcome).toBe('success');
    expect(b.token?.signature).toBe('verified');
    expect(seen.slice(first, second).length).toBeGreaterThan(1);
    expect(seen.slice(second).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth2/default/v1/token']);
  });

  it('with a discovery cache, the address is read through its memo; a different address in the same session is read afresh', async () => {
    const cache = createDiscoveryCache();
    const asked: string[] = [];
    const memo = cache.resolveTarget?.bind(cache);
    const session = { ...cache, resolveTarget: (target: string, authServer: TokenTestInput['authServer']) => {
      asked.push(target);
      if (memo === undefined) throw new Error('createDiscoveryCache keeps no memo of the address');
      return memo(target, authServer);
    } };
    const a = await runTokenTest(input(), { fetch: fetchLike }, undefined, { discoveryCache: session });
    const b = await runTokenTest(input(), { fetch: fetchLike }, undefined, { discoveryCache: session });
    const refused = await runTokenTest(input({ target: 'ftp://elsewhere.example' }), { fetch: fetchLike }, undefined, { discoveryCache: session });
    expect([a.outcome, b.outcome]).toEqual(['success', 'success']);
    expect(refused).toMatchObject({ outcome: 'invalid-input', error: 'unsupported-scheme' });
    expect(asked).toEqual([server.origin, server.origin, 'ftp://elsewhere.example']);
  });
});
