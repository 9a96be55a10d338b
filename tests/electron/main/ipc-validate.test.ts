import { describe, expect, it } from 'vitest';
import {
  validateCancelTest,
  validateCopyText,
  validateForget,
  validateTestCredentials,
  VALIDATORS,
} from '../../../electron/main/ipc-validate';
import { INVOKE_CHANNELS } from '../../../electron/shared/ipc-contract';
import { LIMITS } from '../../../electron/shared/limits';

const SECRET = 'sEcReT-value-0123456789-abcdefghijklmnop';

const goodTest = () => ({
  requestId: 'run-1',
  target: 'https://dev-123.okta.com/oauth2/default',
  authServer: { kind: 'default' },
  clientId: '0oa1testclient',
  clientSecret: SECRET,
  scopes: ['api:read'],
  authMethod: 'client_secret_basic',
  formEncode: false,
  timeoutMs: 15_000,
});

function expectRefused(result: { ok: boolean; code?: string; message?: string }): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe('invalid-payload');
  expect(result.message).toMatch(/\S/);
  // A refusal never repeats the value it refused.
  expect(result.message).not.toContain(SECRET);
}

describe('VALIDATORS', () => {
  it('has one validator per channel', () => {
    expect(Object.keys(VALIDATORS).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
  });
});

describe('validateTestCredentials', () => {
  it('accepts a good request and returns a fresh copy', () => {
    const payload = goodTest();
    const result = validateTestCredentials(payload);
    expect(result).toEqual({ ok: true, value: payload });
    if (result.ok) {
      expect(result.value).not.toBe(payload);
      expect(result.value.scopes).not.toBe(payload.scopes);
    }
  });

  it('accepts org, custom and empty scopes, post, form-encoding and the timeout bounds', () => {
    for (const authServer of [{ kind: 'org' }, { kind: 'custom', id: 'aus9o8wzkhckw9TLa0h7' }]) {
      expect(validateTestCredentials({ ...goodTest(), authServer }).ok).toBe(true);
    }
    expect(validateTestCredentials({ ...goodTest(), scopes: [] }).ok).toBe(true);
    expect(validateTestCredentials({ ...goodTest(), authMethod: 'client_secret_post', formEncode: true }).ok).toBe(true);
    expect(validateTestCredentials({ ...goodTest(), timeoutMs: 1000 }).ok).toBe(true);
    expect(validateTestCredentials({ ...goodTest(), timeoutMs: 120_000 }).ok).toBe(true);
  });

  it('accepts values exactly at the length caps', () => {
    expect(validateTestCredentials({
      ...goodTest(),
      clientId: 'i'.repeat(LIMITS.clientIdChars),
      clientSecret: 's'.repeat(LIMITS.clientSecretChars),
      target: 't'.repeat(LIMITS.targetChars),
      scopes: Array.from({ length: LIMITS.scopes }, () => 'x'.repeat(LIMITS.scopeChars)),
    }).ok).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'payload'],
    ['a number', 42],
    ['an array', [goodTest()]],
    ['a function', () => goodTest()],
  ])('refuses %s', (_name, payload) => {
    expectRefused(validateTestCredentials(payload));
  });

  it.each([
    ['requestId', 123],
    ['requestId', 'has space'],
    ['requestId', 'x'.repeat(65)],
    ['requestId', ''],
    ['target', 42],
    ['target', 't'.repeat(LIMITS.targetChars + 1)],
    ['target', 'https://x.okta.com/\u0000'],
    ['clientId', null],
    ['clientId', 'i'.repeat(LIMITS.clientIdChars + 1)],
    ['clientSecret', { toString: () => SECRET }],
    ['clientSecret', SECRET.repeat(300)],
    ['scopes', 'api:read'],
    ['scopes', ['has space']],
    ['scopes', ['tab\there']],
    ['scopes', ['quote"']],
    ['scopes', ['']],
    ['scopes', [42]],
    ['scopes', ['x'.repeat(LIMITS.scopeChars + 1)]],
    ['scopes', Array.from({ length: LIMITS.scopes + 1 }, (_, i) => `s${i}`)],
    ['authMethod', 'none'],
    ['authMethod', 'both'],
    ['formEncode', 'true'],
    ['formEncode', 1],
    ['timeoutMs', 999],
    ['timeoutMs', 120_001],
    ['timeoutMs', 1500.5],
    ['timeoutMs', Number.NaN],
    ['timeoutMs', Number.POSITIVE_INFINITY],
    ['timeoutMs', '15000'],
    ['authServer', 'default'],
    ['authServer', null],
    ['authServer', { kind: 'other' }],
    ['authServer', { kind: 'default', extra: 1 }],
    ['authServer', { kind: 'custom' }],
    ['authServer', { kind: 'custom', id: 42 }],
    ['authServer', { kind: 'custom', id: 'a'.repeat(LIMITS.customServerIdChars + 1) }],
    ['authServer', { kind: 'custom', id: 'aus\u0007' }],
  ])('refuses %s = %j', (key, value) => {
    expectRefused(validateTestCredentials({ ...goodTest(), [key]: value }));
  });

  it('refuses a missing field', () => {
    const payload: Record<string, unknown> = goodTest();
    delete payload.clientSecret;
    expectRefused(validateTestCredentials(payload));
  });

  it('refuses extra keys, and never names the secret', () => {
    expectRefused(validateTestCredentials({ ...goodTest(), admin: true }));
    expectRefused(validateTestCredentials({ ...goodTest(), [SECRET]: SECRET }));
  });

  it('refuses an own __proto__ key (JSON.parse creates one) without polluting anything', () => {
    const hostile: unknown = JSON.parse(`{"requestId":"r","target":"t","authServer":{"kind":"default"},"clientId":"i","clientSecret":"s","scopes":[],"authMethod":"client_secret_basic","formEncode":false,"timeoutMs":15000,"__proto__":{"polluted":true}}`);
    expectRefused(validateTestCredentials(hostile));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses constructor / prototype keys', () => {
    expectRefused(validateTestCredentials({ ...goodTest(), constructor: { prototype: { polluted: true } } }));
    expectRefused(validateTestCredentials({ ...goodTest(), prototype: {} }));
    expectRefused(validateTestCredentials({ ...goodTest(), authServer: JSON.parse('{"kind":"default","__proto__":{"x":1}}') }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an object whose prototype carries the fields', () => {
    expectRefused(validateTestCredentials(Object.create(goodTest())));
  });

  it('refuses class instances and other non-plain objects', () => {
    class Payload {
      requestId = 'r';
    }
    expectRefused(validateTestCredentials(Object.assign(new Payload(), goodTest())));
    expectRefused(validateTestCredentials(new Map(Object.entries(goodTest()))));
    expectRefused(validateTestCredentials(new Date()));
  });

  it('accepts a null-prototype object (structured clone never makes one, but it is plain)', () => {
    expect(validateTestCredentials(Object.assign(Object.create(null), goodTest())).ok).toBe(true);
  });

  it('refuses getters without calling them', () => {
    let called = false;
    const payload = goodTest() as Record<string, unknown>;
    Object.defineProperty(payload, 'clientSecret', {
      enumerable: true,
      get() {
        called = true;
        return SECRET;
      },
    });
    expectRefused(validateTestCredentials(payload));
    expect(called).toBe(false);
  });

  it('refuses symbol keys', () => {
    expectRefused(validateTestCredentials({ ...goodTest(), [Symbol('x')]: 1 }));
  });

  it('refuses hostile scope lists: extra properties, holes, getters, subclasses', () => {
    const extra = Object.assign(['api:read'], { extra: 1 });
    expectRefused(validateTestCredentials({ ...goodTest(), scopes: extra }));
    // eslint-disable-next-line no-sparse-arrays
    expectRefused(validateTestCredentials({ ...goodTest(), scopes: ['a', , 'b'] }));
    const getter = ['api:read'];
    Object.defineProperty(getter, 0, { get: () => 'api:read' });
    expectRefused(validateTestCredentials({ ...goodTest(), scopes: getter }));
    class Scopes extends Array<string> {}
    expectRefused(validateTestCredentials({ ...goodTest(), scopes: Scopes.from(['api:read']) }));
  });
});

describe('validateCopyText', () => {
  it('accepts text and a known purpose', () => {
    expect(validateCopyText({ text: 'Basic abc=', purpose: 'header' })).toEqual({ ok: true, value: { text: 'Basic abc=', purpose: 'header' } });
    expect(validateCopyText({ text: 'x'.repeat(LIMITS.copyTextChars), purpose: 'token' }).ok).toBe(true);
  });

  it.each([
    [{ text: '', purpose: 'header' }],
    [{ text: 'x'.repeat(LIMITS.copyTextChars + 1), purpose: 'header' }],
    [{ text: 42, purpose: 'header' }],
    [{ text: 'x', purpose: 'secret' }],
    [{ text: 'x' }],
    [{ text: 'x', purpose: 'header', html: '<b>' }],
    [['x', 'header']],
    [null],
  ])('refuses %j', (payload) => {
    expectRefused(validateCopyText(payload));
  });
});

describe('validateForget', () => {
  it.each(['user', 'idle', 'shortcut'])('accepts reason %s', (reason) => {
    expect(validateForget({ reason })).toEqual({ ok: true, value: { reason } });
  });

  it.each([[{}], [{ reason: 'crash' }], [{ reason: 'user', now: true }], [undefined]])('refuses %j', (payload) => {
    expectRefused(validateForget(payload));
  });
});

describe('validateCancelTest', () => {
  it('accepts a request id', () => {
    expect(validateCancelTest({ requestId: 'abc-123' })).toEqual({ ok: true, value: { requestId: 'abc-123' } });
  });

  it.each([[{ requestId: '../x' }], [{ requestId: '__proto__' }], [{ requestId: 5 }], [{}], [{ requestId: 'a', more: 1 }]])('refuses %j', (payload) => {
    expectRefused(validateCancelTest(payload));
  });
});
