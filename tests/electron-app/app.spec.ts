/**
 * The real app in a real Electron (unpackaged build from `npm run build`):
 * no Node in the page, exactly the allow-listed bridge, an in-memory session,
 * every Electron path inside the test root, encoding, the clipboard, guards,
 * and a token test against the real test authorization server.
 * Skipped, with one line from the config, where there is no Electron binary.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { APP_START_URL } from '../../electron/shared/app-origin';
import { BRIDGE_KEYS, BRIDGE_NAME, COMMAND_CHANNEL } from '../../electron/shared/ipc-contract';
import { DEFAULT_CLIENT, startAuthServer, type AuthServer } from '../support/auth-server';
import { electronSkipReason, PROJECT_ROOT } from './electron-binary';

interface Launched {
  readonly app: ElectronApplication;
  readonly page: Page;
  readonly root: string;
}

const skipReason = electronSkipReason();

const test = base.extend<{ launched: Launched }, { server: AuthServer; origins: string[] }>({
  origins: [[], { scope: 'worker' }],
  server: [
    async ({ origins }, use) => {
      // Records whether any request carried an Origin header (Okta rejects those).
      const server = await startAuthServer({ onRequest: ({ headers }) => origins.push(String(headers.origin ?? '')) });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  launched: async ({ server }, use) => {
    const root = await mkdtemp(path.join(tmpdir(), 'bh-electron-'));
    const app = await electron.launch({
      args: ['.'],
      cwd: PROJECT_ROOT,
      env: { ...process.env, BASIC_HEADER_TEST_ROOT: root, BASIC_HEADER_TEST_CA_PEM: server.ca, TMPDIR: root },
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use({ app, page, root });
    await app.close();
    await rm(root, { recursive: true, force: true });
  },
});

test.skip(skipReason !== null, skipReason ?? '');

test('the page is served from app:// and has no Node: window.require, process and module are absent', async ({ launched: { page } }) => {
  expect(page.url()).toBe(APP_START_URL);
  const types = await page.evaluate(() => [typeof Reflect.get(globalThis, 'require'), typeof Reflect.get(globalThis, 'process'), typeof Reflect.get(globalThis, 'module'), typeof Reflect.get(globalThis, 'Buffer')]);
  expect(types).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
});

test('window.basicHeader exposes exactly the allow-listed functions', async ({ launched: { page } }) => {
  const keys = await page.evaluate((name) => Object.keys(Reflect.get(globalThis, name) as object), BRIDGE_NAME);
  expect(keys).toEqual([...BRIDGE_KEYS]);
});

test('the window session is in memory and every Electron path is inside the test root', async ({ launched: { app, root } }) => {
  const info = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const session = BrowserWindow.getAllWindows()[0]?.webContents.session;
    const names = ['appData', 'userData', 'sessionData', 'temp', 'logs', 'crashDumps'] as const;
    return {
      persistent: session?.isPersistent(),
      storagePath: session?.getStoragePath(),
      paths: names.map((name) => electronApp.getPath(name)),
      packaged: electronApp.isPackaged,
    };
  });
  expect(info.persistent).toBe(false);
  expect(info.storagePath).toBeNull();
  expect(info.packaged).toBe(false);
  for (const dir of info.paths) expect(dir.startsWith(root + path.sep)).toBe(true);
});

test('typing an ID and secret gives the one-line Base64 value and header', async ({ launched: { page } }) => {
  const id = '0oa1electron2test3';
  const secret = 'Electron-secret_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH';
  await page.getByLabel('Client ID').fill(id);
  await page.getByLabel('Client secret', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Show outputs' }).click();
  const expected = Buffer.from(`${id}:${secret}`, 'utf8').toString('base64');
  await expect(page.getByLabel('Base64 value', { exact: true })).toHaveValue(expected);
  await expect(page.getByLabel('Authorization header', { exact: true })).toHaveValue(`Authorization: Basic ${expected}`);
});

test('copy puts the header on the clipboard with this OS’s history markers; Forget clears it', async ({ launched: { app, page } }) => {
  await page.getByLabel('Client ID').fill('0oa1copy');
  await page.getByLabel('Client secret', { exact: true }).fill('copy-secret-0123456789');
  await page.getByRole('button', { name: 'Copy header', exact: true }).click();
  const expected = `Authorization: Basic ${Buffer.from('0oa1copy:copy-secret-0123456789').toString('base64')}`;
  await expect.poll(() => app.evaluate(({ clipboard }) => clipboard.readText())).toBe(expected);
  const marker = { win32: 'CanIncludeInClipboardHistory', darwin: 'org.nspasteboard.ConcealedType', linux: 'x-kde-passwordManagerHint' }[process.platform as string];
  if (marker !== undefined) {
    const hasMarker = await app.evaluate(({ clipboard }, format) => clipboard.has(`electron application/osclipboard;format="${format}"`), marker);
    expect(hasMarker, `clipboard marker ${marker}`).toBe(true);
  }
  await app.evaluate(({ BrowserWindow }, channel) => BrowserWindow.getAllWindows()[0]?.webContents.send(channel, 'forget-everything'), COMMAND_CHANNEL);
  await expect.poll(() => app.evaluate(({ clipboard }) => clipboard.readText())).toBe('');
  await expect(page.getByLabel('Client ID')).toHaveValue('');
});

test('navigation away and window.open are refused', async ({ launched: { app, page } }) => {
  // Loopback only: if a guard failed, nothing leaves this machine.
  const opened = await page.evaluate(() => window.open('http://127.0.0.1:9/') === null);
  expect(opened).toBe(true);
  await page.evaluate(() => {
    window.location.href = 'http://127.0.0.1:9/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(APP_START_URL);
  expect(app.windows()).toHaveLength(1);
});

test('a token test from main reaches the real authorization server and succeeds, without an Origin header', async ({ launched: { page }, server, origins }) => {
  origins.length = 0;
  await page.getByLabel('Client ID').fill(DEFAULT_CLIENT.clientId);
  await page.getByLabel('Client secret', { exact: true }).fill(DEFAULT_CLIENT.clientSecret);
  await page.getByLabel('Okta domain or issuer').fill(server.issuer);
  await page.getByLabel('Scopes').fill('api:read');
  await page.getByRole('button', { name: 'Test credentials' }).click();
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'success', { timeout: 30_000 });
  expect(origins.length).toBeGreaterThan(0);
  expect(origins.filter((origin) => origin !== '')).toEqual([]);
  await expect(page.locator('body')).not.toContainText(DEFAULT_CLIENT.clientSecret);
});
