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

test('a 5,000-character paste into either field works and keeps the other field', async ({ app: { page } }) => {
  const u = ui(page);
  const huge = 'A1b2C3d4E5'.repeat(500);
  await fillCredentials(page, ID, huge);
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of(`${ID}:${huge}`));
  await u.clientId.fill(huge);
  await expect(u.clientSecret).toHaveValue(huge);
  await expect(u.base64).toHaveValue(base64Of(`${huge}:${huge}`));
  // The header checker takes it too.
  await u.headerCheck.fill(`${huge}${huge}!`);
  await expect(u.diagnosis.locator('[data-code="not-base64"]')).toBeVisible();
  await expect(u.clientId).toHaveValue(huge);
  // Testing it is refused with a plain message, not a crash.
  await u.target.fill('dev-123456.okta.com');
  await u.testButton.click();
  await expect(u.testPanel.getByRole('status')).toContainText('Not tested: the client ID is 5000 characters long; a test sends at most 256.', { ignoreCase: true });
  await expect(u.testButton).toHaveText('Test credentials');
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
  await u.headerCheck.fill('   \n\t  ');
  await expect(u.clientSecret).toHaveValue(SECRET);
});

test('junk in the header checker never crashes it', async ({ app: { page } }) => {
  const u = ui(page);
  const junk = ['Basic', 'Basic ', 'Authorization:', '====', '-----BEGIN CERTIFICATE-----', '\u0000\u0001\u0002', '%%%', 'Bearer abc', 'Basic Og==', 'Basic OmE=', '😀'.repeat(300)];
  for (const text of junk) {
    await u.headerCheck.fill(text);
    await expect(u.diagnosis.locator('.verdict')).toBeVisible();
  }
});
