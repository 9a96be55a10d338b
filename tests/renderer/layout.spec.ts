/**
 * Issue 14 item 4 and "Done means": at the default window (960×780) the
 * credentials, both outputs and the start of the test panel are in view without
 * scrolling, the header check is one click (or arrow key) away; at the minimum
 * (560×520) nothing overflows and no message covers a field.
 */
import type { Locator, Page } from '@playwright/test';
import { BASIC_CLIENT, expect, fillCredentials, test, ui } from '../support/renderer-harness';

async function bottomOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not rendered');
  return box.y + box.height;
}

async function noSidewaysOverflow(page: Page): Promise<void> {
  const over = await page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > width) out.push('page');
    for (const el of document.querySelectorAll('main *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) out.push(el.tagName + '.' + el.className);
    }
    return out;
  })()`);
  expect(over).toEqual([]);
}

test('at the default 960×780 the form, both outputs and the test panel start are visible without scrolling', async ({ app: { page } }) => {
  await page.setViewportSize({ width: 960, height: 780 });
  const u = ui(page);
  await fillCredentials(page, BASIC_CLIENT.clientId, BASIC_CLIENT.clientSecret);
  await u.showOutputs.click();
  for (const part of [u.clientId, u.clientSecret, u.base64, u.header, u.copyHeader, u.testTab]) {
    expect(await bottomOf(part)).toBeLessThanOrEqual(780);
  }
  expect(await bottomOf(u.testPanel.getByRole('heading', { name: 'Test credentials' }))).toBeLessThanOrEqual(780);
  expect(await page.evaluate('document.getElementById("main").scrollTop')).toBe(0);
  // One click to the header check, and arrow keys between the tools.
  await u.checkTab.click();
  await expect(u.headerCheck).toBeVisible();
  expect(await bottomOf(u.headerCheck)).toBeLessThanOrEqual(780);
  await u.checkTab.press('ArrowLeft');
  await expect(u.testTab).toBeFocused();
  await expect(u.testTab).toHaveAttribute('aria-selected', 'true');
  await expect(u.target).toBeVisible();
});

test('what was typed in one tool is kept while the other is open', async ({ app: { page } }) => {
  const u = ui(page);
  await u.target.fill('dev-123456.okta.com');
  await u.checkTab.click();
  await u.headerCheck.fill('Basic abc');
  await u.testTab.click();
  await expect(u.target).toHaveValue('dev-123456.okta.com');
  await u.checkTab.click();
  await expect(u.headerCheck).toHaveValue('Basic abc');
});

test('at 560×520 nothing overflows, and the “Everything forgotten” status covers no field', async ({ app: { page } }) => {
  await page.setViewportSize({ width: 560, height: 520 });
  const u = ui(page);
  await fillCredentials(page, BASIC_CLIENT.clientId, BASIC_CLIENT.clientSecret);
  await u.showOutputs.click();
  await noSidewaysOverflow(page);
  await u.forget.click();
  await expect(u.status).toContainText('Everything forgotten');
  const bar = await page.locator('.toasts').boundingBox();
  expect(bar).not.toBeNull();
  const fields = page.locator('main input:visible, main textarea:visible, main select:visible, main button:visible');
  for (const field of await fields.all()) {
    const box = await field.boundingBox();
    if (box === null) continue;
    // A field is either wholly above the status bar (in the scrolling page) or not on screen at all.
    const visibleTop = Math.max(box.y, 0);
    if (visibleTop < (bar?.y ?? 0)) expect(Math.min(box.y + box.height, 520), 'field visible part ends above the status bar').toBeLessThanOrEqual((bar?.y ?? 0) + 1);
  }
  await noSidewaysOverflow(page);
});
