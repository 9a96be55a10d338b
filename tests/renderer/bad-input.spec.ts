/** Bad input never crashes the page (the fixture fails on any page error) and never loses the other field. */
import { base64Of, expect, fillCredentials, notesOf, test, ui } from '../support/renderer-harness';

const ID = '0oa1badinputclient07';
const SECRET = 'bad-input-secret-0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh';

test('a colon in the ID keeps the secret; fixing the ID brings the output back', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  await u.clientId.fill(`${ID}:extra`);
  await expect(u.base64).toHaveValue('');
  await expect(u.clientSecret).toHaveValue(SECRET);
  await u.clientId.fill(ID);
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of(`${ID}:${SECRET}`));
});

test('emoji, combining marks, right-to-left text and a lone surrogate do not crash', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, 'id-😀-é-שלום', SECRET);
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of(`id-😀-é-שלום:${SECRET}`));
  await u.clientSecret.fill('e\u0301\u200f🔑\u0000');
  await expect(u.clientId).toHaveValue('id-😀-é-שלום');
  // A lone surrogate cannot be UTF-8: an error beside the secret, the ID kept.
  await u.clientSecret.evaluate((el, value) => {
    const input = el as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set;
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, 'abc\uD800def');
  await expect((await notesOf(u.clientSecret)).locator('[data-code="lone-surrogate"]')).toBeVisible();
  await expect(u.clientId).toHaveValue('id-😀-é-שלום');
});

test('a 5,000-character secret works; the same paste into the ID is refused and keeps both fields', async ({ app: { page } }) => {
  const u = ui(page);
  const huge = 'A1b2C3d4E5'.repeat(500);
  await fillCredentials(page, ID, huge);
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of(`${ID}:${huge}`));
  await u.clientId.fill(huge);
  await expect((await notesOf(u.clientId)).locator('[data-code="too-long"]')).toContainText('at most 256 characters, and the text had 5,000');
  await expect(u.clientId).toHaveValue(ID);
  await expect(u.clientSecret).toHaveValue(huge);
  // The header checker takes it too.
  await u.checkTab.click();
  await u.headerCheck.fill(`${huge}${huge}!`);
  await expect(u.diagnosis.locator('[data-code="not-base64"]')).toBeVisible();
  await expect(u.clientId).toHaveValue(ID);
});

test('whitespace-only fields give a hint and keep the other field', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, ' \t  ');
  await expect(u.base64).toHaveValue('');
  await expect((await notesOf(u.clientSecret)).locator('[data-code="empty-client-secret"]')).toBeVisible();
  await expect(u.clientId).toHaveValue(ID);
  await fillCredentials(page, '   ', SECRET);
  await expect((await notesOf(u.clientId)).locator('[data-code="empty-client-id"]')).toBeVisible();
  await expect(u.clientSecret).toHaveValue(SECRET);
  await u.checkTab.click();
  await u.headerCheck.fill('   \n\t  ');
  await expect(u.clientSecret).toHaveValue(SECRET);
});

test('junk in the header checker never crashes it', async ({ app: { page } }) => {
  const u = ui(page);
  const junk = ['Basic', 'Basic ', 'Authorization:', '====', '-----BEGIN CERTIFICATE-----', '\u0000\u0001\u0002', '%%%', 'Bearer abc', 'Basic Og==', 'Basic OmE=', '😀'.repeat(300)];
  for (const text of junk) {
    await u.checkTab.click();
    await u.headerCheck.fill(text);
    await expect(u.diagnosis.locator('.verdict')).toBeVisible();
  }
});

test('a private key pasted into the Client ID is refused by name, never encoded, and the secret is kept (attack review)', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  // A made-up key body: the check reads the PEM armour, not the key.
  await u.clientId.fill('-----BEGIN PRIVATE KEY-----MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgMadeUpMadeUp-----END PRIVATE KEY-----');
  await expect((await notesOf(u.clientId)).locator('[data-code="private-key-in-client-id"]')).toBeVisible();
  await expect(u.base64).toHaveValue('');
  await expect(u.clientSecret).toHaveValue(SECRET);
  await u.clientId.fill(ID);
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of(`${ID}:${SECRET}`));
});
