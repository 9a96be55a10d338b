/**
 * Issue 11, item 2, over IPC: the testCredentials handler's reply is core's
 * report, so a server echoing the credentials transformed (URL-encoded,
 * URL-safe, split, as HTML entities) gets no piece of them into what the
 * renderer receives. Real handlers, real HTTPS fault server, the independent
 * fragment scanner; its positive control is the echo itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../electron/main/ipc-handlers';
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
