/**
 * JWT client authentication overhead: a private_key_jwt token request that
 * signs its assertion (RS256, 2048-bit) and its DPoP proof (ES256) just before
 * sending, against a raw fetch of a request signed beforehand (outside the
 * timing). Both go to the local oidc-provider with Okta's rules and must get a
 * token; they alternate request by request. The DPoP nonce is fetched once and
 * reused, as a client within the nonce's lifetime would.
 */
import { createDpopKey, CLIENT_ASSERTION_TYPE, importPrivateKey, signClientAssertion, signDpopProof, type AssertionSigner, type DpopKey } from '../core/okta';
import { startAuthServer } from '../tests/support/auth-server';
import { makeJwtClients, RSA_KID } from '../tests/support/jwt-clients';
import { keyText } from '../tests/support/key-files';
import { createTestFetch, type TestFetch } from '../tests/support/node-fetch';
import { medianRatioFigure, type Figure } from './figure';
import { interleave, nowMs } from './stats';

export const SIGNED_REQUESTS = 50;
const WARMUP = 5;
const SIGNING_RATIO_TARGET = 1.5;
const TIMEOUT_MS = 10_000;

export async function jwtSigningFigure(): Promise<Figure> {
  const clients = makeJwtClients();
  const server = await startAuthServer({ clients: clients.all });
  const fetch: TestFetch = createTestFetch(server.ca);
  try {
    const imported = await importPrivateKey(keyText(clients.rsa, 'pkcs8-pem'), { kid: RSA_KID });
    if (!imported.ok) throw new Error(`the benchmark key did not import (${imported.code})`);
    const signer: AssertionSigner = { method: 'private_key_jwt', alg: imported.value.alg, kid: imported.value.kid, key: imported.value.key };
    const dpopKey: DpopKey = await createDpopKey();
    const clientId = clients.keyClient.clientId;

    const post = async (assertion: string, proof: string): Promise<Response> =>
      fetch(server.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', DPoP: proof },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api:read', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion }).toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    const sign = async (nonce: string | null): Promise<[string, string]> => {
      const assertion = await signClientAssertion(signer, { clientId, tokenEndpoint: server.tokenUrl, nowMs: Date.now() });
      const proof = await signDpopProof(dpopKey, { htu: server.tokenUrl, nonce, nowMs: Date.now() });
      return [assertion.jwt, proof.jwt];
    };
    const expectToken = async (response: Response, what: string): Promise<void> => {
      const body = (await response.json()) as Record<string, unknown>;
      if (response.status !== 200 || body.token_type !== 'DPoP') throw new Error(`${what} did not get a DPoP token (HTTP ${response.status})`);
    };

    // One round trip for the nonce, as every client's first DPoP request makes.
    const first = await post(...(await sign(null)));
    await first.text();
    const nonce = first.headers.get('dpop-nonce');
    if (first.status !== 400 || nonce === null) throw new Error(`expected use_dpop_nonce with a nonce, got HTTP ${first.status}`);

    const signedThenSent = async (): Promise<number> => {
      const started = nowMs();
      const response = await post(...(await sign(nonce)));
      const ms = nowMs() - started;
      await expectToken(response, 'a freshly signed request');
      return ms;
    };
    // Pre-signed outside the timing: each has its own jti, so the server accepts every one.
    const presigned: [string, string][] = [];
    for (let i = 0; i < SIGNED_REQUESTS + WARMUP; i += 1) presigned.push(await sign(nonce));
    const raw = async (): Promise<number> => {
      const request = presigned.pop();
      if (request === undefined) throw new Error('ran out of pre-signed requests');
      const started = nowMs();
      const response = await post(...request);
      const ms = nowMs() - started;
      await expectToken(response, 'a pre-signed request');
      return ms;
    };

    for (let i = 0; i < WARMUP; i += 1) {
      await signedThenSent();
      await raw();
    }
    const { a: signed, b: baseline } = await interleave(SIGNED_REQUESTS, signedThenSent, raw);
    // Diagnosis: the signing alone, without the network.
    const signing: number[] = [];
    for (let i = 0; i < SIGNED_REQUESTS; i += 1) {
      const started = nowMs();
      await sign(nonce);
      signing.push(nowMs() - started);
    }
    return medianRatioFigure({
      id: 'jwt-signing',
      label: 'private_key_jwt + DPoP request',
      samples: { signed, raw: baseline, signing },
      measured: 'signed',
      baseline: 'raw',
      baselineLabel: 'raw fetch, pre-signed',
      ratioTarget: SIGNING_RATIO_TARGET,
      detail: (stats) => `median of ${SIGNED_REQUESTS} alternating token requests each, every one answered with a DPoP-bound token; ` +
        `signing alone (RS256 assertion + ES256 proof, no network): median ${stats.signing.median.toFixed(2)} ms`,
    });
  } finally {
    await fetch.close();
    await server.close();
  }
}
