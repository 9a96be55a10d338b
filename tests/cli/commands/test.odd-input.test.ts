/**
 * `basic-header test` against answers with odd numbers and odd structures
 * (issue 11, items 5-7), correctly signed: dates past the end of JavaScript
 * time, 30,000 nested arrays, a `__proto__` claim. Each ends with the exit
 * code the contract gives its outcome, in both modes: never 70 "internal
 * error" for a server's choice of numbers, never 3 for a good token.
 */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { behaviours, startFaultServer, type FaultServer } from '../../support/fault-servers';
import { claimsJsonStart, createTokenSigner, tokenRoutes, type TokenSigner } from '../../support/signed-tokens';
import type { CliRun } from '../../support/cli/cli-process';
import { useCliSuite } from '../../support/cli/cli-suite';

const CLIENT_ID = '0oa1oddclient0000h7';
const SECRET = 'cli-odd-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH';
const NOW_S = Math.floor(Date.now() / 1000);

const suite = useCliSuite('odd', CLIENT_ID, SECRET);
const signer: TokenSigner = createTokenSigner();

async function serveToken(claimsTail: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<FaultServer> {
  return suite.track(startFaultServer({
    ca: suite.ca,
    routes: tokenRoutes(signer, (origin) => ({ access_token: signer.sign(`${claimsJsonStart(origin, NOW_S)}${claimsTail}}`), token_type: 'Bearer', expires_in: 3600, scope: 'api:read', ...extra }), headers),
  }));
}

function args(origin: string, ...extra: string[]): string[] {
  return ['test', '--client-id', CLIENT_ID, '--issuer', `${origin}/oauth2/default`, '--ca-file', suite.caPath, '--scope', 'api:read', ...extra];
}

async function both(origin: string): Promise<{ json: CliRun; human: CliRun; out: Record<string, unknown> }> {
  const json = await suite.cli.run(args(origin, '--json'), { input: SECRET });
  const human = await suite.cli.run(args(origin), { input: SECRET });
  const out = JSON.parse(json.stdout.trim().split('\n')[0] ?? 'null') as Record<string, unknown>;
  return { json, human, out };
}

describe('out-of-range numbers (item 5)', () => {
  it('exp and iat near 1e17 in a correctly signed token: verified, shown as they are with "not a valid date", exit 0 in both modes', async () => {
    const server = await serveToken(',"exp":100000000000000000,"iat":99999999999999999');
    const { json, human, out } = await both(server.origin);
    expect(json.code).toBe(0);
    expect(out.signature).toBe('verified');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Signature:\s+verified/);
    expect(human.stdout).toMatch(/exp\s+100000000000000000 \(not a valid date\)/);
    expect(human.stdout).toMatch(/iat\s+\d{17,} \(not a valid date\)/);
    expect(human.stderr).not.toContain('internal error');
  });

  it('expires_in 1e17: exit 0 in both modes', async () => {
    const server = await serveToken('', { expires_in: 1e17 });
    const { json, human } = await both(server.origin);
    expect(json.code).toBe(0);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Token:.*expires in/);
  });

  it('X-Rate-Limit-Reset: 99999999999999 on a 429: exit 1 in both modes, the number shown as it is', async () => {
    const server = await suite.track(startFaultServer({
      ca: suite.ca,
      routes: {
        '/oauth2/default/v1/token': behaviours.json(429, { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' }, {
          'X-Rate-Limit-Limit': '600', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': '99999999999999',
        }),
      },
    }));
    const { json, human, out } = await both(server.origin);
    expect(json.code).toBe(1);
    expect(out.rateLimit).toMatchObject({ resetEpochSeconds: 99999999999999 });
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/Rate limit:\s+0 of 600 requests left, resets at 99999999999999 \(not a valid date\)/);
  });
});

describe('deeply nested claims (item 6)', () => {
  it('30,000 levels: the token is verified, the depth is cut with a placeholder, exit 0 in both modes', async () => {
    const deep = `${'['.repeat(30_000)}1${']'.repeat(30_000)}`;
    const server = await serveToken(`,"deep":${deep}`);
    const { json, human, out } = await both(server.origin);
    expect(json.code).toBe(0);
    expect(out.signature).toBe('verified');
    expect(JSON.stringify(out.claims)).toContain('(nested too deeply to show)');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/deep\s+\[\[\[/);
    expect(human.stdout).toContain('(nested too deeply to show)');
  });
});

describe('a __proto__ claim (item 7)', () => {
  it('stays a plain claim: it spoofs nothing and is shown as itself', async () => {
    const server = await serveToken(',"__proto__":{"iss":"https://spoofed.example","admin":true}');
    const { json, human, out } = await both(server.origin);
    expect(json.code).toBe(0);
    const claims = out.claims as Record<string, unknown>;
    expect(Object.keys(claims)).toContain('__proto__');
    expect(claims.iss).toBe(`${server.origin}/oauth2/default`);
    // The raw JSON line itself names it as an ordinary key.
    expect(json.stdout).toContain('"__proto__":{"iss":"https://spoofed.example","admin":true}');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/__proto__\s+\{"iss":"https:\/\/spoofed.example","admin":true\}/);
  });
});

describe('target typos (item 9)', () => {
  it.each([
    ['https//', (hostPort: string) => `https//${hostPort}/oauth2/default`],
    ['https:/', (hostPort: string) => `https:/${hostPort}/oauth2/default`],
    ['https:\\\\', (hostPort: string) => `https:\\\\${hostPort}\\oauth2\\default`],
  ])('--issuer with %s is refused before any traffic (exit 2), offering the corrected address', async (_name, typed) => {
    const server = await serveToken('');
    const hostPort = new URL(server.origin).host;
    const run = await suite.cli.run(['test', '--client-id', CLIENT_ID, '--issuer', typed(hostPort), '--ca-file', suite.caPath, '--json'], { input: SECRET });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Did you mean https://${hostPort}/oauth2/default?`);
    expect(server.requestCount()).toBe(0);
  });

  it('--domain https is refused: a host named "https" is a mangled address', async () => {
    const run = await suite.cli.run(['test', '--client-id', CLIENT_ID, '--domain', 'https', '--json'], { input: SECRET });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The host name is "https"');
  });
});

/** Attack review, 2026-12-02: --json must stay valid, whatever the secret or the server's numbers. */
describe('--json stays one valid object', () => {
  // The line was masked as text: `"claims":null` became `"claims":[redacted]`, and core's report lost the
  // field named like the secret (`error`). Now only values are masked, in both.
  it.each(['null', 'true', 'false', 'error', 'status', 'request'])('a (placeholder) secret %j that is also a JSON literal or field name: valid JSON with every field', async (secret) => {
    const server = await suite.track(startFaultServer({ ca: suite.ca, fallback: behaviours.json(401, { error: 'invalid_client', error_description: 'Client authentication failed.' }) }));
    const run = await suite.cli.run(args(server.origin, '--json'), { input: secret });
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
    expect(out).toMatchObject({ ok: false, status: 401, error: 'invalid_client', claims: null, failure: null });
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['errorDescription', 'explanation', 'request', 'signature']));
  });

  it("a claim whose digits are the hex of 8 bytes of the secret: the token is refused, in valid JSON, the digits nowhere (positive control: the digits are the secret's)", async () => {
    const digits = Buffer.from(SECRET.slice(15, 23), 'utf8').toString('hex');
    expect(digits).toMatch(/^\d{16}$/);
    expect(Buffer.from(digits, 'hex').toString('utf8')).toBe(SECRET.slice(15, 23));
    const server = await serveToken(`,"n":${digits},"m":42`);
    const { json, human } = await both(server.origin);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout.trim())).toMatchObject({ ok: false, error: null, claims: null });
    expect(json.stdout).not.toContain(digits);
    expect(human.stderr).toMatch(/holds a credential this test sent/);
    expect(`${human.stdout}${human.stderr}`).not.toContain(digits);
  });
});

describe('scopes given space-separated in one --scope (contract audit, 2026-12-02)', () => {
  it('are compared one by one: no warning when all are granted, and only the missing one named', async () => {
    const all = await serveToken('', { scope: 'api:read api:write' });
    const granted = await suite.cli.run(['test', '--client-id', CLIENT_ID, '--issuer', `${all.origin}/oauth2/default`, '--ca-file', suite.caPath, '--scope', 'api:read api:write'], { input: SECRET });
    expect(granted.code).toBe(0);
    expect(granted.stderr).not.toMatch(/scope-not-granted/);
    const some = await serveToken('', { scope: 'api:read' });
    const partly = await suite.cli.run(['test', '--client-id', CLIENT_ID, '--issuer', `${some.origin}/oauth2/default`, '--ca-file', suite.caPath, '--scope', 'api:read  api:write'], { input: SECRET });
    expect(partly.code).toBe(0);
    expect(partly.stderr).toMatch(/warning: You asked for api:write; the token grants none of it\..*\[scope-not-granted\]/);
  });
});

describe('a token without a requested scope', () => {
  it('warns by name (scope-not-granted); the exit code stays 0. Positive control: no warning when the scope is granted', async () => {
    const without = await serveToken('', { scope: 'other:scope' });
    const run = await suite.cli.run(args(without.origin), { input: SECRET });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: You asked for api:read; the token grants none of it\..*\[scope-not-granted\]/);
    const granted = await serveToken('');
    const ok = await suite.cli.run(args(granted.origin), { input: SECRET });
    expect(ok.code).toBe(0);
    expect(ok.stderr).not.toMatch(/scope-not-granted/);
  });
});

describe('a secret in the environment that is not UTF-8 text (attack review, 2026-12-02)', () => {
  it('is refused by name before any traffic (Node would have read its bytes as U+FFFD and sent a changed secret)', async () => {
    const server = await suite.track(startFaultServer({ ca: suite.ca, fallback: behaviours.json(401, { error: 'invalid_client' }) }));
    const run = await suite.cli.run(args(server.origin), { env: { OKTA_OAUTH2_CLIENT_SECRET: `${SECRET.slice(0, 10)}\uFFFD${SECRET.slice(10)}` } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('OKTA_OAUTH2_CLIENT_SECRET holds bytes that are not UTF-8 text');
    expect(server.requests).toHaveLength(0);
  });
});
