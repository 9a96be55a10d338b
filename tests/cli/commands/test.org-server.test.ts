/**
 * `basic-header test --auth-server org` and the org server's one rule for
 * client credentials (private_key_jwt only), as the built CLI runs it against a
 * server that keeps the rule as Okta does: README's recommended setup
 * (private_key_jwt, Okta API scope, DPoP) gets no warning telling it to change
 * anything, and each secret method gets exactly one warning, before Okta's own
 * refusal is explained.
 */
import { calculateJwkThumbprint, decodeProtectedHeader, type JWK } from 'jose';
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { behaviours, startFaultServer, type FaultServer, type RecordedRequest, type RouteBehaviour } from '../../support/fault-servers';
import { tempFile, type CliRun } from '../../support/cli/cli-process';
import { useCliSuite } from '../../support/cli/cli-suite';
import { keyNeedles, keyText, makeRsaKey } from '../../support/key-files';

const CLIENT_ID = '0oa1orgclient0000h7';
const SECRET = 'org-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL';
const KEY = makeRsaKey();

const suite = useCliSuite('org', CLIENT_ID, SECRET);

/** The algorithm of the request's client assertion, if it sent one. */
function assertionAlg(request: RecordedRequest): string | null {
  const assertion = new URLSearchParams(request.body).get('client_assertion');
  if (assertion === null) return null;
  const header = JSON.parse(Buffer.from(assertion.split('.')[0] ?? '', 'base64url').toString('utf8')) as { alg?: unknown };
  return typeof header.alg === 'string' ? header.alg : null;
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Okta's org server: a token for private_key_jwt (an RS/ES assertion), bound to the DPoP key when a proof came
 * (an org token's signature is never checked, so an unsigned one does), and Okta's own refusal for anything else.
 */
async function orgToken(request: RecordedRequest): Promise<RouteBehaviour> {
  const alg = assertionAlg(request);
  if (alg !== null && /^(RS|ES)/.test(alg)) {
    const proof = request.headers.dpop;
    const jkt = typeof proof === 'string' ? await calculateJwkThumbprint(decodeProtectedHeader(proof).jwk as JWK) : null;
    const claims = { iss: 'https://org.example', sub: CLIENT_ID, scp: ['okta.users.read'], exp: Math.floor(Date.now() / 1000) + 3600, ...(jkt === null ? {} : { cnf: { jkt } }) };
    const token = `${b64({ alg: 'RS256', kid: 'org-key' })}.${b64(claims)}.${Buffer.from('not checked').toString('base64url')}`;
    return behaviours.json(200, { token_type: jkt === null ? 'Bearer' : 'DPoP', expires_in: 3600, access_token: token, scope: 'okta.users.read' });
  }
  return behaviours.json(401, {
    error: 'invalid_client',
    error_description: 'Client Credentials requests to the Org Authorization Server must use the private_key_jwt token_endpoint_auth_method.',
  });
}

async function orgServer(): Promise<FaultServer> {
  return suite.track(startFaultServer({ ca: suite.ca, routes: { '/oauth2/v1/token': orgToken } }));
}

function orgArgs(server: FaultServer, ...extra: string[]): string[] {
  return ['test', '--client-id', CLIENT_ID, '--domain', new URL(server.origin).host, '--auth-server', 'org', '--scope', 'okta.users.read', '--ca-file', suite.caPath, ...extra];
}

/** Lines about the org server's client-authentication rule, whatever their code. */
function orgServerWarnings(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => /org authorization server|\[org-server-/i.test(line) && line.startsWith('warning:'));
}

describe('the org authorization server', () => {
  it('README\'s setup (private_key_jwt, okta.users.read, --dpop): a token, and no warning to switch servers or methods', async () => {
    const server = await orgServer();
    const key = tempFile('okta-key.json', keyText(KEY, 'jwk', 'org-key-1'));
    suite.cli.protect(...keyNeedles(KEY));
    try {
      const run = await suite.cli.run(orgArgs(server, '--auth-method', 'private_key_jwt', '--private-key', key.path, '--dpop'));
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/DPoP:\s+.*; bound: cnf\.jkt = \S+/);
      // Nothing at all on stderr: no warning to switch servers (or anything else).
      expect(run.stderr).toBe('');
    } finally {
      key.remove();
    }
  });

  it.each(['client_secret_basic', 'client_secret_post', 'client_secret_jwt'])('%s: exactly one warning, naming the method, then Okta\'s refusal explained', async (method) => {
    const server = await orgServer();
    const run = await suite.cli.run(orgArgs(server, '--auth-method', method), { input: SECRET });
    expect(run.code).toBe(1);
    const warnings = orgServerWarnings(run);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`so ${method} will be refused\\. Use private_key_jwt .*\\[org-server-needs-private-key-jwt\\]$`));
    expect(run.stderr).not.toContain('[org-server-secret]');
    expect(run.stderr).toContain('invalid_client');
  });
});
