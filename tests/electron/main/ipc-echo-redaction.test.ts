/**
 * Issue 11, item 2, over IPC: the testCredentials handler's reply is core's
 * report, so a server echoing the credentials transformed (URL-encoded,
 * URL-safe, split, as HTML entities) gets no piece of them into what the
 * renderer receives. Real handlers, real HTTPS fault server, the independent
 * fragment scanner; its positive control is the echo itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, inertBidi, type Handlers } from '../../../electron/main/ipc-handlers';
import type { SenderInfo } from '../../../electron/main/sender-trust';
import { APP_ORIGIN } from '../../../electron/shared/app-origin';
import { behaviours, startFaultServer } from '../../support/fault-servers';
import { findFragments, secretForms } from '../../support/fragment-scanner';
import { MemoryClipboard } from '../../support/electron/memory-clipboard';
import { keyText, makeEcKey, makeRsaKey, type TestKey } from '../../support/key-files';
import { useTlsSuite } from '../../support/tls-suite';

const CLIENT_ID = '0oa1ipcechoclient0h7';
const SECRET = 'ipc-echo-secret-0123456789+/~%é_abcdefghijklmnopqrstuvwxyzABC';
const sender: SenderInfo = { webContentsId: 1, frameUrl: 'app://basic-header/index.html', isMainFrame: true };

const suite = useTlsSuite();
let handlers: Handlers;

// Registered after the suite's hooks, so (hooks run as a stack) handlers go before the servers close.
afterEach(async () => {
  await handlers?.dispose();
});

const ECHOES: readonly [string, (auth: string) => string][] = [
  ['URL-encoded, lower-case hex', (auth) => encodeURIComponent(auth).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
  ['URL-safe, no padding, split', (auth) => {
    const v = auth.replace(/^Basic /, '').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    return `${v.slice(0, 35)} / ${v.slice(35)}`;
  }],
  ['HTML entities', (auth) => auth.replace(/[A-Za-z]/g, (c) => `&#${c.charCodeAt(0)};`)],
  ['decoded, as upper-case hex', (auth) => Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('hex').toUpperCase()],
  ['as it arrived, hex-dumped with spaces (a capture)', (auth) => (Buffer.from(auth).toString('hex').match(/../g) ?? []).join(' ')],
  ['decoded, as \\x-escaped bytes', (auth) => (Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('hex').match(/../g) ?? []).map((b) => `\\x${b}`).join('')],
];

describe('testCredentials replies carry no piece of the credentials', () => {
  it.each(ECHOES)('a server echoing the header %s', async (_name, transform) => {
    let echoed = '';
    const server = await suite.track(startFaultServer({
      ca: suite.ca,
      fallback: (req) => {
        echoed = transform(String(req.headers.authorization));
        return behaviours.json(401, { error: 'invalid_client', error_description: `got ${echoed}` });
      },
    }));
    handlers = createHandlers({ clipboard: new MemoryClipboard(), fetch: suite.fetch, isTrustedWebContents: (id) => id === 1, trustedOrigin: APP_ORIGIN });
    const reply = await handlers.testCredentials(sender, {
      requestId: 'echo-1', target: `${server.origin}/oauth2/default`, authServer: { kind: 'default' }, clientId: CLIENT_ID,
      clientSecret: SECRET, scopes: ['api:read'], authMethod: 'client_secret_basic', formEncode: false, timeoutMs: 5000,
    });
    expect(reply.ok).toBe(true);
    expect(findFragments(echoed, secretForms(CLIENT_ID, SECRET))).not.toEqual([]);
    expect(JSON.stringify(reply)).toContain('got ');
    expect(findFragments(JSON.stringify(reply), secretForms(CLIENT_ID, SECRET))).toEqual([]);
  });
});

describe('bidi controls in what a server says are shown, never obeyed', () => {
  it('a secret echoed reversed inside U+202E (which the window would draw the right way round) reaches the page with the override visible', async () => {
    const reversed = [...SECRET].reverse().join('');
    const server = await suite.track(startFaultServer({
      ca: suite.ca,
      fallback: behaviours.json(401, { error: 'invalid_client', error_description: `R: \u202E${reversed}\u202C; \u2067isolate\u2069` }),
    }));
    handlers = createHandlers({ clipboard: new MemoryClipboard(), fetch: suite.fetch, isTrustedWebContents: (id) => id === 1, trustedOrigin: APP_ORIGIN });
    const reply = await handlers.testCredentials(sender, {
      requestId: 'bidi-1', target: `${server.origin}/oauth2/default`, authServer: { kind: 'default' }, clientId: CLIENT_ID,
      clientSecret: SECRET, scopes: ['api:read'], authMethod: 'client_secret_basic', formEncode: false, timeoutMs: 5000,
    });
    if (!reply.ok) throw new Error(reply.message);
    const description = reply.value.errorDescription ?? '';
    // The reversed secret is what the server sent (the redactor does not take it for the secret) ...
    expect(description).toContain(reversed);
    // ... but the override that would show it in reading order is inert text.
    expect(description).toBe(`R: \\u202E${reversed}\\u202C; \\u2067isolate\\u2069`);
    expect(JSON.stringify(reply)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('inertBidi', () => {
  it('keeps only the access token at its own path exact: a server key of the same name, keys and array items are made inert', () => {
    const report = {
      token: { accessToken: 'a\u202Eb', claims: { accessToken: 'c\u202Ed', ['k\u2066']: ['e\u202Af'] } },
      body: { token: { accessToken: 'g\u202Eh' } },
    };
    expect(JSON.parse(JSON.stringify(inertBidi(report, ['token.accessToken'])))).toEqual({
      token: { accessToken: 'a\u202Eb', claims: { accessToken: 'c\\u202Ed', ['k\\u2066']: ['e\\u202Af'] } },
      body: { token: { accessToken: 'g\\u202Eh' } },
    });
    // Nothing is exempt without a path: the access token is made inert too.
    expect(JSON.stringify(inertBidi(report, []))).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

/**
 * Attack review, 2026-12-02: with private_key_jwt, core holds only a CryptoKey it cannot read, and main
 * checked replies for the key's members as typed only. A server echoing them in another form (split, in the
 * standard alphabet, as hex, inside the key's PEM body, RSA's primes in decimal) reached the page.
 */
describe('private_key_jwt: a server echoing the private key in another form gets none of it to the page', () => {
  const rsa = makeRsaKey();
  const ec = makeEcKey();
  const member = (key: TestKey, name: string): string => String((key.privateJwk as Record<string, unknown>)[name]);
  const bytes = (key: TestKey, name: string): Buffer => Buffer.from(member(key, name), 'base64url');
  const pkcs8Body = (key: TestKey): string => keyText(key, 'pkcs8-pem').replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  const ECHOES: readonly [string, TestKey, (key: TestKey) => string][] = [
    ['EC d split by a space', ec, (k) => `${member(k, 'd').slice(0, 22)} ${member(k, 'd').slice(22)}`],
    ['EC d in the standard Base64 alphabet', ec, (k) => bytes(k, 'd').toString('base64')],
    ['EC d as a colon hex dump', ec, (k) => (bytes(k, 'd').toString('hex').match(/../g) ?? []).join(':')],
    ['the EC key\'s whole PKCS#8 body (the key was given as a JWK)', ec, pkcs8Body],
    ['RSA q in decimal', rsa, (k) => BigInt(`0x${bytes(k, 'q').toString('hex')}`).toString(10)],
    ['RSA p split in two', rsa, (k) => `${member(k, 'p').slice(0, 80)} / ${member(k, 'p').slice(80)}`],
    ['RSA d as hex', rsa, (k) => bytes(k, 'd').toString('hex')],
  ];

  it.each(ECHOES)('%s', async (_name, key, transform) => {
    const echoed = transform(key);
    const server = await suite.track(startFaultServer({
      ca: suite.ca,
      fallback: behaviours.json(401, { error: 'invalid_client', error_description: `Key check failed for ${echoed} (end)` }),
    }));
    handlers = createHandlers({ clipboard: new MemoryClipboard(), fetch: suite.fetch, isTrustedWebContents: (id) => id === 1, trustedOrigin: APP_ORIGIN });
    const load = await handlers.importKeyText(sender, { text: keyText(key, 'jwk'), kid: 'k1' });
    if (!load.ok || load.value.status !== 'loaded') throw new Error('the key did not load');
    const reply = await handlers.testCredentials(sender, {
      requestId: 'key-echo-1', target: `${server.origin}/oauth2/default`, authServer: { kind: 'default' }, clientId: CLIENT_ID,
      clientSecret: '', scopes: ['api:read'], authMethod: 'private_key_jwt', formEncode: false, timeoutMs: 5000, keySlot: load.value.key.slotId,
    });
    if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`);
    const rsaForms = key.kty === 'RSA' ? [member(key, 'p'), member(key, 'q'), BigInt(`0x${bytes(key, 'q').toString('hex')}`).toString(10)] : [];
    const forms = [member(key, 'd'), bytes(key, 'd').toString('hex'), ...rsaForms];
    // Positive control: the echo holds a piece of the key that the independent scanner finds.
    expect(findFragments(`Key check failed for ${echoed}`, forms)).not.toEqual([]);
    expect(reply.value.errorDescription).toContain('Key check failed for ');
    expect(findFragments(JSON.stringify(reply), forms)).toEqual([]);
  });
});
