/**
 * `basic-header test` and its network environment: HTTPS_PROXY / NO_PROXY are
 * honoured for real destinations, but the environment cannot weaken the CLI
 * (issue 11, items 3 and 4): NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored on
 * every TLS connection (direct, through a proxy tunnel, to an https:// proxy),
 * and loopback destinations never go through a proxy.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { behaviours, startFaultServer, startUntrustedServer, type FaultServer } from '../../support/fault-servers';
import { claimsJsonStart, createTokenSigner, tokenRoutes, type TokenSigner } from '../../support/signed-tokens';
import { createTestCa, issueLeafCert } from '../../support/test-ca';
import { tempFile } from '../../support/cli/cli-process';
import { useCliSuite } from '../../support/cli/cli-suite';
import { startConnectProxy } from '../../support/cli/connect-proxy';

const CLIENT_ID = '0oa1proxyclient000h7';
const SECRET = 'cli-proxy-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEF';
/** A name only the test proxy "resolves" (to 127.0.0.1), so traffic to it is not loopback for the CLI. */
const PROXIED_HOST = 'okta.proxy.test';
const TLS_LINE = /NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored/;

const suite = useCliSuite('proxy', CLIENT_ID, SECRET);
const signer: TokenSigner = createTokenSigner();

function args(issuer: string, ...extra: string[]): string[] {
  return ['test', '--client-id', CLIENT_ID, '--issuer', issuer, '--ca-file', suite.caPath, '--scope', 'api:read', '--json', ...extra];
}

/** A token server for PROXIED_HOST (certificate for that name from the trusted CA). */
async function proxiedTokenServer(): Promise<FaultServer> {
  const cert = await issueLeafCert(suite.ca, { dns: [PROXIED_HOST] });
  return suite.track(startFaultServer({
    ca: suite.ca,
    cert,
    routes: tokenRoutes(signer, (origin) => ({ access_token: signer.sign(`${claimsJsonStart(origin, Math.floor(Date.now() / 1000))}}`), token_type: 'Bearer', expires_in: 3600 })),
  }));
}

const portOf = (server: FaultServer): string => new URL(server.origin).port;

describe('HTTPS_PROXY and NO_PROXY', () => {
  it('goes through the proxy in HTTPS_PROXY (CONNECT tunnels to the server), and around it for NO_PROXY', async () => {
    const server = await proxiedTokenServer();
    const proxy = await suite.track(startConnectProxy({ anyHost: true }));
    const target = `${PROXIED_HOST}:${portOf(server)}`;
    const via = await suite.cli.run(args(`https://${target}/oauth2/default`), { input: SECRET, env: { HTTPS_PROXY: proxy.url } });
    expect(via.code).toBe(0);
    expect(JSON.parse(via.stdout)).toMatchObject({ ok: true, signature: 'verified' });
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.tunnels)).toEqual(new Set([target]));

    const count = proxy.tunnels.length;
    // Around the proxy the name does not resolve here: the point is only that the proxy saw nothing.
    const around = await suite.cli.run(args(`https://${target}/oauth2/default`), { input: SECRET, env: { HTTPS_PROXY: proxy.url, NO_PROXY: PROXIED_HOST } });
    expect(around.code).toBe(3);
    expect(proxy.tunnels.length).toBe(count);
  });
});

describe('loopback destinations always go direct (item 4)', () => {
  it.each([
    ['plain http://localhost with HTTP_PROXY', 'http', 'localhost'],
    ['https://127.0.0.1 with HTTPS_PROXY', 'https', '127.0.0.1'],
  ])('%s: the proxy receives nothing, the server gets the request', async (_name, scheme, host) => {
    const server = await suite.track(startFaultServer({
      ca: suite.ca,
      plainHttp: scheme === 'http',
      fallback: behaviours.json(401, { error: 'invalid_client', error_description: 'Client authentication failed.' }),
    }));
    const proxy = await suite.track(startConnectProxy({ anyHost: true }));
    const env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, http_proxy: proxy.url, https_proxy: proxy.url, ALL_PROXY: proxy.url, NO_PROXY: 'example.com' };
    const run = await suite.cli.run(args(`${scheme}://${host}:${portOf(server)}/oauth2/default`), { input: SECRET, env });
    expect(run.code).toBe(1);
    expect(proxy.tunnels).toEqual([]);
    expect(proxy.requests).toEqual([]);
    expect(server.requests.some((r) => r.method === 'POST' && typeof r.headers.authorization === 'string')).toBe(true);
  });
});

describe('NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored (item 3)', () => {
  const env = { NODE_TLS_REJECT_UNAUTHORIZED: '0' };

  it('direct: a self-signed server receives no request and no Authorization header; one line says the variable is ignored', async () => {
    const server = await suite.track(startUntrustedServer({ fallback: behaviours.json(200, { access_token: 'stolen', token_type: 'Bearer' }) }));
    const run = await suite.cli.run(args(`${server.origin}/oauth2/default`), { input: SECRET, env });
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: null, failure: 'tls-untrusted' });
    expect(server.requests).toEqual([]);
    expect(run.stderr.split('\n').filter((l) => /NODE_TLS_REJECT_UNAUTHORIZED/.test(l))).toHaveLength(1);
    expect(run.stderr).toMatch(TLS_LINE);

    // Positive control: the same server does record a request when its CA is really trusted.
    const own = tempFile('untrusted-ca.pem', server.ca);
    try {
      await suite.cli.run(['test', '--client-id', CLIENT_ID, '--issuer', `${server.origin}/oauth2/default`, '--ca-file', own.path, '--json'], { input: SECRET });
      expect(server.requests.length).toBeGreaterThan(0);
    } finally {
      own.remove();
    }
  });

  it('through a proxy tunnel: the self-signed server behind it receives nothing', async () => {
    const server = await suite.track(startUntrustedServer({ fallback: behaviours.json(200, { access_token: 'stolen', token_type: 'Bearer' }) }));
    const proxy = await suite.track(startConnectProxy({ anyHost: true }));
    const run = await suite.cli.run(args(`https://${PROXIED_HOST}:${portOf(server)}/oauth2/default`), { input: SECRET, env: { ...env, HTTPS_PROXY: proxy.url } });
    expect(run.code).toBe(3);
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(server.requests).toEqual([]);
    expect(run.stderr).toMatch(TLS_LINE);
  });

  it('to an https:// proxy with a self-signed certificate: no CONNECT is sent to it', async () => {
    const server = await proxiedTokenServer();
    const otherCa = await createTestCa('Untrusted proxy CA');
    const proxy = await suite.track(startConnectProxy({ anyHost: true, tls: await issueLeafCert(otherCa) }));
    const run = await suite.cli.run(args(`https://${PROXIED_HOST}:${portOf(server)}/oauth2/default`), { input: SECRET, env: { ...env, HTTPS_PROXY: proxy.url } });
    expect(run.code).toBe(3);
    expect(proxy.tunnels).toEqual([]);
    expect(server.requests).toEqual([]);
  });
});

describe('a TLS key log is refused', () => {
  it('NODE_OPTIONS=--tls-keylog: exit 2 before anything is sent, and no key file is written', async () => {
    const server = await suite.track(startFaultServer({ ca: suite.ca, fallback: behaviours.json(401, { error: 'invalid_client' }) }));
    const dir = tempFile('unused', '');
    const keys = join(dirname(dir.path), 'keys.log');
    const env = { NODE_OPTIONS: `--tls-keylog=${keys}` };
    try {
      // Positive control: with this variable, Node really writes the keys of a TLS connection to this server.
      // (Asynchronously: the server answers from this process.)
      await promisify(execFile)(process.execPath, ['-e', `require('https').get(${JSON.stringify(server.url('/x'))}, { ca: require('fs').readFileSync(${JSON.stringify(suite.caPath)}) }, (r) => r.resume())`], { env: { ...process.env, ...env }, timeout: 30_000 });
      expect(readFileSync(keys, 'utf8')).toMatch(/CLIENT_HANDSHAKE_TRAFFIC_SECRET|CLIENT_RANDOM/);
      rmSync(keys);
      const before = server.requestCount();

      const run = await suite.cli.run(args(`${server.origin}/oauth2/default`), { input: SECRET, env });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--tls-keylog is set/);
      expect(server.requestCount()).toBe(before);
      expect(existsSync(keys)).toBe(false);
    } finally {
      rmSync(keys, { force: true });
      dir.remove();
    }
  });
});

/** Proxy variables as admins set them, and a proxy that fails (attack review, 2026-12-02). */
describe('proxy variables that are odd or a proxy that fails', () => {
  it('HTTPS_PROXY as host:port (no scheme) is read as http://host:port, as curl reads it', async () => {
    const server = await proxiedTokenServer();
    const proxy = await suite.track(startConnectProxy({ anyHost: true }));
    const target = `${PROXIED_HOST}:${portOf(server)}`;
    const run = await suite.cli.run(args(`https://${target}/oauth2/default`), { input: SECRET, env: { HTTPS_PROXY: proxy.url.replace(/^http:\/\//, '') } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true });
    expect(proxy.tunnels).toContain(target);
  });

  it.each(['http://', 'ftp://proxy.example:21', '::not a url', 'http://[::1'])('HTTPS_PROXY=%j: exit 2 naming the variable, never its value, before anything is sent (was exit 70, an internal error)', async (value) => {
    const server = await suite.track(startFaultServer({ ca: suite.ca, fallback: behaviours.json(401, { error: 'invalid_client' }) }));
    const run = await suite.cli.run(args(`https://${PROXIED_HOST}:${portOf(server)}/oauth2/default`), { input: SECRET, env: { HTTPS_PROXY: value } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/HTTPS_PROXY is not a proxy address basic-header can use/);
    expect(run.stderr).not.toContain('internal error');
    if (value.length > 8) expect(run.stderr).not.toContain(value);
    expect(server.requests).toEqual([]);
  });

  it('a proxy that refuses the connection: the report names the server, and one note says it went through the proxy', async () => {
    const closed = await suite.track(startConnectProxy({ anyHost: true }));
    const url = closed.url;
    await closed.close();
    const run = await suite.cli.run(args(`https://${PROXIED_HOST}:443/oauth2/default`), { input: SECRET, env: { HTTPS_PROXY: url } });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/note: the request went through the proxy set in HTTPS_PROXY/);
    // Positive control: without a proxy there is no such note.
    const direct = await suite.cli.run(args('https://127.0.0.1:1/oauth2/default'), { input: SECRET, env: { HTTPS_PROXY: url } });
    expect(direct.code).toBe(3);
    expect(direct.stderr).not.toMatch(/went through the proxy/);
  });
});

describe('proxy addresses as URLs read them (second review, 2026-12-02)', () => {
  it.each([
    ['http:/host:port (one slash: a URL reads it as http://host:port)', (url: string) => url.replace('http://', 'http:/')],
    ['with a path', (url: string) => `${url}/path`],
    ['scheme-less, with a path', (url: string) => `${url.replace(/^http:\/\//, '')}/path`],
    ['with a query and a fragment', (url: string) => `${url}?x=1#frag`],
  ])('HTTPS_PROXY %s: the proxy is used (was exit 70, an internal error)', async (_name, variant) => {
    const server = await proxiedTokenServer();
    const proxy = await suite.track(startConnectProxy({ anyHost: true }));
    const target = `${PROXIED_HOST}:${portOf(server)}`;
    const run = await suite.cli.run(args(`https://${target}/oauth2/default`), { input: SECRET, env: { HTTPS_PROXY: variant(proxy.url) } });
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    expect(proxy.tunnels).toContain(target);
  });
});
