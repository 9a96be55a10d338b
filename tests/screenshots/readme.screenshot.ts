/**
 * The README's screenshots, taken by `npm run screenshots` (never by `npm test`,
 * which must not rewrite tracked files): the default window (960×780) in light
 * and dark, and one test result. Example values only: the test server's fixture
 * client and harmless made-up credentials.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { BASIC_CLIENT, expect, fillCredentials, test, ui } from '../support/renderer-harness';

const DOCS = path.resolve(import.meta.dirname, '../../docs');
const DEFAULT_WINDOW = { width: 960, height: 780 } as const;

async function parkFocus(page: Page): Promise<void> {
  // Park the caret and focus ring out of the picture, and start at the top.
  await page.locator('h1').click();
  await page.evaluate('document.getElementById("main").scrollTo(0, 0)');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the default window (${colorScheme})`, async ({ app: { page } }) => {
    await page.setViewportSize(DEFAULT_WINDOW);
    await page.emulateMedia({ colorScheme });
    const u = ui(page);
    await fillCredentials(page, '0oa1example2client3x', 'example-secret-not-a-real-one-0123456789abcdefghijklmnopqrstuvw');
    await u.showOutputs.click();
    await u.target.fill('dev-123456.okta.com');
    await u.scopes.fill('api:read');
    await expect(u.base64).toHaveValue(/^MG9hMWV4YW1wbGUy/);
    await parkFocus(page);
    await page.screenshot({ path: path.join(DOCS, `screenshot-${colorScheme}.png`), animations: 'disabled' });
  });
}

test('one result: a token from the test server', async ({ app: { page }, authServer }) => {
  await page.setViewportSize(DEFAULT_WINDOW);
  const u = ui(page);
  await fillCredentials(page, BASIC_CLIENT.clientId, BASIC_CLIENT.clientSecret);
  await u.target.fill(authServer.issuer);
  await u.scopes.fill('api:read');
  await u.testButton.click();
  await expect(u.result).toHaveAttribute('data-outcome', 'success', { timeout: 20_000 });
  await parkFocus(page);
  await u.result.evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(DOCS, 'screenshot-result.png'), animations: 'disabled' });
});
