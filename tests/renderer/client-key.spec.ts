/**
 * Issue 12 in the window: private_key_jwt with a key chosen from a file (main's
 * dialog stand-in hands over a file THIS test wrote), pasted, or generated and
 * registered with the real oidc-provider server; the wrong key explained; DPoP
 * required but not sent, then Retry with DPoP and a bound token. The key never
 * reaches the page: its private members are checked against the DOM and
 * everything the page can see.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AuthServer } from '../support/auth-server';
import type { JwtClients } from '../support/jwt-clients';
import { keyNeedles, keyText, type TestKey } from '../support/key-files';
import { expect, test, ui } from '../support/renderer-harness';

let server: AuthServer;
let clients: JwtClients;
let rsaKid: string;
let dir: string;

test.beforeAll(async ({ testCa }) => {
  // Loaded here, not at the top: oidc-provider prints a warning on load.
  const { startAuthServer } = await import('../support/auth-server');
  const jwt = await import('../support/jwt-clients');
  clients = jwt.makeJwtClients();
  rsaKid = jwt.RSA_KID;
  server = await startAuthServer({ ca: testCa, clients: clients.all });
  dir = await mkdtemp(path.join(tmpdir(), 'basic-header-e2e-keys-'));
});

test.afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function keyUi(page: Page) {
  const panel = page.getByRole('region', { name: 'Test credentials' });
  return {
    panel,
    method: (name: RegExp) => panel.getByRole('radio', { name }),
    kid: panel.getByRole('textbox', { name: 'Key ID (kid) to send if the key has none' }),
    chooseFile: panel.getByRole('button', { name: 'Choose key file…' }),
    paste: panel.getByLabel('Or paste the private key (PEM or JWK)'),
    usePasted: panel.getByRole('button', { name: 'Use pasted key' }),
    alg: panel.getByLabel('Or generate a new key pair'),
    generate: panel.getByRole('button', { name: 'Generate key pair' }),
    summary: panel.getByLabel('Loaded key'),
    dpop: panel.getByRole('switch', { name: 'Require DPoP' }),
    steps: panel.getByRole('region', { name: 'Steps' }),
  };
}

async function runTest(page: Page): Promise<void> {
  const u = ui(page);
  await u.testButton.click();
  await expect(u.testButton).toHaveText('Test credentials', { timeout: 20_000 });
}

/** The form for a test against this suite's server (the secret only where the method needs one). */
async function fillForm(page: Page, clientId: string, clientSecret?: string): Promise<void> {
  const u = ui(page);
  await u.clientId.fill(clientId);
  if (clientSecret !== undefined) await u.clientSecret.fill(clientSecret);
  await u.target.fill(server.issuer);
  await u.scopes.fill('api:read');
}

async function prepare(page: Page, clientId: string): Promise<void> {
  await fillForm(page, clientId);
  await keyUi(page).method(/private_key_jwt/).check();
}

/** Nothing of the key in the page: not in the DOM (input values included), not in the text. */
async function expectNoKeyInPage(page: Page, key: TestKey): Promise<void> {
  // A string, not a function: the test files are type-checked without the DOM library.
  const seen = await page.evaluate<string>(`[document.documentElement.outerHTML, ...[...document.querySelectorAll('input, textarea')].map((el) => el.value)].join('\\n')`);
  for (const needle of keyNeedles(key)) expect(seen.includes(needle), 'private-key material in the page').toBe(false);
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('all four client authentication methods; the org server selects private_key_jwt and says why', async ({ app: { page } }) => {
  const k = keyUi(page);
  for (const name of [/client_secret_basic/, /client_secret_post/, /client_secret_jwt/, /private_key_jwt/]) await expect(k.method(name)).toBeVisible();
  await expect(k.method(/client_secret_basic/)).toBeChecked();
  await k.panel.getByRole('radio', { name: 'Org' }).check();
  await expect(k.method(/private_key_jwt/)).toBeChecked();
  await expect(k.panel.getByText(/Private key JWT is selected because the org authorization server accepts client credentials only with private_key_jwt/)).toBeVisible();
  await expect(k.chooseFile).toBeVisible();
});

test('the right key from a file: main reads it, the page shows kid, alg, type and thumbprint, and the steps', async ({ app: { page, bridge } }) => {
  const file = path.join(dir, 'okta-app-key.pem');
  await writeFile(file, keyText(clients.rsa, 'pkcs1-pem'), { mode: 0o600 });
  if (bridge === null) throw new Error('needs the bridge');
  bridge.keyFileDialog.path = file;
  await prepare(page, clients.keyClient.clientId);
  const k = keyUi(page);
  // Without a key the request is not sent, and the page says what is missing.
  await runTest(page);
  await expect(page.getByText(/private_key_jwt signs with the app's private key/).first()).toBeVisible();

  await k.kid.fill(rsaKid);
  await k.chooseFile.click();
  await expect(k.summary).toContainText('okta-app-key.pem');
  await expect(k.summary).toContainText('RS256');
  await expect(k.summary).toContainText(rsaKid);
  await expect(k.summary).toContainText(/Thumbprint \(SHA-256\)\s*[\w-]{43}/);
  expect(bridge.keyFileDialog.askedBy).toHaveLength(1);
  expect(bridge.keyFileDialog.askedBy[0]?.isMainFrame).toBe(true);
  // The preview names the method and masks the assertion.
  await expect(k.panel.getByLabel('Request that will be sent, secret masked')).toContainText('client_assertion=••••••');

  await runTest(page);
  const result = ui(page).result;
  await expect(result).toHaveAttribute('data-outcome', 'success');
  const assertion = k.steps.getByRole('table', { name: 'Client assertion claims (request 1)' });
  await expect(assertion.getByRole('row', { name: `iss ${clients.keyClient.clientId}` })).toBeVisible();
  await expect(assertion.getByRole('row', { name: `aud ${server.tokenUrl}` })).toBeVisible();
  await expect(k.steps.getByRole('table', { name: 'Client assertion header (request 1)' }).getByRole('row', { name: `kid ${rsaKid}` })).toBeVisible();
  await expectNoKeyInPage(page, clients.rsa);
  // The folder the file is in stays in main.
  expect(await page.locator('body').innerText()).not.toContain(dir);
});

test('a pasted key is used and cleared from the field; the wrong key is explained; a non-key is refused in plain words', async ({ app: { page } }) => {
  await prepare(page, clients.keyClient.clientId);
  const k = keyUi(page);
  await expect(k.paste).toHaveAttribute('type', 'password');

  await k.paste.fill(keyText(clients.stranger, 'pkcs8-pem'));
  await k.kid.fill(rsaKid);
  await k.usePasted.click();
  await expect(k.summary).toContainText('Pasted');
  await expect(k.paste).toHaveValue('');
  await runTest(page);
  const result = ui(page).result;
  await expect(result).toHaveAttribute('data-outcome', 'rejected');
  await expect(result.locator('.result-meta')).toContainText('invalid_client');
  await expect(result.locator('.explanation')).toBeVisible();
  await expectNoKeyInPage(page, clients.stranger);

  const certificate = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQk\n-----END CERTIFICATE-----';
  await k.paste.fill(certificate);
  await k.paste.press('Enter');
  await expect(k.panel.getByText('Key not loaded: This is a certificate, not a private key. Give the private key that belongs to it.')).toBeVisible();
  // The refused text stays in the field to be fixed; the loaded key is still the last good one.
  // (A single-line field: Chromium turns the pasted line breaks into spaces, which the PEM reader ignores.)
  await expect(k.paste).toHaveValue(certificate.replace(/\n/g, ' '));
  await expect(k.summary).toContainText('Pasted');

  await k.paste.fill(keyText(clients.ec, 'jwk', 'ec-key-2026'));
  await k.kid.fill('');
  await k.usePasted.click();
  await expect(k.summary).toContainText('ES256');
  await expect(k.summary).toContainText('ec-key-2026');
  await runTest(page);
  await expect(result).toHaveAttribute('data-outcome', 'success');
  await expectNoKeyInPage(page, clients.ec);
});

test('a generated key: public JWK to copy, registered with the server and used; private key only by guarded copy; Forget wipes it', async ({ app: { page, clipboard } }) => {
  await prepare(page, 'placeholder');
  const k = keyUi(page);
  await k.alg.selectOption('ES256');
  await k.generate.click();
  await expect(k.summary).toContainText('Generated in this window');
  await expect(k.panel.getByText('The private key exists only in this window.')).toBeVisible();
  const publicText = await k.panel.locator('.jwk-text').innerText();
  const publicJwk = JSON.parse(publicText) as Record<string, string>;
  expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
  expect(publicJwk.d).toBeUndefined();

  await k.panel.getByRole('button', { name: 'Copy public key (JWK)' }).click();
  await expect.poll(() => clipboard.text).toBe(publicText);

  const clientId = await server.registerClient({ authMethod: 'private_key_jwt', jwks: { keys: [publicJwk] } });
  await ui(page).clientId.fill(clientId);
  await runTest(page);
  await expect(ui(page).result).toHaveAttribute('data-outcome', 'success');
  await expect(k.steps.getByRole('table', { name: 'Client assertion header (request 1)' }).getByRole('row', { name: `kid ${publicJwk.kid}` })).toBeVisible();

  await k.panel.getByRole('button', { name: 'Copy private key (JWK)' }).click();
  await expect(k.panel.getByText(/Private key copied — the clipboard clears in \d+ s/)).toBeVisible();
  const privateJwk = JSON.parse(clipboard.text) as Record<string, string>;
  expect(privateJwk.x).toBe(publicJwk.x);
  const d = privateJwk.d ?? '';
  expect(d).toMatch(/^[\w-]{43}$/);
  const seen = await page.evaluate<string>('document.documentElement.outerHTML');
  expect(seen.includes(d)).toBe(false);

  await k.panel.getByRole('button', { name: 'Copy private key (PEM)' }).click();
  await expect.poll(() => clipboard.text).toMatch(/^-----BEGIN PRIVATE KEY-----/);

  // Text waiting in the paste field goes too.
  await k.paste.fill(keyText(clients.ec, 'jwk'));
  await ui(page).forget.click();
  await expect.poll(() => clipboard.text).toBe('');
  await k.method(/private_key_jwt/).check();
  await expect(k.summary).toHaveCount(0);
  await expect(k.paste).toHaveValue('');
});

test('client_secret_jwt: an HS256 assertion signed with the secret, its claims in the steps', async ({ app: { page } }) => {
  const u = ui(page);
  const k = keyUi(page);
  await fillForm(page, clients.hmacClient.clientId, clients.hmacClient.clientSecret);
  await k.method(/client_secret_jwt/).check();
  await expect(k.chooseFile).toHaveCount(0);
  await expect(k.panel.getByLabel('Request that will be sent, secret masked')).toContainText('client_assertion=••••••');
  await runTest(page);
  await expect(u.result).toHaveAttribute('data-outcome', 'success');
  await expect(k.steps.getByRole('table', { name: 'Client assertion header (request 1)' }).getByRole('row', { name: 'alg HS256' })).toBeVisible();
  await expect(k.steps.getByRole('table', { name: 'Client assertion claims (request 1)' }).getByRole('row', { name: `sub ${clients.hmacClient.clientId}` })).toBeVisible();
  expect(await page.locator('body').innerText()).not.toContain(clients.hmacClient.clientSecret);
});

test('client_secret_jwt: the signing algorithm chosen (HS512) signs the assertion and stays chosen across methods', async ({ app: { page } }) => {
  const u = ui(page);
  const k = keyUi(page);
  await fillForm(page, clients.hmacClient.clientId, clients.hmacClient.clientSecret);
  const alg = k.panel.getByLabel('Signing algorithm');
  await expect(alg).toHaveCount(0);
  await k.method(/client_secret_jwt/).check();
  await expect(alg).toHaveValue('HS256');
  await alg.selectOption('HS512');
  await expect(k.panel.getByText('Signs an HS512 assertion with the client secret above.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await runTest(page);
  await expect(u.result).toHaveAttribute('data-outcome', 'success');
  await expect(k.steps.getByRole('table', { name: 'Client assertion header (request 1)' }).getByRole('row', { name: 'alg HS512' })).toBeVisible();
  // Only client_secret_jwt signs with the secret: other methods hide the choice and keep it for coming back.
  await k.method(/client_secret_basic/).check();
  await expect(alg).toHaveCount(0);
  await k.method(/client_secret_jwt/).check();
  await expect(alg).toHaveValue('HS512');
});

test('DPoP required but not sent: explained, Retry with DPoP, then the nonce round trip and a bound token', async ({ app: { page } }) => {
  const u = ui(page);
  const k = keyUi(page);
  await fillForm(page, clients.dpopClient.clientId, clients.dpopClient.clientSecret);
  await expect(k.dpop).not.toBeChecked();
  await runTest(page);
  await expect(u.result).toHaveAttribute('data-outcome', 'rejected');
  await expect(u.result.getByText('The app probably requires DPoP')).toBeVisible();

  const retry = u.result.getByRole('button', { name: 'Retry with DPoP' });
  await retry.focus();
  await page.keyboard.press('Enter');
  await expect(u.testButton).toHaveText('Test credentials', { timeout: 20_000 });
  await expect(u.result).toHaveAttribute('data-outcome', 'success');
  await expect(k.dpop).toBeChecked();
  await expect(u.result.getByRole('button', { name: 'Retry with DPoP' })).toHaveCount(0);

  const steps = k.steps.getByRole('listitem');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('First request: HTTP 400 use_dpop_nonce');
  await expect(steps.nth(1)).toContainText('Retry with the server’s nonce: HTTP 200');
  const retryProof = k.steps.getByRole('table', { name: 'DPoP proof claims (request 2)' });
  await expect(retryProof.getByRole('row', { name: 'htm POST' })).toBeVisible();
  await expect(retryProof.getByRole('row', { name: `htu ${server.tokenUrl}` })).toBeVisible();
  await expect(retryProof.getByRole('row', { name: /^nonce \S+/ })).toBeVisible();
  await expect(k.steps.getByRole('table', { name: 'DPoP proof claims (request 1)' }).getByRole('row', { name: /^nonce/ })).toHaveCount(0);

  const binding = k.steps.getByRole('group', { name: 'DPoP binding check' });
  await expect(binding).toContainText('The token is bound to this run’s DPoP key.');
  const jkt = await binding.getByRole('definition').nth(0).innerText();
  expect(jkt).toMatch(/^[\w-]{43}$/);
  await expect(binding.getByRole('definition').nth(1)).toHaveText(jkt);
  await expect(binding.getByRole('definition').nth(2)).toHaveText('DPoP');
  expect(await violations(page)).toEqual([]);
});

test('keyboard reaches the key controls and the DPoP switch; axe finds nothing with a generated key shown', async ({ app: { page } }) => {
  await prepare(page, 'placeholder');
  const k = keyUi(page);
  await k.method(/private_key_jwt/).focus();
  const reached: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate<string>(`(() => {
      const el = document.activeElement;
      return el === null ? '' : ((el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent) || '').trim();
    })()`));
  }
  for (const name of ['Key ID (kid) to send if the key has none', 'Choose key file…', 'Or paste the private key (PEM or JWK)', 'Use pasted key', 'Generate key pair', 'Require DPoP']) {
    expect(reached).toContain(name);
  }
  await k.generate.focus();
  await page.keyboard.press('Enter');
  await expect(k.summary).toContainText('Generated in this window');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await violations(page)).toEqual([]);
  }
});

test('positive control: the page check finds a key that did reach the page', async ({ app: { page } }) => {
  const planted = keyNeedles(clients.stranger)[0] ?? '';
  await page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend', '<input type="hidden" id="planted">'); document.getElementById('planted').value = ${JSON.stringify(planted)};`);
  await expect(expectNoKeyInPage(page, clients.stranger)).rejects.toThrow(/private-key material in the page/);
});
