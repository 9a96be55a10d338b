/** Check a header: the client ID, the secret's length (never the secret), and each classic mistake by name. */
import { base64Of, expect, test, ui } from '../support/renderer-harness';

const ID = '0oa1checkclient00h7x';
const SECRET = 'check-secret-0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm';
const VALUE = base64Of(`${ID}:${SECRET}`);

/** A secret whose standard Base64 contains + or /, so its URL-safe form differs. */
function urlSafeCase(): { value: string; secret: string } {
  for (let i = 0; ; i += 1) {
    const secret = `s?~>${i}`;
    const value = base64Of(`${ID}:${secret}`);
    if (/[+/]/.test(value)) return { secret, value: value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') };
  }
}

const wrap = (text: string, width: number, eol = '\n'): string => (text.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(eol);

test('a clean header shows the client ID and the secret length, never the secret', async ({ app: { page } }) => {
  const u = ui(page);
  await u.checkTab.click();
  await u.headerCheck.fill(`Authorization: Basic ${VALUE}`);
  await expect(u.diagnosis.getByText('Looks right')).toBeVisible();
  await expect(u.diagnosis.getByRole('definition').filter({ hasText: ID })).toBeVisible();
  await expect(u.diagnosis.getByText(`${SECRET.length} characters`)).toBeVisible();
  const text = await u.diagnosis.innerText();
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(SECRET.slice(0, 16));
});

const MISTAKES: readonly { readonly name: string; readonly code: string; readonly pasted: string }[] = [
  { name: 'Trailing newline', code: 'trailing-newline', pasted: `Basic ${base64Of(`${ID}:${SECRET}\n`)}` },
  { name: 'Line-wrapped output', code: 'line-wrapped', pasted: wrap(VALUE, 76) },
  {
    name: 'PEM armour',
    code: 'pem-armor',
    pasted: `-----BEGIN CERTIFICATE-----\r\n${wrap(VALUE, 64, '\r\n')}\r\n-----END CERTIFICATE-----\r\n`,
  },
  { name: 'No colon', code: 'missing-colon', pasted: base64Of(`${ID}${SECRET}`) },
  { name: 'Not Base64', code: 'not-base64', pasted: 'Basic this is not base64 at all!' },
  { name: 'URL-safe alphabet', code: 'url-safe-alphabet', pasted: `Basic ${urlSafeCase().value}` },
];

for (const mistake of MISTAKES) {
  test(`names the mistake: ${mistake.name}`, async ({ app: { page } }) => {
    const u = ui(page);
    await u.checkTab.click();
    await u.headerCheck.fill(mistake.pasted);
    const finding = u.diagnosis.locator(`[data-code="${mistake.code}"]`);
    await expect(finding).toBeVisible();
    await expect(finding.locator('.notice-title')).toHaveText(`${mistake.name}.`);
    await expect(u.diagnosis.getByText('Looks right')).toHaveCount(0);
    expect(await u.diagnosis.innerText()).not.toContain(SECRET);
  });
}

test('the check panel does not touch the credential fields', async ({ app: { page } }) => {
  const u = ui(page);
  await u.clientId.fill('0oa1keepme');
  await u.checkTab.click();
  await u.headerCheck.fill(base64Of('other:thing'));
  await expect(u.diagnosis.getByRole('definition').filter({ hasText: 'other' })).toBeVisible();
  await expect(u.clientId).toHaveValue('0oa1keepme');
  await u.checkTab.click();
  await u.headerCheck.fill('');
  await expect(u.diagnosis.getByRole('definition')).toHaveCount(0);
});

test.describe('repair (issue 14 item 7)', () => {
  const fixable: readonly { readonly name: string; readonly pasted: string }[] = [
    { name: 'wrapped with a trailing newline', pasted: `Authorization: Basic ${wrap(VALUE, 64)}\n` },
    { name: 'PEM armour', pasted: `-----BEGIN CERTIFICATE-----\n${wrap(VALUE, 64, '\r\n')}\r\n-----END CERTIFICATE-----\r\n` },
    { name: 'no "Basic "', pasted: `Authorization: ${VALUE}` },
    { name: 'URL-safe alphabet without padding', pasted: urlSafeCase().value },
  ];
  for (const { name, pasted } of fixable) {
    test(`formatting only (${name}): Copy corrected value and header give the clean value through main`, async ({ app: { page, clipboard } }) => {
      const u = ui(page);
      await u.checkTab.click();
      await u.headerCheck.fill(pasted);
      const expected = name.startsWith('URL-safe') ? base64Of(`${ID}:${urlSafeCase().secret}`) : VALUE;
      await u.diagnosis.getByRole('button', { name: 'Copy corrected value' }).click();
      await expect.poll(() => clipboard.text).toBe(expected);
      await u.diagnosis.getByRole('button', { name: 'Copy corrected header' }).click();
      await expect.poll(() => clipboard.text).toBe(`Authorization: Basic ${expected}`);
      await expect(u.diagnosis.getByRole('status').filter({ hasText: /^Corrected header copied\. Clears in/ })).toBeVisible();
      // The corrected value is copied, never shown.
      expect(await u.diagnosis.innerText()).not.toContain(expected);
    });
  }

  test('no repair is offered when the credentials themselves are wrong', async ({ app: { page } }) => {
    const u = ui(page);
    await u.checkTab.click();
    await u.headerCheck.fill(`Basic ${base64Of(`${ID}:${SECRET} `)}\n`);
    await expect(u.diagnosis.locator('[data-code="whitespace-in-value"]')).toBeVisible();
    await expect(u.diagnosis.getByRole('button', { name: 'Copy corrected value' })).toHaveCount(0);
  });

  test('positive control: a clean header needs no repair', async ({ app: { page } }) => {
    const u = ui(page);
    await u.checkTab.click();
    await u.headerCheck.fill(`Authorization: Basic ${VALUE}`);
    await expect(u.diagnosis.getByText('Looks right')).toBeVisible();
    await expect(u.diagnosis.getByRole('button', { name: 'Copy corrected value' })).toHaveCount(0);
  });

  test('no colon, but an Okta-shaped ID at the start: shown as "probably"', async ({ app: { page } }) => {
    const u = ui(page);
    await u.checkTab.click();
    await u.headerCheck.fill(`Basic ${base64Of(`0oa1b2c3d4e5f6g7h8i9${SECRET}`)}`);
    await expect(u.diagnosis.locator('[data-code="missing-colon"]')).toBeVisible();
    const id = u.diagnosis.getByRole('definition').first();
    await expect(id).toContainText('0oa1b2c3d4e5f6g7h8i9');
    await expect(id).toContainText('probably');
    expect(await u.diagnosis.innerText()).not.toContain(SECRET.slice(0, 16));
  });
});
