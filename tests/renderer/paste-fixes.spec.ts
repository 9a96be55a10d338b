/** Issue 14 item 6: each fixable paste mistake has a one-click fix; one line per notice with "why?". */
import { base64Of, expect, fillCredentials, notesOf, test, ui } from '../support/renderer-harness';

const ID = '0oa1fixesclient000h7';
const SECRET = 'fixes-secret-0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm';

test('smart quotes: one short notice with why?, no form-encoding advice, and “Replace smart quotes” fixes the field', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, `ab‘cd’ef“gh”`);
  const notes = await notesOf(u.clientSecret);
  const notice = notes.locator('[data-code="look-alike-character"]');
  await expect(notice).toBeVisible();
  // The rest of the explanation waits behind "why?".
  await expect(notice.locator('details.notice-why')).not.toHaveAttribute('open', '');
  await notice.getByText('why?').click();
  await expect(notice.locator('details.notice-why')).toHaveAttribute('open', '');
  await expect(page.locator('[data-code="form-encoding-differs"]')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Replace smart quotes' }).click();
  await u.showSecret.click();
  await expect(u.clientSecret).toHaveValue(`ab'cd'ef"gh"`);
  await expect(notes.locator('[data-code="look-alike-character"]')).toHaveCount(0);
});

test('a look-alike letter in the ID is replaced by its ASCII letter', async ({ app: { page } }) => {
  const u = ui(page);
  // Cyrillic о (U+043E) in place of the Latin o.
  await fillCredentials(page, '0\u043ea1fixesclient000h7', SECRET);
  await (await notesOf(u.clientId)).getByRole('button', { name: 'Replace look-alikes with ASCII' }).click();
  await expect(u.clientId).toHaveValue(ID);
});

test('a trailing colon on the ID is removed with one click', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, `${ID}:`, SECRET);
  await (await notesOf(u.clientId)).getByRole('button', { name: 'Remove the trailing colon' }).click();
  await expect(u.clientId).toHaveValue(ID);
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of(`${ID}:${SECRET}`));
});

test('id:secret in the ID field is masked; splitting asks before replacing a filled secret', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, `${ID}:${SECRET}`, 'old-secret');
  await expect(u.clientId).toHaveAttribute('type', 'password');
  const notes = await notesOf(u.clientId);
  await expect(notes).toContainText(ID);
  expect(await notes.innerText()).not.toContain(SECRET.slice(0, 16));
  await u.split.click();
  await expect(notes.getByText('Replace it with the secret from this pair?')).toBeVisible();
  await notes.getByRole('button', { name: 'Keep it' }).click();
  await expect(u.clientId).toHaveValue(`${ID}:${SECRET}`);
  await u.split.click();
  await notes.getByRole('button', { name: 'Replace the secret' }).click();
  await expect(u.clientId).toHaveValue(ID);
  await expect(u.clientId).toHaveAttribute('type', 'text');
  await u.showSecret.click();
  await expect(u.clientSecret).toHaveValue(SECRET);
});

test('with the secret field empty the split happens at once', async ({ app: { page } }) => {
  const u = ui(page);
  await u.clientId.fill(`${ID}:${SECRET}`);
  await u.split.click();
  await expect(u.clientId).toHaveValue(ID);
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of(`${ID}:${SECRET}`));
});
