/**
 * Rotation in the desktop UI (issue 13), in Chromium with the real main-process
 * handlers behind the bridge, against a real HTTPS server holding two ACTIVE
 * secrets and an INACTIVE third for one client (real signed tokens): the
 * "Testing a rotation?" choice, the masked New secret field with its own Show
 * toggle and hygiene notices, every verdict, results side by side at the
 * default window size, copy of either secret, and Forget.
 */
import type { Locator, Page } from '@playwright/test';
import { WINDOW_SIZE } from '../../electron/main/window';
import { behaviours } from '../support/fault-servers';
import { expect, fillCredentials, notesOf, test, ui } from '../support/renderer-harness';
import { ROTATION_CLIENT, startRotationServer, type RotationServer } from '../support/rotation-server';

const { clientId, current, next, inactive } = ROTATION_CLIENT;

let server: RotationServer;
/** The new secret's token request always drops the connection. */
let dropping: RotationServer;

test.use({ viewport: { width: WINDOW_SIZE.width, height: WINDOW_SIZE.height } });

test.beforeAll(async ({ testCa }) => {
  server = await startRotationServer({ ca: testCa });
  dropping = await startRotationServer({ ca: testCa, tokenOverride: (n) => (n % 2 === 0 ? behaviours.reset() : undefined) });
});

test.afterAll(async () => {
  await server?.close();
  await dropping?.close();
});

function rotationUi(page: Page) {
  return {
    choice: page.getByRole('checkbox', { name: 'Testing a rotation?' }),
    newSecret: page.getByLabel('New secret', { exact: true }),
    showNew: page.getByRole('button', { name: 'Show new secret' }),
    copyCurrent: page.getByRole('button', { name: 'Copy current secret' }),
    copyNew: page.getByRole('button', { name: 'Copy new secret' }),
    result: page.locator('.rotation-result'),
  };
}

async function setUp(page: Page, target: RotationServer, a: string, b: string): Promise<void> {
  const u = ui(page);
  const r = rotationUi(page);
  await fillCredentials(page, clientId, a);
  await u.target.fill(target.issuer);
  await u.scopes.fill('api:read');
  if (!(await r.choice.isChecked())) await r.choice.check();
  await r.newSecret.fill(b);
}

async function runRotation(page: Page): Promise<void> {
  await ui(page).testButton.click();
  await expect(ui(page).testButton).toHaveText('Test credentials', { timeout: 20_000 });
}

async function expectNoSecretOnScreen(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const secret of [current, next, inactive]) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(0, 12));
  }
}

test('both work: verdict and next step on top, both full results side by side and collapsed, readable at the default window size', async ({ app: { page } }) => {
  const r = rotationUi(page);
  await expect(r.newSecret).toHaveCount(0);
  await setUp(page, server, current, next);
  const before = server.requests.length;
  await runRotation(page);

  await expect(r.result).toHaveAttribute('data-verdict', 'both-work');
  await expect(r.result.getByRole('heading', { level: 3 }).first()).toHaveText(/Both work/);
  await expect(r.result.locator('.rotation-next')).toContainText('deactivate the old one once nothing uses it');
  // Two token requests, the current secret's first; every metadata URL and the keys fetched once.
  const sent = server.requests.slice(before);
  const tokens = sent.filter((q) => q.path.endsWith('/v1/token'));
  expect(tokens.map((q) => Buffer.from(String(q.headers.authorization).slice(6), 'base64').toString('utf8').split(':')[1])).toEqual([current, next]);
  const others = sent.filter((q) => !q.path.endsWith('/v1/token')).map((q) => q.path);
  expect(others.filter((p) => p.endsWith('/v1/keys'))).toHaveLength(1);
  expect(new Set(others).size).toBe(others.length);

  const sides = r.result.locator('details.rotation-side');
  await expect(sides).toHaveCount(2);
  for (const side of await sides.all()) await expect(side).not.toHaveAttribute('open', '');
  await expect(sides.nth(0).locator(':scope > summary')).toHaveText(/^Current secret: works, a token was issued \(HTTP 200\)$/);
  await expect(sides.nth(1).locator(':scope > summary')).toHaveText(/^New secret: works, a token was issued \(HTTP 200\)$/);

  // Open both, and every part of each full result as well (metadata, sent request).
  for (const side of await sides.all()) {
    await side.locator(':scope > summary').click();
    for (const inner of await side.locator('details').all()) await inner.locator(':scope > summary').click();
  }
  for (const side of await sides.all()) {
    await expect(side.locator('section.result')).toHaveAttribute('data-outcome', 'success');
    await expect(side.getByText(/^Signature verified/).first()).toBeVisible();
  }
  // Side by side, each inside the window, and nothing scrolls sideways.
  const [a, b] = [await sides.nth(0).boundingBox(), await sides.nth(1).boundingBox()];
  expect(a && b && Math.abs(a.y - b.y) < 2 && a.x + a.width <= b.x && b.x + b.width <= WINDOW_SIZE.width).toBe(true);
  // A string, as other specs do: the test tsconfig has no DOM types.
  const overflow: unknown = await page.evaluate(`(() => {
    const wide = (el) => el.scrollWidth > el.clientWidth + 1;
    return {
      page: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      inside: [...document.querySelectorAll('.rotation-side *')].filter((el) => wide(el) && getComputedStyle(el).overflowX !== 'visible').length,
      sides: [...document.querySelectorAll('.rotation-side')].filter(wide).length,
    };
  })()`);
  expect(overflow).toEqual({ page: false, inside: 0, sides: 0 });
  await expectNoSecretOnScreen(page);
});

test('every other verdict, with the right next step', async ({ app: { page } }) => {
  const r = rotationUi(page);
  const cases = [
    [server, current, inactive, 'only-first-works', /mistyped, not yet active, or from another app/],
    [server, inactive, next, 'only-second-works', /already inactive.*failing now/],
    [server, inactive, `${inactive}x`, 'neither-works', /Current: Wrong client secret\. New: Wrong client secret\./],
    [dropping, current, next, 'no-answer', /run the rotation test again/],
  ] as const;
  for (const [target, a, b, verdict, step] of cases) {
    await setUp(page, target, a, b);
    await runRotation(page);
    await expect(r.result).toHaveAttribute('data-verdict', verdict);
    await expect(r.result.locator('.rotation-next')).toContainText(step);
  }
  await expectNoSecretOnScreen(page);
});

test('the New secret field: masked, its own Show toggle, the same hygiene notices as the first', async ({ app: { page } }) => {
  const u = ui(page);
  const r = rotationUi(page);
  await r.choice.check();
  await expect(r.newSecret).toHaveAttribute('type', 'password');
  await r.showNew.click();
  await expect(r.newSecret).toHaveAttribute('type', 'text');
  await expect(u.clientSecret).toHaveAttribute('type', 'password');
  await r.showNew.click();
  await expect(r.newSecret).toHaveAttribute('type', 'password');

  // The same stray characters give the same notice codes under each field.
  await fillCredentials(page, clientId, `${current} \n`);
  await r.newSecret.fill(`${next} \n`);
  const codes = async (notes: Locator): Promise<(string | null)[]> => Promise.all((await notes.locator('[data-code]').all()).map((n) => n.getAttribute('data-code')));
  const firstCodes = await codes(await notesOf(u.clientSecret));
  const newNotes = await notesOf(r.newSecret);
  const newCodes = await codes(newNotes);
  expect(firstCodes.length).toBeGreaterThan(0);
  expect(newCodes).toEqual(firstCodes);
  await expect(newNotes).toContainText(/new secret/i);
});

test('the same secret twice is refused before any traffic, and the fields keep their input', async ({ app: { page } }) => {
  const r = rotationUi(page);
  await setUp(page, server, current, ` ${current}`);
  const before = server.requests.length;
  await runRotation(page);
  await expect(ui(page).testPanel.getByText(/these are the same secret/)).toBeVisible();
  expect(server.requests.length).toBe(before);
  await expect(r.newSecret).toHaveValue(` ${current}`);

  // An empty new secret is named as such, also before any traffic.
  await r.newSecret.fill('');
  await runRotation(page);
  await expect(ui(page).testPanel.getByText('Not tested: The new secret: Enter the client secret.')).toBeVisible();
  expect(server.requests.length).toBe(before);
});

test('copy either secret through the guarded clipboard; Forget wipes both', async ({ app: { page, clipboard } }) => {
  const r = rotationUi(page);
  await setUp(page, server, current, next);
  await r.copyCurrent.click();
  await expect.poll(() => clipboard.text).toBe(current);
  await expect(page.getByRole('status').filter({ hasText: /^Current secret copied\. Clears in \d+ s/ })).toBeVisible();
  await r.copyNew.click();
  await expect.poll(() => clipboard.text).toBe(next);
  await runRotation(page);
  await expect(r.result).toHaveAttribute('data-verdict', 'both-work');

  await ui(page).forget.click();
  await expect(r.result).toHaveCount(0);
  await expect(r.choice).not.toBeChecked();
  await expect(r.newSecret).toHaveCount(0);
  await expect(ui(page).clientSecret).toHaveValue('');
  await expect.poll(() => clipboard.text).toBe('');
  await r.choice.check();
  await expect(r.newSecret).toHaveValue('');
});
