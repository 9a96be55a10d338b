/**
 * A real OAuth 2.0 authorization server (oidc-provider) over HTTPS, mounted at
 * Okta's paths for the "default" custom authorization server:
 *   /oauth2/default/.well-known/oauth-authorization-server
 *   /oauth2/default/v1/token
 *   /oauth2/default/v1/keys
 *   /oauth2/default/reg (dynamic registration, so a test can register a key it made)
 * It issues RS256 JWT access tokens for client_credentials. Its certificate is
 * signed by a CA made here and trusted only by clients that are handed `ca`.
 *
 * Configured to Okta's rules for JWT client authentication and DPoP
 * (reference okta-jwt-dpop-rotation.md §2–3, §6): client_secret_jwt and
 * private_key_jwt with Okta's algorithms; the assertion's aud must be the exact
 * token endpoint and its exp at most an hour ahead; DPoP always needs a nonce
 * (the first proof gets 400 use_dpop_nonce); DPoP-bound clients need a proof;
 * tokens carry cnf.jkt. Its error texts are oidc-provider's, not Okta's: those
 * are tested with fixtures (okta-fixtures.ts).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import type { ClientMetadata, default as ProviderType, SigningAlgorithm } from 'oidc-provider';
import type { DecodedJwt, TokenTestInput } from '../../core/okta/types';
import { createTestCa, issueLeafCert, type TestCa } from './test-ca';
import { basicTestInput } from './token-inputs';

export interface TestClient {
  readonly clientId: string;
  /** Absent for private_key_jwt clients. */
  readonly clientSecret?: string;
  /** The client's registered method. oidc-provider accepts Basic or post for any secret client, but refuses both at once. */
  readonly authMethod?: 'client_secret_basic' | 'client_secret_post' | 'client_secret_jwt' | 'private_key_jwt';
  /** private_key_jwt: the registered public keys. */
  readonly jwks?: { readonly keys: readonly JWK[] };
  /** Okta's "Require DPoP": a token request without a proof is refused. */
  readonly dpopBound?: boolean;
}

/** A client that authenticates with a secret (Basic, post or client_secret_jwt). */
export type SecretTestClient = TestClient & { readonly clientSecret: string };

export interface AuthServerOptions {
  readonly clients?: readonly TestClient[];
  readonly audience?: string;
  /** Scopes the resource server allows. */
  readonly scopes?: readonly string[];
  /** Reuse a CA (e.g. one per test file); otherwise a new one is made. */
  readonly ca?: TestCa;
  /** Hook to observe every request (path, method); never sees bodies. */
  readonly onRequest?: (info: { method: string; path: string; headers: Record<string, string | string[] | undefined> }) => void;
}

export interface AuthServer {
  readonly origin: string;
  readonly issuer: string;
  readonly tokenUrl: string;
  readonly jwksUri: string;
  /** PEM of the CA that signed the server certificate. */
  readonly ca: string;
  readonly audience: string;
  /** How many requests reached the server (any path). */
  requestCount(): number;
  /** Every client assertion whose signature verified, decoded, in order (the server's own view). */
  assertions(): readonly DecodedJwt[];
  /** Every DPoP proof that reached the token endpoint, decoded from the header, in order. */
  dpopProofs(): readonly DecodedJwt[];
  /** The signed JWTs themselves (verified assertions and every proof), for leak checks of a client's output. */
  wireJwts(): readonly string[];
  /** Registers a client at run time (RFC 7591), e.g. with a key a test just generated; resolves to the client ID the server assigned. */
  registerClient(client: Omit<TestClient, 'clientId'>): Promise<string>;
  close(): Promise<void>;
}

export const DEFAULT_CLIENT = {
  clientId: '0oa1testclient0000h7',
  clientSecret: 'test-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN',
} as const satisfies TestClient;

const PREFIX = '/oauth2/default';

/** Okta's algorithms for JWT client authentication: no PS*, no EdDSA. */
const CLIENT_AUTH_ALGS: SigningAlgorithm[] = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];
/** Okta refuses an assertion exp more than one hour ahead. */
const MAX_ASSERTION_AHEAD_S = 3600;

function clientMetadata(c: TestClient): ClientMetadata {
  return {
    client_id: c.clientId,
    ...(c.clientSecret === undefined ? {} : { client_secret: c.clientSecret }),
    ...(c.jwks === undefined ? {} : { jwks: { keys: [...c.jwks.keys] } as ClientMetadata['jwks'] }),
    ...(c.dpopBound === true ? { dpop_bound_access_tokens: true } : {}),
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: c.authMethod ?? 'client_secret_basic',
  };
}

function decodeSafely(jwt: string): DecodedJwt | null {
  try {
    return { header: { ...decodeProtectedHeader(jwt) }, claims: { ...decodeJwt(jwt) } };
  } catch {
    return null;
  }
}

/**
 * oidc-provider warns on stderr about Node 20 and its in-memory adapter; both are
 * expected for a test server, and silence keeps leak-scanned test output clean.
 * Only its own "oidc-provider WARNING" lines are dropped.
 */
async function quietly<T>(work: () => Promise<T> | T): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING')) return;
    warn(...args);
  };
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
}

export async function startAuthServer(options: AuthServerOptions = {}): Promise<AuthServer> {
  const clients = options.clients ?? [DEFAULT_CLIENT];
  const audience = options.audience ?? 'api://default';
  const scopes = options.scopes ?? ['api:read', 'api:write'];
  const ca = options.ca ?? (await createTestCa());
  const leaf = await issueLeafCert(ca);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key-1', alg: 'RS256', use: 'sig' };

  const server = https.createServer({ key: leaf.key, cert: leaf.cert });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `https://127.0.0.1:${port}`;
  const issuer = `${origin}${PREFIX}`;

  const tokenUrl = `${issuer}/v1/token`;
  const assertions: DecodedJwt[] = [];
  const proofs: DecodedJwt[] = [];
  const wire: string[] = [];

  const { default: Provider, errors } = await quietly(() => import('oidc-provider'));
  const provider: ProviderType = await quietly(() => new Provider(issuer, {
    clients: clients.map(clientMetadata),
    jwks: { keys: [jwk] },
    routes: { token: '/v1/token', jwks: '/v1/keys', registration: '/reg' },
    ttl: { ClientCredentials: 3600 },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt'],
    enabledJWA: { clientAuthSigningAlgValues: CLIENT_AUTH_ALGS, dPoPSigningAlgValues: ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512'] },
    // Okta's rules on top of oidc-provider's own checks (which accept the issuer as aud, and any exp).
    assertJwtClientAuthClaimsAndHeader: (ctx, claims, header) => {
      assertions.push({ header: { ...header }, claims: { ...claims } });
      const raw = ctx.oidc.params?.client_assertion;
      if (typeof raw === 'string') wire.push(raw);
      if (claims.aud !== tokenUrl) throw new errors.InvalidClientAuth('aud must be the token endpoint');
      if (typeof claims.exp !== 'number' || claims.exp - Date.now() / 1000 > MAX_ASSERTION_AHEAD_S) {
        throw new errors.InvalidClientAuth('exp too far into the future');
      }
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // Okta always answers the first proof with use_dpop_nonce.
      dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true },
      registration: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== audience) throw new errors.InvalidTarget();
          return {
            audience,
            scope: scopes.join(' '),
            accessTokenFormat: 'jwt',
            accessTokenTTL: 3600,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
  }));
  // Keep oidc-provider's own error logging out of test output.
  provider.on('server_error', () => undefined);

  let count = 0;
  const callback = provider.callback();
  server.on('request', (req, res) => {
    count += 1;
    const url = req.url ?? '/';
    options.onRequest?.({ method: req.method ?? 'GET', path: url, headers: req.headers });
    const proof = req.headers.dpop;
    if (typeof proof === 'string' && url.startsWith(`${PREFIX}/v1/token`)) {
      const seen = decodeSafely(proof);
      if (seen !== null) proofs.push(seen);
      wire.push(proof);
    }
    if (!url.startsWith(`${PREFIX}/`)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    // The provider derives its mount path from originalUrl minus url.
    (req as typeof req & { originalUrl: string }).originalUrl = url;
    req.url = url.slice(PREFIX.length);
    callback(req, res);
  });

  return {
    origin,
    issuer,
    tokenUrl,
    jwksUri: `${issuer}/v1/keys`,
    ca: ca.cert,
    audience,
    requestCount: () => count,
    assertions: () => [...assertions],
    dpopProofs: () => [...proofs],
    wireJwts: () => [...wire],
    registerClient: async (client) => {
      // The server assigns the client ID, as Okta does when an app is created.
      const metadata: Record<string, unknown> = { ...clientMetadata({ ...client, clientId: '' }) };
      delete metadata.client_id;
      const response = await registerRequest(`${issuer}/reg`, JSON.stringify(metadata), ca.cert);
      const assigned = response.status === 201 ? (JSON.parse(response.body) as { client_id?: unknown }).client_id : undefined;
      if (typeof assigned !== 'string') throw new Error(`registration failed: HTTP ${response.status} ${response.body}`);
      return assigned;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function registerRequest(url: string, body: string, caPem: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', ca: caPem, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A token test of DEFAULT_CLIENT against `server` that succeeds; `patch` changes one thing. */
export function tokenTestInput(server: Pick<AuthServer, 'origin'>, patch: Partial<TokenTestInput> = {}): TokenTestInput {
  return basicTestInput({ target: server.origin, clientId: DEFAULT_CLIENT.clientId, clientSecret: DEFAULT_CLIENT.clientSecret, timeoutMs: 10_000, ...patch });
}
