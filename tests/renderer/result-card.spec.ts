/**
 * Issue 14 items 3, 5 and 10: a requested scope that was not granted is amber
 * and named; failure cards lead with what explains them and keep the rest behind
 * one "Details"; the success card has one signature line and one expiry.
 */
import type { Page } from '@playwright/test';
import { refusedPort } from '../support/fault-servers';
import { BASIC_CLIENT, expect, fillCredentials, test, ui } from '../support/renderer-harness';

async function runTest(page: Page, target: string, scopes: string): Promise<void> {
  const u = ui(page);
  await fillCredentials(page, BASIC_CLIENT.clientId, BASIC_CLIENT.clientSecret);
  await u.target.fill(target);
  await u.scopes.fill(scopes);
  await u.testButton.click();
  await expect(u.testButton).toHaveText('Test credentials', { timeout: 20_000 });
}

test('a scope the server silently dropped turns the result amber and names it', async ({ app: { page }, authServer }) => {
  // The test server grants api:read and drops an unknown scope without an error, as some servers do.
  await runTest(page, authServer.issuer, 'api:read api:admin');
  const u = ui(page);
  await expect(u.result).toHaveAttribute('data-outcome', 'success');
  await expect(u.result).toHaveAttribute('data-tone', 'warning');
  await expect(u.result.getByRole('heading', { level: 3 })).toHaveText('A token was issued, without every scope you asked for');
  await expect(u.result).toContainText('You asked for api:admin; the token grants none of it.');
  await expect(u.testPanel.locator('.test-status')).toContainText('a token was issued, but not with every scope you asked for');
});

test('positive control: every requested scope granted stays green', async ({ app: { page }, authServer }) => {
  await runTest(page, authServer.issuer, 'api:read');
  const u = ui(page);
  await expect(u.result).toHaveAttribute('data-tone', 'ok');
  await expect(u.result.getByRole('heading', { level: 3 })).toHaveText('The credentials work: a token was issued');
  await expect(u.result).not.toContainText('You asked for');
  // A request that went out is called sent (control for the "would have been sent" cases).
  await u.result.getByText('Details', { exact: true }).click();
  await expect(u.result.getByLabel('Request that was sent', { exact: true })).toBeVisible();
});

test('the success card: one signature line, expiry once in words with the exact time on hover, plain names first', async ({ app: { page }, authServer }) => {
  await runTest(page, authServer.issuer, 'api:read');
  const u = ui(page);
  const text = await u.result.innerText();
  expect(text.match(/Signature verified/g)).toHaveLength(1);
  const expiry = u.result.locator('time.countdown');
  await expect(expiry).toHaveCount(1);
  await expect(expiry).toHaveText(/^in (59 min \d+ s|1 h 0 min 0 s)$/);
  await expect(expiry).toHaveAttribute('title', /\d.*\(expires_in: 3600 s\)$/);
  expect(text).not.toMatch(/3600 s/);
  // Plain words, then the raw name.
  await expect(u.result.getByRole('term').filter({ hasText: 'Token type' })).toContainText('token_type');
  await expect(u.result.getByRole('term').filter({ hasText: 'Expires' })).toContainText('expires_in');
});

test('a refused connection: the explanation first, metadata and scope notes only behind Details', async ({ app: { page } }) => {
  await runTest(page, `https://127.0.0.1:${await refusedPort()}`, '');
  const u = ui(page);
  await expect(u.result).toHaveAttribute('data-outcome', 'no-answer');
  await expect(u.result.getByText('Connection refused')).toBeVisible();
  await expect(u.result.getByRole('region', { name: 'Server metadata' })).toBeHidden();
  await expect(u.result.getByText('No scope entered')).toBeHidden();
  await expect(u.result.getByText('Not listed')).toHaveCount(0);
  await expect(u.result.locator('details')).toHaveCount(1);
  await u.result.getByText('Details', { exact: true }).click();
  const metadata = u.result.getByRole('region', { name: 'Server metadata' });
  await expect(metadata).toBeVisible();
  // "Discovery failed" is said once, and rows that were never read are left out.
  expect((await metadata.innerText()).match(/Discovery|discovery/g)?.length ?? 0).toBeLessThanOrEqual(1);
  // Discovery failed, so the token request never went out: shown as what would have been sent, never as sent.
  await expect(u.result.getByLabel('Request that would have been sent', { exact: true })).toBeVisible();
  await expect(u.result.getByText('Request that was sent')).toHaveCount(0);
});
