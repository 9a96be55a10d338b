/**
 * `basic-header test` as a child process against the real HTTPS authorization
 * server (oidc-provider at Okta's paths): outcomes, exit codes, the --json
 * object, --print-token, trust (--ca-file, NODE_EXTRA_CA_CERTS) (HTTPS_PROXY: test.proxy.test.ts),
 * the OKTA_OAUTH2_* variables, and refusals before any traffic. No run may
 * print the secret or its Basic value (checked by the harness on every run).
 */
import { Buffer } from 'node:buffer';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT, startAuthServer, type AuthServer } from '../../support/auth-server';
import { createTestCa } from '../../support/test-ca';
import { buildCli, createCli, tempFile, type Cli, type CliRun } from '../../support/cli/cli-process';

const POST_CLIENT = { clientId: '0oa1postclient000h7', clientSecret: 'post-secret-9876543210_ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlk', authMethod: 'client_secret_post' as const };
const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
const JSON_KEYS = ['authMethod', 'claims', 'dpop', 'error', 'errorDescription', 'explanation', 'failure', 'ok', 'rateLimit', 'request', 'signature', 'status', 'tokenType'];

let server: AuthServer;
let cli: Cli;
let caFile: { path: string; remove: () => void };
let otherCaFile: { path: string; remove: () => void };

const basic = (id: string, secret: string): string => Buffer.from(`${id}:${secret}`, 'utf8').toString('base64');

beforeAll(async () => {
  const bin = buildCli();
  server = await startAuthServer({ clients: [DEFAULT_CLIENT, POST_CLIENT] });
  caFile = tempFile('test-ca.pem', server.ca);
  otherCaFile = tempFile('other-ca.pem', (await createTestCa('Unrelated CA')).cert);
  cli = createCli(bin, [
    DEFAULT_CLIENT.clientSecret, basic(DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret),
    POST_CLIENT.clientSecret, basic(POST_CLIENT.clientId, POST_CLIENT.clientSecret),
  ]);
});

afterAll(async () => {
  await server?.close();
  caFile?.remove();
  otherCaFile?.remove();
});

function args(...extra: string[]): string[] {
  return ['test', '--client-id', DEFAULT_CLIENT.clientId, '--issuer', server.issuer, '--ca-file', caFile.path, ...extra];
}

function json(run: CliRun): Record<string, unknown> {
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

/** The raw token is printed only with --print-token. */
function expectNoToken(run: CliRun): void {
  expect(run.stdout).not.toMatch(JWT);
  expect(run.stderr).not.toMatch(JWT);
}

describe('success', () => {
  it('reports the outcome, claims and a verified signature on stdout; exit 0', async () => {
    const run = await cli.run(args('--scope', 'api:read'), { input: DEFAULT_CLIENT.clientSecret });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Success');
    expect(run.stdout).toMatch(/Signature:\s+verified/);
    expect(run.stdout).toContain(server.issuer);
    expect(run.stdout).toContain(DEFAULT_CLIENT.clientId);
    expect(run.stdout).toContain('api:read');
    expectNoToken(run);
  });

  it('checks the token\'s signature with Node\'s crypto: it stays verified with WebCrypto\'s verify broken (issue 16)', async () => {
    // Loaded before the CLI: WebCrypto's verify always fails; with `node` also set, so does node:crypto's.
    const breakVerify = (node: boolean): string =>
      `--import=data:text/javascript,${encodeURIComponent(
        `globalThis.crypto.subtle.verify = () => Promise.reject(new Error('broken for the test'));${node ? "import('node:crypto').then((c) => { c.default.verify = () => { throw new Error('broken'); }; });" : ''}`,
      )}`;
    const webCryptoBroken = await cli.run(args('--json'), { input: DEFAULT_CLIENT.clientSecret, env: { NODE_OPTIONS: breakVerify(false) } });
    expect(json(webCryptoBroken)).toMatchObject({ ok: true, signature: 'verified' });
    // Positive control: with Node's verify broken too, jose's WebCrypto road decides, and the break reaches it.
    const bothBroken = await cli.run(args('--json'), { input: DEFAULT_CLIENT.clientSecret, env: { NODE_OPTIONS: breakVerify(true) } });
    expect(json(bothBroken)).toMatchObject({ ok: true, signature: 'invalid' });
    // A failed signature is said on stderr in --json mode too; the exit code stays 0 (the credentials worked).
    expect(bothBroken.code).toBe(0);
    expect(bothBroken.stderr).toMatch(/warning: the token did not pass its checks\. The signature does not match .*\[signature-invalid\]/);
    expect(webCryptoBroken.stderr).not.toMatch(/signature-invalid/);
  });

  it('--json prints exactly one object with the contract keys, request masked', async () => {
    const run = await cli.run(args('--scope', 'api:read', '--json'), { input: DEFAULT_CLIENT.clientSecret });
    expect(run.code).toBe(0);
    const out = json(run);
    expect(Object.keys(out).sort()).toEqual(JSON_KEYS);
    expect(out).toMatchObject({ ok: true, status: 200, error: null, failure: null, errorDescription: null, signature: 'verified', authMethod: 'client_secret_basic', tokenType: 'Bearer', dpop: null });
    const claims = out.claims as Record<string, unknown>;
    expect(claims.iss).toBe(server.issuer);
    expect(claims.aud).toBe(server.audience);
    expect(String(claims.scope ?? claims.scp)).toContain('api:read');
    const request = out.request as { method: string; url: string; headers: Record<string, string>; body: string };
    expect(request.method).toBe('POST');
    expect(request.url).toBe(server.tokenUrl);
    expect(request.headers.Authorization).toMatch(/^Basic [^A-Za-z0-9+/=]+$/);
    expect(request.body).toContain('grant_type=client_credentials');
    expectNoToken(run);
  });

  it('--print-token prints only the raw access token on stdout, the report on stderr', async () => {
    const run = await cli.run(args('--scope', 'api:read', '--print-token'), { input: DEFAULT_CLIENT.clientSecret });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/);
    const payload = JSON.parse(Buffer.from(run.stdout.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(payload.iss).toBe(server.issuer);
    expect(run.stderr).toContain('Success');
    expect(run.stderr).not.toMatch(JWT);
  });

  it('scopes: repeated or space-separated give the same grant', async () => {
    const repeated = json(await cli.run(args('--scope', 'api:read', '--scope', 'api:write', '--json'), { input: DEFAULT_CLIENT.clientSecret }));
    const spaced = json(await cli.run(args('--scope', 'api:read api:write', '--json'), { input: DEFAULT_CLIENT.clientSecret }));
    for (const out of [repeated, spaced]) {
      const scope = String((out.claims as Record<string, unknown>).scope);
      expect(scope.split(' ').sort()).toEqual(['api:read', 'api:write']);
    }
  });

  it('--auth-method post sends the credentials in the body (and that client accepts only post)', async () => {
    const run = await cli.run(
      ['test', '--client-id', POST_CLIENT.clientId, '--issuer', server.issuer, '--ca-file', caFile.path, '--auth-method', 'post', '--json'],
      { input: POST_CLIENT.clientSecret },
    );
    expect(run.code).toBe(0);
    const request = json(run).request as { headers: Record<string, string>; body: string };
    expect(request.headers.Authorization).toBeUndefined();
    expect(request.body).toMatch(/client_secret=[^&A-Za-z0-9]+/);
  });

  it('--auth-method post with --form-encode: runs (the body is always form-encoded), with a note saying so', async () => {
    const run = await cli.run(
      ['test', '--client-id', POST_CLIENT.clientId, '--issuer', server.issuer, '--ca-file', caFile.path, '--auth-method', 'post', '--form-encode', '--json'],
      { input: POST_CLIENT.clientSecret },
    );
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ ok: true });
    expect(run.stderr).toMatch(/note: --form-encode changes nothing with client_secret_post/);
  });

  it('--domain HOST:PORT with --auth-server default reaches the same server', async () => {
    const host = new URL(server.origin).host;
    const run = await cli.run(['test', '--client-id', DEFAULT_CLIENT.clientId, '--domain', host, '--auth-server', 'default', '--ca-file', caFile.path, '--json'], {
      input: DEFAULT_CLIENT.clientSecret,
    });
    expect(run.code).toBe(0);
    expect((json(run).request as { url: string }).url).toBe(server.tokenUrl);
  });

  it('OKTA_OAUTH2_CLIENT_ID, OKTA_OAUTH2_ISSUER and OKTA_OAUTH2_CLIENT_SECRET are enough', async () => {
    const run = await cli.run(['test', '--ca-file', caFile.path, '--json'], {
      env: { OKTA_OAUTH2_CLIENT_ID: DEFAULT_CLIENT.clientId, OKTA_OAUTH2_ISSUER: server.issuer, OKTA_OAUTH2_CLIENT_SECRET: DEFAULT_CLIENT.clientSecret },
    });
    expect(run.code).toBe(0);
    expect(json(run).ok).toBe(true);
  });

  it('a trailing newline on stdin is the shell\'s: printf "%s\\n" works like printf "%s"', async () => {
    for (const ending of ['\n', '\r\n']) {
      const run = await cli.run(args('--json'), { input: `${DEFAULT_CLIENT.clientSecret}${ending}` });
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain('removed-line-break');
    }
  });
});

describe('nothing is written to disk', () => {
  it('encode, decode and test leave the working directory, HOME, XDG dirs and TMPDIR empty', async () => {
    const sandbox = mkdtempSync(join(tmpdir(), 'basic-header-sandbox-'));
    try {
      const dirs = ['home', 'tmp', 'config', 'cache', 'data', 'state', 'work'].map((d) => join(sandbox, d));
      for (const d of dirs) mkdirSync(d);
      const [home, tmp, config, cache, data, state, work] = dirs;
      const env = { HOME: home, TMPDIR: tmp, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: cache, XDG_DATA_HOME: data, XDG_STATE_HOME: state };
      const options = { env, cwd: work, input: DEFAULT_CLIENT.clientSecret };
      expect((await cli.run(['encode', '--client-id', '0oa1sandbox0000h7'], options)).code).toBe(0);
      expect((await cli.run(['decode'], { ...options, input: basic(DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret) })).code).toBe(0);
      expect((await cli.run(args('--scope', 'api:read'), options)).code).toBe(0);
      expect((await cli.run(args('--json'), { ...options, input: 'wrong-secret-0000000000000000000000000000000000000000000000000000' })).code).toBe(1);
      const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? [relative(sandbox, join(dir, e.name)), ...walk(join(dir, e.name))] : [relative(sandbox, join(dir, e.name))]);
      expect(walk(sandbox).sort()).toEqual(['cache', 'config', 'data', 'home', 'state', 'tmp', 'work']);
    } finally {
      rmSync(sandbox, { recursive: true, force: true });
    }
  });
});

describe('--debug', () => {
  it('adds the masked request and the discovery details on stderr, still without the secret', async () => {
    const run = await cli.run(args('--scope', 'api:read', '--debug'), { input: DEFAULT_CLIENT.clientSecret });
    expect(run.code).toBe(0);
    const debug = run.stderr.split('\n').filter((l) => l.startsWith('debug:'));
    expect(debug.some((l) => l.includes(server.tokenUrl) && l.includes('Authorization'))).toBe(true);
    expect(debug.some((l) => l.includes('discovery'))).toBe(true);
    expectNoToken(run);
  });
});

describe('rejections (exit 1)', () => {
  it('a wrong secret: Okta\'s words, the explanation and the fix, on stderr', async () => {
    const run = await cli.run(args('--scope', 'api:read'), { input: 'wrong-secret-0000000000000000000000000000000000000000000000000000' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Rejected');
    expect(run.stderr).toContain('invalid_client');
    expect(run.stderr).toMatch(/Okta said:/);
    expect(run.stderr).toMatch(/Why:/);
    expect(run.stderr).toMatch(/Fix:/);
  });

  it('--json on a rejection: ok false, status 401, error invalid_client, an explanation', async () => {
    const run = await cli.run(args('--json'), { input: 'wrong-secret-0000000000000000000000000000000000000000000000000000' });
    expect(run.code).toBe(1);
    const out = json(run);
    expect(Object.keys(out).sort()).toEqual(JSON_KEYS);
    expect(out).toMatchObject({ ok: false, status: 401, error: 'invalid_client', failure: null, claims: null, signature: 'unchecked' });
    expect(out.explanation).toMatchObject({ id: expect.any(String), fix: expect.any(String) });
    expect(run.stderr.trim().split('\n').filter((l) => l.startsWith('basic-header:'))).toHaveLength(1);
  });

  it('--print-token on a rejection prints nothing on stdout', async () => {
    const run = await cli.run(args('--print-token'), { input: 'wrong-secret-0000000000000000000000000000000000000000000000000000' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
  });
});

describe('trust', () => {
  it('without --ca-file or NODE_EXTRA_CA_CERTS the test server is untrusted: exit 3, with a hint', async () => {
    const run = await cli.run(['test', '--client-id', DEFAULT_CLIENT.clientId, '--issuer', server.issuer], { input: DEFAULT_CLIENT.clientSecret });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('tls-untrusted');
    expect(run.stderr).toContain('--ca-file');
    const out = json(await cli.run(['test', '--client-id', DEFAULT_CLIENT.clientId, '--issuer', server.issuer, '--json'], { input: DEFAULT_CLIENT.clientSecret }));
    expect(out).toMatchObject({ ok: false, status: null, error: null, failure: 'tls-untrusted' });
  });

  it('NODE_EXTRA_CA_CERTS alone works', async () => {
    const run = await cli.run(['test', '--client-id', DEFAULT_CLIENT.clientId, '--issuer', server.issuer, '--json'], {
      input: DEFAULT_CLIENT.clientSecret,
      env: { NODE_EXTRA_CA_CERTS: caFile.path },
    });
    expect(run.code).toBe(0);
  });

  it('--ca-file adds to the store: NODE_EXTRA_CA_CERTS still counts alongside an unrelated --ca-file', async () => {
    const withExtra = await cli.run(['test', '--client-id', DEFAULT_CLIENT.clientId, '--issuer', server.issuer, '--ca-file', otherCaFile.path, '--json'], {
      input: DEFAULT_CLIENT.clientSecret,
      env: { NODE_EXTRA_CA_CERTS: caFile.path },
    });
    expect(withExtra.code).toBe(0);
    // Control: the unrelated CA alone does not make the server trusted.
    const alone = await cli.run(['test', '--client-id', DEFAULT_CLIENT.clientId, '--issuer', server.issuer, '--ca-file', otherCaFile.path, '--json'], {
      input: DEFAULT_CLIENT.clientSecret,
    });
    expect(alone.code).toBe(3);
  });

  it('a --ca-file that is missing or holds no certificate: exit 2 before any traffic', async () => {
    const before = server.requestCount();
    const missing = await cli.run(args().map((a) => (a === caFile.path ? `${caFile.path}.missing` : a)), { input: DEFAULT_CLIENT.clientSecret });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read --ca-file');
    const notPem = tempFile('not.pem', 'hello');
    try {
      const bad = await cli.run(args().map((a) => (a === caFile.path ? notPem.path : a)), { input: DEFAULT_CLIENT.clientSecret });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('no PEM certificate');
    } finally {
      notPem.remove();
    }
    expect(server.requestCount()).toBe(before);
  });
});

describe('refused before any traffic (exit 2)', () => {
  it.each([
    ['--client-secret', [`--client-secret=${DEFAULT_CLIENT.clientSecret}`]],
    ['--client_secret', ['--client_secret', DEFAULT_CLIENT.clientSecret]],
    ['-s', ['-s', DEFAULT_CLIENT.clientSecret]],
    ['--password', ['--password', DEFAULT_CLIENT.clientSecret]],
  ])('a secret on argv (%s): says why and what to use instead, and never echoes it', async (_name, extra) => {
    const before = server.requestCount();
    // The secret is on argv here on purpose: the harness still checks it is never printed back.
    const run = await cli.run(args(...extra), { input: DEFAULT_CLIENT.clientSecret });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/shell history/);
    expect(run.stderr).toMatch(/ps/);
    expect(run.stderr).toContain('OKTA_OAUTH2_CLIENT_SECRET');
    expect(run.stderr).toMatch(/standard input/);
    expect(server.requestCount()).toBe(before);
  });

  it.each([
    ['a colon in the client ID', ['test', '--client-id', '0oa1:abc', '--issuer', 'ISSUER'], 'colon'],
    ['plain HTTP to a remote host', ['test', '--client-id', '0oa1', '--issuer', 'http://dev-123.okta.invalid/oauth2/default'], 'http'],
    ['an unparseable issuer', ['test', '--client-id', '0oa1', '--issuer', 'https://exa mple/oauth2/default'], 'domain'],
    ['an issuer that is not a URL', ['test', '--client-id', '0oa1', '--issuer', 'dev-123.okta.com'], 'URL'],
    ['no client ID', ['test', '--issuer', 'ISSUER'], 'client ID'],
    ['no server', ['test', '--client-id', '0oa1'], 'issuer'],
    ['--issuer with --domain', ['test', '--client-id', '0oa1', '--issuer', 'ISSUER', '--domain', 'x.okta.com'], 'one of them'],
    ['a bad --timeout', ['test', '--client-id', '0oa1', '--issuer', 'ISSUER', '--timeout', 'soon'], '--timeout'],
    ['a bad --auth-method', ['test', '--client-id', '0oa1', '--issuer', 'ISSUER', '--auth-method', 'jwt'], '--auth-method'],
    ['--json with --print-token', ['test', '--client-id', '0oa1', '--issuer', 'ISSUER', '--json', '--print-token'], '--print-token'],
    ['a bad scope', ['test', '--client-id', '0oa1', '--issuer', 'ISSUER', '--scope', 'a"b'], 'scope'],
    ['an unknown option', ['test', '--client-id', '0oa1', '--issuer', 'ISSUER', '--insecure'], '--insecure'],
  ])('%s', async (_name, argv, words) => {
    const before = server.requestCount();
    const run = await cli.run(argv.map((a) => (a === 'ISSUER' ? server.issuer : a)), { input: DEFAULT_CLIENT.clientSecret });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const errors = run.stderr.trim().split('\n').filter((l) => l.startsWith('basic-header:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(words);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(server.requestCount()).toBe(before);
  });

  it('an empty secret on stdin', async () => {
    const before = server.requestCount();
    const run = await cli.run(args(), { input: '\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('empty');
    expect(server.requestCount()).toBe(before);
  });
});
