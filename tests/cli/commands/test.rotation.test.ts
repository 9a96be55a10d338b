/**
 * `basic-header test --rotation` as a child process against a real HTTPS server
 * in the middle of a rotation (two ACTIVE secrets and an INACTIVE third for one
 * client, real signed tokens): every verdict and exit code, the secrets from
 * standard input, the environment and two hidden prompts, refusals before any
 * traffic, faults on the second request, and the --json contract. Every run is
 * scanned for all three secrets, their Basic values and fragments of them.
 */
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { behaviours } from '../../support/fault-servers';
import { makeEcKey } from '../../support/key-files';
import { RATE_LIMIT_FIXTURE } from '../../support/okta-fixtures';
import { ROTATION_CLIENT, startRotationServer, type RotationServer } from '../../support/rotation-server';
import { createTestCa, type TestCa } from '../../support/test-ca';
import { buildCli, createCli, findLeaks, runProcess, tempFile, type Cli, type CliRun } from '../../support/cli/cli-process';
import { rawControls, withoutOwnColour } from '../../support/cli/terminal-text';

const { clientId, current, next, inactive } = ROTATION_CLIENT;
const SECRETS = [current, next, inactive];
const SINGLE_JSON_KEYS = ['claims', 'error', 'errorDescription', 'explanation', 'ok', 'rateLimit', 'request', 'signature', 'status'];
const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

let ca: TestCa;
let server: RotationServer;
let cli: Cli;
let bin: string;
let caFile: { path: string; remove: () => void };

const basic = (secret: string): string => Buffer.from(`${clientId}:${secret}`, 'utf8').toString('base64');
/** A prefix, a middle and a suffix of each secret: "no fragment" means none of these either. */
const fragments = (secret: string): string[] => [secret.slice(0, 12), secret.slice(20, 32), secret.slice(-12)];

beforeAll(async () => {
  bin = buildCli();
  ca = await createTestCa();
  server = await startRotationServer({ ca });
  caFile = tempFile('test-ca.pem', server.ca);
  cli = createCli(bin, SECRETS.flatMap((s) => [s, basic(s), ...fragments(s)]));
});

afterAll(async () => {
  await server?.close();
  caFile?.remove();
});

function args(target: Pick<RotationServer, 'issuer'> = server, ...extra: string[]): string[] {
  return ['test', '--rotation', '--client-id', clientId, '--issuer', target.issuer, '--ca-file', caFile.path, '--scope', 'api:read', ...extra];
}

const lines = (a: string, b: string): string => `${a}\n${b}\n`;

function json(run: CliRun): { ok: boolean; verdict: string; results: Record<string, unknown>[] } {
  const out = run.stdout.trim().split('\n');
  expect(out).toHaveLength(1);
  return JSON.parse(out[0] ?? '') as { ok: boolean; verdict: string; results: Record<string, unknown>[] };
}

describe('verdicts and exit codes', () => {
  it('both-work (stdin): verdict and next step on stdout, both sides labelled, exit 0', async () => {
    const run = await cli.run(args(), { input: lines(current, next) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Rotation: both-work.');
    expect(run.stdout).toMatch(/Next step:.*safe to switch.*deactivate the old one once nothing uses it/);
    expect(run.stdout).toContain('Secret "current":');
    expect(run.stdout).toContain('Secret "new":');
    expect(run.stdout.match(/✔ Success/g)).toHaveLength(2);
    expect(run.stdout.match(/Signature:\s+verified/g)).toHaveLength(2);
    expect(run.stdout).not.toMatch(JWT);
    // Positive control for the leak scan: a value that IS printed (the client ID, in the claims) is found.
    expect(findLeaks(run, [clientId])).not.toEqual([]);
  });

  it('--json: exactly { ok, verdict, results }, each result exactly the single-test object', async () => {
    const run = await cli.run(args(undefined, '--json'), { input: lines(current, next) });
    expect(run.code).toBe(0);
    const out = json(run);
    expect(Object.keys(out).sort()).toEqual(['ok', 'results', 'verdict']);
    expect(out).toMatchObject({ ok: true, verdict: 'both-work' });
    expect(out.results).toHaveLength(2);
    // Each result has exactly the keys a single test prints, in its order.
    const single = await cli.run(['test', '--client-id', clientId, '--issuer', server.issuer, '--ca-file', caFile.path, '--scope', 'api:read', '--json'], { input: next });
    const singleKeys = Object.keys(JSON.parse(single.stdout) as object);
    expect(singleKeys).toEqual(expect.arrayContaining(SINGLE_JSON_KEYS));
    for (const r of out.results) {
      expect(Object.keys(r)).toEqual(singleKeys);
      expect(r).toMatchObject({ ok: true, status: 200, signature: 'verified' });
    }
  });

  it('only-first-works (stdin, new secret inactive): exit 1, the new one named as the problem', async () => {
    const run = await cli.run(args(undefined, '--json'), { input: lines(current, inactive) });
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({ ok: false, verdict: 'only-first-works', results: [{ ok: true, error: null, failure: null }, { ok: false, status: 401, error: 'invalid_client', failure: null }] });
    expect(run.stderr).toContain('mistyped, not yet active, or from another app');
  });

  it('only-second-works (environment): exit 1, "anything still using it is failing now"', async () => {
    const run = await cli.run(args(), { env: { OKTA_OAUTH2_CLIENT_SECRET: inactive, OKTA_OAUTH2_CLIENT_SECRET_NEXT: next } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Rotation: only-second-works.');
    expect(run.stderr).toMatch(/already inactive.*anything still using it is failing now/);
  });

  it('neither-works: exit 1, each reason shown', async () => {
    const run = await cli.run(args(), { env: { OKTA_OAUTH2_CLIENT_SECRET: inactive, OKTA_OAUTH2_CLIENT_SECRET_NEXT: `${inactive}-x` } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Rotation: neither-works.');
    expect(run.stderr).toContain('Current: Wrong client secret. New: Wrong client secret.');
    expect(run.stderr.match(/Okta said:\s+"The client secret supplied for a confidential client is invalid\."/g)).toHaveLength(2);
  });

  it('with --debug the masked requests are shown, never the secrets', async () => {
    const run = await cli.run(args(undefined, '--debug'), { input: lines(current, next) });
    expect(run.code).toBe(0);
    expect(run.stderr.match(/request sent \(secret masked\)/g)).toHaveLength(2);
  });
});

describe('where the human report goes (--help: "A successful report goes to stdout, a failed one to stderr")', () => {
  it('both-work is a successful report: all of it on stdout, none on stderr', async () => {
    const run = await cli.run(args(), { input: lines(current, next) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Rotation: both-work.');
    expect(run.stdout).toContain('Secret "new":');
    expect(run.stderr).not.toContain('Rotation:');
    expect(run.stderr).not.toContain('Secret "');
  });

  it.each([
    ['only-first-works', current, inactive, 1],
    ['only-second-works', inactive, next, 1],
    ['neither-works', inactive, `${inactive}-x`, 1],
  ] as const)('%s is a failed report: all of it on stderr, nothing on stdout', async (verdict, a, b, code) => {
    const run = await cli.run(args(), { input: lines(a, b) });
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Rotation: ${verdict}.`);
    expect(run.stderr).toMatch(/Next step:/);
    expect(run.stderr).toContain('Secret "current":');
    expect(run.stderr).toContain('Secret "new":');
  });

  it('no-answer too (the second request dropped): stderr, exit 3', async () => {
    const dropping = await startRotationServer({ ca, tokenOverride: (n) => (n === 2 ? behaviours.reset() : undefined) });
    try {
      const run = await cli.run(args(dropping), { input: lines(current, next) });
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Rotation: no-answer.');
    } finally {
      await dropping.close();
    }
  });
});

describe('with --auth-method client_secret_jwt, a new secret under 32 characters', () => {
  it("Okta's short-secret warning says which secret it is about (only that side's test gave it)", async () => {
    const short = 'short-new-secret-0123';
    const run = await cli.runGuarded(args(undefined, '--auth-method', 'client_secret_jwt'), [short], { input: lines(current, short) });
    expect(run.stderr).toMatch(/warning: the new secret: Okta verifies client_secret_jwt only with a secret of 32 characters or more/);
    expect(run.stderr).not.toMatch(/warning: the current secret: Okta verifies/);
  });
});

describe('with --auth-method client_secret_jwt', () => {
  it('both work: each token request carries an HS256 assertion signed with its own secret, never a secret', async () => {
    const from = server.requests.length;
    const run = await cli.run(args(undefined, '--auth-method', 'client_secret_jwt', '--json'), { input: lines(current, next) });
    expect(run.code).toBe(0);
    const out = json(run);
    expect(out).toMatchObject({ ok: true, verdict: 'both-work', results: [{ ok: true, authMethod: 'client_secret_jwt' }, { ok: true, authMethod: 'client_secret_jwt' }] });
    const tokens = server.requests.slice(from).filter((r) => r.path.endsWith('/v1/token'));
    expect(tokens).toHaveLength(2);
    for (const t of tokens) {
      const form = new URLSearchParams(t.body);
      expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      expect(JSON.parse(Buffer.from((form.get('client_assertion') ?? '').split('.')[0] ?? '', 'base64url').toString('utf8'))).toMatchObject({ alg: 'HS256' });
      for (const secret of SECRETS) expect(t.body).not.toContain(secret);
    }
  });

  it('only the current works (the new one is the inactive secret): exit 1', async () => {
    const run = await cli.run(args(undefined, '--auth-method', 'client_secret_jwt'), { env: { OKTA_OAUTH2_CLIENT_SECRET: current, OKTA_OAUTH2_CLIENT_SECRET_NEXT: inactive } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Rotation: only-first-works.');
  });

  it('private_key_jwt has no secret to rotate: exit 2, before any traffic', async () => {
    const pem = makeEcKey().privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const keyFile = tempFile('key.pem', pem);
    try {
      const before = server.requests.length;
      const run = await cli.runGuarded(args(undefined, '--auth-method', 'private_key_jwt', '--private-key', keyFile.path), [pem], { input: lines(current, next) });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--rotation tests two client secrets; private_key_jwt');
      expect(server.requests.length).toBe(before);
    } finally {
      keyFile.remove();
    }
  });
});

describe('refused before any traffic: exit 2', () => {
  async function refused(options: Parameters<Cli['run']>[1], extra: string[] = []): Promise<CliRun> {
    const before = server.requests.length;
    const run = await cli.run(args(undefined, ...extra), options);
    expect(run.code).toBe(2);
    expect(server.requests.length).toBe(before);
    return run;
  }

  it('one secret on stdin', async () => {
    const run = await refused({ input: `${current}\n` });
    expect(run.stderr).toContain('--rotation needs two secrets');
  });

  it('only OKTA_OAUTH2_CLIENT_SECRET set', async () => {
    const run = await refused({ env: { OKTA_OAUTH2_CLIENT_SECRET: current } });
    expect(run.stderr).toContain('OKTA_OAUTH2_CLIENT_SECRET_NEXT is not set');
  });

  it('no secret at all', async () => {
    const run = await refused({});
    expect(run.stderr).toContain('--rotation needs two client secrets');
  });

  it('an empty second line', async () => {
    const run = await refused({ input: `${current}\n\n` });
    expect(run.stderr).toContain('the new secret:');
  });

  // Attack review (2026-12-02): Node reads bytes that are not UTF-8 as U+FFFD, so a changed secret was sent, and two
  // different ones could read as "the same secret".
  it('an OKTA_OAUTH2_CLIENT_SECRET_NEXT that is not UTF-8 text (read as U+FFFD) is refused by name', async () => {
    const run = await refused({ env: { OKTA_OAUTH2_CLIENT_SECRET: current, OKTA_OAUTH2_CLIENT_SECRET_NEXT: `${next.slice(0, 20)}\uFFFD${next.slice(20)}` } });
    expect(run.stderr).toContain('OKTA_OAUTH2_CLIENT_SECRET_NEXT holds bytes that are not UTF-8 text');
  });

  it('a whitespace-only OKTA_OAUTH2_CLIENT_SECRET_NEXT is named as such, not as OKTA_OAUTH2_CLIENT_SECRET', async () => {
    const run = await refused({ env: { OKTA_OAUTH2_CLIENT_SECRET: current, OKTA_OAUTH2_CLIENT_SECRET_NEXT: '   ' } });
    expect(run.stderr).toContain('the new secret: the client secret in OKTA_OAUTH2_CLIENT_SECRET_NEXT holds only whitespace.');
  });

  it('three lines', async () => {
    const run = await refused({ input: `${current}\n${next}\n${inactive}\n` });
    expect(run.stderr).toContain('exactly two lines');
  });

  it.each([
    ['stdin', { input: lines(current, current) }],
    ['stdin, differing only by a trailing space', { input: lines(current, `${current} `) }],
    ['environment', { env: { OKTA_OAUTH2_CLIENT_SECRET: next, OKTA_OAUTH2_CLIENT_SECRET_NEXT: next } }],
  ])('the same secret twice (%s)', async (_name, options) => {
    const run = await refused(options);
    expect(run.stderr).toContain('these are the same secret');
  });

  // The value must never be echoed: runGuarded fails the run if it shows up anywhere.
  const ARGV_VALUE = 'argv-rotation-secret-0123456789abcdef';
  it.each([
    ['--client-secret-next with --rotation', ['--rotation', '--client-secret-next', ARGV_VALUE], '--client-secret-next'],
    ['--client-secret-next=… without --rotation', [`--client-secret-next=${ARGV_VALUE}`], '--client-secret-next'],
    ['--client-secret with --rotation', ['--client-secret', ARGV_VALUE, '--rotation'], '--client-secret'],
    ['--new-secret', ['--new-secret', ARGV_VALUE], '--new-secret'],
  ])('a secret on argv for a rotation (%s): the advice names the two secrets\' sources, not one', async (_name, extra, option) => {
    const before = server.requests.length;
    const run = await cli.runGuarded(['test', '--client-id', clientId, '--issuer', server.issuer, ...extra], [ARGV_VALUE], { input: lines(current, next) });
    expect(run.code).toBe(2);
    expect(server.requests.length).toBe(before);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`refusing ${option}:`);
    // How readSecretPair really takes them: two lines on stdin, current first; both variables; two prompts.
    expect(run.stderr).toContain("two secrets from standard input, one per line, the current first (printf '%s\\n%s\\n' \"$CURRENT\" \"$NEW\" | basic-header test --rotation …)");
    expect(run.stderr).toContain('OKTA_OAUTH2_CLIENT_SECRET (current) and OKTA_OAUTH2_CLIENT_SECRET_NEXT (new)');
    expect(run.stderr).toContain('on a terminal without either to be asked for each');
    // Not the one-secret advice, which cannot work for a rotation.
    expect(run.stderr).not.toContain("printf '%s' \"$SECRET\"");
    expect(run.stderr).not.toContain('set OKTA_OAUTH2_CLIENT_SECRET, or run without it');
  });

  it('control: --client-secret for a single test keeps the one-secret advice', async () => {
    const run = await cli.runGuarded(['test', '--client-id', clientId, '--issuer', server.issuer, '--client-secret', ARGV_VALUE], [ARGV_VALUE], { input: current });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("printf '%s' \"$SECRET\"");
    expect(run.stderr).toContain('set OKTA_OAUTH2_CLIENT_SECRET, or run without it');
    expect(run.stderr).not.toContain('OKTA_OAUTH2_CLIENT_SECRET_NEXT');
  });

  it('--rotation with --print-token', async () => {
    const run = await refused({ input: lines(current, next) }, ['--print-token']);
    expect(run.stderr).toContain('--rotation and --print-token cannot be combined');
  });
});

describe('faults on the second request', () => {
  it('rejected, then unreachable (connection dropped): no-answer, exit 3', async () => {
    const dropping = await startRotationServer({ ca, tokenOverride: (n) => (n === 2 ? behaviours.reset() : undefined) });
    try {
      const run = await cli.run(args(dropping, '--json'), { input: lines(inactive, next) });
      expect(run.code).toBe(3);
      expect(json(run)).toMatchObject({
        ok: false,
        verdict: 'no-answer',
        results: [{ ok: false, status: 401, error: 'invalid_client', failure: null }, { ok: false, status: null, error: null, failure: 'reset' }],
      });
    } finally {
      await dropping.close();
    }
  });

  it("a 503 with a JSON OAuth error on the second request: exit 3, that result's error is the server's code, failure server-error", async () => {
    const unavailable = await startRotationServer({
      ca,
      tokenOverride: (n) => (n === 2 ? behaviours.json(503, { error: 'temporarily_unavailable', error_description: 'Down for maintenance.' }) : undefined),
    });
    try {
      const run = await cli.run(args(unavailable, '--json'), { input: lines(current, next) });
      expect(run.code).toBe(3);
      expect(json(run)).toMatchObject({
        verdict: 'no-answer',
        results: [{ ok: true, error: null, failure: null }, { ok: false, status: 503, error: 'temporarily_unavailable', failure: 'server-error' }],
      });
    } finally {
      await unavailable.close();
    }
  });

  it('a hostile answer on the second request: the human report shows its escape sequences and line break as escapes, colour on or off', async () => {
    const hostile = await startRotationServer({
      ca,
      // Every second token request: each run's second secret.
      tokenOverride: (n) => (n % 2 === 0 ? behaviours.json(400, { error: 'invalid_client\u001b[8m', error_description: 'line1\n✔ Success: forged\u001b[31mred' }) : undefined),
    });
    try {
      for (const [env, colour] of [[{ NO_COLOR: '1' }, false], [{ FORCE_COLOR: '1' }, true]] as const) {
        const run = await cli.run(args(hostile), { input: lines(current, next), env });
        expect(run.code).toBe(1);
        // A failed verdict's report goes to stderr, as single test's does.
        expect(run.stdout).toBe('');
        expect(rawControls(run.stderr, colour)).toEqual([]);
        const shown = withoutOwnColour(run.stderr).split('\n');
        expect(shown).toContainEqual(expect.stringMatching(/^ {2}✘ Rejected: HTTP 400 invalid_client\\u001b\[8m \(\d+ ms\)\.$/));
        expect(shown.filter((l) => l.includes('forged'))).toEqual(['    Okta said:  "line1\\u000a✔ Success: forged\\u001b[31mred"']);
      }
    } finally {
      await hostile.close();
    }
  });

  it('rate-limited on the second request: exit 1, with the rate-limit figures', async () => {
    const limited = await startRotationServer({
      ca,
      // Every second token request: each run's second secret.
      tokenOverride: (n) => (n % 2 === 0 ? behaviours.json(429, RATE_LIMIT_FIXTURE.body, RATE_LIMIT_FIXTURE.headers) : undefined),
    });
    try {
      const run = await cli.run(args(limited), { input: lines(current, next) });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Rotation: only-first-works.');
      expect(run.stderr).toMatch(/Rate limit:\s+0 of 600 requests left, resets at 2030-01-01T00:00:00Z/);
      expect(run.stderr).toMatch(/rate-limited the request \(HTTP 429\)/);
      const asJson = await cli.run(args(limited, '--json'), { input: lines(current, next) });
      expect(json(asJson).results[1]).toMatchObject({ status: 429, rateLimit: { limit: 600, remaining: 0 } });
    } finally {
      await limited.close();
    }
  });
});

describe('Ctrl+C (SIGINT) while the first token request hangs: exit 130', () => {
  let hanging: RotationServer;
  beforeAll(async () => {
    // Every token request hangs; each run sends only its first (the current secret's), as the tests check.
    hanging = await startRotationServer({ ca, tokenOverride: () => behaviours.hang() });
  });
  afterAll(async () => {
    await hanging?.close();
  });
  const host = (): string => new URL(hanging.origin).host;

  it('--json: the current side was sent and never answered; the new side was never sent and says so', async () => {
    const before = hanging.count('/oauth2/default/v1/token');
    const run = await cli.run(args(hanging, '--timeout', '30', '--json'), { input: lines(current, next), signal: { name: 'SIGINT', afterMs: 1500 } });
    expect(run.code).toBe(130);
    expect(hanging.count('/oauth2/default/v1/token') - before).toBe(1);
    const [first, second] = json(run).results;
    expect(first).toMatchObject({ status: null, error: null, failure: 'cancelled', errorDescription: `Cancelled before ${host()} answered.` });
    expect(second).toMatchObject({ status: null, error: null, failure: 'cancelled', errorDescription: `Cancelled before the token request to ${host()} was sent.` });
    // `request` is what it would have sent, as a single test that stops before the POST reports it.
    expect(second?.request).toMatchObject({ method: 'POST', url: hanging.tokenUrl, headers: { Authorization: 'Basic ••••••' } });
  });

  it('human: the new side says "Not sent", never "Sent"; the report is a failed one, on stderr', async () => {
    const before = hanging.count('/oauth2/default/v1/token');
    const run = await cli.run(args(hanging, '--timeout', '30'), { input: lines(current, next), signal: { name: 'SIGINT', afterMs: 1500 } });
    expect(run.code).toBe(130);
    expect(hanging.count('/oauth2/default/v1/token') - before).toBe(1);
    expect(run.stdout).toBe('');
    const [, currentPart = '', newPart = ''] = run.stderr.split(/Secret "(?:current|new)":/);
    expect(currentPart).toMatch(/\n\s+Sent:\s+POST /);
    expect(currentPart).toContain(`Cancelled before ${host()} answered.`);
    expect(newPart).toContain(`Cancelled before the token request to ${host()} was sent.`);
    expect(newPart).toMatch(/\n\s+Not sent:\s+POST .*the test stopped before the token request/);
    expect(newPart).not.toMatch(/\n\s+Sent:/);
  });
});

describe('a 429 answer cut at 1,000 characters shows no start of either secret (issue 11, item 1)', () => {
  // Secrets whose form-encoding differs, so each form is tested on its own.
  const CUT = {
    clientId,
    current: 'cur+rent/Secret%41~0123456789&abcdefghijKLMNOP',
    next: 'new+Secret/%42~9876543210&zyxwvutsrqponMLKJIH',
    inactive,
  };
  const basicOf = (secret: string): string => `Basic ${Buffer.from(`${clientId}:${secret}`, 'utf8').toString('base64')}`;
  /** Where the characters that carry the secret begin in a Basic value (those before encode only the client ID). */
  const BASIC_FROM = 'Basic '.length + Math.floor((4 * Buffer.byteLength(`${clientId}:`)) / 3);
  const FORMS = [
    ['raw', (s: string) => s, 0],
    ['form-encoded', (s: string) => new URLSearchParams({ v: s }).toString().slice(2), 0],
    ['inside a Basic value', basicOf, BASIC_FROM],
  ] as const;
  const needles = [CUT.current, CUT.next].flatMap((s) => [s, basicOf(s).slice(6), ...fragments(s)]);
  let cutServer: RotationServer;
  let answers: [string, string] = ['', ''];
  beforeAll(async () => {
    cutServer = await startRotationServer({ ca, client: CUT, tokenOverride: (n) => ({ kind: 'text', status: 429, body: answers[(n - 1) % 2] ?? '' }) });
  });
  afterAll(async () => {
    await cutServer?.close();
  });
  /** The longest start (4 characters or more) of `form` that `text` shows; '' when none. */
  const shownStart = (text: string, form: string): string => {
    for (let k = form.length; k >= 4; k -= 1) if (text.includes(form.slice(0, k))) return form.slice(0, k);
    return '';
  };
  /** The verbatim answers as shown: the JSON's errorDescription, or the human report's "Okta said" lines. */
  const shownAnswers = (run: CliRun, asJson: boolean): string[] =>
    asJson ? json(run).results.map((r) => String(r.errorDescription)) : run.stderr.split('\n').filter((l) => l.includes('Okta said:'));

  it("the audit's case: 985 x, then the CURRENT secret, then \" tail\", to both requests", async () => {
    answers = [`${'x'.repeat(985)}${CUT.current} tail`, `${'x'.repeat(985)}${CUT.current} tail`];
    for (const asJson of [true, false]) {
      const run = await cli.runGuarded(args(cutServer, ...(asJson ? ['--json'] : [])), needles, { input: lines(CUT.current, CUT.next) });
      expect(run.code).toBe(1);
      const shown = shownAnswers(run, asJson);
      expect(shown).toHaveLength(2);
      for (const text of shown) {
        expect(text).toContain('x'.repeat(100));
        expect(shownStart(text, CUT.current)).toBe('');
      }
    }
  });

  it.each(FORMS.map(([name, form, from]) => ({ name, form, from })))(
    '$name: each side masks the start of the OTHER secret left at its cut, in both orders, in --json and the human report',
    async ({ form, from }) => {
      // 9 characters of the secret-bearing part before the cut, then the server's text goes on.
      const echo = (secret: string): string => `${'x'.repeat(1000 - from - 9)}${form(secret).slice(0, from + 9)} and more ${'z'.repeat(200)}`;
      // The current secret's request is answered with the new secret's echo, and the other way round.
      answers = [echo(CUT.next), echo(CUT.current)];
      for (const asJson of [true, false]) {
        const run = await cli.runGuarded(args(cutServer, ...(asJson ? ['--json'] : [])), needles, { input: lines(CUT.current, CUT.next) });
        expect(run.code).toBe(1);
        const shown = shownAnswers(run, asJson);
        expect(shown).toHaveLength(2);
        for (const text of shown) {
          expect(text).toContain('x'.repeat(100));
          for (const secret of [CUT.current, CUT.next]) expect(shownStart(text, form(secret).slice(from))).toBe('');
        }
      }
    },
  );
});

/** util-linux `script` gives the CLI a pseudo-terminal for the two hidden prompts. */
const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('two hidden prompts on a terminal', () => {
  it('asks for the current, then the new secret, echoes neither, and tests both', async () => {
    const asked: string[] = [];
    const command = [process.execPath, bin, ...args()].map((a) => `'${a}'`).join(' ');
    const run = await runProcess('script', ['-qfec', command, '/dev/null'], cli.needles, {
      keepStdinOpen: true,
      timeoutMs: 20_000,
      onStdout: (soFar, stdin) => {
        if (asked.length === 0 && soFar.includes('Current client secret (input hidden): ')) {
          asked.push('current');
          stdin.write(`${current}\r`);
        } else if (asked.length === 1 && soFar.includes('New client secret (input hidden): ')) {
          asked.push('new');
          stdin.write(`${next}\r`);
        }
      },
    });
    expect(asked).toEqual(['current', 'new']);
    expect(run.code).toBe(0);
    // A terminal gets colour: compare the text without it.
    // eslint-disable-next-line no-control-regex -- stripping the terminal's ESC sequences is the point.
    expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toContain('Rotation: both-work.');
  });

  // Attack review (2026-12-02): both secrets pasted at the first prompt. The prompt took the first line and gave
  // the terminal back, so the second reached whatever read the terminal next (the shell: echoed, run, kept in
  // its history). A `cat` after the command stands in for that shell here.
  it('a paste of two lines at one prompt: refused (exit 2), and nothing of it is left for what reads the terminal next', async () => {
    const command = `${[process.execPath, bin, ...args()].map((a) => `'${a}'`).join(' ')}; echo "exit=$?"; timeout 2 cat`;
    let sent = false;
    const run = await runProcess('script', ['-qfec', command, '/dev/null'], cli.needles, {
      keepStdinOpen: true,
      timeoutMs: 20_000,
      onStdout: (soFar, stdin) => {
        if (!sent && soFar.includes('Current client secret (input hidden): ')) {
          sent = true;
          stdin.write(`${current}\r${next}\r`);
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.stdout).toContain('more than one line was pasted at the prompt, so nothing was sent');
    expect(run.stdout).toContain('exit=2');
    expect(run.stdout).not.toContain('New client secret');
    // runProcess has already failed the test if any piece of either secret reached the output (the cat's included).
  });
});
