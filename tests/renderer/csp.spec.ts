/**
 * The page runs under the app's real CSP (served by the real app:// handler): the
 * UI needs no inline script or style, and the page itself can make no request.
 */
import { CONTENT_SECURITY_POLICY } from '../../electron/main/app-protocol';
import { BASIC_CLIENT, expect, fillCredentials, test, ui } from '../support/renderer-harness';

test('the page is served with the production CSP and a full flow violates nothing', async ({ app: { page, problems, origin }, authServer }) => {
  const response = await page.request.get(`${origin}/index.html`);
  expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");

  const u = ui(page);
  await fillCredentials(page, BASIC_CLIENT.clientId, BASIC_CLIENT.clientSecret);
  await u.showOutputs.click();
  await u.target.fill(authServer.issuer);
  await u.testButton.click();
  await expect(u.result).toHaveAttribute('data-outcome', 'success', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await page.keyboard.press('Escape');
  // The fixture also fails the test on any console error, CSP reports included.
  expect(problems).toEqual([]);
});

test('positive control: the CSP really blocks inline style and page requests, and the fixture sees it', async ({ app: { page, problems } }) => {
  await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<div id="control" style="color: rgb(255, 0, 0)">x</div>')`);
  await expect(page.locator('#control')).not.toHaveCSS('color', 'rgb(255, 0, 0)');
  const fetched = await page.evaluate(`fetch('/index.html').then(() => 'loaded', () => 'blocked')`);
  expect(fetched).toBe('blocked');
  await expect.poll(() => problems.some((p) => p.includes('Content Security Policy'))).toBe(true);
  problems.length = 0;
});
