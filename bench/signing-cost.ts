/**
 * Signing cost, for the JWT and DPoP work (issue 16; no target yet): what an
 * RS256 client assertion, an ES256 client assertion and an ES256 DPoP proof add
 * to one token request. Each is signed with jose's SignJWT (core has no signing
 * of its own yet; switch to core's functions when they land) right before the
 * same client-credentials POST the token-overhead step sends, against the local
 * oidc-provider over HTTPS, alternating with the unsigned POST, medians of 50.
 * The server is not asked to check the proof (its clients use a secret), so the
 * ratio is the client's own signing cost on top of a real round trip.
 */
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { DEFAULT_CLIENT, startAuthServer } from '../tests/support/auth-server';
import { createTestFetch } from '../tests/support/node-fetch';
import { makeFigure, type Figure } from './figure';
import { interleave, nowMs, summarize } from './stats';

export const SIGNED_REQUESTS = 50;
const WARMUP = 5;
const SIGN_ONLY = 200;

interface Signer {
  readonly id: string;
  readonly label: string;
  /** Returns the compact JWS; what it would be sent as is not needed here. */
  readonly sign: (tokenUrl: string) => Promise<string>;
}

/** RFC 7523 client assertion, as private_key_jwt sends it. */
function assertionSigner(alg: 'RS256' | 'ES256', key: CryptoKey): (tokenUrl: string) => Promise<string> {
  return (tokenUrl) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg, kid: `bench-${alg.toLowerCase()}` })
      .setIssuer(DEFAULT_CLIENT.clientId)
      .setSubject(DEFAULT_CLIENT.clientId)
      .setAudience(tokenUrl)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .setJti(crypto.randomUUID())
      .sign(key);
  };
}

/** RFC 9449 DPoP proof for the token request (public key in the header, as sent). */
function dpopSigner(key: CryptoKey, jwk: JWK): (tokenUrl: string) => Promise<string> {
  return (tokenUrl) =>
    new SignJWT({ htm: 'POST', htu: tokenUrl })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
      .setIssuedAt()
      .setJti(crypto.randomUUID())
      .sign(key);
}

export async function signingCostFigures(): Promise<Figure[]> {
  const rsa = await generateKeyPair('RS256', { modulusLength: 2048 });
  const ec = await generateKeyPair('ES256');
  const dpopKey = await generateKeyPair('ES256');
  const dpopJwk = await exportJWK(dpopKey.publicKey);
  const signers: Signer[] = [
    { id: 'rs256-assertion', label: 'RS256 client assertion', sign: assertionSigner('RS256', rsa.privateKey) },
    { id: 'es256-assertion', label: 'ES256 client assertion', sign: assertionSigner('ES256', ec.privateKey) },
    { id: 'dpop-proof', label: 'ES256 DPoP proof', sign: dpopSigner(dpopKey.privateKey, dpopJwk) },
  ];

  const server = await startAuthServer();
  const fetch = createTestFetch(server.ca);
  const authorization = `Basic ${Buffer.from(`${DEFAULT_CLIENT.clientId}:${DEFAULT_CLIENT.clientSecret}`).toString('base64')}`;
  const post = async (): Promise<void> => {
    const response = await fetch(server.tokenUrl, {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'grant_type=client_credentials&scope=api%3Aread',
      redirect: 'manual',
    });
    await response.text();
    if (response.status !== 200) throw new Error(`the token POST failed (HTTP ${response.status})`);
  };
  const unsigned = async (): Promise<number> => {
    const started = nowMs();
    await post();
    return nowMs() - started;
  };

  try {
    for (let i = 0; i < WARMUP; i += 1) await unsigned();
    const figures: Figure[] = [];
    for (const signer of signers) {
      // Each proof must be a real JWS; then warm the signer (first use imports nothing, but JITs jose).
      if ((await signer.sign(server.tokenUrl)).split('.').length !== 3) throw new Error(`${signer.label}: not a compact JWS`);
      const signOnly: number[] = [];
      for (let i = 0; i < SIGN_ONLY; i += 1) {
        const started = nowMs();
        await signer.sign(server.tokenUrl);
        signOnly.push(nowMs() - started);
      }
      const signed = async (): Promise<number> => {
        const started = nowMs();
        await signer.sign(server.tokenUrl);
        await post();
        return nowMs() - started;
      };
      const { a, b } = await interleave(SIGNED_REQUESTS, signed, unsigned);
      const withSig = summarize(a);
      const without = summarize(b);
      const alone = summarize(signOnly);
      figures.push(makeFigure({
        id: `signing-${signer.id}`,
        label: `token request + ${signer.label}`,
        unit: 'ms',
        measured: withSig.median,
        baseline: without.median,
        baselineLabel: 'unsigned POST',
        target: { kind: 'info' },
        detail: `median of ${SIGNED_REQUESTS} alternating requests each (jose SignJWT, key made once); ` +
          `signing alone: median ${alone.median.toFixed(3)} ms, p90 ${alone.p90.toFixed(3)} ms over ${SIGN_ONLY}`,
        data: { signed: withSig, unsigned: without, signOnly: alone, signedSamples: a, unsignedSamples: b },
      }));
    }
    return figures;
  } finally {
    await fetch.close();
    await server.close();
  }
}
