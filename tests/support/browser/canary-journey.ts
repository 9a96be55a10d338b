/**
 * The canary journey both canary specs drive (tests/renderer/canary.spec.ts in
 * Chromium, tests/electron-app/canary.spec.ts in Electron), so the two prove the
 * same promise: type both values as a user does, reveal and read every output,
 * copy a selection with the keyboard, copy the header through the app and paste
 * it into "Check a header", run a SUCCESSFUL token test, copy the access token,
 * reload and see nothing come back. Comparisons are booleans: a failure must
 * never print a canary. Only the clipboard differs between the two shells.
 */
import { expect, type Page } from '@playwright/test';
import type { CanaryCredentials } from '../canary-run';
import { formUrlEncoded } from '../canary-scanner';
import { ui } from '../renderer-harness';

export interface JourneyClipboard {
  /** What the app's copies put on the clipboard (main's, in either shell). */
  read(): Promise<string>;
  /** Paste the clipboard into the focused field. */
  paste(page: Page): Promise<void>;
}

export interface JourneyOptions {
  readonly canary: CanaryCredentials;
  readonly formEncode: boolean;
  /** The test authorization server's issuer. */
  readonly issuer: string;
  readonly clipboard: JourneyClipboard;
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** Runs the journey; returns the access token the app copied (a canary too). */
export async function canaryJourney(page: Page, options: JourneyOptions): Promise<{ readonly token: string }> {
  const { canary, formEncode, clipboard } = options;
  const u = ui(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Basic Header' })).toBeVisible();

  // Type both, as a user does (real key events, not a programmatic fill).
  if (formEncode) await u.formEncode.check();
  await u.clientId.pressSequentially(canary.clientId);
  await u.clientSecret.pressSequentially(canary.clientSecret);

  // Reveal and read every output.
  const pair = formEncode ? `${formUrlEncoded(canary.clientId)}:${formUrlEncoded(canary.clientSecret)}` : `${canary.clientId}:${canary.clientSecret}`;
  const header = `Authorization: Basic ${base64(pair)}`;
  await u.showSecret.click();
  expect(await u.clientSecret.getAttribute('type')).toBe('text');
  expect(await u.clientSecret.inputValue() === canary.clientSecret, 'the revealed secret is what was typed').toBe(true);
  await u.showOutputs.click();
  await expect.poll(async () => await u.base64.inputValue() === base64(pair), { message: 'Base64 output' }).toBe(true);
  await expect.poll(async () => await u.header.inputValue() === header, { message: 'header output' }).toBe(true);
  // The browser's own copy of a selection, with the keyboard.
  await u.header.selectText();
  await page.keyboard.press('ControlOrMeta+C');

  // Copy the header through the app, then paste it into "Check a header".
  await u.copyHeader.click();
  await expect.poll(async () => await clipboard.read() === header, { message: 'the header reached the clipboard' }).toBe(true);
  await u.checkTab.click();
  await u.headerCheck.focus();
  await clipboard.paste(page);
  await expect.poll(async () => (await u.diagnosis.innerText()).includes(canary.clientId), { message: 'the pasted header decodes to the ID' }).toBe(true);

  // A successful token test against the real server, then the token copied back.
  await u.testTab.click();
  await u.target.fill(options.issuer);
  await u.scopes.fill('api:read');
  await u.testButton.click();
  await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'success', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Copy access token' }).click();
  await expect.poll(async () => (await clipboard.read()).split('.').length, { message: 'a JWT on the clipboard' }).toBe(3);
  const token = await clipboard.read();

  // Reload: nothing comes back.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Basic Header' })).toBeVisible();
  expect(await u.clientId.inputValue()).toBe('');
  expect(await u.clientSecret.inputValue()).toBe('');
  expect(await u.headerCheck.inputValue()).toBe('');
  return { token };
}
