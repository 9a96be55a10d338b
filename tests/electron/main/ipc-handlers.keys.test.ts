/**
 * Issue 12, main's side of private keys: Choose key file (the dialog is
 * injected, the file is one this test wrote), a pasted key, a generated key
 * registered with the real oidc-provider server and then used, the guarded
 * private-key copies, DPoP, and the slot lifecycle (Forget wipes). Every reply
 * is checked for the key's material, with a positive control that the same
 * check finds a planted key.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findSecretLeaks } from '../../../core/okta';
import type { TokenTestReport } from '../../../core/okta/types';
import { createHandlers, MESSAGES, type HandlerInternals, type Handlers } from '../../../electron/main/ipc-handlers';
import { validateChooseKeyFile, validateCopyPrivateKey, validateGenerateKey, validateImportKeyText, validateTestCredentials } from '../../../electron/main/ipc-validate';
import { readKeyFile } from '../../../electron/main/key-file';
import { createKeySlots } from '../../../electron/main/key-slots';
import type { SenderInfo } from '../../../electron/main/sender-trust';
import { APP_ORIGIN } from '../../../electron/shared/app-origin';
import type { ClientKeyInfo, KeyLoadResponse, TestCredentialsRequest } from '../../../electron/shared/ipc-contract';
import { LIMITS } from '../../../electron/shared/limits';
import { importPrivateKey } from '../../../core/okta';
import { startAuthServer, tokenTestInput, type AuthServer } from '../../support/auth-server';
import { createManualTimers, MemoryClipboard } from '../../support/electron/memory-clipboard';
import { makeJwtClients, RSA_KID, type JwtClients } from '../../support/jwt-clients';
import { keyNeedles, keyText, type TestKey } from '../../support/key-files';
import { createTestFetch, type TestFetch } from '../../support/node-fetch';

const trusted: SenderInfo = { webContentsId: 1, frameUrl: 'app://basic-header/index.html', isMainFrame: true };
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

let server: AuthServer;
let fetchViaCa: TestFetch;
let clients: JwtClients;
let dir: string;
let clipboard: MemoryClipboard;
let handlers: Handlers;
/** Every value any handler answered in a test: all must be free of key material. */
let replies: unknown[];

beforeAll(async () => {
  clients = makeJwtClients();
  server = await startAuthServer({ clients: clients.all });
  fetchViaCa = createTestFetch(server.ca);
  dir = await mkdtemp(path.join(tmpdir(), 'basic-header-keys-'));
});

afterAll(async () => {
  await fetchViaCa.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await handlers.dispose();
});

function fresh(internals: HandlerInternals = {}): Handlers {
  clipboard = new MemoryClipboard();
  replies = [];
  const real = createHandlers(
    { clipboard, fetch: fetchViaCa, isTrustedWebContents: (id) => id === 1, trustedOrigin: APP_ORIGIN },
    internals,
  );
  // Record every reply, so each test can prove none carried the key.
  const recorded: Record<string, unknown> = { dispose: real.dispose };
  for (const [name, handler] of Object.entries(real)) {
    if (name === 'dispose') continue;
    recorded[name] = async (sender: SenderInfo, payload: unknown) => {
      const reply = await (handler as (s: SenderInfo, p: unknown) => Promise<unknown>)(sender, payload);
      replies.push(reply);
      return reply;
    };
  }
  handlers = recorded as unknown as Handlers;
  return handlers;
}

async function keyFile(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text, { mode: 0o600 });
  return file;
}

function loaded(result: { ok: boolean; value?: unknown }): ClientKeyInfo {
  expect(result.ok).toBe(true);
  const reply = result.value as KeyLoadResponse;
  expect(reply.status).toBe('loaded');
  if (reply.status !== 'loaded') throw new Error('not loaded');
  return reply.key;
}

/**
 * keyNeedles minus what is public: a PEM line made only of the modulus is the
 * public JWK's n too (base64 and base64url agree when the line holds no + or /),
 * and the page is meant to see the public key.
 */
function privateNeedles(key: TestKey): string[] {
  const publicMembers = Object.values(key.publicJwk).filter((v): v is string => typeof v === 'string');
  return keyNeedles(key).filter((needle) => !publicMembers.some((member) => member.includes(needle)));
}

function keyTest(slotId: string, overrides: Partial<TestCredentialsRequest> = {}): TestCredentialsRequest {
  const input = tokenTestInput(server, { target: server.issuer, clientId: clients.keyClient.clientId, clientSecret: '', authMethod: 'private_key_jwt' });
  return { requestId: 'run-key', ...input, keySlot: slotId, ...overrides };
}

function report(result: { ok: boolean; value?: unknown }): TokenTestReport {
  expect(result.ok).toBe(true);
  return result.value as TokenTestReport;
}

describe('Choose key file', () => {
  it('main opens the dialog for the asking window, reads the file, and the page gets only kid, alg, key type and thumbprint', async () => {
    const file = await keyFile('okta-app.pem', keyText(clients.rsa, 'pkcs8-pem'));
    const asked: SenderInfo[] = [];
    fresh({ openKeyFileDialog: async (sender) => { asked.push(sender); return file; } });
    const info = loaded(await handlers.chooseKeyFile(trusted, { kid: RSA_KID }));
    expect(asked).toEqual([trusted]);
    expect(info).toMatchObject({ source: 'file', fileName: 'okta-app.pem', kid: RSA_KID, kidSource: 'option', alg: 'RS256', kty: 'RSA', format: 'pkcs8-pem' });
    expect(info.thumbprint).toMatch(/^[\w-]{43}$/);
    expect(Object.keys(info.publicJwk).filter((m) => PRIVATE_MEMBERS.includes(m))).toEqual([]);
    // The folder stays in main.
    expect(JSON.stringify(info)).not.toContain(dir);

    const result = report(await handlers.testCredentials(trusted, keyTest(info.slotId)));
    expect(result.outcome).toBe('success');
    expect(result.authMethod).toBe('private_key_jwt');
    expect(result.attempts[0]?.assertion?.header.kid).toBe(RSA_KID);
    expect(findSecretLeaks(replies, privateNeedles(clients.rsa))).toEqual([]);
  });

  it('cancelling the dialog loads nothing; without a dialog the page is told to paste', async () => {
    fresh({ openKeyFileDialog: async () => null });
    expect(await handlers.chooseKeyFile(trusted, { kid: null })).toEqual({ ok: true, value: { status: 'cancelled' } });
    await handlers.dispose();
    fresh();
    expect(await handlers.chooseKeyFile(trusted, { kid: null })).toEqual({ ok: true, value: { status: 'refused', code: 'file-unreadable', message: MESSAGES.noDialog } });
  });

  it('refuses a file over the cap before reading it, a folder, a missing file and a non-key, quoting none of it', async () => {
    const huge = await keyFile('huge.pem', `${keyText(clients.rsa, 'pkcs8-pem')}\n${'A'.repeat(LIMITS.keyFileBytes)}`);
    const folder = path.join(dir, 'a-folder');
    await mkdir(folder, { recursive: true });
    const cert = await keyFile('cert.pem', '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQk\n-----END CERTIFICATE-----\n');
    const cases: [string, string][] = [
      [huge, 'file-too-large'],
      [folder, 'file-unreadable'],
      [path.join(dir, 'missing.pem'), 'file-unreadable'],
      [cert, 'certificate-not-key'],
    ];
    for (const [file, code] of cases) {
      fresh({ openKeyFileDialog: async () => file });
      const result = await handlers.chooseKeyFile(trusted, { kid: null });
      expect(result.ok).toBe(true);
      expect(result.ok && result.value).toMatchObject({ status: 'refused', code });
      await handlers.dispose();
    }
    expect(findSecretLeaks(replies, privateNeedles(clients.rsa))).toEqual([]);
  });

  it('readKeyFile: one byte over the cap is refused, at the cap it is read', async () => {
    const at = await keyFile('at.txt', 'k'.repeat(100));
    expect((await readKeyFile(at, 100)).ok).toBe(true);
    expect(await readKeyFile(at, 99)).toMatchObject({ ok: false, code: 'file-too-large' });
  });
});

describe('pasted key', () => {
  it('is imported once and never echoed; the wrong key is explained by the server', async () => {
    fresh();
    const pasted = keyText(clients.ec, 'jwk', 'ec-key-2026');
    const info = loaded(await handlers.importKeyText(trusted, { text: pasted, kid: null }));
    expect(info).toMatchObject({ source: 'pasted', kid: 'ec-key-2026', kidSource: 'key', alg: 'ES256', kty: 'EC', format: 'jwk' });
    expect(report(await handlers.testCredentials(trusted, keyTest(info.slotId))).outcome).toBe('success');

    // A key nobody registered, with the registered kid: the server refuses the signature.
    const stranger = loaded(await handlers.importKeyText(trusted, { text: keyText(clients.stranger, 'pkcs1-pem'), kid: RSA_KID }));
    const refused = report(await handlers.testCredentials(trusted, keyTest(stranger.slotId, { requestId: 'run-stranger' })));
    expect(refused.outcome).toBe('rejected');
    expect(refused.error).toBe('invalid_client');
    expect(refused.explanation).not.toBeNull();

    for (const needle of [pasted, ...privateNeedles(clients.ec), ...privateNeedles(clients.stranger)]) {
      expect(JSON.stringify(replies)).not.toContain(needle);
    }
  });

  it('a damaged or public key is refused in plain words that quote none of it; too long is refused by validation', async () => {
    fresh();
    const publicOnly = JSON.stringify(clients.rsa.publicJwk);
    const lines = keyText(clients.rsa, 'pkcs8-pem').trim().split('\n');
    // Half the body gone: the DER inside no longer parses.
    const damaged = [...lines.slice(0, 8), ...lines.slice(-1)].join('\n');
    for (const text of [publicOnly, damaged]) {
      const result = await handlers.importKeyText(trusted, { text, kid: null });
      expect(result.ok && result.value.status).toBe('refused');
      const body = JSON.stringify(result);
      for (const line of text.split('\n').filter((l) => l.length >= 16)) expect(body).not.toContain(line);
    }
    const tooLong = await handlers.importKeyText(trusted, { text: 'A'.repeat(LIMITS.keyTextChars + 1), kid: null });
    expect(tooLong).toEqual({ ok: false, code: 'invalid-payload', message: `The pasted key is too long (at most ${LIMITS.keyTextChars} characters).` });
    expect(await handlers.importKeyText(trusted, { text: 'x', kid: 'has space' })).toMatchObject({ ok: false, code: 'invalid-payload' });
  });
});

describe('generated key', () => {
  it('registered with the server, then used; the private JWK and PEM only through the guarded clipboard', async () => {
    const timers = createManualTimers();
    fresh({ timers });
    const generated = await handlers.generateKey(trusted, { alg: 'ES256' });
    expect(generated.ok).toBe(true);
    if (!generated.ok) return;
    const info = generated.value;
    expect(info).toMatchObject({ source: 'generated', format: 'generated', alg: 'ES256', kty: 'EC', kidSource: 'key' });
    expect(info.kid).toBe(info.thumbprint);
    expect(info.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid: info.kid, alg: 'ES256', use: 'sig' });
    expect(Object.keys(info.publicJwk).filter((m) => PRIVATE_MEMBERS.includes(m))).toEqual([]);

    const clientId = await server.registerClient({ authMethod: 'private_key_jwt', jwks: { keys: [info.publicJwk] } });
    const used = report(await handlers.testCredentials(trusted, keyTest(info.slotId, { clientId })));
    expect(used.outcome).toBe('success');
    expect(used.attempts[0]?.assertion?.header.kid).toBe(info.kid);

    expect(await handlers.copyPrivateKey(trusted, { slotId: info.slotId, form: 'private-jwk' })).toEqual({ ok: true, value: { clearAfterMs: 30_000 } });
    const privateJwk = JSON.parse(clipboard.text) as Record<string, string>;
    expect(privateJwk).toMatchObject({ kty: 'EC', kid: info.kid, x: info.publicJwk.x });
    expect(privateJwk.d).toMatch(/^[\w-]{43}$/);
    // The copied key really is the slot's key: it imports to the same thumbprint.
    const reimported = await importPrivateKey(clipboard.text);
    expect(reimported.ok && reimported.value.thumbprint).toBe(info.thumbprint);
    await timers.advance(30_000);
    expect(clipboard.text).toBe('');

    expect((await handlers.copyPrivateKey(trusted, { slotId: info.slotId, form: 'private-pem' })).ok).toBe(true);
    expect(clipboard.text).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const fromPem = await importPrivateKey(clipboard.text);
    expect(fromPem.ok && fromPem.value.thumbprint).toBe(info.thumbprint);

    // Forget: the clipboard copy and the key both go.
    expect(await handlers.forget(trusted, { reason: 'user' })).toEqual({ ok: true, value: { clipboardCleared: true, requestsCancelled: 0, keysForgotten: 1 } });
    expect(clipboard.text).toBe('');
    expect(await handlers.copyPrivateKey(trusted, { slotId: info.slotId, form: 'private-jwk' })).toEqual({ ok: false, code: 'key-not-loaded', message: MESSAGES.keyGone });
    expect(await handlers.testCredentials(trusted, keyTest(info.slotId, { clientId, requestId: 'after-forget' }))).toEqual({ ok: false, code: 'key-not-loaded', message: MESSAGES.keyGone });

    // No reply carried the private key; positive control: the same check finds it when planted.
    expect(findSecretLeaks(replies, [privateJwk.d ?? ''])).toEqual([]);
    expect(findSecretLeaks([...replies, { planted: `…${privateJwk.d ?? ''}…` }], [privateJwk.d ?? ''])).not.toEqual([]);
  });

  it('a key the user brought is not copied back out', async () => {
    fresh();
    const info = loaded(await handlers.importKeyText(trusted, { text: keyText(clients.rsa, 'jwk'), kid: 'k1' }));
    expect(await handlers.copyPrivateKey(trusted, { slotId: info.slotId, form: 'private-pem' })).toEqual({ ok: false, code: 'invalid-payload', message: MESSAGES.keyNotCopyable });
    expect(clipboard.writes).toBe(0);
  });
});

describe('DPoP and slots', () => {
  it('a DPoP-bound client: without DPoP explained as required; with DPoP the nonce round trip and a bound token', async () => {
    fresh();
    const base = { requestId: 'dpop-1', ...tokenTestInput(server, { target: server.issuer, clientId: clients.dpopClient.clientId, clientSecret: clients.dpopClient.clientSecret }) };
    const without = report(await handlers.testCredentials(trusted, base));
    expect(without.outcome).toBe('rejected');
    expect(without.explanation?.id).toBe('dpop-required');
    const withDpop = report(await handlers.testCredentials(trusted, { ...base, requestId: 'dpop-2', dpop: true }));
    expect(withDpop.outcome).toBe('success');
    expect(withDpop.attempts.map((a) => a.error)).toEqual(['use_dpop_nonce', null]);
    expect(withDpop.dpop).toMatchObject({ nonceRetried: true, bound: true });
    expect(withDpop.dpop?.tokenJkt).toBe(withDpop.dpop?.jkt);
  });

  it('a slot is ignored by the secret methods, and an unknown slot is refused before any traffic', async () => {
    fresh();
    const before = server.requestCount();
    expect(await handlers.testCredentials(trusted, keyTest('no-such-slot'))).toEqual({ ok: false, code: 'key-not-loaded', message: MESSAGES.keyGone });
    expect(server.requestCount()).toBe(before);
    const hmac = clients.hmacClient;
    const secret = { requestId: 'secret-1', ...tokenTestInput(server, { target: server.issuer, clientId: hmac.clientId, clientSecret: hmac.clientSecret, authMethod: 'client_secret_jwt' }), keySlot: 'no-such-slot' };
    const result = report(await handlers.testCredentials(trusted, secret));
    expect(result.outcome).toBe('success');
    expect(result.attempts[0]?.assertion?.header.alg).toBe('HS256');
  });

  it('withholds a report that would carry key material (positive control with a planted leak)', async () => {
    fresh({
      runTokenTest: async (input) => {
        // A broken core that echoes the key's private member into a notice.
        const d = String((clients.rsa.privateJwk as Record<string, unknown>).d);
        return { ok: true, outcome: 'success', authMethod: input.authMethod, status: 200, error: null, serverErrorCode: null, errorDescription: null, explanation: null, rateLimit: null, request: null, discovery: null, token: null, attempts: [], dpop: null, clock: null, notices: [{ code: 'x', severity: 'info', message: `key ${d}` }], elapsedMs: 1 };
      },
    });
    const info = loaded(await handlers.importKeyText(trusted, { text: keyText(clients.rsa, 'pkcs8-pem'), kid: RSA_KID }));
    expect(await handlers.testCredentials(trusted, keyTest(info.slotId))).toEqual({ ok: false, code: 'internal', message: MESSAGES.keyWithheld });
  });

  it('a key still loading when Forget runs is not kept: chosen, pasted and generated alike', async () => {
    const file = await keyFile('forgotten.pem', keyText(clients.rsa, 'pkcs8-pem'));
    let choose!: (path: string | null) => void;
    fresh({ openKeyFileDialog: () => new Promise((resolve) => { choose = resolve; }) });
    // Each load starts, Forget runs while it is out (the dialog still open; the key being imported or generated), then it ends.
    const chosen = handlers.chooseKeyFile(trusted, { kid: RSA_KID });
    const pasted = handlers.importKeyText(trusted, { text: keyText(clients.ec, 'jwk'), kid: null });
    const generated = handlers.generateKey(trusted, { alg: 'ES256' });
    expect(await handlers.forget(trusted, { reason: 'idle' })).toMatchObject({ ok: true, value: { keysForgotten: 0 } });
    choose(file);
    const forgotten = { ok: false, code: 'key-not-loaded', message: MESSAGES.keyForgotten };
    expect(await chosen).toEqual(forgotten);
    expect(await pasted).toEqual(forgotten);
    expect(await generated).toEqual(forgotten);
    // Nothing reached a slot: the next Forget finds no key.
    expect(await handlers.forget(trusted, { reason: 'user' })).toMatchObject({ ok: true, value: { keysForgotten: 0 } });
    // A load after the Forget works as before.
    loaded(await handlers.importKeyText(trusted, { text: keyText(clients.ec, 'jwk'), kid: null }));
    expect(await handlers.forget(trusted, { reason: 'user' })).toMatchObject({ ok: true, value: { keysForgotten: 1 } });
  });

  it('keeps at most LIMITS.keySlots keys: the oldest goes first; clear empties', async () => {
    const slots = createKeySlots(2);
    const imported = await importPrivateKey(keyText(clients.ec, 'jwk'));
    if (!imported.ok) throw new Error(imported.message);
    const a = slots.put(imported.value, { source: 'pasted', fileName: null });
    const b = slots.put(imported.value, { source: 'pasted', fileName: null });
    const c = slots.put(imported.value, { source: 'pasted', fileName: null });
    expect(new Set([a.slotId, b.slotId, c.slotId]).size).toBe(3);
    expect(slots.get(a.slotId)).toBeUndefined();
    expect(slots.get(c.slotId)?.signingKey.alg).toBe('ES256');
    expect(slots.size).toBe(2);
    expect(slots.clear()).toBe(2);
    expect(slots.get(c.slotId)).toBeUndefined();
  });
});

describe('validation of the key operations', () => {
  const good = { requestId: 'r1', target: 'dev-1.okta.com', authServer: { kind: 'org' }, clientId: '0oa1', clientSecret: '', scopes: [], authMethod: 'private_key_jwt', formEncode: false, timeoutMs: 15_000 };

  it('accepts the new test fields only with the right shapes, and each only when present', () => {
    expect(validateTestCredentials(good).ok).toBe(true);
    expect(validateTestCredentials({ ...good, dpop: true, keySlot: 'a1b2-c3', assertionAlg: 'HS512' })).toMatchObject({ ok: true, value: { dpop: true, keySlot: 'a1b2-c3', assertionAlg: 'HS512' } });
    for (const [key, value] of [['dpop', 'yes'], ['keySlot', 'has space'], ['keySlot', 'x'.repeat(65)], ['assertionAlg', 'RS256'], ['assertionAlg', 'none'], ['clientKey', { kty: 'RSA' }]] as const) {
      expect(validateTestCredentials({ ...good, [key]: value }).ok, `${key} = ${JSON.stringify(value)}`).toBe(false);
    }
  });

  it('refuses odd key requests, naming the field and never the value', () => {
    const refusals = [
      validateChooseKeyFile({ kid: 'two words' }),
      validateChooseKeyFile({ kid: 'k'.repeat(LIMITS.keyIdChars + 1) }),
      validateChooseKeyFile({ kid: null, path: '/etc/passwd' }),
      validateImportKeyText({ text: '', kid: null }),
      validateImportKeyText({ text: 42, kid: null }),
      validateImportKeyText({ text: '-----BEGIN PRIVATE KEY-----secret-body', kid: '' }),
      validateGenerateKey({ alg: 'HS256' }),
      validateGenerateKey({ alg: 'RS256', kid: 'x' }),
      validateCopyPrivateKey({ slotId: '../x', form: 'private-jwk' }),
      validateCopyPrivateKey({ slotId: 'slot-1', form: 'public-jwk' }),
    ];
    for (const result of refusals) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).not.toContain('secret-body');
    }
    expect(validateChooseKeyFile({ kid: null })).toEqual({ ok: true, value: { kid: null } });
    expect(validateGenerateKey({ alg: 'ES256' })).toEqual({ ok: true, value: { alg: 'ES256' } });
  });
});
