/**
 * runRotationTest against a real HTTPS server in the middle of a rotation (two
 * ACTIVE secrets and an INACTIVE third for one client, real RS256 tokens and
 * key set), through undici trusting only the test CA: every verdict, the
 * sequential order, discovery and keys fetched once, refusals before any
 * traffic, and no secret of either side in either report.
 */
import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formUrlEncode } from '../../../core/encoding';
import { findSecretLeaks, rotationVerdict, runRotationTest, runTokenTest, tokenRequestSent, type RotationReport } from '../../../core/okta';
import type { FetchLike, TokenTestInput, TokenTestReport } from '../../../core/okta/types';
import { tokenTestInput } from '../../support/auth-server';
import { behaviours, type RouteBehaviour } from '../../support/fault-servers';
import { findFragments, secretForms } from '../../support/fragment-scanner';
import { countingFetch, createTestFetch, type TestFetch } from '../../support/node-fetch';
import { RATE_LIMIT_FIXTURE, RATE_LIMIT_RESET_EPOCH_S } from '../../support/okta-fixtures';
import { ROTATION_CLIENT, startRotationServer, type RotationClient, type RotationServer } from '../../support/rotation-server';
import { createTestCa, type TestCa } from '../../support/test-ca';

const { current, next, inactive } = ROTATION_CLIENT;
const WRONG = 'wrong-secret-00000000000000000000000000000000000000';
const KEEP = ['results[0].token.accessToken', 'results[1].token.accessToken'];
const PATHS = {
  metadata: '/oauth2/default/.well-known/oauth-authorization-server',
  keys: '/oauth2/default/v1/keys',
  token: '/oauth2/default/v1/token',
};

let ca: TestCa;
let server: RotationServer;
let fetchLike: TestFetch;

beforeAll(async () => {
  ca = await createTestCa();
  server = await startRotationServer({ ca });
  fetchLike = createTestFetch(server.ca);
});

afterAll(async () => {
  await fetchLike.close();
  await server.close();
});

function input(target: Pick<RotationServer, 'origin'>, secret: string, patch: Partial<TokenTestInput> = {}): TokenTestInput {
  return tokenTestInput(target, { clientId: ROTATION_CLIENT.clientId, clientSecret: secret, ...patch });
}

/** A fetch that fails the test if two requests are ever in flight at once. */
function oneAtATime(inner: FetchLike): FetchLike & { maxInFlight: () => number } {
  let inFlight = 0;
  let max = 0;
  const wrapped = async (url: string, init: RequestInit): Promise<Response> => {
    inFlight += 1;
    max = Math.max(max, inFlight);
    try {
      const response = await inner(url, init);
      // The body is part of the request's life: read it before counting it done.
      const text = await response.text();
      return new Response(text, { status: response.status, headers: response.headers });
    } finally {
      inFlight -= 1;
    }
  };
  return Object.assign(wrapped, { maxInFlight: () => max });
}

async function rotate(currentSecret: string, newSecret: string, target: RotationServer = server, fetchFn: FetchLike = fetchLike): Promise<RotationReport> {
  const result = await runRotationTest(input(target, currentSecret), newSecret, { fetch: fetchFn });
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  expect(findSecretLeaks(result.value, [current, next, inactive, WRONG], KEEP)).toEqual([]);
  return result.value;
}

describe('verdicts against a server holding two active secrets and an inactive one', () => {
  it('both-work: both tokens issued and verified, discovery and keys fetched once, requests one at a time', async () => {
    const before = { metadata: server.count(PATHS.metadata), keys: server.count(PATHS.keys), token: server.count(PATHS.token) };
    const serial = oneAtATime(fetchLike);
    const report = await rotate(current, next, server, serial);
    expect(report).toMatchObject({ ok: true, verdict: 'both-work' });
    expect(report.results.map((r) => [r.outcome, r.token?.signature])).toEqual([['success', 'verified'], ['success', 'verified']]);
    expect(report.summary).toMatch(/^Both work/);
    expect(report.nextStep).toContain('safe to switch');
    expect(report.nextStep).toMatch(/deactivate the old one once nothing uses it/);
    expect(server.count(PATHS.metadata) - before.metadata).toBe(1);
    expect(server.count(PATHS.keys) - before.keys).toBe(1);
    expect(server.count(PATHS.token) - before.token).toBe(2);
    expect(serial.maxInFlight()).toBe(1);
  });

  it('the current secret goes first, then the new one', async () => {
    const from = server.requests.length;
    await rotate(current, next);
    const tokenCalls = server.requests.slice(from).filter((r) => r.path === PATHS.token);
    const sent = tokenCalls.map((r) => Buffer.from(String(r.headers.authorization).slice(6), 'base64').toString('utf8').split(':')[1]);
    expect(sent).toEqual([current, next]);
  });

  it('only-first-works: the new secret is the inactive one', async () => {
    const report = await rotate(current, inactive);
    expect(report).toMatchObject({ ok: false, verdict: 'only-first-works' });
    expect(report.results[1]).toMatchObject({ outcome: 'rejected', status: 401, error: 'invalid_client' });
    expect(report.results[1].explanation?.id).toBe('wrong-secret');
    expect(report.nextStep).toMatch(/mistyped, not yet active, or from another app/);
  });

  it('only-second-works: the current secret was already deactivated', async () => {
    const report = await rotate(inactive, next);
    expect(report).toMatchObject({ ok: false, verdict: 'only-second-works' });
    expect(report.nextStep).toMatch(/already inactive.*failing now/);
  });

  it('neither-works: both rejected, each reason named', async () => {
    const report = await rotate(inactive, WRONG);
    expect(report).toMatchObject({ ok: false, verdict: 'neither-works' });
    expect(report.results.map((r) => r.outcome)).toEqual(['rejected', 'rejected']);
    expect(report.nextStep).toContain('Current: Wrong client secret');
    expect(report.nextStep).toContain('New: Wrong client secret');
  });
});

describe('faults on the second request', () => {
  it('rejected, then no usable answer (connection dropped): no-answer', async () => {
    const dropping = await startRotationServer({ ca, tokenOverride: (n) => (n === 2 ? behaviours.reset() : undefined) });
    try {
      const report = await rotate(inactive, next, dropping);
      expect(report).toMatchObject({ ok: false, verdict: 'no-answer' });
      expect(report.results.map((r) => r.outcome)).toEqual(['rejected', 'no-answer']);
      expect(report.summary).toContain('the new secret');
    } finally {
      await dropping.close();
    }
  });

  it('rate-limited on the second request: only-first-works, with the rate-limit figures and a "try later" step', async () => {
    const limited = await startRotationServer({
      ca,
      tokenOverride: (n) => (n === 2 ? behaviours.json(429, RATE_LIMIT_FIXTURE.body, RATE_LIMIT_FIXTURE.headers) : undefined),
    });
    try {
      const report = await rotate(current, next, limited);
      expect(report.verdict).toBe('only-first-works');
      expect(report.results[1]).toMatchObject({ outcome: 'rejected', status: 429, rateLimit: { limit: 600, remaining: 0, resetEpochSeconds: RATE_LIMIT_RESET_EPOCH_S } });
      expect(report.nextStep).toMatch(/rate-limited.*run the test again/);
      expect(report.nextStep).not.toMatch(/mistyped/);
      // The summary does not call a 429 a rejection (attack review, 2026-12-02).
      expect(report.summary).toBe('Only the current secret is confirmed: the request with the new one was rate-limited (HTTP 429), so it was not checked.');
    } finally {
      await limited.close();
    }
  });

  it('one side rejected and the other rate-limited: neither-works, worded as one rejection and one request not checked', async () => {
    const limited = await startRotationServer({
      ca,
      tokenOverride: (n) => (n === 1 ? behaviours.json(429, RATE_LIMIT_FIXTURE.body, RATE_LIMIT_FIXTURE.headers) : undefined),
    });
    try {
      const report = await rotate(current, inactive, limited);
      expect(report.verdict).toBe('neither-works');
      expect(report.results.map((r) => r.status)).toEqual([429, 401]);
      expect(report.summary).toBe('Neither is confirmed: the server rejected or rate-limited (HTTP 429) both requests.');
      expect(report.nextStep).toMatch(/^Current: not checked \(rate-limited, HTTP 429\)\. New: /);
      expect(report.nextStep).not.toMatch(/Both rejected/);
    } finally {
      await limited.close();
    }
  });

  it('a server that echoes the OTHER side\'s secret is masked in both reports (positive control: the raw report holds it)', async () => {
    const echo = await startRotationServer({
      ca,
      tokenOverride: (n) => (n === 2 ? behaviours.json(401, { error: 'invalid_client', error_description: `Unknown secret; did you mean ${current}?` }) : undefined),
    });
    try {
      const result = await runRotationTest(input(echo, current), next, { fetch: fetchLike });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.results[1].errorDescription).toContain('did you mean');
      expect(findSecretLeaks(result.value, [current, next], KEEP)).toEqual([]);
      // Control: the scanner does see the secret where the server put it, before masking.
      expect(findSecretLeaks({ text: `did you mean ${current}?` }, [current])).toEqual(['text']);
    } finally {
      await echo.close();
    }
  });
});

describe("the second answer echoes the first request's client assertion (attack review, 2026-12-02)", () => {
  it('its signature (an HMAC of the current secret) is masked in the new side\'s report, whole or alone (positive control: the echo holds it)', async () => {
    let echo: RotationServer | null = null;
    const firstAssertion = (): string => new URLSearchParams(echo?.requests.find((r) => r.path === PATHS.token)?.body ?? '').get('client_assertion') ?? '';
    echo = await startRotationServer({
      ca,
      tokenOverride: (n) => {
        if (n !== 2) return undefined;
        const jwt = firstAssertion();
        return behaviours.json(401, { error: 'invalid_client', error_description: `replayed: ${jwt}; signature ${jwt.split('.')[2] ?? ''}` });
      },
    });
    try {
      const result = await runRotationTest(input(echo, current, { authMethod: 'client_secret_jwt' }), next, { fetch: fetchLike });
      if (!result.ok) throw new Error(`refused: ${result.code}`);
      const signature = firstAssertion().split('.')[2] ?? '';
      expect(signature.length).toBeGreaterThan(40);
      const shown = result.value.results[1].errorDescription ?? '';
      expect(shown).toContain('replayed: ');
      // Positive control: what the server sent holds the signature, and the scanner finds it there.
      expect(findFragments(`replayed: ${firstAssertion()}`, [signature])).not.toEqual([]);
      expect(findFragments(JSON.stringify(result.value), [signature])).toEqual([]);
    } finally {
      await echo.close();
    }
  });
});

describe('an answer cut at 1,000 characters keeps no start of EITHER secret at the cut (issue 11, item 1)', () => {
  // `+ / % & ~` make the form-encoded secret a form of its own (the client's secrets above have none).
  const CUT_CLIENT: RotationClient = {
    clientId: ROTATION_CLIENT.clientId,
    current: 'cur+rent/Secret%41~0123456789&abcdefghijKLMNOP',
    next: 'new+Secret/%42~9876543210&zyxwvutsrqponMLKJIH',
    inactive: ROTATION_CLIENT.inactive,
  };
  const MAX_VERBATIM = 1000;
  /** The redactor's shortest needle: a start this long at the cut must go. */
  const SHORTEST = 4;

  /** How a server can echo a secret, and where the part that carries the secret begins in the echo. */
  const echoes = (secret: string): readonly (readonly [string, { readonly echo: string; readonly from: number }])[] => {
    const basic = `Basic ${Buffer.from(`${CUT_CLIENT.clientId}:${secret}`, 'utf8').toString('base64')}`;
    return [
      ['raw', { echo: secret, from: 0 }],
      ['form-encoded', { echo: formUrlEncode(secret), from: 0 }],
      // The characters that encode only the client ID may stay visible, as in the masked display.
      ['inside a Basic value', { echo: basic, from: 'Basic '.length + Math.floor((4 * Buffer.byteLength(`${CUT_CLIENT.clientId}:`)) / 3) }],
    ];
  };
  const FORMS = echoes(CUT_CLIENT.current).map(([name], i) => [name, i] as const);

  /**
   * A 429 text body (shown verbatim, cut at 1,000) with `k` characters of the secret-bearing part of the echo
   * before the cut: the whole echo and " tail" after the padding (the audit's case), or only that start, then
   * other text (the server's words go on; only the cut's drop can catch it).
   */
  const body = (echo: { echo: string; from: number }, k: number, whole: boolean): string => {
    const pad = 'x'.repeat(MAX_VERBATIM - echo.from - k);
    return whole ? `${pad}${echo.echo} tail` : `${pad}${echo.echo.slice(0, echo.from + k)} and the server goes on ${'z'.repeat(200)}`;
  };

  /** The longest start of `form` (SHORTEST characters or more) that `text` still shows; '' when none. */
  const shownStart = (text: string, form: string): string => {
    for (let k = form.length; k >= SHORTEST; k -= 1) if (text.includes(form.slice(0, k))) return form.slice(0, k);
    return '';
  };
  const atRisk = (secret: string, form: number): string => {
    const entry = echoes(secret)[form]?.[1];
    if (entry === undefined) throw new Error('no such form');
    return entry.echo.slice(entry.from);
  };

  let cutServer: RotationServer;
  /** The two answers of the next rotation: to the current secret's request, then to the new one's. */
  let answers: [RouteBehaviour, RouteBehaviour] = [behaviours.json(500, {}), behaviours.json(500, {})];
  beforeAll(async () => {
    cutServer = await startRotationServer({ ca, client: CUT_CLIENT, tokenOverride: (n) => answers[(n - 1) % 2] });
  });
  afterAll(async () => {
    await cutServer.close();
  });
  const text429 = (text: string): RouteBehaviour => ({ kind: 'text', status: 429, body: text });

  it.each(FORMS.flatMap(([name, form]) => [4, 9, 15].flatMap((k) => [true, false].map((whole) => ({ name, form, k, whole })))))(
    '$name, $k characters of it before the cut (whole echo: $whole): each side masks the other secret there, in both orders',
    async ({ form, k, whole }) => {
      const echoOf = (secret: string): { echo: string; from: number } => {
        const entry = echoes(secret)[form]?.[1];
        if (entry === undefined) throw new Error('no such form');
        return entry;
      };
      // The current secret's request is answered with the NEW secret's echo, and the other way round.
      answers = [text429(body(echoOf(CUT_CLIENT.next), k, whole)), text429(body(echoOf(CUT_CLIENT.current), k, whole))];
      const result = await runRotationTest(input(cutServer, CUT_CLIENT.current, { clientId: CUT_CLIENT.clientId }), CUT_CLIENT.next, { fetch: fetchLike });
      if (!result.ok) throw new Error(`refused: ${result.code}`);
      const [first, second] = result.value.results;
      expect([first.status, second.status]).toEqual([429, 429]);
      for (const [report, other] of [[first, CUT_CLIENT.next], [second, CUT_CLIENT.current]] as const) {
        const shown = report.errorDescription ?? '';
        expect(shown.startsWith('x'.repeat(100))).toBe(true);
        expect(shownStart(shown, atRisk(other, form))).toBe('');
        for (const secret of [CUT_CLIENT.current, CUT_CLIENT.next]) {
          expect(findFragments(JSON.stringify(report), secretForms(CUT_CLIENT.clientId, secret))).toEqual([]);
        }
      }
    },
  );

  it('control: a test that does not know the other secret leaves its start at the cut, and the check above sees it', async () => {
    for (const [, form] of FORMS) {
      const echo = echoes(CUT_CLIENT.next)[form]?.[1];
      if (echo === undefined) throw new Error('no such form');
      answers = [text429(body(echo, 9, false)), text429(body(echo, 9, false))];
      const alone = await runTokenTest(input(cutServer, CUT_CLIENT.current, { clientId: CUT_CLIENT.clientId }), { fetch: fetchLike });
      expect(alone.status).toBe(429);
      expect(shownStart(alone.errorDescription ?? '', atRisk(CUT_CLIENT.next, form))).toHaveLength(9);
    }
  });
});

describe('Ctrl+C while the first token request hangs', () => {
  it('the current side was sent and never answered; the new side says it was never sent, with what it would have sent', async () => {
    const hanging = await startRotationServer({ ca, tokenOverride: (n) => (n === 1 ? behaviours.hang() : undefined) });
    try {
      const controller = new AbortController();
      const pending = runRotationTest(input(hanging, current, { timeoutMs: 30_000 }), next, { fetch: fetchLike }, controller.signal);
      const deadline = Date.now() + 10_000;
      while (hanging.count(PATHS.token) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      controller.abort();
      const result = await pending;
      if (!result.ok) throw new Error(`refused: ${result.code}`);
      const [first, second] = result.value.results;
      const host = new URL(hanging.origin).host;
      expect(result.value.verdict).toBe('no-answer');
      expect(first).toMatchObject({ outcome: 'cancelled', errorDescription: `Cancelled before ${host} answered.` });
      expect(tokenRequestSent(first)).toBe(true);
      expect(second).toMatchObject({ outcome: 'cancelled', errorDescription: `Cancelled before the token request to ${host} was sent.`, attempts: [] });
      expect(tokenRequestSent(second)).toBe(false);
      // As a single test that stops before the POST: `request` is the request it would have sent, masked.
      expect(second.request).toMatchObject({ method: 'POST', url: hanging.tokenUrl, headers: { Authorization: 'Basic ••••••' } });
      expect(hanging.count(PATHS.token)).toBe(1);
    } finally {
      await hanging.close();
    }
  });
});

describe('refused before any traffic', () => {
  it.each([
    ['the same secret twice', current, current],
    ['the same secret with a stray line break', current, `${current}\n`],
    ['the same secret with surrounding spaces', ` ${current}`, `${current}  `],
  ])('%s: same-secret', async (_name, a, b) => {
    const net = countingFetch();
    const result = await runRotationTest(input(server, a), b, { fetch: net });
    expect(result).toMatchObject({ ok: false, code: 'same-secret' });
    if (!result.ok) expect(result.message).toContain('these are the same secret');
    expect(net.calls).toHaveLength(0);
  });

  it('an empty new secret names the new side', async () => {
    const net = countingFetch();
    const result = await runRotationTest(input(server, current), '  ', { fetch: net });
    expect(result).toMatchObject({ ok: false, code: 'empty-client-secret' });
    if (!result.ok) expect(result.message).toMatch(/^The new secret: /);
    expect(net.calls).toHaveLength(0);
  });

  it('bad input common to both (plain HTTP to a remote host) is refused once, unprefixed', async () => {
    const net = countingFetch();
    const result = await runRotationTest(input(server, current, { target: 'http://example.com/oauth2/default' }), next, { fetch: net });
    expect(result).toMatchObject({ ok: false, code: 'insecure-http' });
    expect(net.calls).toHaveLength(0);
  });
});

describe('rotationVerdict', () => {
  // rotationVerdict reads only the outcome of each report.
  const r = (outcome: TokenTestReport['outcome']): TokenTestReport => ({ ok: outcome === 'success', outcome }) as Partial<TokenTestReport> as TokenTestReport;
  it.each([
    ['success', 'success', 'both-work'],
    ['success', 'rejected', 'only-first-works'],
    ['rejected', 'success', 'only-second-works'],
    ['rejected', 'rejected', 'neither-works'],
    ['success', 'no-answer', 'no-answer'],
    ['no-answer', 'rejected', 'no-answer'],
    ['rejected', 'cancelled', 'no-answer'],
  ] as const)('%s + %s → %s', (a, b, verdict) => {
    expect(rotationVerdict(r(a), r(b))).toBe(verdict);
  });
});

describe('with client_secret_jwt (only the secret varies; the assertion is signed with each)', () => {
  it.each([
    [current, next, 'both-work'],
    [current, inactive, 'only-first-works'],
    [inactive, next, 'only-second-works'],
  ] as const)('%#: %s', async (a, b, verdict) => {
    const from = server.requests.length;
    const result = await runRotationTest(input(server, a, { authMethod: 'client_secret_jwt' }), b, { fetch: fetchLike });
    if (!result.ok) throw new Error(`refused: ${result.code}`);
    expect(result.value.verdict).toBe(verdict);
    expect(findSecretLeaks(result.value, [current, next, inactive], KEEP)).toEqual([]);
    // Each token request carried an assertion and no secret of any kind.
    const tokenCalls = server.requests.slice(from).filter((r) => r.path === PATHS.token);
    expect(tokenCalls).toHaveLength(2);
    for (const call of tokenCalls) {
      expect(new URLSearchParams(call.body).get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      expect(call.headers.authorization).toBeUndefined();
      for (const secret of [a, b]) expect(call.body).not.toContain(secret);
    }
  });
});
