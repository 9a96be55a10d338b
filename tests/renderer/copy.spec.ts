/** Copy goes through main's clipboard handler: the real value, visible feedback, cleared later. */
import { base64Of, expect, fillCredentials, test, ui } from '../support/renderer-harness';

const ID = '0oa1copyclient000h7';
const SECRET = 'copy-secret-0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn';
const VALUE = base64Of(`${ID}:${SECRET}`);

test('Copy puts the full header on the clipboard, even while masked, and says so', async ({ app: { page, clipboard } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  await expect(u.showOutputs).toHaveAttribute('aria-pressed', 'false');
  await u.copyHeader.click();
  await expect.poll(() => clipboard.text).toBe(`Authorization: Basic ${VALUE}`);
  const headerRow = page.getByRole('status').filter({ hasText: /^Header copied\. Clears in (30|29) s/ });
  await expect(headerRow).toBeVisible();
  await u.copyBase64.click();
  await expect.poll(() => clipboard.text).toBe(VALUE);
  // Only the latest copy has feedback, beside its own button.
  await expect(page.getByRole('status').filter({ hasText: /Clears in/ })).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /^Base64 value copied\. Clears in/ })).toBeVisible();
});

test.describe('with a short clearing delay', () => {
  test.use({ clipboardClearMs: 2000 });

  test('main clears the copy from the clipboard after the delay', async ({ app: { page, clipboard } }) => {
    const u = ui(page);
    await fillCredentials(page, ID, SECRET);
    await u.copyBase64.click();
    await expect(page.getByRole('status').filter({ hasText: 'Base64 value copied. Clears in 2 s' })).toBeVisible();
    await expect.poll(() => clipboard.text).toBe(VALUE);
    await expect.poll(() => clipboard.text, { timeout: 5000 }).toBe('');
    await expect(page.getByRole('status').filter({ hasText: 'Base64 value copied. Cleared from the clipboard' })).toBeVisible();
  });
});

test.describe('the countdown', () => {
  test.use({ clipboardClearMs: 4000 });

  test('counts down live beside the button that copied', async ({ app: { page } }) => {
    const u = ui(page);
    await fillCredentials(page, ID, SECRET);
    await u.copyHeader.click();
    const status = page.getByRole('status').filter({ hasText: /^Header copied\./ });
    await expect(status).toContainText('Clears in 4 s');
    await expect(status).toContainText('Clears in 3 s');
    await expect(status).toContainText('Clears in 2 s');
  });
});

test('Ctrl+Shift+C copies the header from anywhere', async ({ app: { page, clipboard } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  await u.checkTab.click();
  await u.headerCheck.focus();
  await page.keyboard.press('Control+Shift+C');
  await expect.poll(() => clipboard.text).toBe(`Authorization: Basic ${VALUE}`);
  await expect(u.status).toHaveText('Authorization header copied.');
});

test('the menu command copy-header copies the header', async ({ app: { page, clipboard, command } }) => {
  await fillCredentials(page, ID, SECRET);
  await command('copy-header');
  await expect.poll(() => clipboard.text).toBe(`Authorization: Basic ${VALUE}`);
});

test('with nothing to copy, the buttons are disabled and the shortcut explains', async ({ app: { page, clipboard } }) => {
  const u = ui(page);
  await expect(u.copyHeader).toBeDisabled();
  await expect(u.copyBase64).toBeDisabled();
  await page.keyboard.press('Control+Shift+C');
  await expect(u.status).toContainText('Nothing to copy yet');
  expect(clipboard.writes).toBe(0);
});
