/** Issue 14 items 1, 2 and 8: outputs shown whole, copy buttons that say what they copy, Show/Hide that say what they reveal. */
import { base64Of, expect, fillCredentials, overflowOf, test, ui } from '../support/renderer-harness';

const ID = '0oa1outputsclient0h7';
// A real Okta secret is 64 characters.
const SECRET = 'Outputs-secret_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM'.slice(0, 64);
const VALUE = base64Of(`${ID}:${SECRET}`);

for (const [width, height] of [[1600, 900], [960, 780], [560, 520]] as const) {
  test(`at ${width}×${height} both outputs are shown whole, on one logical line, nothing cut off`, async ({ app: { page } }) => {
    await page.setViewportSize({ width, height });
    const u = ui(page);
    await fillCredentials(page, ID, SECRET);
    await u.showOutputs.click();
    await expect(u.base64).toHaveValue(VALUE);
    await expect(u.header).toHaveValue(`Authorization: Basic ${VALUE}`);
    for (const output of [u.base64, u.header]) {
      const overflow = await overflowOf(output);
      expect(overflow.x, 'no sideways scrolling').toBeLessThanOrEqual(0);
      expect(overflow.y, 'no hidden lines').toBeLessThanOrEqual(1);
      await expect(output).toHaveCSS('overflow-wrap', 'anywhere');
      await expect(output).toHaveAttribute('readonly', '');
      expect(await output.inputValue()).not.toContain('…');
    }
  });
}

test('each Copy button says what it copies; Show/Hide say what they reveal and switch their words', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  await expect(page.getByRole('button', { name: 'Copy Base64 value', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy header', exact: true })).toBeVisible();

  const showSecret = page.getByRole('button', { name: 'Show secret' });
  await expect(showSecret).toHaveAttribute('aria-pressed', 'false');
  await showSecret.click();
  const hideSecret = page.getByRole('button', { name: 'Hide secret' });
  await expect(hideSecret).toHaveAttribute('aria-pressed', 'true');
  await expect(u.clientSecret).toHaveAttribute('type', 'text');
  await hideSecret.click();
  await expect(showSecret).toBeVisible();

  const showOutputs = page.getByRole('button', { name: 'Show outputs' });
  await expect(showOutputs).toHaveAttribute('aria-pressed', 'false');
  await expect(u.base64).not.toHaveValue(VALUE);
  await showOutputs.click();
  await expect(page.getByRole('button', { name: 'Hide outputs' })).toHaveAttribute('aria-pressed', 'true');
  await expect(u.base64).toHaveValue(VALUE);
});
