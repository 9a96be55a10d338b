/** Typing credentials gives the right one-line Base64 value and header, masked until asked, with notices beside the right field. */
import { base64Of, expect, fillCredentials, notesOf, test, ui, overflowOf } from '../support/renderer-harness';

const ID = '0oa1example2client3';
const SECRET = 'AbCdEf-0123456789_ghIJklMNopQRstUVwxYZ-abcdefghijklmnopqrstuvwxyz01';

/** WHATWG application/x-www-form-urlencoded, as RFC 6749 §2.3.1 points to. */
const formEncode = (value: string): string => new URLSearchParams({ v: value }).toString().slice(2);

test('both outputs equal Node’s Base64 of id:secret once shown', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  await u.showOutputs.click();
  await expect(u.showOutputs).toHaveAttribute('aria-pressed', 'true');
  const expected = base64Of(`${ID}:${SECRET}`);
  await expect(u.base64).toHaveValue(expected);
  await expect(u.header).toHaveValue(`Authorization: Basic ${expected}`);
});

test('outputs are masked by default: only the ID-only prefix, then bullets', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  const expected = base64Of(`${ID}:${SECRET}`);
  // 19 ID bytes: the first floor(19/3)*4 = 24 characters depend on the ID alone.
  const prefix = expected.slice(0, 24);
  await expect(u.showOutputs).toHaveAttribute('aria-pressed', 'false');
  await expect(u.base64).toHaveValue(new RegExp(`^${prefix}•+$`));
  await expect(u.header).toHaveValue(new RegExp(`^Authorization: Basic ${prefix}•+$`));
  // Nothing that depends on the secret is anywhere in the page's text or values.
  const secretPart = expected.slice(24, 40);
  const everything = await page.evaluate(() => {
    return document.body.innerText + [...document.querySelectorAll<HTMLInputElement>('input[readonly]')].map((i) => i.value).join('\n');
  });
  expect(everything).not.toContain(secretPart);
  // Hiding again after Show masks again.
  await u.showOutputs.click();
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(new RegExp(`^${prefix}•+$`));
});

test('outputs follow every keystroke', async ({ app: { page } }) => {
  const u = ui(page);
  await u.showOutputs.click();
  await u.clientId.pressSequentially('0oa9');
  await expect(u.base64).toHaveValue('');
  for (const [typed, sofar] of [['x', 'x'], ['y', 'xy'], ['z', 'xyz']] as const) {
    await u.clientSecret.press(typed);
    await expect(u.base64).toHaveValue(base64Of(`0oa9:${sofar}`));
  }
  await u.clientSecret.press('Backspace');
  await expect(u.header).toHaveValue(`Authorization: Basic ${base64Of('0oa9:xy')}`);
});

test('the secret field is a password field with a real reveal toggle; both fields are kept from spellcheck and autofill', async ({ app: { page } }) => {
  const u = ui(page);
  await expect(u.clientSecret).toHaveAttribute('type', 'password');
  await expect(u.showSecret).toHaveAttribute('aria-pressed', 'false');
  await u.showSecret.click();
  await expect(u.clientSecret).toHaveAttribute('type', 'text');
  await expect(u.showSecret).toHaveAttribute('aria-pressed', 'true');
  await u.showSecret.press('Space');
  await expect(u.clientSecret).toHaveAttribute('type', 'password');
  for (const field of [u.clientId, u.clientSecret, u.headerCheck, u.target]) {
    await expect(field).toHaveAttribute('spellcheck', 'false');
    await expect(field).toHaveAttribute('autocomplete', 'off');
    await expect(field).toHaveAttribute('autocorrect', 'off');
    await expect(field).toHaveAttribute('autocapitalize', 'off');
  }
});

test('a 3,000-character secret gives one logical line, shown whole (wrapped on screen, nothing cut off)', async ({ app: { page } }) => {
  const u = ui(page);
  const secret = 'S3cr'.repeat(750);
  await fillCredentials(page, ID, secret);
  await u.showOutputs.click();
  const expected = base64Of(`${ID}:${secret}`);
  await expect(u.base64).toHaveValue(expected);
  expect(expected).not.toMatch(/\s/);
  const overflow = await overflowOf(u.base64);
  expect(overflow.x).toBeLessThanOrEqual(0);
  expect(overflow.y).toBeLessThanOrEqual(1);
});

test('surrounding whitespace is removed with a notice next to the secret field', async ({ app: { page } }) => {
  const u = ui(page);
  // (A single-line field drops pasted line breaks itself; spaces and tabs reach core.)
  await fillCredentials(page, ID, `  ${SECRET}\t`);
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of(`${ID}:${SECRET}`));
  const secretNotes = await notesOf(u.clientSecret);
  await expect(secretNotes.locator('[data-code="trimmed-whitespace"]')).toContainText('client secret');
  await expect((await notesOf(u.clientId)).locator('[data-code="trimmed-whitespace"]')).toHaveCount(0);
});

test('a colon in the client ID is an error beside the ID; nothing is encoded and the secret is kept', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, 'my-client:', SECRET);
  const idNotes = await notesOf(u.clientId);
  await expect(idNotes.locator('[data-code="colon-in-client-id"]')).toContainText('RFC 7617');
  await expect(u.clientId).toHaveAttribute('aria-invalid', 'true');
  await expect(u.base64).toHaveValue('');
  await expect(u.copyHeader).toBeDisabled();
  await expect(u.clientSecret).toHaveValue(SECRET);
  // A colon in the secret is fine.
  await fillCredentials(page, ID, 'pass:word:with:colons');
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of(`${ID}:pass:word:with:colons`));
});

test('id:secret pasted into the ID field is offered a split that fills both fields', async ({ app: { page } }) => {
  const u = ui(page);
  await u.clientId.fill(`${ID}:${SECRET}`);
  await expect((await notesOf(u.clientId)).locator('[data-code="id-secret-pasted-together"]')).toBeVisible();
  await u.split.click();
  await expect(u.clientId).toHaveValue(ID);
  await expect(u.clientSecret).toHaveValue(SECRET);
  await expect(u.split).toHaveCount(0);
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of(`${ID}:${SECRET}`));
});

test('non-ASCII is encoded as UTF-8, with a note', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, 'clïent-ß', 'sécret-ключ-🔑');
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of('clïent-ß:sécret-ключ-🔑'));
  await expect((await notesOf(u.clientId)).locator('[data-code="non-ascii-utf8"]')).toContainText('UTF-8');
  await expect((await notesOf(u.clientSecret)).locator('[data-code="non-ascii-utf8"]')).toContainText('UTF-8');
});

test('empty fields give hints, not output', async ({ app: { page } }) => {
  const u = ui(page);
  await u.clientId.fill(ID);
  await expect((await notesOf(u.clientSecret)).locator('[data-code="empty-client-secret"]')).toBeVisible();
  await expect(u.base64).toHaveValue('');
  await u.clientId.fill('');
  await u.clientSecret.fill(SECRET);
  await expect((await notesOf(u.clientId)).locator('[data-code="empty-client-id"]')).toBeVisible();
  await expect(u.header).toHaveValue('');
});

test('the form-encoding option says when the forms differ and encodes RFC 6749 style when ticked', async ({ app: { page } }) => {
  const u = ui(page);
  const secret = 'a+b/c=d e%';
  await fillCredentials(page, ID, secret);
  await u.showOutputs.click();
  const formNotes = await notesOf(u.formEncode);
  await expect(formNotes.locator('[data-code="form-encoding-differs"]')).toBeVisible();
  await expect(u.formEncode).not.toBeChecked();
  await expect(u.base64).toHaveValue(base64Of(`${ID}:${secret}`));
  await u.formEncode.check();
  await expect(u.base64).toHaveValue(base64Of(`${formEncode(ID)}:${formEncode(secret)}`));
  // For Okta-shaped values both forms are the same: no note.
  await u.clientSecret.fill(SECRET);
  await expect(formNotes.locator('[data-code="form-encoding-differs"]')).toHaveCount(0);
});

test('look-alike characters are flagged beside their field and kept as typed', async ({ app: { page } }) => {
  const u = ui(page);
  await fillCredentials(page, '0oa1\u2019client', 'secret\u2013value');
  await u.showOutputs.click();
  await expect((await notesOf(u.clientId)).locator('[data-code="look-alike-character"]')).toContainText('U+2019');
  await expect((await notesOf(u.clientSecret)).locator('[data-code="look-alike-character"]')).toBeVisible();
  // The secret's characters are never echoed in its notice.
  await expect((await notesOf(u.clientSecret)).locator('[data-code="look-alike-character"]')).not.toContainText('secret\u2013value');
  await expect(u.base64).toHaveValue(base64Of('0oa1\u2019client:secret\u2013value'));
});
