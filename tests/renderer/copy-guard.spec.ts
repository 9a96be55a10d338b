/**
 * Issue 11 item 12 (renderer side): every copy of a credential-bearing field,
 * by keyboard, cut, or the copy event that the context menu and Edit › Copy
 * fire, goes through main's guarded clipboard with the REAL value. The mask
 * can never be copied. The bridge's MemoryClipboard is main's clipboard here:
 * a copy the page made by itself would never reach it.
 */
import type { Locator, Page } from '@playwright/test';
import { base64Of, expect, fillCredentials, test, ui } from '../support/renderer-harness';

const ID = '0oa1guardclient000h7';
const SECRET = 'guard-secret-0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn';
const VALUE = base64Of(`${ID}:${SECRET}`);

/** What the context menu and Edit › Copy do: the page receives a copy (or cut) event. */
async function menuCopy(field: Locator, type: 'copy' | 'cut' = 'copy'): Promise<boolean> {
  return field.evaluate((el, eventType) => {
    const g = globalThis as unknown as { ClipboardEvent: new (t: string, i: object) => { defaultPrevented: boolean }; DataTransfer: new () => object };
    const event = new g.ClipboardEvent(eventType, { bubbles: true, cancelable: true, clipboardData: new g.DataTransfer() });
    (el as unknown as { dispatchEvent(e: unknown): boolean }).dispatchEvent(event);
    return event.defaultPrevented;
  }, type);
}

async function selectAllAndCopy(page: Page, field: Locator): Promise<void> {
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
}

test('select-all and Ctrl+C on a MASKED output copies the real value through main, never the mask', async ({ app: { page, clipboard, bridge } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  await expect(u.base64).toHaveValue(/•/);
  await selectAllAndCopy(page, u.base64);
  await expect.poll(() => clipboard.text).toBe(VALUE);
  expect(bridge?.calls).toContain('copyText');
  await selectAllAndCopy(page, u.header);
  await expect.poll(() => clipboard.text).toBe(`Authorization: Basic ${VALUE}`);
  expect(clipboard.text).not.toContain('•');
  await expect(page.getByRole('status').filter({ hasText: /^Header copied\. Clears in/ })).toBeVisible();
});

test('the copy event of the context menu and Edit › Copy is taken over on outputs, shown or masked', async ({ app: { page, clipboard } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  expect(await menuCopy(u.base64), 'the browser’s own copy is cancelled').toBe(true);
  await expect.poll(() => clipboard.text).toBe(VALUE);
  await u.showOutputs.click();
  clipboard.text = '';
  expect(await menuCopy(u.header)).toBe(true);
  await expect.poll(() => clipboard.text).toBe(`Authorization: Basic ${VALUE}`);
  // Cut on a read-only output copies too, and changes nothing.
  clipboard.text = '';
  expect(await menuCopy(u.base64, 'cut')).toBe(true);
  await expect.poll(() => clipboard.text).toBe(VALUE);
  await expect(u.base64).toHaveValue(VALUE);
});

test('the revealed secret field: Ctrl+C copies the selection through main; Ctrl+X cuts it', async ({ app: { page, clipboard } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  await u.showSecret.click();
  await selectAllAndCopy(page, u.clientSecret);
  await expect.poll(() => clipboard.text).toBe(SECRET);
  await expect(page.getByRole('status').filter({ hasText: /^Selected secret text copied\./ })).toBeVisible();
  clipboard.text = '';
  await u.clientSecret.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+X');
  await expect.poll(() => clipboard.text).toBe(SECRET);
  await expect(u.clientSecret).toHaveValue('');
});

test('part of the revealed secret: Ctrl+C copies only the selected characters, Ctrl+X cuts only them (mutation review, 2026-12-02)', async ({ app: { page, clipboard } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  await u.showSecret.click();
  const select = (start: number, end: number): Promise<void> =>
    u.clientSecret.evaluate((el, [a, b]) => (el as unknown as { setSelectionRange(x: number, y: number): void }).setSelectionRange(a ?? 0, b ?? 0), [start, end]);
  await u.clientSecret.focus();
  await select(0, 5);
  await page.keyboard.press('Control+C');
  await expect.poll(() => clipboard.text).toBe(SECRET.slice(0, 5));
  clipboard.text = '';
  await select(5, 12);
  await page.keyboard.press('Control+X');
  await expect.poll(() => clipboard.text).toBe(SECRET.slice(5, 12));
  await expect(u.clientSecret).toHaveValue(SECRET.slice(0, 5) + SECRET.slice(12));
});

test('an id:secret pair in the ID field is masked, and copying it gives the pair, not dots', async ({ app: { page, clipboard } }) => {
  const u = ui(page);
  await u.clientId.fill(`${ID}:${SECRET}`);
  await expect(u.clientId).toHaveAttribute('type', 'password');
  expect(await menuCopy(u.clientId)).toBe(true);
  await expect.poll(() => clipboard.text).toBe(`${ID}:${SECRET}`);
});

test('Forget clears a copy made with Ctrl+C, like any guarded copy', async ({ app: { page, clipboard } }) => {
  const u = ui(page);
  await fillCredentials(page, ID, SECRET);
  await selectAllAndCopy(page, u.header);
  await expect.poll(() => clipboard.text).toBe(`Authorization: Basic ${VALUE}`);
  await u.forget.click();
  await expect.poll(() => clipboard.text).toBe('');
  await expect(u.status).toContainText('removed from the clipboard');
});

test('a pasted header in "Check a header" is copied through main as selected', async ({ app: { page, clipboard } }) => {
  const u = ui(page);
  await u.checkTab.click();
  await u.headerCheck.fill(`Authorization: Basic ${VALUE}`);
  await selectAllAndCopy(page, u.headerCheck);
  await expect.poll(() => clipboard.text).toBe(`Authorization: Basic ${VALUE}`);
});

test('positive control: a field without the guard lets the browser copy by itself (main never sees it)', async ({ app: { page, clipboard } }) => {
  const u = ui(page);
  await u.target.fill('dev-123456.okta.com');
  expect(await menuCopy(u.target)).toBe(false);
  await selectAllAndCopy(page, u.target);
  await page.waitForTimeout(300);
  expect(clipboard.writes).toBe(0);
});
