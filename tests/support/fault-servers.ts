/**
 * Misbehaving servers for fault tests (core, CLI and renderer suites), all on
 * 127.0.0.1 over HTTPS with throwaway certificates:
 * - startFaultServer: behaviour chosen per route (JSON, text/HTML, hang, huge
 *   body, redirect, dropped connection), every request recorded;
 * - startUntrustedServer / startHostnameMismatchServer / startExpiredCertServer:
 *   TLS failures;
 * - refusedPort: a port with nothing listening.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import selfsigned from 'selfsigned';
import { createTestCa, issueLeafCert, type LeafCert, type TestCa } from './test-ca';

export interface RecordedRequest {
  readonly method: string;
  /** Path including any query string. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The request body as text (first 64 KiB). Kept in memory only, for assertions. */
  readonly body: string;
}

export type RouteBehaviour =
  | { readonly kind: 'json'; readonly status?: number; readonly body: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: 'text'; readonly status?: number; readonly body: string; readonly contentType?: string; readonly headers?: Readonly<Record<string, string>> }
  /** Accept the request and never answer. */
  | { readonly kind: 'hang' }
  /** A body of `bytes` bytes; `declareLength` sends Content-Length (else chunked, so only a streaming cap catches it). */
  | { readonly kind: 'huge'; readonly bytes: number; readonly status?: number; readonly contentType?: string; readonly declareLength?: boolean }
  | { readonly kind: 'redirect'; readonly location: string; readonly status?: 301 | 302 | 303 | 307 | 308 }
  /** Drop the connection without an answer. */
  | { readonly kind: 'reset' };

/** A fixed behaviour, or one chosen per request (possibly after async work, e.g. signing a token). */
export type Route = RouteBehaviour | ((request: RecordedRequest) => RouteBehaviour | Promise<RouteBehaviour>);

export interface FaultServerOptions {
  /** CA that signs the server certificate; a fresh one when omitted. */
  readonly ca?: TestCa;
  /** Use this certificate instead of issuing one for localhost/127.0.0.1. */
  readonly cert?: LeafCert;
  /** Exact paths (without the query) → behaviour. */
  readonly routes?: Readonly<Record<string, Route>>;
  /** For paths with no route; default a JSON 404. */
  readonly fallback?: Route;
  /** Plain HTTP instead of HTTPS (for the loopback-HTTP cases); default false. */
  readonly plainHttp?: boolean;
}

export interface FaultServer {
  readonly origin: string;
  /** PEM of the CA that signed this server's certificate ('' for plain HTTP). */
  readonly ca: string;
  url(path: string): string;
  readonly requests: readonly RecordedRequest[];
  requestCount(): number;
  /** TCP connections accepted (a TLS handshake that sends no request still counts). */
  connectionCount(): number;
  close(): Promise<void>;
}

const NOT_FOUND: RouteBehaviour = {
  kind: 'json',
  status: 404,
  body: { errorCode: 'E0000022', errorSummary: 'The endpoint does not support the provided HTTP method' },
};

export const behaviours = {
  json: (status: number, body: unknown, headers?: Readonly<Record<string, string>>): RouteBehaviour => ({ kind: 'json', status, body, ...(headers ? { headers } : {}) }),
  html: (status: number, body = '<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Service unavailable</h1></body></html>'): RouteBehaviour => ({
    kind: 'text',
    status,
    body,
    contentType: 'text/html; charset=utf-8',
  }),
  hang: (): RouteBehaviour => ({ kind: 'hang' }),
  huge: (bytes: number, declareLength = false): RouteBehaviour => ({ kind: 'huge', bytes, declareLength, contentType: 'application/json' }),
  redirect: (location: string, status: 301 | 302 | 303 | 307 | 308 = 302): RouteBehaviour => ({ kind: 'redirect', location, status }),
  reset: (): RouteBehaviour => ({ kind: 'reset' }),
};

const MAX_RECORDED_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size < MAX_RECORDED_BODY) chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8').slice(0, MAX_RECORDED_BODY)));
    req.on('error', () => resolve(''));
  });
}

async function writeHuge(res: ServerResponse, behaviour: Extract<RouteBehaviour, { kind: 'huge' }>): Promise<void> {
  res.statusCode = behaviour.status ?? 200;
  res.setHeader('Content-Type', behaviour.contentType ?? 'application/json');
  if (behaviour.declareLength === true) res.setHeader('Content-Length', String(behaviour.bytes));
  const chunk = Buffer.alloc(16 * 1024, 0x20);
  let sent = 0;
  while (sent < behaviour.bytes && !res.destroyed) {
    const size = Math.min(chunk.length, behaviour.bytes - sent);
    sent += size;
    if (!res.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
      // Back-pressure: wait for the client to read, or give up when it goes away.
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.once('drain', done);
        res.once('close', done);
      });
    }
  }
  if (!res.destroyed) res.end();
}

function respond(req: IncomingMessage, res: ServerResponse, behaviour: RouteBehaviour): void {
  res.on('error', () => undefined);
  switch (behaviour.kind) {
    case 'json':
      res.writeHead(behaviour.status ?? 200, { 'Content-Type': 'application/json', ...behaviour.headers });
      res.end(JSON.stringify(behaviour.body));
      return;
    case 'text':
      res.writeHead(behaviour.status ?? 200, { 'Content-Type': behaviour.contentType ?? 'text/plain; charset=utf-8', ...behaviour.headers });
      res.end(behaviour.body);
      return;
    case 'hang':
      return;
    case 'huge':
      void writeHuge(res, behaviour);
      return;
    case 'redirect':
      res.writeHead(behaviour.status ?? 302, { Location: behaviour.location, 'Content-Type': 'text/plain' });
      res.end('Moved');
      return;
    case 'reset':
      req.socket.destroy();
      return;
  }
}

async function listen(cert: LeafCert | null, caPem: string, options: FaultServerOptions): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const server = cert === null ? http.createServer() : https.createServer({ key: cert.key, cert: cert.cert });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readBody(req);
      const recorded: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: { ...req.headers }, body };
      requests.push(recorded);
      const pathOnly = recorded.path.split('?', 1)[0] ?? '/';
      const route = options.routes?.[pathOnly] ?? options.fallback ?? NOT_FOUND;
      respond(req, res, typeof route === 'function' ? await route(recorded) : route);
    })();
  });
  // TLS failures on the client side surface here as socket errors; they are the point of some tests.
  server.on('tlsClientError', () => undefined);
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${cert === null ? 'http' : 'https'}://127.0.0.1:${port}`;
  return {
    origin,
    ca: caPem,
    url: (path) => `${origin}${path}`,
    requests,
    requestCount: () => requests.length,
    connectionCount: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  if (options.plainHttp === true) return listen(null, '', options);
  const ca = options.ca ?? (await createTestCa());
  const cert = options.cert ?? (await issueLeafCert(ca));
  return listen(cert, ca.cert, options);
}

/** A server whose certificate comes from a CA the client was not given. `ca` is that other CA. */
export async function startUntrustedServer(options: Omit<FaultServerOptions, 'ca' | 'cert'> = {}): Promise<FaultServer> {
  return startFaultServer({ ...options, ca: await createTestCa('Untrusted test CA') });
}

/** Signed by the trusted `ca`, but for another name, served on 127.0.0.1. */
export async function startHostnameMismatchServer(ca: TestCa, options: Omit<FaultServerOptions, 'ca' | 'cert'> = {}): Promise<FaultServer> {
  const cert = await issueLeafCert(ca, { dns: ['other-host.invalid'] });
  return startFaultServer({ ...options, ca, cert });
}

/** Signed by the trusted `ca`, for the right names, but expired yesterday. */
export async function startExpiredCertServer(ca: TestCa, options: Omit<FaultServerOptions, 'ca' | 'cert'> = {}): Promise<FaultServer> {
  const day = 24 * 60 * 60 * 1000;
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 30 * day),
    notAfterDate: new Date(Date.now() - day),
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return startFaultServer({ ...options, ca, cert: { cert: pems.cert, key: pems.private } });
}

/** A loopback port that was just free: connecting to it is refused. */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Okta-shaped metadata for a server at `origin` (custom AS `id`, or the org AS when id is null). */
export function oktaMetadata(origin: string, id: string | null = 'default', extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const issuer = id === null ? origin : `${origin}/oauth2/${id}`;
  const base = id === null ? `${origin}/oauth2` : issuer;
  return {
    issuer,
    authorization_endpoint: `${base}/v1/authorize`,
    token_endpoint: `${base}/v1/token`,
    jwks_uri: `${base}/v1/keys`,
    grant_types_supported: ['authorization_code', 'implicit', 'refresh_token', 'password', 'client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'],
    scopes_supported: ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'],
    ...extra,
  };
}
