/** Forget everything (button, shortcut, menu command, idle timeout) empties the window and our clipboard copy. */
import type { Page } from '@playwright/test';
import { BASIC_CLIENT, expect, fillCredentials, test, ui, type MemoryClipboard } from '../support/renderer-harness';

const ID = '0oa1forgetclient00h7';
const SECRET = 'forget-secret-0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijk';

async function fillEverything(page: Page, clipboard: MemoryClipboard): Promise<void> {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  await u.formEncode.check();
  await u.showOutputs.click();
  await u.showSecret.click();
  await u.checkTab.click();
  await u.headerCheck.fill('Basic MG9hMTpzZWNyZXQ=');
  await u.testTab.click();
  await u.target.fill('dev-123456.okta.com');
  await u.scopes.fill('api:read');
  await u.copyHeader.click();
  await expect.poll(() => clipboard.text).toContain('Authorization: Basic ');
  await expect(u.base64).not.toHaveValue('');
}

async function expectEverythingEmpty(page: Page, clipboard: MemoryClipboard): Promise<void> {
  const u = ui(page);
  await expect(u.clientId).toHaveValue('');
  await expect(u.clientSecret).toHaveValue('');
  await expect(u.clientSecret).toHaveAttribute('type', 'password');
  await expect(u.base64).toHaveValue('');
  await expect(u.header).toHaveValue('');
  await expect(u.showOutputs).toHaveAttribute('aria-pressed', 'false');
  await expect(u.formEncode).not.toBeChecked();
  await expect(u.headerCheck).toHaveValue('');
  await expect(u.target).toHaveValue('');
  await expect(u.scopes).toHaveValue('');
  await expect(u.result).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /Clears in/ })).toHaveCount(0);
  await expect.poll(() => clipboard.text).toBe('');
}

test('the Forget everything button empties every field, output, result and the clipboard copy', async ({ app: { page, clipboard } }) => {
  await fillEverything(page, clipboard);
  await ui(page).forget.click();
  await expectEverythingEmpty(page, clipboard);
  await expect(ui(page).status).toContainText('Everything forgotten');
  await expect(ui(page).status).toContainText('removed from the clipboard');
});

test('Ctrl+Shift+Backspace forgets everything, and typing continues in the first field', async ({ app: { page, clipboard } }) => {
  await fillEverything(page, clipboard);
  await ui(page).checkTab.click();
  await ui(page).headerCheck.focus();
  await page.keyboard.press('Control+Shift+Backspace');
  await expectEverythingEmpty(page, clipboard);
  await expect(ui(page).clientId).toBeFocused();
});

test('the forget-everything menu command forgets everything', async ({ app: { page, clipboard, command } }) => {
  await fillEverything(page, clipboard);
  await command('forget-everything');
  await expectEverythingEmpty(page, clipboard);
});

test('a clipboard the user has since changed is left alone', async ({ app: { page, clipboard } }) => {
  await fillEverything(page, clipboard);
  clipboard.text = 'something the user copied elsewhere';
  await ui(page).forget.click();
  await expect(ui(page).clientId).toHaveValue('');
  await expect(ui(page).status).toContainText('Everything forgotten');
  expect(clipboard.text).toBe('something the user copied elsewhere');
});

test('forgetting also drops a token result', async ({ app: { page }, authServer }) => {
  const u = ui(page);
  await fillCredentials(page, BASIC_CLIENT.clientId, BASIC_CLIENT.clientSecret);
  await u.target.fill(authServer.issuer);
  await u.testButton.click();
  await expect(u.result).toHaveAttribute('data-outcome', 'success', { timeout: 20_000 });
  await u.forget.click();
  await expect(u.result).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Token claims' })).toHaveCount(0);
});

test.describe('idle timeout', () => {
  test.use({ fakeClock: true });

  test('is off by default; when set, warns, then forgets after the chosen idle time', async ({ app: { page, clipboard } }) => {
    const idle = page.getByRole('combobox', { name: 'Forget when idle' });
    await expect(idle).toHaveValue('off');
    await fillEverything(page, clipboard);
    await page.clock.runFor('20:00');
    await expect(ui(page).clientId).toHaveValue(ID);

    await idle.selectOption({ label: '1 min' });
    await page.clock.runFor('00:35');
    const warning = page.getByText(/No activity: everything will be forgotten in \d+ s/);
    await expect(warning).toBeVisible();
    // Activity keeps everything.
    await page.keyboard.press('Shift');
    await page.clock.runFor('00:02');
    await expect(warning).toHaveCount(0);
    await page.clock.runFor('00:40');
    await expect(ui(page).clientId).toHaveValue(ID);

    // 60 s after the key press (the status line would itself clear 8 s later).
    await page.clock.runFor('00:20');
    await expectEverythingEmpty(page, clipboard);
    await expect(ui(page).status).toContainText('after a period of inactivity');
    // The choice itself is a preference, not data: it survives.
    await expect(idle).toHaveValue('1');
  });
});
