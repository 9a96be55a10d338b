/** Keyboard-only use: logical tab order, visible focus, no traps, shortcuts, and the shortcuts dialog. */
import type { Page } from '@playwright/test';
import { displayAccelerator, SHORTCUTS } from '../../electron/shared/shortcuts';
import { BASIC_CLIENT, base64Of, expect, test, ui } from '../support/renderer-harness';

/** A short description of the focused element: its label, aria-label or text. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(body)';
    const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].textContent : '') || el.textContent || el.tagName;
    return label.trim().replace(/\\s+/g, ' ');
  })()`);
}

test('Tab moves through the window in reading order', async ({ app: { page } }) => {
  const order: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await focusedName(page));
  }
  expect(order).toEqual([
    'Skip to the form',
    'Forget when idle',
    'Keyboard shortcuts',
    'Forget everything',
    'Client ID',
    'Client secret',
    'Show client secret',
    'Form-encode ID and secret first (RFC 6749 §2.3.1)',
    'Show output values',
    'Base64 value',
    'Authorization header',
    'Okta domain or issuer',
  ]);
});

test('focus is always visible', async ({ app: { page } }) => {
  for (let i = 0; i < 9; i += 1) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(`getComputedStyle(document.activeElement).outlineStyle`);
    expect(outline, `focus ring on ${await focusedName(page)}`).not.toBe('none');
  }
});

test('no keyboard trap: Tab reaches the end and wraps around', async ({ app: { page } }) => {
  const seen: string[] = [];
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    const name = await focusedName(page);
    if (i > 0 && (name === 'Skip to the form' || name === '(body)')) break;
    seen.push(name);
  }
  expect(seen).toContain('Test credentials');
  expect(seen).toContain('Header or Base64 value');
  expect(seen.length).toBeLessThan(80);
  // And back the other way.
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName(page)).not.toBe('(body)');
});

test('keyboard only: type credentials, copy with Ctrl+Shift+C, test with Ctrl+Enter', async ({ app: { page, clipboard }, authServer }) => {
  const u = ui(page);
  // Skip link, then straight into the form.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(u.clientId).toBeFocused();
  await page.keyboard.type(BASIC_CLIENT.clientId);
  await page.keyboard.press('Tab');
  await expect(u.clientSecret).toBeFocused();
  await page.keyboard.type(BASIC_CLIENT.clientSecret);
  await page.keyboard.press('Control+Shift+C');
  await expect.poll(() => clipboard.text).toBe(`Authorization: Basic ${base64Of(`${BASIC_CLIENT.clientId}:${BASIC_CLIENT.clientSecret}`)}`);

  // On to the domain field.
  while (!(await u.target.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type(authServer.issuer);
  await page.keyboard.press('Control+Enter');
  await expect(u.result).toHaveAttribute('data-outcome', 'success', { timeout: 20_000 });
  // Focus was not lost while the test ran.
  await expect(u.target).toBeFocused();
});

test('Space toggles the reveal button; arrow keys choose the authorization server', async ({ app: { page } }) => {
  const u = ui(page);
  await u.showSecret.focus();
  await page.keyboard.press('Space');
  await expect(u.showSecret).toHaveAttribute('aria-pressed', 'true');
  const defaultServer = page.getByRole('radio', { name: 'Default (recommended)' });
  await defaultServer.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Org' })).toBeChecked();
  await expect(page.getByText(/accepts only private_key_jwt/)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Custom ID' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Authorization server ID' })).toBeVisible();
});

test('the shortcuts dialog lists the app’s shortcuts, closes with Esc and gives focus back', async ({ app: { page } }) => {
  const opener = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const shortcut of SHORTCUTS) {
    await expect(dialog.getByRole('row', { name: `${shortcut.label} ${displayAccelerator(shortcut.accelerator, false)}` })).toBeVisible();
  }
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the show-shortcuts menu command opens the same dialog', async ({ app: { page, command } }) => {
  await command('show-shortcuts');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
