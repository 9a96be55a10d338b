/**
 * createHandlers end to end: the real sender check and validation, an
 * in-memory clipboard, and real token requests to the real oidc-provider
 * server over HTTPS (trusted through the test CA only).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers, MESSAGES, type HandlerDeps, type Handlers } from '../../../electron/main/ipc-handlers';
import type { SenderInfo } from '../../../electron/main/sender-trust';
import { INVOKE_CHANNELS, type InvokeOperation, type TestCredentialsRequest } from '../../../electron/shared/ipc-contract';
import { APP_ORIGIN } from '../../../electron/shared/app-origin';
import type { TokenTestReport } from '../../../core/okta/types';
import { DEFAULT_CLIENT, startAuthServer, tokenTestInput, type AuthServer } from '../../support/auth-server';
import { createTestFetch, countingFetch, type TestFetch } from '../../support/node-fetch';
import { createSelectionGuard } from '../../../electron/main/clipboard-guard';
import { createManualTimers, MemoryClipboard } from '../../support/electron/memory-clipboard';
import { useHangingServer } from '../../support/electron/hanging-server';

const WINDOW_ID = 1;
const trusted: SenderInfo = { webContentsId: WINDOW_ID, frameUrl: 'app://basic-header/index.html', isMainFrame: true };
const OPERATIONS = Object.keys(INVOKE_CHANNELS) as InvokeOperation[];

let server: AuthServer;
let fetchViaCa: TestFetch;
let clipboard: MemoryClipboard;
let handlers: Handlers;

function deps(overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    clipboard,
    fetch: fetchViaCa,
    isTrustedWebContents: (id) => id === WINDOW_ID,
    trustedOrigin: APP_ORIGIN,
    ...overrides,
  };
}

function testRequest(overrides: Partial<TestCredentialsRequest> = {}): TestCredentialsRequest {
  return { requestId: 'run-1', ...tokenTestInput(server, { target: server.issuer }), ...overrides };
}

function report(result: { ok: boolean; value?: unknown }): TokenTestReport {
  expect(result.ok).toBe(true);
  return result.value as TokenTestReport;
}

beforeAll(async () => {
  server = await startAuthServer();
  fetchViaCa = createTestFetch(server.ca);
});

afterAll(async () => {
  await fetchViaCa.close();
  await server.close();
});

afterEach(async () => {
  await handlers.dispose();
});

function fresh(overrides: Partial<HandlerDeps> = {}): Handlers {
  clipboard = new MemoryClipboard();
  handlers = createHandlers(deps(overrides));
  return handlers;
}

describe('sender check', () => {
  const untrusted: [string, SenderInfo][] = [
    ['another webContents', { ...trusted, webContentsId: 2 }],
    ['a sub-frame', { ...trusted, isMainFrame: false }],
    ['a foreign URL', { ...trusted, frameUrl: 'https://evil.example/' }],
    ['a null frame', { ...trusted, frameUrl: null }],
    ['a look-alike host', { ...trusted, frameUrl: 'app://basic-header.evil/index.html' }],
  ];

  it.each(untrusted)('refuses %s for every operation, before doing anything', async (_name, sender) => {
    fresh();
    const before = server.requestCount();
    const payloads: Record<InvokeOperation, unknown> = {
      copyText: { text: 'Basic abc=', purpose: 'header' },
      forget: { reason: 'user' },
      testCredentials: testRequest(),
      testRotation: { ...testRequest(), newClientSecret: 'new-secret-0123456789_abcdefghijklmnopqrstuvwxyz' },
      cancelTest: { requestId: 'run-1' },
      chooseKeyFile: { kid: null },
      importKeyText: { text: '-----BEGIN PRIVATE KEY-----', kid: null },
      generateKey: { alg: 'ES256' },
      copyPrivateKey: { slotId: 'slot-1', form: 'private-pem' },
    };
    for (const operation of OPERATIONS) {
      const result = await handlers[operation](sender, payloads[operation]);
      expect(result).toEqual({ ok: false, code: 'untrusted-sender', message: MESSAGES.untrusted });
    }
    expect(clipboard.writes).toBe(0);
    expect(server.requestCount()).toBe(before);
  });

  it('checks the sender before the payload: a foreign frame learns nothing of what a valid payload looks like', async () => {
    fresh();
    const foreign: SenderInfo = { ...trusted, frameUrl: 'https://evil.example/' };
    for (const operation of OPERATIONS) {
      // Positive control: from the app's own frame the same payload is refused as invalid.
      expect(await handlers[operation](trusted, { probe: 1 })).toMatchObject({ ok: false, code: 'invalid-payload' });
      expect(await handlers[operation](foreign, { probe: 1 })).toEqual({ ok: false, code: 'untrusted-sender', message: MESSAGES.untrusted });
    }
  });
});

describe('payload validation', () => {
  const hostile = (): unknown[] => [
    null,
    undefined,
    0,
    'x'.repeat(1_000_000),
    [],
    [{}],
    {},
    { __proto__: { text: 'x', purpose: 'header' } },
    JSON.parse('{"__proto__":{"polluted":true}}'),
    { constructor: { prototype: { polluted: true } } },
    new (class Sneaky {
      readonly text = 'x';
    })(),
    Object.defineProperty({}, 'text', { get: () => { throw new Error('getter ran'); }, enumerable: true }),
    { text: 'x'.repeat(100_000), purpose: 'header' },
    { ...testRequest(), clientSecret: 's'.repeat(100_000) },
    { ...testRequest(), extra: true },
    { ...testRequest(), scopes: 'api:read' },
  ];

  it('every operation answers every hostile payload with a refusal and never throws', async () => {
    fresh();
    for (const operation of OPERATIONS) {
      for (const payload of hostile()) {
        const result = await handlers[operation](trusted, payload);
        expect(result.ok, `${operation} accepted ${String(payload)}`).toBe(false);
        if (!result.ok) expect(result.code).toBe('invalid-payload');
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(clipboard.writes).toBe(0);
  });
});

describe('copyText', () => {
  it('writes the clipboard and clears it after the configured delay only if still ours', async () => {
    clipboard = new MemoryClipboard();
    const timers = createManualTimers();
    handlers = createHandlers(deps({ clipboardClearMs: 5000 }), { timers });
    expect(await handlers.copyText(trusted, { text: 'Basic abc=', purpose: 'header' })).toEqual({ ok: true, value: { clearAfterMs: 5000 } });
    expect(clipboard.text).toBe('Basic abc=');
    await timers.advance(5000);
    expect(clipboard.text).toBe('');

    await handlers.copyText(trusted, { text: 'Basic abc=', purpose: 'header' });
    clipboard.userCopies('something else');
    await timers.advance(5000);
    expect(clipboard.text).toBe('something else');
  });

  it('defaults to clearing after 30 s', async () => {
    fresh();
    expect(await handlers.copyText(trusted, { text: 'abc', purpose: 'base64' })).toEqual({ ok: true, value: { clearAfterMs: 30_000 } });
  });

  it('reports an unavailable clipboard without the error text', async () => {
    fresh();
    clipboard.failNextWrite = true;
    expect(await handlers.copyText(trusted, { text: 'Basic abc=', purpose: 'header' })).toEqual({
      ok: false,
      code: 'clipboard-unavailable',
      message: MESSAGES.clipboard,
    });
  });
});

describe('testCredentials against the real authorization server', () => {
  it('succeeds, verifies the token, and never returns the secret', async () => {
    fresh();
    const result = await handlers.testCredentials(trusted, testRequest());
    const value = report(result);
    expect(value.outcome).toBe('success');
    expect(value.ok).toBe(true);
    expect(value.token?.signature).toBe('verified');
    expect(JSON.stringify(result)).not.toContain(DEFAULT_CLIENT.clientSecret);
    expect(JSON.stringify(result)).not.toContain(Buffer.from(`${DEFAULT_CLIENT.clientId}:${DEFAULT_CLIENT.clientSecret}`).toString('base64'));
  });

  it('a second test in a session sends only its token request; Forget empties what the first one learned (issue 16)', async () => {
    const paths: string[] = [];
    fresh({
      fetch: (url, init) => {
        paths.push(new URL(url).pathname);
        return fetchViaCa(url, init);
      },
    });
    expect(report(await handlers.testCredentials(trusted, testRequest())).token?.signature).toBe('verified');
    const first = paths.splice(0);
    expect(first).toEqual(expect.arrayContaining(['/oauth2/default/v1/token', '/oauth2/default/v1/keys']));
    expect(first.some((p) => p.includes('/.well-known/'))).toBe(true);
    expect(report(await handlers.testCredentials(trusted, testRequest({ requestId: 'run-2' }))).token?.signature).toBe('verified');
    expect(paths.splice(0)).toEqual(['/oauth2/default/v1/token']);
    expect((await handlers.forget(trusted, { reason: 'user' })).ok).toBe(true);
    expect(report(await handlers.testCredentials(trusted, testRequest({ requestId: 'run-3' }))).token?.signature).toBe('verified');
    expect(paths).toEqual(first);
  });

  it.each(['/.well-known/', '/v1/keys'])('a test that began before Forget does not refill the session cache after it, even if %s answers late and ignores the abort', async (held) => {
    const paths: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let heldSeen: () => void = () => undefined;
    const seen = new Promise<void>((resolve) => {
      heldSeen = resolve;
    });
    fresh({
      fetch: async (url, init) => {
        paths.push(new URL(url).pathname);
        if (!url.includes(held)) return fetchViaCa(url, init);
        // A transport that answers in full after the abort, as if it never saw it.
        const response = await fetchViaCa(url, { ...init, signal: null });
        const body = await response.text();
        heldSeen();
        await gate;
        return new Response(body, { status: response.status, headers: response.headers });
      },
    });
    const first = handlers.testCredentials(trusted, testRequest());
    await seen;
    expect((await handlers.forget(trusted, { reason: 'user' })).ok).toBe(true);
    release();
    await first;
    paths.length = 0;
    expect(report(await handlers.testCredentials(trusted, testRequest({ requestId: 'run-2' }))).token?.signature).toBe('verified');
    // What the first test learned after Forget was not kept: the second fetches it again.
    expect(paths.some((p) => p.includes(held))).toBe(true);
  });

  it('checks the token\'s signature with Node\'s crypto, not WebCrypto\'s thread hop (issue 16)', async () => {
    fresh();
    const subtleVerify = vi.spyOn(globalThis.crypto.subtle, 'verify');
    try {
      const value = report(await handlers.testCredentials(trusted, testRequest()));
      expect(value.token?.signature).toBe('verified');
      expect(subtleVerify).not.toHaveBeenCalled();
    } finally {
      subtleVerify.mockRestore();
    }
  });

  it('a wrong secret is a rejected report inside an ok envelope, without the secret', async () => {
    fresh();
    const wrong = 'wrong-secret-0123456789abcdefghij';
    const result = await handlers.testCredentials(trusted, testRequest({ clientSecret: wrong }));
    const value = report(result);
    expect(value.outcome).toBe('rejected');
    expect(value.status).toBe(401);
    expect(JSON.stringify(result)).not.toContain(wrong);
  });

  it('a refused target never reaches the network', async () => {
    const counting = countingFetch();
    fresh({ fetch: counting });
    const value = report(await handlers.testCredentials(trusted, testRequest({ target: 'http://dev-123.okta.com' })));
    expect(value.outcome).toBe('invalid-input');
    expect(counting.calls).toHaveLength(0);
  });
});

describe('cancelling and forgetting', () => {
  const hang = useHangingServer();

  it('Forget also clears a PRIMARY selection made in the window (Linux), and only that', async () => {
    clipboard = new MemoryClipboard();
    clipboard.selection = 'the user’s own selection';
    const selection = createSelectionGuard(clipboard);
    await selection.noteFocus();
    handlers = createHandlers(deps({ selection }));
    clipboard.selection = 'Authorization: Basic abc=';
    expect((await handlers.forget(trusted, { reason: 'user' })).ok).toBe(true);
    expect(clipboard.selection).toBe('');
  });

  it('Forget during a pending clipboard write clears the copy once written, and answers clipboardCleared: true', async () => {
    fresh();
    const release = clipboard.holdWrites();
    const copying = handlers.copyText(trusted, { text: 'Authorization: Basic abc=', purpose: 'header' });
    const forgetting = handlers.forget(trusted, { reason: 'user' });
    release();
    expect((await copying).ok).toBe(true);
    expect(await forgetting).toEqual({ ok: true, value: { clipboardCleared: true, requestsCancelled: 0, keysForgotten: 0 } });
    expect(clipboard.text).toBe('');
  });

  it('cancelTest aborts the running request and the report says so', async () => {
    fresh({ fetch: hang.fetch });
    const before = hang.server.requestCount();
    const running = handlers.testCredentials(trusted, testRequest({ requestId: 'hang-1', target: hang.issuer, timeoutMs: 60_000 }));
    await hang.untilRequests(before + 1);
    expect(await handlers.cancelTest(trusted, { requestId: 'hang-1' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(report(await running).outcome).toBe('cancelled');
    expect(await handlers.cancelTest(trusted, { requestId: 'hang-1' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('refuses a second test with a request id already running', async () => {
    fresh({ fetch: hang.fetch });
    const running = handlers.testCredentials(trusted, testRequest({ requestId: 'dup', target: hang.issuer, timeoutMs: 60_000 }));
    expect(await handlers.testCredentials(trusted, testRequest({ requestId: 'dup' }))).toEqual({ ok: false, code: 'invalid-payload', message: MESSAGES.duplicateRequest });
    await handlers.cancelTest(trusted, { requestId: 'dup' });
    await running;
  });

  it('forget aborts in-flight tests and clears our clipboard copy', async () => {
    fresh({ fetch: hang.fetch });
    await handlers.copyText(trusted, { text: 'Basic abc=', purpose: 'header' });
    const before = hang.server.requestCount();
    const a = handlers.testCredentials(trusted, testRequest({ requestId: 'a', target: hang.issuer, timeoutMs: 60_000 }));
    const b = handlers.testCredentials(trusted, testRequest({ requestId: 'b', target: hang.issuer, timeoutMs: 60_000 }));
    await hang.untilRequests(before + 2);
    expect(await handlers.forget(trusted, { reason: 'user' })).toEqual({ ok: true, value: { clipboardCleared: true, requestsCancelled: 2, keysForgotten: 0 } });
    expect(clipboard.text).toBe('');
    expect(report(await a).outcome).toBe('cancelled');
    expect(report(await b).outcome).toBe('cancelled');
  });

  it('forget leaves a clipboard the user has since changed', async () => {
    fresh();
    await handlers.copyText(trusted, { text: 'Basic abc=', purpose: 'header' });
    clipboard.userCopies('mine');
    expect(await handlers.forget(trusted, { reason: 'idle' })).toEqual({ ok: true, value: { clipboardCleared: false, requestsCancelled: 0, keysForgotten: 0 } });
    expect(clipboard.text).toBe('mine');
  });

  it('dispose (quit) aborts tests and clears our copy', async () => {
    fresh({ fetch: hang.fetch });
    await handlers.copyText(trusted, { text: 'Basic abc=', purpose: 'header' });
    const running = handlers.testCredentials(trusted, testRequest({ requestId: 'q', target: hang.issuer, timeoutMs: 60_000 }));
    await handlers.dispose();
    expect(clipboard.text).toBe('');
    expect(report(await running).outcome).toBe('cancelled');
  });
});

describe('internal failures', () => {
  const secret = DEFAULT_CLIENT.clientSecret;

  it('an exception becomes a fixed internal message, never the exception text', async () => {
    clipboard = new MemoryClipboard();
    handlers = createHandlers(deps(), {
      runTokenTest: async (input) => {
        throw new Error(`boom ${input.clientSecret}`);
      },
    });
    const result = await handlers.testCredentials(trusted, testRequest());
    expect(result).toEqual({ ok: false, code: 'internal', message: MESSAGES.internal });
  });

  it('a report that would contain the secret is withheld', async () => {
    clipboard = new MemoryClipboard();
    handlers = createHandlers(deps(), {
      runTokenTest: async () => ({ errorDescription: `invalid client ${secret}` }) as unknown as TokenTestReport,
    });
    const result = await handlers.testCredentials(trusted, testRequest());
    expect(result).toEqual({ ok: false, code: 'internal', message: MESSAGES.withheld });
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('a clipboard that throws on read during forget does not break forget', async () => {
    fresh();
    await handlers.copyText(trusted, { text: 'Basic abc=', purpose: 'header' });
    clipboard.failReads = true;
    expect(await handlers.forget(trusted, { reason: 'user' })).toEqual({ ok: true, value: { clipboardCleared: false, requestsCancelled: 0, keysForgotten: 0 } });
  });
});
