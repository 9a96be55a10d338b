/**
 * runTokenTest against misbehaving servers, over real sockets: each fault must
 * end in its own report (no throw, no hang), name the host, and never carry the
 * secret.
 */
import { describe, expect, it } from 'vitest';
import { createDiscoveryCache, findSecretLeaks, prepareTokenTest, runTokenTest, tokenRequestSent } from '../../../core/okta';
import type { FetchLike, TokenTestInput, TokenTestReport } from '../../../core/okta/types';
import {
  behaviours,
  oktaMetadata,
  refusedPort,
  startExpiredCertServer,
  startFaultServer,
  startHostnameMismatchServer,
  startUntrustedServer,
  type FaultServer,
  type FaultServerOptions,
} from '../../support/fault-servers';
import { presentedCertificate } from '../../../cli/presented-certificate';
import { findFragments, secretForms } from '../../support/fragment-scanner';
import { countingFetch } from '../../support/node-fetch';
import { useTlsSuite } from '../../support/tls-suite';
import { basicTestInput } from '../../support/token-inputs';

const CLIENT_ID = '0oa1faultclient000h7';
const SECRET = 'fault-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';
const TOKEN_PATH = '/oauth2/default/v1/token';

const suite = useTlsSuite();

/** The Basic value of an Authorization header decoded, as hex: `client_id:secret` byte by byte. */
const decodedHex = (auth: string): string => Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('hex');
/** Hex digits as a dump shows them: each byte marked by `mark`, joined by `separator`. */
const dumped = (hex: string, mark: (byte: string) => string, separator: string): string => (hex.match(/../g) ?? []).map(mark).join(separator);

async function serve(options: Omit<FaultServerOptions, 'ca'>): Promise<FaultServer> {
  return suite.track(startFaultServer({ ca: suite.ca, ...options }));
}

function input(target: string, patch: Partial<TokenTestInput> = {}): TokenTestInput {
  return basicTestInput({ target, clientId: CLIENT_ID, clientSecret: SECRET, timeoutMs: 5000, ...patch });
}

async function run(testInput: TokenTestInput, maxBodyBytes?: number): Promise<TokenTestReport> {
  const report = await runTokenTest(testInput, { fetch: suite.fetch, ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }) });
  // Every report, whatever the fault, is free of the secret and the Basic value.
  const prepared = prepareTokenTest(testInput);
  if (prepared.ok) expect(findSecretLeaks(report, prepared.value.secretNeedles, ['token.accessToken'])).toEqual([]);
  return report;
}

function expectNoAnswer(report: TokenTestReport, code: string, host: string): void {
  expect(report.outcome).toBe('no-answer');
  expect(report.ok).toBe(false);
  expect(report.error).toBe(code);
  expect(report.errorDescription).toContain(host);
  expect(report.explanation?.id).toBe(code);
  expect(report.token).toBeNull();
}

describe('connection faults', () => {
  it('connection refused', async () => {
    const port = await refusedPort();
    const report = await run(input(`https://127.0.0.1:${port}`));
    expectNoAnswer(report, 'refused', `127.0.0.1:${port}`);
    expect(report.status).toBeNull();
    // Discovery failed, so this is the request it would have sent: recorded as no attempt, never called sent.
    expect(report.request?.url).toBe(`https://127.0.0.1:${port}/oauth2/default/v1/token`);
    expect(tokenRequestSent(report)).toBe(false);
  });

  it('DNS failure (.invalid never resolves)', async () => {
    const report = await run(input('https://basic-header-test.invalid'));
    expectNoAnswer(report, 'dns', 'basic-header-test.invalid');
  });

  it('untrusted certificate (another CA): nothing reaches the server', async () => {
    const server = await suite.track(startUntrustedServer());
    const report = await run(input(server.origin));
    expectNoAnswer(report, 'tls-untrusted', server.origin.replace('https://', ''));
    expect(server.requestCount()).toBe(0);
  });

  it('untrusted certificate: the shell is asked what was presented, and the report names it', async () => {
    const server = await suite.track(startUntrustedServer());
    const asked: string[] = [];
    const report = await runTokenTest(input(server.origin), {
      fetch: suite.fetch,
      presentedCertificate: async (url, signal) => {
        asked.push(url);
        expect(signal.aborted).toBe(false);
        return presentedCertificate(url, signal);
      },
    });
    expectNoAnswer(report, 'tls-untrusted', server.origin.replace('https://', ''));
    expect(asked).toHaveLength(1);
    expect(report.certificate?.issuer).toContain('CN=Untrusted test CA');
    expect(report.certificate?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(server.requestCount()).toBe(0);
  });

  it('positive control: other failures do not ask for a certificate', async () => {
    const port = await refusedPort();
    let asked = 0;
    const report = await runTokenTest(input(`https://127.0.0.1:${port}`), {
      fetch: suite.fetch,
      presentedCertificate: async () => {
        asked += 1;
        return null;
      },
    });
    expect(report.error).toBe('refused');
    expect(asked).toBe(0);
    expect(report.certificate).toBeUndefined();
  });

  it('hostname mismatch (trusted CA, certificate for another name)', async () => {
    const server = await suite.track(startHostnameMismatchServer(suite.ca));
    const report = await run(input(server.origin));
    expectNoAnswer(report, 'tls-hostname-mismatch', server.origin.replace('https://', ''));
    expect(server.requestCount()).toBe(0);
  });

  it('expired certificate', async () => {
    const server = await suite.track(startExpiredCertServer(suite.ca));
    const report = await run(input(server.origin));
    expectNoAnswer(report, 'tls-expired', server.origin.replace('https://', ''));
  });

  it('a server that never answers the token request: timeout', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.hang() } });
    const started = Date.now();
    const report = await run(input(server.origin, { timeoutMs: 600 }));
    expectNoAnswer(report, 'timeout', server.origin.replace('https://', ''));
    expect(report.errorDescription).toContain('0.6 seconds');
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(report.discovery?.source).toBe('fallback');
  });

  it('a server that never answers at all: one timeout, not one per metadata URL', async () => {
    const server = await serve({ fallback: behaviours.hang() });
    const started = Date.now();
    const report = await run(input(server.origin, { timeoutMs: 500 }));
    expectNoAnswer(report, 'timeout', server.origin.replace('https://', ''));
    expect(server.requestCount()).toBe(1);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a dropped connection', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.reset() } });
    expectNoAnswer(await run(input(server.origin)), 'reset', server.origin.replace('https://', ''));
  });

  it('cancel during a hung request ends as cancelled, promptly', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.hang() } });
    const controller = new AbortController();
    const started = Date.now();
    const pending = runTokenTest(input(server.origin, { timeoutMs: 10_000 }), { fetch: suite.fetch }, controller.signal);
    setTimeout(() => controller.abort(), 300);
    const report = await pending;
    expect(report.outcome).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('cancel while discovery hangs: the token request was never sent, and the report says so', async () => {
    const server = await serve({ fallback: behaviours.hang() });
    const controller = new AbortController();
    const pending = runTokenTest(input(server.origin, { timeoutMs: 10_000 }), { fetch: suite.fetch }, controller.signal);
    setTimeout(() => controller.abort(), 300);
    const report = await pending;
    expect(report.outcome).toBe('cancelled');
    expect(report.errorDescription).toBe(`Cancelled before the token request to ${server.origin.replace('https://', '')} was sent.`);
    expect(report.attempts).toEqual([]);
    expect(tokenRequestSent(report)).toBe(false);
    // What it would have sent, as for any test that stops before the POST.
    expect(report.request?.url).toBe(`${server.origin}${TOKEN_PATH}`);
    expect(server.requests.some((r) => r.path === TOKEN_PATH)).toBe(false);
  });
});

describe('unusable answers', () => {
  it('a 5xx HTML page: server error', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.html(503) } });
    const report = await run(input(server.origin));
    expectNoAnswer(report, 'server-error', server.origin.replace('https://', ''));
    expect(report.status).toBe(503);
    expect(report.errorDescription).toContain('503');
    expect(report.serverErrorCode).toBeNull();
  });

  it("a 5xx with a JSON OAuth error: still a server error, and the server's code is kept beside it", async () => {
    const body = { error: 'temporarily_unavailable', error_description: 'The service is down for maintenance.' };
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.json(503, body) } });
    const report = await run(input(server.origin));
    expectNoAnswer(report, 'server-error', server.origin.replace('https://', ''));
    expect(report.serverErrorCode).toBe('temporarily_unavailable');
    expect(report.errorDescription).toContain('Okta said: "The service is down for maintenance."');
    // An Okta-shaped 5xx body: its errorCode.
    const okta = await serve({ routes: { [TOKEN_PATH]: behaviours.json(500, { errorCode: 'E0000009', errorSummary: 'Internal Server Error' }) } });
    expect(await run(input(okta.origin))).toMatchObject({ outcome: 'no-answer', error: 'server-error', serverErrorCode: 'E0000009' });
  });

  it('a 200 HTML page (a login page or captive portal): not JSON', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.html(200, '<html><body>Sign in</body></html>') } });
    const report = await run(input(server.origin));
    expectNoAnswer(report, 'not-json', server.origin.replace('https://', ''));
    expect(report.status).toBe(200);
  });

  it('a body over the cap, streamed without Content-Length: body too large', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.huge(4 * 1024 * 1024) } });
    const report = await run(input(server.origin), 64 * 1024);
    expectNoAnswer(report, 'body-too-large', server.origin.replace('https://', ''));
    expect(report.errorDescription).toContain('64 KiB');
  });

  it('a body over the default 256 KiB cap, with Content-Length declared', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.huge(300 * 1024, true) } });
    expectNoAnswer(await run(input(server.origin)), 'body-too-large', server.origin.replace('https://', ''));
  });

  it('JSON without a token or an error: unexpected response', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.json(200, { hello: 'world' }) } });
    expectNoAnswer(await run(input(server.origin)), 'unexpected-response', server.origin.replace('https://', ''));
  });
});

describe('redirects are never followed', () => {
  it('a redirect to another host is reported, and the other host receives nothing', async () => {
    const other = await serve({ fallback: behaviours.json(200, { access_token: 'stolen', token_type: 'Bearer' }) });
    const server = await serve({ fallback: behaviours.redirect(`${other.origin}/collect`, 307) });
    const report = await run(input(server.origin));
    expectNoAnswer(report, 'redirect', server.origin.replace('https://', ''));
    expect(report.status).toBe(307);
    expect(report.errorDescription).toContain(other.origin);
    expect(report.discovery?.source).toBe('fallback');
    expect(report.discovery?.note).toMatch(/redirected/);
    expect(server.requests.some((r) => r.method === 'POST')).toBe(true);
    expect(other.requestCount()).toBe(0);
  });

  it('a token endpoint on another host in the metadata is not used', async () => {
    const other = await serve({ fallback: behaviours.json(200, { access_token: 'stolen', token_type: 'Bearer' }) });
    const server = await serve({
      routes: {
        '/oauth2/default/.well-known/oauth-authorization-server': (req) =>
          behaviours.json(200, oktaMetadata(`https://${String(req.headers.host)}`, 'default', { token_endpoint: `${other.origin}${TOKEN_PATH}` })),
        [TOKEN_PATH]: behaviours.json(401, { error: 'invalid_client', error_description: 'Client authentication failed. Either the client or the client credentials are invalid.' }),
      },
    });
    const report = await run(input(server.origin));
    expect(report.discovery?.source).toBe('discovered');
    expect(report.discovery?.tokenEndpoint).toBe(`${server.origin}${TOKEN_PATH}`);
    expect(report.notices.map((n) => n.code)).toContain('token-endpoint-other-host');
    expect(report.outcome).toBe('rejected');
    expect(other.requestCount()).toBe(0);
  });
});

describe('what is sent', () => {
  it('Basic: one Authorization header, no credentials in the body, JSON accepted, no Origin or cookie', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.json(400, { error: 'invalid_scope', error_description: 'x' }) } });
    await run(input(server.origin));
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.headers.authorization).toMatch(/^Basic [A-Za-z0-9+/]+=*$/);
    expect(post?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(post?.headers.accept).toBe('application/json');
    expect(post?.headers.origin).toBeUndefined();
    expect(post?.headers.cookie).toBeUndefined();
    const form = new URLSearchParams(post?.body);
    expect([...form.keys()].sort()).toEqual(['grant_type', 'scope']);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(server.requests.filter((r) => r.method === 'GET').every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('post: credentials in the body only', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.json(400, { error: 'invalid_scope', error_description: 'x' }) } });
    await run(input(server.origin, { authMethod: 'client_secret_post' }));
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.headers.authorization).toBeUndefined();
    const form = new URLSearchParams(post?.body);
    expect(form.get('client_id')).toBe(CLIENT_ID);
    expect(form.get('client_secret')).toBe(SECRET);
  });
});

describe('policy checks before traffic', () => {
  it('plain HTTP to a remote host: refused, and fetch is never called', async () => {
    const spy = countingFetch();
    const report = await runTokenTest(input('http://dev-123.okta.com'), { fetch: spy });
    expect(report.outcome).toBe('invalid-input');
    expect(report.error).toBe('insecure-http');
    expect(report.request).toBeNull();
    expect(spy.calls).toHaveLength(0);
  });

  it('invalid input (empty secret): no traffic', async () => {
    const spy = countingFetch();
    const report = await runTokenTest(input('dev-123.okta.com', { clientSecret: '' }), { fetch: spy });
    expect(report.outcome).toBe('invalid-input');
    expect(report.error).toBe('empty-client-secret');
    expect(spy.calls).toHaveLength(0);
  });

  it('plain HTTP to loopback is allowed, with a visible warning', async () => {
    const server = await serve({
      plainHttp: true,
      routes: { [TOKEN_PATH]: behaviours.json(401, { error: 'invalid_client', error_description: 'The client secret supplied for a confidential client is invalid.' }) },
    });
    const report = await run(input(server.origin));
    expect(report.outcome).toBe('rejected');
    expect(report.explanation?.id).toBe('wrong-secret');
    expect(report.notices.find((n) => n.code === 'insecure-loopback')?.severity).toBe('warning');
    expect(server.requests.some((r) => r.method === 'POST')).toBe(true);
  });

  it('every fetch call asks for no redirects, no cookies and no cache', async () => {
    const server = await serve({ routes: { [TOKEN_PATH]: behaviours.json(400, { error: 'invalid_scope', error_description: 'x' }) } });
    const spy = countingFetch(suite.fetch);
    await runTokenTest(input(server.origin), { fetch: spy });
    expect(spy.calls.length).toBeGreaterThan(1);
    for (const call of spy.calls) {
      expect(call.init).toMatchObject({ redirect: 'manual', credentials: 'omit', cache: 'no-store' });
      expect(call.init.signal).toBeInstanceOf(AbortSignal);
      expect(Object.keys(call.init.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('origin');
    }
  });
});

describe('secret guard', () => {
  it('a server echoing the secret and the Basic value gets them masked in the report', async () => {
    let echoed = '';
    const server = await serve({
      routes: {
        [TOKEN_PATH]: (req) => {
          const basic = String(req.headers.authorization).replace(/^Basic /, '');
          const secret = Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':');
          echoed = `Bad credentials ${secret} from header ${basic}`;
          return behaviours.json(401, { error: 'weird_error', error_description: echoed });
        },
      },
    });
    const report = await run(input(server.origin));
    // Positive control: the server really did put both in its answer.
    expect(echoed).toContain(SECRET);
    expect(report.outcome).toBe('rejected');
    // The leading characters that encode only the client ID may stay, as in the masked display; the rest is masked.
    const idPart = Buffer.from(`${CLIENT_ID}:`).toString('base64').slice(0, Math.floor((4 * (CLIENT_ID.length + 1)) / 3));
    expect(report.errorDescription).toBe(`Bad credentials •••••• from header ${idPart}••••••`);
    expect(report.explanation?.id).toBe('unknown');
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });

  // Issue 11, item 1: the cut used to come before the mask, so an echo straddling character 1,000 survived.
  it.each([
    ['a 429 with a text body', (auth: string) => ({ kind: 'text' as const, status: 429, body: `${'x'.repeat(900)} ${auth}` })],
    ['a 400 whose JSON is not an Okta shape', (auth: string) => behaviours.json(400, { message: `${'x'.repeat(900)} ${auth}` })],
    ['a 429 cut just inside the value, more text after it', (auth: string) => ({ kind: 'text' as const, status: 429, body: `${'y'.repeat(989)}${auth} ${'z'.repeat(500)}` })],
    ['a 429 cut inside the credentials echoed as hex', (auth: string) => ({ kind: 'text' as const, status: 429, body: `${'y'.repeat(930)} ${decodedHex(auth)} ${'z'.repeat(500)}` })],
    ['a 429 cut inside the credentials dumped as \\x bytes', (auth: string) => ({ kind: 'text' as const, status: 429, body: `${'y'.repeat(800)} ${dumped(decodedHex(auth), (b) => `\\x${b}`, '')} ${'z'.repeat(500)}` })],
  ])('mask first, then cut: %s keeps no piece of the secret', async (_name, answer) => {
    let echoed = '';
    const server = await serve({
      routes: {
        [TOKEN_PATH]: (req) => {
          echoed = String(req.headers.authorization);
          return answer(echoed);
        },
      },
    });
    const report = await run(input(server.origin));
    expect(report.outcome).toBe('rejected');
    // Positive control: the echo really was there, and the scanner finds it in what the server sent.
    expect(findFragments(echoed, secretForms(CLIENT_ID, SECRET))).not.toEqual([]);
    expect(findFragments(JSON.stringify(report), secretForms(CLIENT_ID, SECRET))).toEqual([]);
  });

  // Issue 11, item 2: transformed echoes came back readable.
  const transforms: readonly [string, (auth: string, secret: string) => string][] = [
    ['the header URL-encoded, lower-case hex', (auth) => encodeURIComponent(auth).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['the value without padding', (auth) => auth.replace(/=+$/, '')],
    ['the value in the URL-safe alphabet', (auth) => auth.replace(/\+/g, '-').replace(/\//g, '_')],
    ['the value split in two', (auth) => `${auth.slice(0, 40)} and then ${auth.slice(40)}`],
    ['Base64 of the secret alone', (_auth, secret) => Buffer.from(secret).toString('base64')],
    ['the secret form-encoded', (_auth, secret) => new URLSearchParams({ s: secret }).toString()],
    ['JSON with \\/ escapes, shown raw', (auth) => JSON.stringify({ a: auth }).replace(/\//g, '\\/')],
    ['HTML entities', (auth) => auth.replace(/[A-Za-z]/g, (c) => `&#${c.charCodeAt(0)};`)],
    ['the decoded credentials (client_id:secret) as upper-case hex', (auth) => decodedHex(auth).toUpperCase()],
    ['the decoded credentials as a colon-separated hex dump', (auth) => dumped(decodedHex(auth), (b) => b, ':')],
    ['the header as it arrived, hex-dumped (a capture of the request)', (auth) => Buffer.from(`Authorization: ${auth}`).toString('hex')],
    ['the secret as upper-case 0x bytes, comma-separated', (_auth, secret) => dumped(Buffer.from(secret).toString('hex').toUpperCase(), (b) => `0x${b}`, ', ')],
    ['the secret as mixed-case hex, split in two', (_auth, secret) => {
      const hex = Buffer.from(secret).toString('hex').replace(/[a-f]/g, (c, i: number) => (i % 2 === 0 ? c.toUpperCase() : c));
      return `${hex.slice(0, 40)} and then ${hex.slice(40)}`;
    }],
  ];
  it.each(transforms)('an echo of %s is masked in errorDescription', async (_name, transform) => {
    const secret = `${SECRET}+/~%é`;
    let echoed = '';
    const server = await serve({
      routes: {
        [TOKEN_PATH]: (req) => {
          echoed = transform(String(req.headers.authorization), secret);
          return behaviours.json(401, { error: 'invalid_client', error_description: `echo: ${echoed}` });
        },
      },
    });
    const report = await run(input(server.origin, { clientSecret: secret }));
    expect(findFragments(echoed, secretForms(CLIENT_ID, secret))).not.toEqual([]);
    expect(report.errorDescription).toContain('echo: ');
    expect(findFragments(JSON.stringify(report), secretForms(CLIENT_ID, secret))).toEqual([]);
  });
});

/**
 * Checks a mutation review (2026-12-02, evening) found no test for: with each
 * line of code removed, the whole suite still passed. Each fetch here is a
 * stand-in shaped to reach that one line.
 */
describe('guards a mutation review found untested', () => {
  const ORIGIN = 'https://dev-123.okta.com';
  const metadata = (): Response => Response.json(oktaMetadata(ORIGIN));
  const offline = (token: (url: string, init: RequestInit) => Promise<Response>): FetchLike => (url, init) =>
    url.includes('/.well-known/') ? Promise.resolve(metadata()) : token(url, init);

  it('a proof signed for the nonce retry joins the masked values: its echo is masked when the redactor was built during the first wait', async () => {
    let attempts = 0;
    let secondProof = '';
    const fetch = offline(async (_url, init) => {
      // Slow enough that the first attempt's wait builds the redactor before the second proof exists.
      await new Promise((resolve) => setTimeout(resolve, 50));
      attempts += 1;
      if (attempts === 1) return Response.json({ error: 'use_dpop_nonce' }, { status: 400, headers: { 'DPoP-Nonce': 'nonce-1' } });
      secondProof = String((init.headers as Record<string, string>).DPoP);
      return Response.json({ error: 'invalid_dpop_proof', error_description: `bad proof ${secondProof}` }, { status: 400 });
    });
    const report = await runTokenTest(input(ORIGIN, { dpop: true }), { fetch });
    expect(attempts).toBe(2);
    const signature = secondProof.split('.')[2] ?? '';
    // Positive control: the answer really held the second proof.
    expect(signature.length).toBeGreaterThan(40);
    expect(report.dpop?.nonceRetried).toBe(true);
    expect(report.errorDescription).toMatch(/^bad proof /);
    expect(JSON.stringify(report)).not.toContain(signature.slice(0, 20));
  });

  it('a bug inside the test (here a throwing session memo) is an internal error whose text says nothing of the exception', async () => {
    const cache = Object.assign(createDiscoveryCache(), { resolveTarget: (): never => { throw new Error(`boom ${SECRET}`); } });
    const report = await runTokenTest(input(ORIGIN), { fetch: countingFetch() }, undefined, { discoveryCache: cache });
    expect(report.outcome).toBe('no-answer');
    expect(report.error).toBe('internal');
    expect(report.errorDescription).toBe('Basic Header hit an internal error while running the test. Nothing was shown from it, to keep the secret safe.');
    expect(JSON.stringify(report)).not.toMatch(/boom|fault-secret/);
  });

  it('a declared Content-Length over the cap ends the test at once (body-too-large), without waiting for a body that may never come', async () => {
    const stalled = (): ReadableStream<Uint8Array> => new ReadableStream({ pull: () => new Promise<void>(() => undefined) });
    const fetch = offline(() => Promise.resolve(new Response(stalled(), { status: 200, headers: { 'Content-Type': 'application/json', 'Content-Length': '50000000' } })));
    const report = await runTokenTest(input(ORIGIN, { timeoutMs: 3000 }), { fetch });
    expect(report.error).toBe('body-too-large');
    expect(report.elapsedMs).toBeLessThan(2000);
  });

  it('a fetch that ignores the abort signal still ends at the timeout: every await races the abort', async () => {
    const fetch = offline(() => new Promise<Response>(() => undefined));
    const report = await runTokenTest(input(ORIGIN, { timeoutMs: 300 }), { fetch });
    expect(report.error).toBe('timeout');
  }, 5000);
});
