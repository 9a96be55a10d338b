/**
 * private_key_jwt, client_secret_jwt and DPoP through runTokenTest against the
 * real authorization server configured to Okta's rules (auth-server.ts): the
 * server checks the assertion's signature, aud (exactly the token endpoint),
 * exp and jti reuse, demands a DPoP nonce, and binds the token to the proof
 * key. What the server saw is compared with what the report says; no report
 * holds a signed assertion, a proof or key material.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSecretLeaks, generateClientKey, importPrivateKey, runTokenTest } from '../../../core/okta';
import type { FetchLike, TokenTestInput, TokenTestReport } from '../../../core/okta/types';
import { startAuthServer, tokenTestInput, type AuthServer } from '../../support/auth-server';
import { EC_KID, makeJwtClients, RSA_KID, type JwtClients } from '../../support/jwt-clients';
import { keyNeedles, keyText, type KeyFileFormat, type TestKey } from '../../support/key-files';
import { createTestFetch, type TestFetch } from '../../support/node-fetch';

let server: AuthServer;
let fetchLike: TestFetch;
let clients: JwtClients;

/** Every assertion and proof actually sent, taken from the wire. */
const sent: string[] = [];
const recording: FetchLike = (url, init) => {
  if (init.method === 'POST') {
    const body = new URLSearchParams(String(init.body));
    const assertion = body.get('client_assertion');
    if (assertion !== null) sent.push(assertion);
    const proof = (init.headers as Record<string, string> | undefined)?.DPoP;
    if (proof !== undefined) sent.push(proof);
  }
  return fetchLike(url, init);
};

beforeAll(async () => {
  clients = makeJwtClients();
  server = await startAuthServer({ clients: clients.all });
  fetchLike = createTestFetch(server.ca);
});

afterAll(async () => {
  await fetchLike.close();
  await server.close();
});

async function keyInput(key: TestKey, format: KeyFileFormat, options: { alg?: string; kid?: string; jsonKid?: string } = {}): Promise<TokenTestInput> {
  const imported = await importPrivateKey(keyText(key, format, options.jsonKid), { ...(options.alg ? { alg: options.alg } : {}), ...(options.kid ? { kid: options.kid } : {}) });
  if (!imported.ok) throw new Error(imported.message);
  return tokenTestInput(server, {
    clientId: clients.keyClient.clientId,
    clientSecret: '',
    authMethod: 'private_key_jwt',
    clientKey: { key: imported.value.key, alg: imported.value.alg, kid: imported.value.kid },
  });
}

/** Runs, then checks the report holds no JWT that was sent and no key material. */
async function run(input: TokenTestInput, extraNeedles: readonly string[] = []): Promise<TokenTestReport> {
  const from = sent.length;
  const report = await runTokenTest(input, { fetch: recording });
  const wire = sent.slice(from);
  const needles = [...wire, ...wire.map((j) => j.split('.')[2] ?? ''), ...extraNeedles];
  expect(findSecretLeaks(report, needles, ['token.accessToken'])).toEqual([]);
  return report;
}

describe('private_key_jwt', () => {
  it('the right key: token issued; the assertion follows Okta\'s rules, as the server saw it', async () => {
    const before = server.assertions().length;
    const report = await run(await keyInput(clients.rsa, 'pkcs8-pem', { kid: RSA_KID }), keyNeedles(clients.rsa));
    expect(report.outcome).toBe('success');
    expect(report.authMethod).toBe('private_key_jwt');
    expect(report.token?.signature).toBe('verified');
    expect(report.token?.claims).toMatchObject({ client_id: clients.keyClient.clientId });
    expect(report.attempts).toHaveLength(1);
    const assertion = report.attempts[0]?.assertion;
    expect(assertion?.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: RSA_KID });
    const claims = assertion?.claims ?? {};
    expect(claims).toMatchObject({ iss: clients.keyClient.clientId, sub: clients.keyClient.clientId, aud: server.tokenUrl });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
    expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).toBeLessThan(10);
    expect(String(claims.jti)).toMatch(/^[0-9a-f-]{36}$/);
    // The server verified exactly this assertion.
    const seen = server.assertions().slice(before);
    expect(seen.map((a) => a.claims.jti)).toEqual([claims.jti]);
    // The masked request names the assertion type and hides the assertion.
    expect(report.request?.body).toContain('client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer');
    expect(report.request?.body).toContain('client_assertion=••••••');
    expect(report.request?.body).not.toContain('client_id=');
    expect(report.request?.headers.Authorization).toBeUndefined();
    expect(report.dpop).toBeNull();
  });

  it('the wrong key: 401 invalid_client, explained', async () => {
    const report = await run(await keyInput(clients.stranger, 'pkcs8-pem', { kid: RSA_KID }), keyNeedles(clients.stranger));
    expect(report.outcome).toBe('rejected');
    expect(report.status).toBe(401);
    expect(report.error).toBe('invalid_client');
    expect(report.explanation?.id).toBe('client-auth-failed');
    expect(report.attempts[0]?.assertion?.header.kid).toBe(RSA_KID);
  });

  it('a key without a kid: sent without one, with a warning; with a key ID it is sent', async () => {
    const bare = await run(await keyInput(clients.ec, 'sec1-pem'));
    expect(bare.outcome).toBe('success');
    expect(bare.attempts[0]?.assertion?.header).toEqual({ alg: 'ES256', typ: 'JWT' });
    expect(bare.notices.map((n) => n.code)).toContain('no-key-id');
    expect(server.assertions().at(-1)?.header.kid).toBeUndefined();

    const named = await run(await keyInput(clients.ec, 'sec1-pem', { kid: EC_KID }));
    expect(named.outcome).toBe('success');
    expect(named.notices.map((n) => n.code)).not.toContain('no-key-id');
    expect(server.assertions().at(-1)?.header.kid).toBe(EC_KID);
    // A key ID the app does not have is refused by the server.
    const unknown = await run(await keyInput(clients.ec, 'sec1-pem', { kid: 'no-such-kid' }));
    expect(unknown.outcome).toBe('rejected');
  });

  it.each([
    ['RSA', 'pkcs8-pem'], ['RSA', 'pkcs1-pem'], ['RSA', 'jwk'], ['RSA', 'jwks'], ['RSA', 'keygen-json'],
    ['EC', 'pkcs8-pem'], ['EC', 'sec1-pem'], ['EC', 'jwk'], ['EC', 'jwks'], ['EC', 'keygen-json'],
  ] as const)('%s key as %s is accepted by the server', async (type, format) => {
    const key = type === 'RSA' ? clients.rsa : clients.ec;
    const kid = type === 'RSA' ? RSA_KID : EC_KID;
    const json = format === 'jwk' || format === 'jwks' || format === 'keygen-json';
    const report = await run(await keyInput(key, format, json ? { jsonKid: kid } : { kid }), keyNeedles(key));
    expect(report.outcome).toBe('success');
    expect(report.attempts[0]?.assertion?.header).toMatchObject({ alg: type === 'RSA' ? 'RS256' : 'ES256', kid });
  });

  it('RS512 with the same RSA key is accepted too', async () => {
    const report = await run(await keyInput(clients.rsa, 'pkcs8-pem', { kid: RSA_KID, alg: 'RS512' }));
    expect(report.outcome).toBe('success');
    expect(report.attempts[0]?.assertion?.header.alg).toBe('RS512');
  });

  it('a generated key, registered with the server, then used', async () => {
    const generated = await generateClientKey('ES256');
    const clientId = await server.registerClient({ authMethod: 'private_key_jwt', jwks: { keys: [generated.publicJwk] } });
    const imported = await importPrivateKey(JSON.stringify(generated));
    if (!imported.ok) throw new Error(imported.message);
    const report = await run(
      tokenTestInput(server, { clientId, clientSecret: '', authMethod: 'private_key_jwt', clientKey: imported.value }),
      imported.value.sensitiveValues,
    );
    expect(report.outcome).toBe('success');
    expect(report.attempts[0]?.assertion?.header.kid).toBe(generated.kid);
  });

  it('no key: refused before any traffic', async () => {
    const before = server.requestCount();
    const report = await runTokenTest(tokenTestInput(server, { clientId: clients.keyClient.clientId, clientSecret: '', authMethod: 'private_key_jwt' }), { fetch: recording });
    expect(report).toMatchObject({ outcome: 'invalid-input', error: 'missing-private-key' });
    expect(server.requestCount()).toBe(before);
  });
});

describe('the server holds Okta\'s assertion rules (the counterpart is strict)', () => {
  async function postAssertion(claims: Record<string, unknown>): Promise<number> {
    const imported = await importPrivateKey(keyText(clients.rsa, 'pkcs8-pem'));
    if (!imported.ok) throw new Error(imported.message);
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ iss: clients.keyClient.clientId, sub: clients.keyClient.clientId, aud: server.tokenUrl, iat: now, exp: now + 60, jti: crypto.randomUUID(), ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: RSA_KID })
      .sign(imported.value.key);
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt });
    const response = await fetchLike(server.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    await response.text();
    return response.status;
  }

  it('accepts a correct assertion, refuses aud = issuer and exp two hours ahead', async () => {
    expect(await postAssertion({})).toBe(200);
    expect(await postAssertion({ aud: server.issuer })).toBe(401);
    expect(await postAssertion({ exp: Math.floor(Date.now() / 1000) + 7200 })).toBe(401);
  });
});

describe('client_secret_jwt', () => {
  it('HS256 (default) and HS512 with the client secret: token issued; assertion header has no kid', async () => {
    for (const alg of [undefined, 'HS512']) {
      const input = tokenTestInput(server, {
        clientId: clients.hmacClient.clientId,
        clientSecret: clients.hmacClient.clientSecret,
        authMethod: 'client_secret_jwt',
        ...(alg === undefined ? {} : { assertionAlg: alg }),
      });
      const report = await run(input, [clients.hmacClient.clientSecret]);
      expect(report.outcome).toBe('success');
      expect(report.authMethod).toBe('client_secret_jwt');
      expect(report.attempts[0]?.assertion?.header).toEqual({ alg: alg ?? 'HS256', typ: 'JWT' });
      expect(report.attempts[0]?.assertion?.claims.aud).toBe(server.tokenUrl);
    }
  });

  it('a wrong secret: 401; a short secret is warned about before sending', async () => {
    const wrong = await run(tokenTestInput(server, { clientId: clients.hmacClient.clientId, clientSecret: `${clients.hmacClient.clientSecret}x`, authMethod: 'client_secret_jwt' }));
    expect(wrong.status).toBe(401);
    const short = await run(tokenTestInput(server, { clientId: clients.hmacClient.clientId, clientSecret: 'short-secret-1234', authMethod: 'client_secret_jwt' }));
    expect(short.notices.map((n) => n.code)).toContain('secret-too-short-for-hmac');
    expect(short.outcome).toBe('rejected');
    // HS384 outside Okta's list is refused before traffic.
    const bad = await runTokenTest(tokenTestInput(server, { clientId: clients.hmacClient.clientId, clientSecret: clients.hmacClient.clientSecret, authMethod: 'client_secret_jwt', assertionAlg: 'RS256' }), { fetch: recording });
    expect(bad).toMatchObject({ outcome: 'invalid-input', error: 'bad-assertion-alg' });
  });
});

describe('DPoP', () => {
  it('private_key_jwt + DPoP: use_dpop_nonce, then ONE retry with the nonce, a new proof jti and a new assertion; token bound', async () => {
    const assertionsBefore = server.assertions().length;
    const proofsBefore = server.dpopProofs().length;
    const report = await run({ ...(await keyInput(clients.rsa, 'jwk', { jsonKid: RSA_KID })), dpop: true }, keyNeedles(clients.rsa));
    expect(report.outcome).toBe('success');
    expect(report.attempts).toHaveLength(2);
    const [first, second] = report.attempts;
    expect(first).toMatchObject({ attempt: 1, status: 400, error: 'use_dpop_nonce' });
    expect(typeof first?.dpopNonce).toBe('string');
    expect(first?.dpopProof?.claims.nonce).toBeUndefined();
    expect(second).toMatchObject({ attempt: 2, status: 200, error: null });
    expect(second?.dpopProof?.claims.nonce).toBe(first?.dpopNonce);
    expect(second?.dpopProof?.claims.jti).not.toBe(first?.dpopProof?.claims.jti);
    expect(second?.assertion?.claims.jti).not.toBe(first?.assertion?.claims.jti);
    for (const attempt of report.attempts) {
      const proof = attempt.dpopProof;
      expect(proof?.header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256' } });
      expect(proof?.header.jwk).not.toHaveProperty('d');
      expect(proof?.claims).toMatchObject({ htm: 'POST', htu: server.tokenUrl });
    }
    // The server saw two different assertions (it refuses a reused jti) and two different proofs.
    const assertionJtis = server.assertions().slice(assertionsBefore).map((a) => a.claims.jti);
    expect(assertionJtis).toHaveLength(2);
    expect(new Set(assertionJtis).size).toBe(2);
    expect(assertionJtis).toEqual(report.attempts.map((a) => a.assertion?.claims.jti));
    const proofJtis = server.dpopProofs().slice(proofsBefore).map((p) => p.claims.jti);
    expect(proofJtis).toEqual(report.attempts.map((a) => a.dpopProof?.claims.jti));
    // Bound: token_type DPoP and cnf.jkt = the proof key's thumbprint.
    expect(report.token?.tokenType).toBe('DPoP');
    expect(report.dpop).toEqual({ jkt: expect.any(String), nonceRetried: true, bound: true, tokenJkt: report.dpop?.jkt });
    expect((report.token?.claims?.cnf as { jkt?: string } | undefined)?.jkt).toBe(report.dpop?.jkt);
    expect(report.request?.headers.DPoP).toBe('••••••');
  });

  it('DPoP required but not sent: refused and explained as DPoP-required; with DPoP the same client gets a bound token', async () => {
    const base = tokenTestInput(server, { clientId: clients.dpopClient.clientId, clientSecret: clients.dpopClient.clientSecret });
    const without = await run(base, [clients.dpopClient.clientSecret]);
    expect(without.outcome).toBe('rejected');
    expect(without.error).toBe('invalid_grant');
    expect(without.explanation?.id).toBe('dpop-required');
    expect(without.dpop).toBeNull();
    const withDpop = await run({ ...base, dpop: true }, [clients.dpopClient.clientSecret]);
    expect(withDpop.outcome).toBe('success');
    expect(withDpop.dpop?.bound).toBe(true);
    expect(withDpop.request?.headers.Authorization).toBe('Basic ••••••');
  });

  it('each run makes a new DPoP key', async () => {
    const input = { ...tokenTestInput(server, { clientId: clients.dpopClient.clientId, clientSecret: clients.dpopClient.clientSecret }), dpop: true };
    const a = await run(input);
    const b = await run(input);
    expect(a.dpop?.jkt).not.toBe(b.dpop?.jkt);
  });

  it('positive control: the leak check does find a sent assertion planted in a report', async () => {
    const from = sent.length;
    const report = await runTokenTest(await keyInput(clients.rsa, 'pkcs8-pem', { kid: RSA_KID }), { fetch: recording });
    const planted = { ...report, errorDescription: `echo: ${sent[from] ?? ''}` };
    expect(findSecretLeaks(planted, sent.slice(from))).toEqual(['errorDescription']);
  });
});
