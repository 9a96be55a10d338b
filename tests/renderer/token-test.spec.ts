/**
 * Test credentials through the bridge: the real main-process handler runs core's
 * token test against a real HTTPS authorization server (oidc-provider at Okta's
 * paths), and the page explains the result. The app stays usable after each.
 */
import { X509Certificate } from 'node:crypto';
import { behaviours, refusedPort, startFaultServer, startUntrustedServer } from '../support/fault-servers';
import { RATE_LIMIT_FIXTURE, RATE_LIMIT_RESET_EPOCH_S } from '../support/okta-fixtures';
import { BASIC_CLIENT as DEFAULT_CLIENT, POST_CLIENT, expect, fillCredentials, notesOf, test, ui } from '../support/renderer-harness';
import type { Page } from '@playwright/test';

async function runTest(page: Page): Promise<void> {
  const u = ui(page);
  await u.testButton.click();
  await expect(u.testButton).toHaveText('Test credentials', { timeout: 20_000 });
}

test('a good client gets a token: details, verified signature, discovery, and the token only by copy', async ({ app: { page, clipboard }, authServer }) => {
  const u = ui(page);
  await fillCredentials(page, DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret);
  await u.target.fill(authServer.issuer);
  await u.scopes.fill('api:read');
  // The masked request is shown before anything is sent.
  const preview = page.getByRole('region', { name: 'Test credentials' }).getByLabel('Request that will be sent, secret masked');
  await expect(preview).toContainText(`POST ${authServer.tokenUrl}`);
  await expect(preview).toContainText('Authorization: Basic ••••••');
  await expect(preview).toContainText('grant_type=client_credentials&scope=api%3Aread');
  expect(await preview.innerText()).not.toContain(DEFAULT_CLIENT.clientSecret);

  await runTest(page);
  const result = u.result;
  await expect(result).toHaveAttribute('data-outcome', 'success');
  await expect(result.getByRole('heading', { name: 'The credentials work: a token was issued' })).toBeVisible();
  await expect(result.getByText('HTTP 200')).toBeVisible();
  await expect(result.getByText(/^Signature verified with key/)).toBeVisible();
  const facts = result.locator('.token-details');
  await expect(facts.getByRole('definition').filter({ hasText: 'Bearer' })).toBeVisible();
  await expect(facts.getByRole('definition').filter({ hasText: /^in (59 min \d+ s|1 h 0 min 0 s)$/ })).toBeVisible();
  await expect(facts.getByRole('definition').filter({ hasText: /^api:read$/ })).toBeVisible();
  // The countdown is live.
  const countdown = facts.locator('.countdown');
  const before = await countdown.innerText();
  await expect(countdown).not.toHaveText(before, { timeout: 3000 });
  const claims = result.getByRole('table', { name: 'Token claims' });
  await expect(claims.getByRole('row', { name: `iss ${authServer.issuer}` })).toBeVisible();
  await expect(claims.getByRole('row', { name: `client_id ${DEFAULT_CLIENT.clientId}` })).toBeVisible();
  await expect(claims.getByRole('row', { name: /^exp \d+$/ })).toBeVisible();
  await result.getByText('Details', { exact: true }).click();
  const metadata = result.getByRole('region', { name: 'Server metadata' });
  await expect(metadata.getByText(authServer.tokenUrl)).toBeVisible();
  await expect(metadata.getByText(authServer.jwksUri)).toBeVisible();
  await expect(metadata.getByText(/marked as discoverable/)).toBeVisible();

  // The raw token is never on screen; Copy access token puts it on the clipboard.
  await result.getByRole('button', { name: 'Copy access token' }).click();
  await expect.poll(() => clipboard.text).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  const bodyText = await page.locator('body').innerText();
  expect(bodyText).not.toContain(clipboard.text);
  expect(bodyText).not.toContain(clipboard.text.split('.')[1]);
  expect(bodyText).not.toContain(DEFAULT_CLIENT.clientSecret);
});

test('a wrong secret is refused, explained in plain words, and the app stays usable', async ({ app: { page }, authServer }) => {
  const u = ui(page);
  await fillCredentials(page, DEFAULT_CLIENT.clientId, 'this-is-not-the-right-secret-000000000000');
  await u.target.fill(authServer.issuer);
  await runTest(page);
  await expect(u.result).toHaveAttribute('data-outcome', 'rejected');
  await expect(u.result.getByRole('heading', { name: 'The server refused the request' })).toBeVisible();
  await expect(u.result.getByText(/^HTTP 401 · invalid_client/)).toBeVisible();
  // The server's own words, verbatim, then the explanation.
  await expect(u.result.locator('blockquote')).toHaveText(/client authentication failed/i);
  await expect(u.result.locator('.explanation-title')).not.toBeEmpty();
  await expect(u.result.getByRole('definition').filter({ hasText: /./ }).first()).toBeVisible();
  expect(await u.result.innerText()).not.toContain('this-is-not-the-right-secret');

  // Still usable: fix the secret, test again.
  await u.clientSecret.fill(DEFAULT_CLIENT.clientSecret);
  await runTest(page);
  await expect(u.result).toHaveAttribute('data-outcome', 'success');
});

test('client_secret_post sends the credentials in the body, and works', async ({ app: { page }, authServer }) => {
  const u = ui(page);
  await fillCredentials(page, POST_CLIENT.clientId, POST_CLIENT.clientSecret);
  await u.target.fill(authServer.issuer);
  await page.getByRole('radio', { name: /Form body/ }).check();
  const preview = page.getByLabel('Request that will be sent, secret masked');
  await expect(preview).toContainText(`client_id=${POST_CLIENT.clientId}&client_secret=••••••`);
  await expect(preview).not.toContainText('Authorization:');
  await runTest(page);
  await expect(u.result).toHaveAttribute('data-outcome', 'success');
  await expect(u.result.getByText(/^Signature verified with key/)).toBeVisible();
});

test('a refused port gets its own plain network message', async ({ app: { page } }) => {
  const u = ui(page);
  const port = await refusedPort();
  await fillCredentials(page, DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret);
  await u.target.fill(`https://127.0.0.1:${port}/oauth2/default`);
  await runTest(page);
  await expect(u.result).toHaveAttribute('data-outcome', 'no-answer');
  await expect(u.result.getByText('Connection refused')).toBeVisible();
  await expect(u.result.getByText(`127.0.0.1:${port} refused the connection`)).toBeVisible();
  await expect(u.result.getByText('No HTTP response')).toBeVisible();
  // Still usable.
  await u.clientId.fill('0oa1other');
  await expect(u.clientId).toHaveValue('0oa1other');
  await runTest(page);
  await expect(u.result).toHaveAttribute('data-outcome', 'no-answer');
});

test('an untrusted certificate gets its own plain message', async ({ app: { page } }) => {
  const u = ui(page);
  const server = await startUntrustedServer({ fallback: behaviours.json(200, {}) });
  try {
    await fillCredentials(page, DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret);
    await u.target.fill(`${server.origin}/oauth2/default`);
    await runTest(page);
    await expect(u.result).toHaveAttribute('data-outcome', 'no-answer');
    await expect(u.result.getByText('Certificate not trusted')).toBeVisible();
    // The desktop app's advice: the OS store, not the command line's --ca-file.
    await expect(u.result.getByText(/trusts the certificate authorities your operating system trusts/)).toBeVisible();
    await expect(u.result.getByText(/Never turn certificate checks off/)).toBeVisible();
    expect(await u.result.innerText()).not.toContain('--ca-file');
    // What the server presented, named (issue 14 item 9): issuer, subject, SHA-256.
    const certificate = u.result.getByRole('region', { name: 'Certificate the server presented' });
    const issuerCn = /CN=([^,\n]+)/.exec(new X509Certificate(server.ca).subject)?.[1] ?? 'missing';
    await expect(certificate.getByRole('definition').nth(0)).toContainText(`CN=${issuerCn}`);
    await expect(certificate.getByRole('definition').nth(1)).toContainText('CN=');
    await expect(certificate.getByRole('definition').nth(2)).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // Reading the certificate sent nothing over HTTP.
    expect(server.requestCount()).toBe(0);
  } finally {
    await server.close();
  }
});

test('a test that hangs can be cancelled, and the next one runs', async ({ app: { page }, testCa, authServer }) => {
  const u = ui(page);
  const server = await startFaultServer({ ca: testCa, fallback: behaviours.hang() });
  try {
    await fillCredentials(page, DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret);
    await u.target.fill(`${server.origin}/oauth2/default`);
    await u.testButton.click();
    await expect(page.getByRole('progressbar', { name: 'Testing credentials' })).toBeVisible();
    await expect(u.testButton).toHaveAttribute('aria-disabled', 'true');
    await expect.poll(() => server.requestCount()).toBeGreaterThan(0);
    await u.cancel.click();
    await expect(u.result).toHaveAttribute('data-outcome', 'cancelled');
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    // Every route hangs, so it stopped in discovery: the token request was never sent, and the result says so.
    await expect(u.result).toContainText(`Cancelled before the token request to ${new URL(server.origin).host} was sent.`);
    await u.result.getByText('Details', { exact: true }).click();
    await expect(u.result.getByLabel('Request that would have been sent', { exact: true })).toBeVisible();
    await expect(u.result.getByText('Request that was sent')).toHaveCount(0);

    await u.target.fill(authServer.issuer);
    await runTest(page);
    await expect(u.result).toHaveAttribute('data-outcome', 'success');
  } finally {
    await server.close();
  }
});

test('a rate-limited answer shows the limit, what remains and the reset time', async ({ app: { page }, testCa }) => {
  const u = ui(page);
  const server = await startFaultServer({
    ca: testCa,
    routes: {
      '/oauth2/default/v1/token': behaviours.json(RATE_LIMIT_FIXTURE.status, RATE_LIMIT_FIXTURE.body, RATE_LIMIT_FIXTURE.headers),
    },
  });
  try {
    await fillCredentials(page, DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret);
    await u.target.fill(`${server.origin}/oauth2/default`);
    await runTest(page);
    await expect(u.result).toHaveAttribute('data-outcome', 'rejected');
    await expect(u.result.getByText(/^HTTP 429/)).toBeVisible();
    await expect(u.result.locator('blockquote')).toHaveText(RATE_LIMIT_FIXTURE.description ?? '');
    const limits = u.result.getByRole('region', { name: 'Rate limit' });
    await expect(limits.getByRole('definition').nth(0)).toHaveText('600');
    await expect(limits.getByRole('definition').nth(1)).toHaveText('0');
    const reset = new Date(RATE_LIMIT_RESET_EPOCH_S * 1000).getUTCFullYear();
    await expect(limits.getByRole('definition').nth(2)).toContainText(String(reset));
  } finally {
    await server.close();
  }
});

test('a bad domain is refused before any traffic, next to the field', async ({ app: { page, bridge } }) => {
  const u = ui(page);
  await fillCredentials(page, DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret);
  await u.target.fill('http://example.com');
  await expect(u.target).toHaveAttribute('aria-invalid', 'true');
  await u.testButton.click();
  await expect(u.testPanel.getByRole('status')).toContainText('Not sent');
  expect(bridge?.calls.filter((c) => c === 'testCredentials')).toEqual([]);
});

test('a mistyped https:// is marked on the domain field with the corrected address, and nothing is sent', async ({ app: { page, bridge } }) => {
  const u = ui(page);
  await fillCredentials(page, DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret);
  await u.target.fill('https//dev-123.okta.com/oauth2/default');
  await expect(u.target).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Did you mean https://dev-123.okta.com/oauth2/default?')).toBeVisible();
  await expect(u.clientSecret).not.toHaveAttribute('aria-invalid', 'true');
  // The request preview points up to the marked field instead of repeating the problem as a credentials one.
  await expect(u.testPanel.getByText('Fix the problem marked above to see the request.')).toBeVisible();
  await u.testButton.click();
  await expect(u.testPanel.getByRole('status')).toContainText('Not sent');
  expect(bridge?.calls.filter((c) => c === 'testCredentials')).toEqual([]);
});

test('Ctrl+Enter runs the test from any field', async ({ app: { page }, authServer }) => {
  const u = ui(page);
  await fillCredentials(page, DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret);
  await u.target.fill(authServer.issuer);
  await u.clientSecret.focus();
  await page.keyboard.press('Control+Enter');
  await expect(u.result).toHaveAttribute('data-outcome', 'success', { timeout: 20_000 });
});

test('target notices appear beside the domain before anything is sent', async ({ app: { page, bridge } }) => {
  const u = ui(page);
  await fillCredentials(page, DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret);
  const preview = page.getByLabel('Request that will be sent, secret masked');
  await u.target.fill('dev-123456-admin.okta.com');
  await expect((await notesOf(u.target)).locator('[data-code="admin-host"]')).toContainText('dev-123456.okta.com');
  await expect(preview).toContainText('POST https://dev-123456.okta.com/oauth2/default/v1/token');
  await u.target.fill('http://127.0.0.1:8080');
  await expect((await notesOf(u.target)).locator('[data-code="insecure-loopback"]')).toBeVisible();
  await u.target.fill('https://dev-123456.okta.com/oauth2/aus9o8wzkhckw9TLa0h7z');
  await expect(preview).toContainText('POST https://dev-123456.okta.com/oauth2/aus9o8wzkhckw9TLa0h7z/v1/token');
  await u.target.fill('dev-123456.okta.com');
  await page.getByRole('radio', { name: 'Org' }).check();
  const server = page.getByRole('group', { name: 'Authorization server' });
  // Org selects private_key_jwt (issue 12), the one method it takes: the preview asks for the key, and nothing says to switch servers.
  await expect(page.getByRole('radio', { name: /private_key_jwt/ })).toBeChecked();
  await expect(u.testPanel.getByText(/private_key_jwt signs with the app's private key/).first()).toBeVisible();
  await expect(page.locator('[data-code^="org-server"]')).toHaveCount(0);
  // Back to Basic for the preview: now exactly one warning, beside the server choice, naming the method.
  await page.getByRole('radio', { name: /client_secret_basic/ }).check();
  await expect(preview).toContainText('POST https://dev-123456.okta.com/oauth2/v1/token');
  await expect(server.locator('[data-code="org-server-needs-private-key-jwt"]')).toContainText('so client_secret_basic will be refused');
  await expect(page.locator('[data-code^="org-server"]')).toHaveCount(1);
  await u.scopes.fill('openid');
  await expect((await notesOf(u.scopes)).locator('[data-code="oidc-scope"]')).toBeVisible();
  expect(bridge?.calls).toEqual([]);
});

test('before a domain is typed, Org warns only while a secret method is chosen', async ({ app: { page, bridge } }) => {
  const u = ui(page);
  await fillCredentials(page, DEFAULT_CLIENT.clientId, DEFAULT_CLIENT.clientSecret);
  const server = page.getByRole('group', { name: 'Authorization server' });
  const orgWarning = server.locator('[data-code="org-server-needs-private-key-jwt"]');
  await page.getByRole('radio', { name: 'Org' }).check();
  await page.getByRole('radio', { name: /client_secret_post/ }).check();
  await expect(orgWarning).toContainText('so client_secret_post will be refused');
  await expect(page.locator('[data-code^="org-server"]')).toHaveCount(1);
  // private_key_jwt is what the org server takes: the warning goes.
  await page.getByRole('radio', { name: /private_key_jwt/ }).check();
  await expect(orgWarning).toHaveCount(0);
  await expect(page.locator('[data-code^="org-server"]')).toHaveCount(0);
  await expect(u.target).toHaveValue('');
  expect(bridge?.calls).toEqual([]);
});
