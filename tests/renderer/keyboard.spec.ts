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
  for (let i = 0; i < 15; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await focusedName(page));
  }
  expect(order).toEqual([
    'Skip to the form',
    'Forget when idle',
    'Keyboard shortcuts',
    'Forget everything',
    'Client ID',
    // The empty-field hints are one line each, the rest behind "why?".
    'why?',
    'Client secret',
    'Show secret',
    'why?',
    'Form-encode ID and secret first (RFC 6749 §2.3.1)',
    'Show outputs',
    'Base64 value',
    'Authorization header',
    'Test credentials',
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
  // The tools are tabs: the header check is one arrow key away from this tab.
  expect(seen).toContain('Okta domain or issuer');
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
  // Org selects private_key_jwt and says why (no warning to switch servers: that is the method it takes).
  await expect(page.getByRole('radio', { name: /private_key_jwt/ })).toBeChecked();
  await expect(page.getByText(/Private key JWT is selected because the org authorization server/)).toBeVisible();
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

/** Presses Tab until `name` has focus (at most 60 times); fails if it is never reached. */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

test('keyboard only reaches every new control: fixes, why?, tools tabs, Copy as, inline, Details, corrected copies', async ({ app: { page, clipboard }, authServer }) => {
  const u = ui(page);
  await u.clientId.focus();
  await page.keyboard.type('0oa1keys:');
  await tabTo(page, 'why?');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Remove the trailing colon');
  await page.keyboard.press('Enter');
  await expect(u.clientId).toHaveValue('0oa1keys');
  await u.clientSecret.focus();
  await page.keyboard.type(BASIC_CLIENT.clientSecret);
  await u.clientId.fill(BASIC_CLIENT.clientId);
  await u.target.fill(authServer.issuer);
  await tabTo(page, 'Copy as curl');
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard.text).toContain('curl -sS -X POST');
  await tabTo(page, 'Copy as PowerShell');
  await tabTo(page, 'Copy as HTTPie');
  await tabTo(page, 'With the credential inline');
  await page.keyboard.press('Space');
  await expect(u.testPanel.getByText('The command then contains the credential')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(u.result).toHaveAttribute('data-outcome', 'success', { timeout: 20_000 });
  await tabTo(page, 'Details');
  await page.keyboard.press('Enter');
  await expect(u.result.getByRole('region', { name: 'Server metadata' })).toBeVisible();
  // The tools: one tab stop, arrow keys switch.
  await u.testTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(u.checkTab).toBeFocused();
  await tabTo(page, 'Header or Base64 value');
  await page.keyboard.insertText(`Authorization: ${base64Of(`${BASIC_CLIENT.clientId}:${BASIC_CLIENT.clientSecret}`)}`);
  await tabTo(page, 'Copy corrected value');
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard.text).toBe(base64Of(`${BASIC_CLIENT.clientId}:${BASIC_CLIENT.clientSecret}`));
  await tabTo(page, 'Copy corrected header');
});
