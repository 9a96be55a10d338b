/**
 * `basic-header test` against misbehaving servers (tests/support/fault-servers):
 * each fault ends with its exit code (1 for a rejection, 3 for no usable
 * answer), promptly, with one --json object, and never with the secret.
 */
import { describe, expect, it } from 'vitest';
import {
  behaviours,
  refusedPort,
  startFaultServer,
  startHostnameMismatchServer,
  startUntrustedServer,
  type FaultServer,
  type FaultServerOptions,
} from '../../support/fault-servers';
import { OKTA_ERROR_FIXTURES, RATE_LIMIT_FIXTURE, RATE_LIMIT_RESET_EPOCH_S, UNKNOWN_ERROR_FIXTURE } from '../../support/okta-fixtures';
import { findFragments, secretForms } from '../../support/fragment-scanner';
import type { CliRun } from '../../support/cli/cli-process';
import { useCliSuite } from '../../support/cli/cli-suite';

const CLIENT_ID = '0oa1faultclient000h7';
const SECRET = 'cli-fault-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH';
const TOKEN_PATH = '/oauth2/default/v1/token';

const suite = useCliSuite('fault', CLIENT_ID, SECRET);


async function serve(options: Omit<FaultServerOptions, 'ca'>): Promise<FaultServer> {
  return suite.track(startFaultServer({ ca: suite.ca, ...options }));
}

function testArgs(origin: string, ...extra: string[]): string[] {
  return ['test', '--client-id', CLIENT_ID, '--issuer', `${origin}/oauth2/default`, '--ca-file', suite.caPath, '--scope', 'api:read', ...extra];
}

function parse(run: CliRun): Record<string, unknown> {
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

async function expectNoAnswer(origin: string, code: string, extra: string[] = []): Promise<Record<string, unknown>> {
  const run = await suite.cli.run(testArgs(origin, '--json', ...extra), { input: SECRET });
  expect(run.code).toBe(3);
  const out = parse(run);
  // `error` is the server's OAuth/Okta code, which none of these answers carries; the failure is named in `failure`.
  expect(out).toMatchObject({ ok: false, error: null, failure: code, claims: null, signature: 'unchecked' });
  expect(String(out.errorDescription)).toContain(new URL(origin).host);
  // One clear line on stderr for the failure, never a stack trace.
  expect(run.stderr.split('\n').filter((l) => l.startsWith('basic-header:'))).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return out;
}

describe('no usable answer: exit 3', () => {
  it('an untrusted certificate (another CA): nothing reaches the server', async () => {
    const server = await suite.track(startUntrustedServer());
    await expectNoAnswer(server.origin, 'tls-untrusted');
    expect(server.requestCount()).toBe(0);
  });

  it('a certificate for another host name', async () => {
    const server = await suite.track(startHostnameMismatchServer(suite.ca));
    await expectNoAnswer(server.origin, 'tls-hostname-mismatch');
    expect(server.requestCount()).toBe(0);
  });

  it('a refused port', async () => {
    const port = await refusedPort();
    const out = await expectNoAnswer(`https://127.0.0.1:${port}`, 'refused');
    expect(out.status).toBeNull();
  });

  it('a server that never answers, with --timeout 1: ends in about a second', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.hang() } });
    const started = Date.now();
    await expectNoAnswer(server.origin, 'timeout', ['--timeout', '1']);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('Ctrl+C (SIGINT) during a hung request cancels promptly: exit 130', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.hang() } });
    const started = Date.now();
    const run = await suite.cli.run(testArgs(server.origin, '--timeout', '30'), { input: SECRET, signal: { name: 'SIGINT', afterMs: 1500 } });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Cancelled');
    expect(Date.now() - started).toBeLessThan(10_000);
    // The request went out: the report says so.
    expect(run.stderr).toContain(`Cancelled before ${server.origin.replace('https://', '')} answered.`);
    expect(run.stderr).toMatch(/\n\s+Sent:\s+POST /);
  });

  it('Ctrl+C while discovery hangs: the token request was never sent, and the report says so in both modes', async () => {
    const server = await serve({ fallback: behaviours.hang() });
    const host = server.origin.replace('https://', '');
    const human = await suite.cli.run(testArgs(server.origin, '--timeout', '30', '--debug'), { input: SECRET, signal: { name: 'SIGINT', afterMs: 1500 } });
    expect(human.code).toBe(130);
    expect(human.stderr).toContain(`Cancelled before the token request to ${host} was sent.`);
    expect(human.stderr).toMatch(/\n\s+Not sent:\s+POST .*the test stopped before the token request/);
    expect(human.stderr).not.toMatch(/\n\s+Sent:/);
    expect(human.stderr).toContain('debug: request not sent (the test stopped before it) (secret masked)');
    expect(human.stderr).not.toContain('debug: request sent');
    const asJson = await suite.cli.run(testArgs(server.origin, '--timeout', '30', '--json'), { input: SECRET, signal: { name: 'SIGINT', afterMs: 1500 } });
    expect(asJson.code).toBe(130);
    expect(parse(asJson)).toMatchObject({ status: null, error: null, failure: 'cancelled', errorDescription: `Cancelled before the token request to ${host} was sent.` });
    expect(server.requests.some((r) => r.path.startsWith(TOKEN_PATH))).toBe(false);
  });

  it('a 5xx HTML page', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.html(503) } });
    const out = await expectNoAnswer(server.origin, 'server-error');
    expect(out.status).toBe(503);
  });

  it("a 503 with a JSON OAuth error: exit 3, error is the server's code and failure says server-error", async () => {
    const body = { error: 'temporarily_unavailable', error_description: 'The service is down for maintenance.' };
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.json(503, body) } });
    const run = await suite.cli.run(testArgs(server.origin, '--json'), { input: SECRET });
    expect(run.code).toBe(3);
    expect(parse(run)).toMatchObject({ ok: false, status: 503, error: 'temporarily_unavailable', failure: 'server-error' });
    expect(run.stderr.split('\n').filter((l) => l.startsWith('basic-header:'))).toHaveLength(1);
  });

  it('a 200 HTML page (captive portal): not JSON', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.html(200, '<html><body>Sign in</body></html>') } });
    await expectNoAnswer(server.origin, 'not-json');
  });

  it('a huge body', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.huge(4 * 1024 * 1024) } });
    await expectNoAnswer(server.origin, 'body-too-large');
  });

  it('a redirect, never followed', async () => {
    const other = await serve({ fallback: behaviours.json(200, { access_token: 'stolen', token_type: 'Bearer' }) });
    const server = await serve({ fallback: behaviours.redirect(`${other.origin}/collect`, 307) });
    await expectNoAnswer(server.origin, 'redirect');
    expect(other.requestCount()).toBe(0);
  });

  it('the human report names the fault, explains it and suggests a fix, on stderr', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.html(502) } });
    const run = await suite.cli.run(testArgs(server.origin), { input: SECRET });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No usable answer');
    expect(run.stderr).toMatch(/Why:/);
    expect(run.stderr).toMatch(/Fix:/);
  });
});

describe('Okta rejections: exit 1, Okta\'s words verbatim with the matching explanation', () => {
  it.each([...OKTA_ERROR_FIXTURES, UNKNOWN_ERROR_FIXTURE].map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.json(fixture.status, fixture.body, fixture.headers) } });
    const run = await suite.cli.run(testArgs(server.origin, '--json'), { input: SECRET });
    expect(run.code).toBe(1);
    const out = parse(run);
    expect(out).toMatchObject({ ok: false, status: fixture.status, error: fixture.error, failure: null });
    if (fixture.description !== null) expect(String(out.errorDescription)).toContain(fixture.description);
    expect((out.explanation as { id: string }).id).toBe(fixture.explanationId);
  });

  it('429 with X-Rate-Limit-*: exit 1 and the rate limit, in JSON and in words', async () => {
    const f = RATE_LIMIT_FIXTURE;
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.json(f.status, f.body, f.headers) } });
    const json = await suite.cli.run(testArgs(server.origin, '--json'), { input: SECRET });
    expect(json.code).toBe(1);
    expect(parse(json)).toMatchObject({
      status: 429,
      error: 'E0000047',
      rateLimit: { limit: 600, remaining: 0, resetEpochSeconds: RATE_LIMIT_RESET_EPOCH_S },
    });
    const human = await suite.cli.run(testArgs(server.origin), { input: SECRET });
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/Rate limit:\s+0 of 600 requests left, resets at 2030-01-01T00:00:00Z/);
  });
});

describe('echoes of the credentials (issue 11, items 1 and 2): no piece in stdout or stderr, in either mode', () => {
  const echoes: readonly [string, (auth: string) => { status: number; text: string }][] = [
    ['a 429 text body of 900 x and the header (cut inside the echo)', (auth) => ({ status: 429, text: `${'x'.repeat(900)} ${auth}` })],
    ['a 400 with non-Okta JSON holding the header URL-encoded', (auth) => ({ status: 400, text: JSON.stringify({ message: encodeURIComponent(auth).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()) }) })],
    ['a 401 Okta error with the value split and URL-safe', (auth) => {
      const value = auth.replace(/^Basic /, '').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      return { status: 401, text: JSON.stringify({ error: 'invalid_client', error_description: `${value.slice(0, 30)} ... ${value.slice(30)}` }) };
    }],
    ['a 401 Okta error with the credentials (client_id:secret) as upper-case hex', (auth) => {
      const hex = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('hex').toUpperCase();
      return { status: 401, text: JSON.stringify({ error: 'invalid_client', error_description: `credentials ${hex}` }) };
    }],
    ['a 401 Okta error with the credentials (client_id:secret) as a colon-separated hex dump', (auth) => {
      const dump = (Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('hex').match(/../g) ?? []).join(':');
      return { status: 401, text: JSON.stringify({ error: 'invalid_client', error_description: `credentials ${dump}` }) };
    }],
  ];
  it.each(echoes)('%s', async (_name, answer) => {
    let echoed = '';
    const server = await serve({
      routes: {
        [TOKEN_PATH]: (req) => {
          echoed = String(req.headers.authorization);
          const { status, text } = answer(echoed);
          return { kind: 'text', status, body: text, contentType: text.startsWith('{') ? 'application/json' : 'text/plain' };
        },
      },
    });
    const forms = secretForms(CLIENT_ID, SECRET);
    for (const extra of [['--json'], [], ['--debug']]) {
      const run = await suite.cli.run(testArgs(server.origin, ...extra), { input: SECRET });
      expect(run.code).toBe(1);
      expect(findFragments(answer(echoed).text, forms)).not.toEqual([]);
      expect(findFragments(`${run.stdout}\n${run.stderr}`, forms)).toEqual([]);
    }
  });
});
