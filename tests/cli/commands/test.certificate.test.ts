/**
 * Issue 14 item 9 in the CLI: on an untrusted certificate, `basic-header test`
 * names what the server presented (subject, issuer, SHA-256), read by a TLS
 * handshake that sends nothing (the server records no request), in the human
 * report and as --json's `certificate`. When a proxy carries the test, no
 * direct handshake is made: it would go around the proxy.
 */
import type { X509Certificate } from 'node:crypto';
import path from 'node:path';
import { connect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { startFaultServer, startUntrustedServer, type FaultServer } from '../../support/fault-servers';
import { createTestCa, issueLeafCert } from '../../support/test-ca';
import { useCliSuite } from '../../support/cli/cli-suite';
import { startConnectProxy } from '../../support/cli/connect-proxy';

const CLIENT_ID = '0oa1certclient0000h7';
const SECRET = 'cli-cert-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHI';
/** Resolves to 127.0.0.1 only in the CLI run with the preload below, and is not loopback by name. */
const PROXIED_HOST = 'okta.proxy.test';
const RESOLVE_PRELOAD = path.resolve('tests/support/cli/resolve-proxy-test.cjs');

const suite = useCliSuite('cert', CLIENT_ID, SECRET);

function args(issuer: string, ...extra: string[]): string[] {
  return ['test', '--client-id', CLIENT_ID, '--issuer', issuer, '--ca-file', suite.caPath, '--scope', 'api:read', ...extra];
}

/** The server's certificate as the test reads it independently, verifying against the server's own CA. */
function servedCertificate(server: FaultServer, servername?: string): Promise<X509Certificate> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), ca: server.ca, ...(servername === undefined ? { checkServerIdentity: () => undefined } : { servername }) }, () => {
      const cert = socket.getPeerX509Certificate();
      socket.destroy();
      if (cert === undefined) reject(new Error('no certificate')); else resolve(cert);
    });
    socket.once('error', reject);
  });
}

describe('an untrusted certificate is named (direct connection)', () => {
  it('human report: subject, issuer and SHA-256 of what the server presented, the CA hint; nothing sent; exit 3', async () => {
    const server = await suite.track(startUntrustedServer());
    const run = await suite.cli.run(args(`${server.origin}/oauth2/default`), { input: SECRET, env: { NO_COLOR: '1' } });
    expect(run.code).toBe(3);
    const served = await servedCertificate(server);
    // A failure is diagnostics: the report goes to stderr.
    expect(run.stderr).toMatch(/Presented:\s+certificate subject CN=localhost; issuer CN=Untrusted test CA/);
    expect(run.stderr).toMatch(new RegExp(`SHA-256:\\s+${served.fingerprint256}`));
    expect(run.stderr).toMatch(/HTTPS-inspection proxy.*--ca-file.*NODE_EXTRA_CA_CERTS/);
    expect(server.requestCount()).toBe(0);
  });

  it('--json: certificate {subject, issuer, sha256}, every existing field kept', async () => {
    const server = await suite.track(startUntrustedServer());
    const run = await suite.cli.run(args(`${server.origin}/oauth2/default`, '--json'), { input: SECRET });
    expect(run.code).toBe(3);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    const served = await servedCertificate(server);
    expect(out).toMatchObject({ ok: false, error: null, failure: 'tls-untrusted', claims: null, signature: 'unchecked' });
    expect(out.certificate).toEqual({ subject: 'CN=localhost', issuer: 'CN=Untrusted test CA', sha256: served.fingerprint256 });
    for (const key of ['status', 'errorDescription', 'explanation', 'rateLimit', 'request', 'authMethod', 'tokenType', 'dpop']) expect(out).toHaveProperty(key);
    expect(server.requestCount()).toBe(0);
  });

  it('--json on a trusted answer: no certificate key, so the documented key set is unchanged', async () => {
    const server = await suite.track(startFaultServer({ ca: suite.ca }));
    const run = await suite.cli.run(args(`${server.origin}/oauth2/default`, '--json'), { input: SECRET });
    expect(JSON.parse(run.stdout) as Record<string, unknown>).not.toHaveProperty('certificate');
  });
});

describe('behind a proxy, no direct handshake', () => {
  async function untrustedProxiedServer(): Promise<FaultServer> {
    const ca = await createTestCa('Untrusted test CA');
    return suite.track(startFaultServer({ ca, cert: await issueLeafCert(ca, { dns: [PROXIED_HOST] }) }));
  }

  it('with HTTPS_PROXY: every connection the server saw came through the proxy, and no certificate is named', async () => {
    const server = await untrustedProxiedServer();
    const proxy = await suite.track(startConnectProxy({ anyHost: true }));
    const issuer = `https://${PROXIED_HOST}:${new URL(server.origin).port}/oauth2/default`;
    const env = { HTTPS_PROXY: proxy.url, NODE_OPTIONS: `--require ${RESOLVE_PRELOAD}` };
    const run = await suite.cli.run(args(issuer, '--json'), { input: SECRET, env });
    expect(run.code).toBe(3);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ error: null, failure: 'tls-untrusted' });
    expect(out).not.toHaveProperty('certificate');
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(server.connectionCount()).toBe(proxy.tunnels.length);
    expect(server.requestCount()).toBe(0);
  });

  it('positive control: the same name without the proxy (NO_PROXY) is read directly and named', async () => {
    const server = await untrustedProxiedServer();
    const proxy = await suite.track(startConnectProxy({ anyHost: true }));
    const issuer = `https://${PROXIED_HOST}:${new URL(server.origin).port}/oauth2/default`;
    const env = { HTTPS_PROXY: proxy.url, NO_PROXY: PROXIED_HOST, NODE_OPTIONS: `--require ${RESOLVE_PRELOAD}` };
    const run = await suite.cli.run(args(issuer, '--json'), { input: SECRET, env });
    expect(run.code).toBe(3);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    const served = await servedCertificate(server, PROXIED_HOST);
    expect(out).toMatchObject({ error: null, failure: 'tls-untrusted', certificate: { subject: `CN=${PROXIED_HOST}`, sha256: served.fingerprint256 } });
    expect(proxy.tunnels).toEqual([]);
    expect(server.connectionCount()).toBeGreaterThan(0);
    expect(server.requestCount()).toBe(0);
  });
});
