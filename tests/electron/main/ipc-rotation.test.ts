/**
 * The testRotation operation end to end in main: sender check, validation of
 * the single test's fields plus the new secret, core's rotation runner against
 * the rotation server (two ACTIVE secrets, one INACTIVE, real signed tokens),
 * cancellation and Forget through the shared in-flight registry, and the
 * withheld-result guard for both secrets.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RotationReport } from '../../../core/okta';
import { createHandlers, MESSAGES, type HandlerDeps, type Handlers } from '../../../electron/main/ipc-handlers';
import { validateTestRotation } from '../../../electron/main/ipc-validate';
import type { SenderInfo } from '../../../electron/main/sender-trust';
import { LIMITS } from '../../../electron/shared/limits';
import { APP_ORIGIN } from '../../../electron/shared/app-origin';
import type { TestRotationRequest } from '../../../electron/shared/ipc-contract';
import { tokenTestInput } from '../../support/auth-server';
import { countingFetch, createTestFetch, type TestFetch } from '../../support/node-fetch';
import { ROTATION_CLIENT, startRotationServer, type RotationServer } from '../../support/rotation-server';
import { MemoryClipboard } from '../../support/electron/memory-clipboard';
import { useHangingServer } from '../../support/electron/hanging-server';

const trusted: SenderInfo = { webContentsId: 1, frameUrl: 'app://basic-header/index.html', isMainFrame: true };
const { clientId, current, next, inactive } = ROTATION_CLIENT;

let server: RotationServer;
let fetchViaCa: TestFetch;
let handlers: Handlers | undefined;

function deps(overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  return { clipboard: new MemoryClipboard(), fetch: fetchViaCa, isTrustedWebContents: (id) => id === 1, trustedOrigin: APP_ORIGIN, ...overrides };
}

function rotationRequest(overrides: Partial<TestRotationRequest> = {}): TestRotationRequest {
  return { requestId: 'rot-1', ...tokenTestInput(server, { target: server.issuer, clientId, clientSecret: current }), newClientSecret: next, ...overrides };
}

/** The core result inside an ok envelope. */
function rotation(result: Awaited<ReturnType<Handlers['testRotation']>>): RotationReport {
  expect(result.ok).toBe(true);
  if (!result.ok || !result.value.ok) throw new Error('expected a rotation report');
  return result.value.value;
}

beforeAll(async () => {
  server = await startRotationServer();
  fetchViaCa = createTestFetch(server.ca);
});

afterAll(async () => {
  await fetchViaCa.close();
  await server.close();
});

afterEach(async () => {
  await handlers?.dispose();
  handlers = undefined;
});

describe('validation', () => {
  it('accepts the single test\'s fields plus newClientSecret, as a fresh plain object', () => {
    const request = rotationRequest();
    const checked = validateTestRotation(request);
    expect(checked).toEqual({ ok: true, value: request });
    if (checked.ok) expect(checked.value).not.toBe(request);
  });

  // Built lazily: the request names the server, which starts in beforeAll.
  it.each([
    ['no newClientSecret', () => ({ ...rotationRequest(), newClientSecret: undefined })],
    ['a newClientSecret that is not text', () => ({ ...rotationRequest(), newClientSecret: 42 })],
    ['an oversized newClientSecret', () => ({ ...rotationRequest(), newClientSecret: 's'.repeat(LIMITS.clientSecretChars + 1) })],
    ['an extra field', () => ({ ...rotationRequest(), extra: true })],
    ['a bad shared field', () => ({ ...rotationRequest(), authMethod: 'none' })],
    ['a getter for the new secret', () => Object.defineProperty({ ...rotationRequest() }, 'newClientSecret', { get: () => next, enumerable: true })],
  ])('refuses %s, naming no value', (_name, payload) => {
    const checked = validateTestRotation(payload());
    expect(checked.ok).toBe(false);
    expect(JSON.stringify(checked)).not.toContain(next);
    expect(JSON.stringify(checked)).not.toContain(current);
  });

  it('an untrusted sender is refused before any traffic', async () => {
    const counting = countingFetch();
    handlers = createHandlers(deps({ fetch: counting }));
    expect(await handlers.testRotation({ ...trusted, webContentsId: 2 }, rotationRequest())).toEqual({ ok: false, code: 'untrusted-sender', message: MESSAGES.untrusted });
    expect(counting.calls).toHaveLength(0);
  });
});

describe('against the rotation server', () => {
  it.each([
    [current, next, 'both-work'],
    [current, inactive, 'only-first-works'],
    [inactive, next, 'only-second-works'],
    [inactive, `${inactive}x`, 'neither-works'],
  ] as const)('verdict %#: %s', async (a, b, verdict) => {
    handlers = createHandlers(deps());
    const result = await handlers.testRotation(trusted, rotationRequest({ clientSecret: a, newClientSecret: b }));
    expect(rotation(result).verdict).toBe(verdict);
    for (const secret of [a, b]) expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('the same secret twice is core\'s refusal inside an ok envelope, with no traffic', async () => {
    const counting = countingFetch();
    handlers = createHandlers(deps({ fetch: counting }));
    const result = await handlers.testRotation(trusted, rotationRequest({ newClientSecret: current }));
    expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'same-secret' } });
    expect(counting.calls).toHaveLength(0);
  });

  it('a result that would contain either secret is withheld (positive control through an injected runner)', async () => {
    for (const leaked of [current, next]) {
      handlers = createHandlers(deps(), {
        runRotationTest: async () => ({ ok: false, code: 'same-secret', message: `echo ${leaked}` }),
      });
      const result = await handlers.testRotation(trusted, rotationRequest());
      expect(result).toEqual({ ok: false, code: 'internal', message: MESSAGES.withheld });
      await handlers.dispose();
    }
  });
});

describe('cancel and forget', () => {
  const hang = useHangingServer();

  it('cancelTest with the rotation\'s id cancels both sides, and the second sends nothing', async () => {
    handlers = createHandlers(deps({ fetch: hang.fetch }));
    const before = hang.server.requestCount();
    const running = handlers.testRotation(trusted, rotationRequest({ requestId: 'rot-hang', target: hang.issuer, timeoutMs: 60_000 }));
    await hang.untilRequests(before + 1);
    expect(await handlers.cancelTest(trusted, { requestId: 'rot-hang' })).toEqual({ ok: true, value: { cancelled: true } });
    const report = rotation(await running);
    expect(report.results.map((r) => r.outcome)).toEqual(['cancelled', 'cancelled']);
    expect(report.verdict).toBe('no-answer');
    expect(hang.server.requestCount()).toBe(before + 1);
  });

  it('forget aborts a running rotation', async () => {
    handlers = createHandlers(deps({ fetch: hang.fetch }));
    const before = hang.server.requestCount();
    const running = handlers.testRotation(trusted, rotationRequest({ requestId: 'rot-forget', target: hang.issuer, timeoutMs: 60_000 }));
    await hang.untilRequests(before + 1);
    expect(await handlers.forget(trusted, { reason: 'user' })).toMatchObject({ ok: true, value: { requestsCancelled: 1 } });
    expect(rotation(await running).results[0].outcome).toBe('cancelled');
  });
});
