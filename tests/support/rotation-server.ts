/**
 * An authorization server in the middle of a secret rotation (issue 13), over
 * HTTPS with a CA made at test time, at Okta's paths for the "default" server.
 * One client holds two ACTIVE secrets plus an INACTIVE third, as an Okta app
 * can; oidc-provider holds one secret per client, hence this small server.
 * Tokens are real RS256 JWTs signed with a key published at /v1/keys, so the
 * signature checks core runs stay real. Client authentication: Basic, post,
 * and client_secret_jwt (HS256/384/512, `aud` must be the token URL).
 * Built on the fault server, so every request is recorded and the n-th token
 * request can be made to misbehave (429, dropped connection, 5xx).
 */
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { behaviours, oktaMetadata, startFaultServer, type FaultServer, type RecordedRequest, type RouteBehaviour } from './fault-servers';
import type { TestCa } from './test-ca';

export interface RotationClient {
  readonly clientId: string;
  /** The secret in use today (ACTIVE). */
  readonly current: string;
  /** The second secret, generated for the rotation (ACTIVE). */
  readonly next: string;
  /** An old secret that was deactivated (INACTIVE): Okta refuses it like a wrong one. */
  readonly inactive: string;
}

/** 32+ characters each, so they also work for client_secret_jwt (Okta's HMAC minimum). */
export const ROTATION_CLIENT: RotationClient = {
  clientId: '0oa1rotationclnt0h7',
  current: 'current-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCD',
  next: 'new-secret-9876543210_ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrq',
  inactive: 'inactive-secret-5555555555_qwertyuiopasdfghjklzxcvbnmQWERT',
};

export const WRONG_SECRET_TEXT = 'The client secret supplied for a confidential client is invalid.';

export interface RotationServerOptions {
  readonly client?: RotationClient;
  readonly ca?: TestCa;
  /** Replace the answer to the n-th token request (1-based); undefined = answer normally. */
  readonly tokenOverride?: (n: number) => RouteBehaviour | undefined;
}

export interface RotationServer {
  readonly origin: string;
  readonly issuer: string;
  readonly tokenUrl: string;
  readonly ca: string;
  readonly client: RotationClient;
  /** Every request (bodies included, in memory only), in order. */
  readonly requests: readonly RecordedRequest[];
  /** How many requests reached `path` (e.g. '/oauth2/default/v1/keys'). */
  count(path: string): number;
  close(): Promise<void>;
}

const PREFIX = '/oauth2/default';
const AUDIENCE = 'api://default';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const invalidClient = (description: string): RouteBehaviour => behaviours.json(401, { error: 'invalid_client', error_description: description });

/** The secrets (and client ID) the request presents, however it presents them. */
interface Presented {
  readonly clientId: string | null;
  readonly secret: string | null;
  readonly assertion: string | null;
  readonly methods: number;
}

function presented(request: RecordedRequest): Presented {
  const form = new URLSearchParams(request.body);
  const auth = request.headers.authorization;
  let clientId: string | null = form.get('client_id');
  let secret: string | null = form.get('client_secret');
  let methods = (secret === null ? 0 : 1) + (form.has('client_assertion') ? 1 : 0);
  if (typeof auth === 'string' && /^Basic /i.test(auth)) {
    methods += 1;
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    clientId = decoded.slice(0, colon);
    secret = decoded.slice(colon + 1);
  }
  return { clientId, secret, assertion: form.get('client_assertion'), methods };
}

export async function startRotationServer(options: RotationServerOptions = {}): Promise<RotationServer> {
  const client = options.client ?? ROTATION_CLIENT;
  const active = [client.current, client.next];
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'rotation-key-1', alg: 'RS256', use: 'sig' };
  let tokenRequests = 0;
  let origin = '';

  const issueToken = async (scope: string): Promise<RouteBehaviour> => {
    const accessToken = await new SignJWT({ cid: client.clientId, scp: scope === '' ? [] : scope.split(' ') })
      .setProtectedHeader({ alg: 'RS256', kid: publicJwk.kid, typ: 'JWT' })
      .setIssuer(`${origin}${PREFIX}`)
      .setAudience(AUDIENCE)
      .setSubject(client.clientId)
      .setIssuedAt()
      .setExpirationTime('1h')
      .setJti(randomUUID())
      .sign(privateKey);
    return behaviours.json(200, { token_type: 'Bearer', expires_in: 3600, access_token: accessToken, scope });
  };

  /** client_secret_jwt: the assertion must verify with one ACTIVE secret, for this client and this endpoint. */
  const assertionSecretWorks = async (assertion: string): Promise<boolean> => {
    for (const secret of active) {
      try {
        await jwtVerify(assertion, new TextEncoder().encode(secret), {
          algorithms: ['HS256', 'HS384', 'HS512'],
          audience: `${origin}${PREFIX}/v1/token`,
          issuer: client.clientId,
          subject: client.clientId,
        });
        return true;
      } catch {
        // Try the other active secret.
      }
    }
    return false;
  };

  const token = async (request: RecordedRequest): Promise<RouteBehaviour> => {
    tokenRequests += 1;
    const override = options.tokenOverride?.(tokenRequests);
    if (override !== undefined) return override;
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== 'client_credentials') return behaviours.json(400, { error: 'unsupported_grant_type', error_description: 'The grant type is not supported.' });
    const who = presented(request);
    if (who.methods > 1) {
      return behaviours.json(400, { error: 'invalid_request', error_description: 'Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.' });
    }
    if (who.assertion !== null) {
      if (form.get('client_assertion_type') !== ASSERTION_TYPE) return behaviours.json(400, { error: 'invalid_request', error_description: 'The client_assertion_type is invalid.' });
      if (!(await assertionSecretWorks(who.assertion))) return invalidClient('The client_assertion signature is invalid.');
      return issueToken(form.get('scope') ?? '');
    }
    if (who.clientId !== client.clientId) return invalidClient('The client_id is invalid.');
    // The INACTIVE secret is refused exactly like a wrong one (reference §1, [U]).
    if (who.secret === null || !active.includes(who.secret)) return invalidClient(WRONG_SECRET_TEXT);
    return issueToken(form.get('scope') ?? '');
  };

  const server: FaultServer = await startFaultServer({
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    routes: {
      [`${PREFIX}/.well-known/oauth-authorization-server`]: () => behaviours.json(200, oktaMetadata(origin)),
      [`${PREFIX}/v1/keys`]: behaviours.json(200, { keys: [publicJwk] }),
      [`${PREFIX}/v1/token`]: token,
    },
  });
  origin = server.origin;
  return {
    origin,
    issuer: `${origin}${PREFIX}`,
    tokenUrl: `${origin}${PREFIX}/v1/token`,
    ca: server.ca,
    client,
    requests: server.requests,
    count: (path) => server.requests.filter((r) => (r.path.split('?', 1)[0] ?? '') === path).length,
    close: () => server.close(),
  };
}
