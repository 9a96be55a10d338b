/**
 * The Chromium end-to-end harness: the BUILT renderer (dist/renderer) served from
 * a loopback HTTP server through the app's real protocol handler (same headers,
 * same CSP as app://), the REAL preload bundle running in the page, and behind
 * it, through page.exposeBinding, the REAL main-process handlers (createHandlers)
 * with an in-memory clipboard and a fetch that trusts only the test CA.
 *
 * Nothing here logs, traces or screenshots: typed secrets stay out of artefacts.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import { createHandlers, type Handlers } from '../../electron/main/ipc-handlers';
import type { SenderInfo } from '../../electron/main/sender-trust';
import type { AppCommand, InvokeOperation } from '../../electron/shared/ipc-contract';
import { installPreload, sendCommand } from './browser/preload-in-page';
import { presentedCertificate } from '../../cli/presented-certificate';
import type { AuthServer } from './auth-server';
import { createTestFetch, type TestFetch } from './node-fetch';
import { MemoryClipboard } from './electron/memory-clipboard';
import { createTestCa, type TestCa } from './test-ca';

export { MemoryClipboard, sendCommand };

export { expect };

export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../dist/renderer');


/** Clients of the worker's auth server (here, not imported from auth-server.ts, so loading a spec does not load oidc-provider). */
export const BASIC_CLIENT = {
  clientId: '0oa1e2ebasicclient07',
  clientSecret: 'e2e-basic-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ',
  authMethod: 'client_secret_basic',
} as const;
export const POST_CLIENT = {
  clientId: '0oa1e2epostclient007',
  clientSecret: 'e2e-post-secret-0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJK',
  authMethod: 'client_secret_post',
} as const;

// ---------------------------------------------------------------------------
// The renderer server

export interface RendererServer {
  /** e.g. http://127.0.0.1:40123 */
  readonly origin: string;
  readonly startUrl: string;
  close(): Promise<void>;
}

/**
 * Serves dist/renderer with the real app:// handler: its path rules, headers and CSP.
 * From a private copy, so a rebuild during the run (another `vite build`) cannot pull files away mid-test.
 */
export async function startRendererServer(rootDir = RENDERER_DIR): Promise<RendererServer> {
  const copy = await mkdtemp(path.join(tmpdir(), 'basic-header-renderer-'));
  await cp(rootDir, copy, { recursive: true });
  const handle = createAppProtocolHandler(copy);
  const server = http.createServer((req, res) => {
    const request = new Request(`app://basic-header${req.url ?? '/'}`, { method: req.method ?? 'GET' });
    handle(request).then(
      async (response) => {
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name] = value;
        });
        res.writeHead(response.status, headers);
        res.end(Buffer.from(await response.arrayBuffer()));
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    startUrl: `${origin}/index.html`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await rm(copy, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------
// The bridge: real handlers behind the real preload

export interface BridgeOptions {
  readonly fetch: TestFetch;
  readonly origin: string;
  readonly clipboard: MemoryClipboard;
  readonly clipboardClearMs?: number;
}

/** The OS file dialog's stand-in: Choose key file… resolves to `path` (null: the user cancelled). Set by the test. */
export interface KeyFileDialog {
  path: string | null;
  /** Who asked main to open it, each time. */
  readonly askedBy: SenderInfo[];
}

export interface InstalledBridge {
  readonly handlers: Handlers;
  /** Operation names in call order (never payloads: they hold secrets). */
  readonly calls: InvokeOperation[];
  readonly keyFileDialog: KeyFileDialog;
}

/**
 * The real main-process handlers behind the REAL preload bundle running in the
 * page (tests/support/browser/preload-in-page.ts). Must run before page.goto.
 */
export async function installBridge(page: Page, options: BridgeOptions): Promise<InstalledBridge> {
  const url = new URL(options.origin);
  const keyFileDialog: KeyFileDialog = { path: null, askedBy: [] };
  const handlers = createHandlers(
    {
      clipboard: options.clipboard,
      fetch: options.fetch,
      isTrustedWebContents: () => true,
      trustedOrigin: { protocol: url.protocol, host: url.host },
      // What the CLI does in Node: read a refused certificate to name it.
      presentedCertificate,
      ...(options.clipboardClearMs === undefined ? {} : { clipboardClearMs: options.clipboardClearMs }),
    },
    {
      openKeyFileDialog: async (sender) => {
        keyFileDialog.askedBy.push(sender);
        return keyFileDialog.path;
      },
    },
  );
  const calls: InvokeOperation[] = [];
  await installPreload(page, handlers, calls);
  return { handlers, calls, keyFileDialog };
}

// ---------------------------------------------------------------------------
// Fixtures

export interface RendererApp {
  readonly page: Page;
  readonly origin: string;
  readonly clipboard: MemoryClipboard;
  readonly bridge: InstalledBridge | null;
  /** Uncaught page errors and console errors and warnings (CSP violations, header warnings), collected for the whole test. */
  readonly problems: string[];
  command(command: AppCommand): Promise<void>;
}

export interface RendererOptions {
  /** false: open the page with no window.basicHeader (as outside the app). */
  readonly withBridge: boolean;
  readonly clipboardClearMs: number | undefined;
  /** Fail the test on any page error, console error or console warning (on by default). */
  readonly failOnPageProblems: boolean;
  /** Install Playwright's fake clock before the page loads (idle-timeout tests). */
  readonly fakeClock: boolean;
}

interface WorkerFixtures {
  readonly rendererServer: RendererServer;
  readonly testCa: TestCa;
  readonly authServer: AuthServer;
}

interface TestFixtures extends RendererOptions {
  readonly app: RendererApp;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  withBridge: [true, { option: true }],
  clipboardClearMs: [undefined, { option: true }],
  failOnPageProblems: [true, { option: true }],
  fakeClock: [false, { option: true }],

  rendererServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  testCa: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      await use(await createTestCa());
    },
    { scope: 'worker' },
  ],
  authServer: [
    async ({ testCa }, use) => {
      // Imported only when a test needs it: oidc-provider prints a runtime warning on load.
      const { startAuthServer } = await import('./auth-server');
      const server = await startAuthServer({ ca: testCa, clients: [BASIC_CLIENT, POST_CLIENT] });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  app: async ({ page, rendererServer, testCa, withBridge, clipboardClearMs, failOnPageProblems, fakeClock }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message.slice(0, 200)}`));
    page.on('console', (message) => {
      // Warnings too: Chromium reports a header it cannot parse (an unknown Permissions-Policy feature) as one.
      const type = message.type();
      if (type === 'error' || type === 'warning') problems.push(`console ${type}: ${message.text().slice(0, 200)}`);
    });
    const clipboard = new MemoryClipboard();
    const fetch = createTestFetch(testCa.cert, { connectTimeoutMs: 5000 });
    const bridge = withBridge
      ? await installBridge(page, {
          fetch,
          origin: rendererServer.origin,
          clipboard,
          ...(clipboardClearMs === undefined ? {} : { clipboardClearMs }),
        })
      : null;
    if (fakeClock) await page.clock.install();
    await page.goto(rendererServer.startUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Basic Header' })).toBeVisible();
    // The panels are lazy chunks (issue 16): a spec starts once they have replaced their skeletons.
    await expect(page.getByTestId('panel-skeleton')).toHaveCount(0);
    await use({ page, origin: rendererServer.origin, clipboard, bridge, problems, command: (c) => sendCommand(page, c) });
    await bridge?.handlers.dispose();
    await fetch.close();
    if (failOnPageProblems) expect(problems, 'page errors, console errors or warnings').toEqual([]);
  },
});

// ---------------------------------------------------------------------------
// Locators shared by the specs (by role and label, as a user finds them)

export function ui(page: Page) {
  return {
    clientId: page.getByRole('textbox', { name: 'Client ID', exact: true }),
    clientSecret: page.getByLabel('Client secret', { exact: true }),
    showSecret: page.getByRole('button', { name: /^(Show|Hide) secret$/ }),
    showOutputs: page.getByRole('button', { name: /^(Show|Hide) outputs$/ }),
    base64: page.getByRole('textbox', { name: 'Base64 value', exact: true }),
    header: page.getByRole('textbox', { name: 'Authorization header', exact: true }),
    copyBase64: page.getByRole('button', { name: 'Copy Base64 value', exact: true }),
    copyHeader: page.getByRole('button', { name: 'Copy header', exact: true }),
    formEncode: page.getByRole('checkbox', { name: 'Form-encode ID and secret first (RFC 6749 §2.3.1)' }),
    split: page.getByRole('button', { name: 'Split into ID and secret' }),
    // Found while its tab is hidden too (for values and attributes; typing needs the tab open).
    headerCheck: page.getByRole('textbox', { name: 'Header or Base64 value', includeHidden: true }),
    diagnosis: page.getByRole('region', { name: 'Check a header' }),
    target: page.getByRole('textbox', { name: 'Okta domain or issuer' }),
    scopes: page.getByRole('textbox', { name: 'Scopes' }),
    testButton: page.getByRole('button', { name: /^(Test credentials|Testing…)$/ }),
    cancel: page.getByRole('button', { name: 'Cancel' }),
    result: page.getByRole('region', { name: /^(The credentials work|A token was issued|The server refused|No usable answer|Not sent|Test cancelled)/ }),
    checkTab: page.getByRole('tab', { name: 'Check a header' }),
    testTab: page.getByRole('tab', { name: 'Test credentials' }),
    testPanel: page.getByRole('region', { name: 'Test credentials' }),
    forget: page.getByRole('button', { name: 'Forget everything' }),
    status: page.locator('.app-status'),
  };
}

/** The element a field names in aria-describedby: where its notices are shown. */
export async function notesOf(field: Locator): Promise<Locator> {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const first = ids.split(/\s+/).find((id) => id !== '');
  if (first === undefined) throw new Error('The field has no aria-describedby.');
  return field.page().locator(`[id="${first}"]`);
}

/** Fills both credential fields, as typed or pasted. */
export async function fillCredentials(page: Page, clientId: string, clientSecret: string): Promise<void> {
  const u = ui(page);
  await u.clientId.fill(clientId);
  await u.clientSecret.fill(clientSecret);
}

export const base64Of = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** How far an element's content overflows its box (> 0: something is cut off or scrolls). */
export async function overflowOf(locator: Locator): Promise<{ readonly x: number; readonly y: number }> {
  return locator.evaluate((el) => {
    const box = el as unknown as { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number };
    return { x: box.scrollWidth - box.clientWidth, y: box.scrollHeight - box.clientHeight };
  });
}
