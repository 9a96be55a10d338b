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
