/** axe (WCAG 2 A and AA): zero violations in light, dark and forced colours, with notices, results and the dialog shown. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { BASIC_CLIENT, base64Of, expect, fillCredentials, notesOf, test, ui } from '../support/renderer-harness';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  // Rule id and the offending selectors only: never the HTML (it could hold typed values).
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no violations on the empty window (${colorScheme})`, async ({ app: { page } }) => {
    await page.emulateMedia({ colorScheme });
    expect(await violations(page)).toEqual([]);
  });

  test(`no violations with notices, outputs and a successful result (${colorScheme})`, async ({ app: { page }, authServer }) => {
    await page.emulateMedia({ colorScheme });
    const u = ui(page);
    await fillCredentials(page, BASIC_CLIENT.clientId, ` ${BASIC_CLIENT.clientSecret}`);
    await u.showOutputs.click();
    await u.copyHeader.click();
    await u.target.fill(authServer.issuer);
    await u.scopes.fill('api:read');
    await u.testButton.click();
    await expect(u.result).toHaveAttribute('data-outcome', 'success', { timeout: 20_000 });
    await u.result.getByText('Details', { exact: true }).click();
    await u.checkTab.click();
    await u.headerCheck.fill(`-----BEGIN CERTIFICATE-----\nMG9hMWV4YW1wbGUyY2xpZW50MzpleGFt\ncGxl\n-----END CERTIFICATE-----\n`);
    await expect(u.diagnosis.locator('[data-code="pem-armor"]')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test(`no violations with errors and a failed result (${colorScheme})`, async ({ app: { page }, authServer }) => {
    await page.emulateMedia({ colorScheme });
    const u = ui(page);
    await fillCredentials(page, BASIC_CLIENT.clientId, 'wrong-secret-000000000000000000');
    await u.target.fill(authServer.issuer);
    await u.testButton.click();
    await expect(u.result).toHaveAttribute('data-outcome', 'rejected', { timeout: 20_000 });
    await u.clientId.fill('bad:id');
    await u.target.fill('http://example.com');
    await u.checkTab.click();
    await u.headerCheck.fill('Basic not base64!');
    await expect(u.clientId).toHaveAttribute('aria-invalid', 'true');
    expect(await violations(page)).toEqual([]);
  });
}

test('no violations in forced-colors mode', async ({ app: { page } }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await fillCredentials(page, 'bad:id', 'x');
  expect(await violations(page)).toEqual([]);
});

test('no violations with the keyboard shortcuts dialog open', async ({ app: { page, command } }) => {
  await command('show-shortcuts');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('positive control: the scan does report a real violation', async ({ app: { page } }) => {
  await page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend', '<input id="unlabelled-control">')`);
  expect((await violations(page)).some((v) => v.startsWith('label:'))).toBe(true);
});

/**
 * Every state the UX pass added, shown at once where they can be: paste fixes with
 * "why?" open, a refused paste, Copy as with the inline warning, an amber result
 * with Details open, and (in the other tab) a repairable header.
 */
async function newStates(page: Page, issuer: string): Promise<void> {
  const u = ui(page);
  await fillCredentials(page, `${BASIC_CLIENT.clientId}:`, BASIC_CLIENT.clientSecret);
  await (await notesOf(u.clientId)).getByText('why?').first().click();
  await u.clientSecret.fill(`“${BASIC_CLIENT.clientSecret}”`);
  await u.scopes.fill('x'.repeat(20 * 201 + 1));
  await u.scopes.fill('api:read api:admin');
  await expect((await notesOf(u.scopes)).locator('[data-code="too-long"]')).toHaveCount(0);
  await u.clientId.fill(BASIC_CLIENT.clientId);
  await u.clientSecret.fill(BASIC_CLIENT.clientSecret);
  await u.target.fill(issuer);
  await u.showOutputs.click();
  await u.copyHeader.click();
  await u.testPanel.getByRole('checkbox', { name: 'With the credential inline' }).check();
  await u.testButton.click();
  await expect(u.result).toHaveAttribute('data-tone', 'warning', { timeout: 20_000 });
  await u.result.getByText('Details', { exact: true }).click();
  await u.clientId.fill('x'.repeat(300));
  await expect((await notesOf(u.clientId)).locator('[data-code="too-long"]')).toBeVisible();
}

async function checkTabState(page: Page): Promise<void> {
  const u = ui(page);
  await u.checkTab.click();
  await u.headerCheck.fill(`Authorization: ${base64Of(`${BASIC_CLIENT.clientId}:${BASIC_CLIENT.clientSecret}`)}`);
  await expect(u.diagnosis.getByRole('button', { name: 'Copy corrected value' })).toBeVisible();
  await u.diagnosis.getByRole('button', { name: 'Copy corrected header' }).click();
}

for (const mode of ['light', 'dark', 'forced'] as const) {
  test(`no violations with every new state shown (${mode})`, async ({ app: { page }, authServer }) => {
    await page.emulateMedia(mode === 'forced' ? { forcedColors: 'active' } : { colorScheme: mode });
    await newStates(page, authServer.issuer);
    expect(await violations(page)).toEqual([]);
    await checkTabState(page);
    expect(await violations(page)).toEqual([]);
  });
}
