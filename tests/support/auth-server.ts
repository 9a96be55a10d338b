/**
 * A real OAuth 2.0 authorization server (oidc-provider) over HTTPS, mounted at
 * Okta's paths for the "default" custom authorization server:
 *   /oauth2/default/.well-known/oauth-authorization-server
 *   /oauth2/default/v1/token
 *   /oauth2/default/v1/keys
 * It issues RS256 JWT access tokens for client_credentials. Its certificate is
 * signed by a CA made here and trusted only by clients that are handed `ca`.
 */
import { generateKeyPairSync } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type ProviderType from 'oidc-provider';
import type { TokenTestInput } from '../../core/okta/types';
import { createTestCa, issueLeafCert, type TestCa } from './test-ca';

export interface TestClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The client's registered method. oidc-provider accepts Basic or post for any secret client, but refuses both at once. */
  readonly authMethod?: 'client_secret_basic' | 'client_secret_post';
}

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
  close(): Promise<void>;
}

export const DEFAULT_CLIENT: TestClient = {
  clientId: '0oa1testclient0000h7',
  clientSecret: 'test-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN',
};

const PREFIX = '/oauth2/default';

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

  const { default: Provider, errors } = await quietly(() => import('oidc-provider'));
  const provider: ProviderType = await quietly(() => new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: c.authMethod ?? 'client_secret_basic',
    })),
    jwks: { keys: [jwk] },
    routes: { token: '/v1/token', jwks: '/v1/keys' },
    ttl: { ClientCredentials: 3600 },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
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
    tokenUrl: `${issuer}/v1/token`,
    jwksUri: `${issuer}/v1/keys`,
    ca: ca.cert,
    audience,
    requestCount: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A token test of DEFAULT_CLIENT against `server` that succeeds; `patch` changes one thing. */
export function tokenTestInput(server: Pick<AuthServer, 'origin'>, patch: Partial<TokenTestInput> = {}): TokenTestInput {
  return {
    target: server.origin,
    authServer: { kind: 'default' },
    clientId: DEFAULT_CLIENT.clientId,
    clientSecret: DEFAULT_CLIENT.clientSecret,
    scopes: ['api:read'],
    authMethod: 'client_secret_basic',
    formEncode: false,
    timeoutMs: 10_000,
    ...patch,
  };
}
