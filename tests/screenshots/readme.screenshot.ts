/**
 * Takes docs/screenshot.png for the README, with harmless example values only.
 * Run by `npm run screenshots`, never by `npm test`: running the tests must not
 * rewrite a tracked file.
 */
import path from 'node:path';
import { expect, test } from '../support/renderer-harness';

const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/screenshot.png');

test('README screenshot: example credentials with the outputs shown', async ({ app: { page } }) => {
  await page.setViewportSize({ width: 1200, height: 820 });
  await page.getByLabel('Client ID').fill('0oa1example2client3');
  await page.getByLabel('Client secret', { exact: true }).fill('example-secret-not-a-real-one-0123456789abcdefghijklmn');
  await page.getByRole('button', { name: 'Show output values' }).click();
  await page.getByLabel('Okta domain or issuer').fill('dev-123456.okta.com');
  await page.getByLabel('Scopes').fill('api:read');
  await page.getByLabel('Header or Base64 value').fill('Authorization: Basic MG9hMWV4YW1wbGUyY2xpZW50MzpleGFtcGxl\nLXNlY3JldA==\n');
  await expect(page.getByLabel('Base64 value', { exact: true })).toHaveValue(/^MG9hMWV4YW1wbGUy/);
  // Park the caret and focus ring out of the picture.
  await page.locator('h1').click();
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
});
