/**
 * Issue 11 item 10 (renderer side): every field has main's size cap, says so in
 * plain words when a paste is over it, keeps what was there, and a 10 MB paste
 * does no per-keystroke work (the page stays usable; no timing is asserted).
 */
import type { Locator, Page } from '@playwright/test';
import { base64Of, expect, fillCredentials, notesOf, test, ui } from '../support/renderer-harness';

const TEN_MB = 10 * 1024 * 1024;

/** A real paste (Ctrl+V) of `text`: Chromium's own clipboard, then the trusted paste event. */
async function paste(page: Page, field: Locator, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(async (t) => {
    await (globalThis as unknown as { navigator: { clipboard: { writeText(s: string): Promise<void> } } }).navigator.clipboard.writeText(t);
  }, text);
  await field.focus();
  await page.keyboard.press('Control+V');
}

test('a 10 MB paste into the secret field is refused with a clear message; both fields are kept and the page stays usable', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, '0oa1limits', 'kept-secret');
  await paste(page, u.clientSecret, 'x'.repeat(TEN_MB));
  const note = (await notesOf(u.clientSecret)).locator('[data-code="too-long"]');
  await expect(note).toContainText('Not pasted: this field takes at most 8,192 characters, and the text had 10,485,771.');
  await expect(note).toContainText('Okta client secrets are 40 to 64 characters');
  await expect(u.clientSecret).toHaveValue('kept-secret');
  await expect(u.clientSecret).toHaveAttribute('aria-invalid', 'true');
  // Still responsive: typing goes on, and the message goes once the field is fine again.
  await u.clientSecret.press('End');
  await page.keyboard.type('!');
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of('0oa1limits:kept-secret!'));
  await expect(note).toHaveCount(0);
});

test('the New secret of a rotation has the same cap: a 10 MB paste is refused there too, and both secrets are kept (attack review, 2026-12-02)', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, '0oa1limits', 'kept-secret');
  await page.getByRole('checkbox', { name: 'Testing a rotation?' }).check();
  const newSecret = page.getByLabel('New secret', { exact: true });
  await newSecret.fill('kept-new-secret');
  await paste(page, newSecret, 'y'.repeat(TEN_MB));
  const note = (await notesOf(newSecret)).locator('[data-code="too-long"]');
  await expect(note).toContainText('Not pasted: this field takes at most 8,192 characters, and the text had 10,485,775.');
  await expect(newSecret).toHaveValue('kept-new-secret');
  await expect(newSecret).toHaveAttribute('aria-invalid', 'true');
  await expect(u.clientSecret).toHaveValue('kept-secret');
});

test('a paste of exactly the cap is taken; one more character is refused', async ({ app: { page } }) => {
  const u = ui(page);
  await paste(page, u.clientSecret, 's'.repeat(8192));
  await expect(u.clientSecret).toHaveValue('s'.repeat(8192));
  await u.clientSecret.press('End');
  await page.keyboard.type('s');
  await expect(u.clientSecret).toHaveValue('s'.repeat(8192));
  await expect((await notesOf(u.clientSecret)).locator('[data-code="too-long"]')).toContainText('at most 8,192 characters, and the text had 8,193');
});

test('every field has main’s cap (UTF-16 units, as main counts)', async ({ app: { page } }) => {
  const u = ui(page);
  // 4,097 emoji are 8,194 UTF-16 units: over main's 8,192 even though only 4,097 characters.
  await paste(page, u.clientSecret, '😀'.repeat(4097));
  await expect((await notesOf(u.clientSecret)).locator('[data-code="too-long"]')).toBeVisible();
  const caps: [Locator, number][] = [[u.clientId, 256], [u.target, 2048], [u.scopes, 20 * 201]];
  for (const [field, cap] of caps) {
    await paste(page, field, 'a'.repeat(cap + 1));
    await expect(field).toHaveValue('');
    await expect((await notesOf(field)).locator('[data-code="too-long"]')).toContainText(`at most ${cap.toLocaleString('en-US')} characters`);
  }
  await u.checkTab.click();
  await paste(page, u.headerCheck, 'A'.repeat(TEN_MB));
  await expect(u.headerCheck).toHaveValue('');
  await expect((await notesOf(u.headerCheck)).locator('[data-code="too-long"]')).toContainText('at most 16,384 characters');
});

test('positive control: under the cap the same paste lands in the field', async ({ app: { page } }) => {
  const u = ui(page);
  await paste(page, u.clientId, 'a'.repeat(256));
  await expect(u.clientId).toHaveValue('a'.repeat(256));
  await expect((await notesOf(u.clientId)).locator('[data-code="too-long"]')).toHaveCount(0);
});
