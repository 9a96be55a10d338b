/**
 * Issue 16: the form paints before the lazy chunks (form logic, Test
 * credentials, Check a header, results, shortcuts) arrive, shows skeletons in
 * their place, and nothing around them moves when they land. The chunks are
 * held back by the test (page.route) so both states can be measured: element
 * boxes in Chromium before and after, and the browser's own layout-shift entries.
 * A positive control shows the measurement catches a skeleton that reserves no space.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Route } from '@playwright/test';
import { firstPaintReferences, withStaticImports } from '../../bench/renderer-payload';
import { createTestFetch } from '../support/node-fetch';
import { expect, installBridge, MemoryClipboard, RENDERER_DIR, test, ui, type RendererServer } from '../support/renderer-harness';

const FIRST_PAINT = new Set(withStaticImports(RENDERER_DIR, firstPaintReferences(readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8'))).map((f) => `/${f}`));

/** The parts of the page around the lazy panels, which must not move. */
const SURROUNDINGS = [
  '.app-header',
  '.card-credentials',
  '.card-credentials input',
  '.card-credentials .field-notices',
  '.outputs',
  '[data-testid="output-base64"]',
  '[data-testid="output-header"]',
] as const;

type Box = readonly [number, number, number, number];

interface Layout {
  readonly surroundings: Readonly<Record<string, readonly Box[]>>;
  /** The column slots: skeletons before, panels after. Their height may differ (reported); their place may not. */
  readonly slots: readonly Box[];
  readonly pageWidth: number;
  readonly scrollY: number;
}

/** Page-side (plain JavaScript: the tests' TypeScript has no DOM types): document-space boxes. */
const MEASURE = `((selectors) => {
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height];
  };
  const surroundings = {};
  for (const s of selectors) surroundings[s] = [...document.querySelectorAll(s)].filter((e) => !e.closest('[role="tabpanel"]')).map(box);
  return {
    surroundings,
    slots: [...document.querySelectorAll('.tab-list, [role="tabpanel"]:not([hidden]) > *')].map(box),
    pageWidth: document.documentElement.clientWidth,
    scrollY: window.scrollY,
  };
})(${JSON.stringify(SURROUNDINGS)})`;

async function measure(page: Page): Promise<Layout> {
  return page.evaluate(MEASURE) as Promise<Layout>;
}

/** Records layout shifts from the start of the page; read and cleared by `takeShifts`. */
const SHIFT_RECORDER = `(() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => (s.node && s.node.className) || String(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

async function takeShifts(page: Page): Promise<{ value: number; sources: string[] }[]> {
  return page.evaluate('(() => { const s = window.__shifts; window.__shifts = []; return s; })()') as Promise<{ value: number; sources: string[] }[]>;
}

/** Opens the app with every lazy chunk held back; `release` lets them through. */
async function openWithChunksHeld(page: Page, rendererServer: RendererServer, testCa: { cert: string }, extraStyle?: string) {
  const fetch = createTestFetch(testCa.cert);
  const bridge = await installBridge(page, { fetch, origin: rendererServer.origin, clipboard: new MemoryClipboard() });
  const held: Route[] = [];
  let releasing = false;
  const lazyRequests: string[] = [];
  await page.route(
    (url) => url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js') && !FIRST_PAINT.has(url.pathname),
    async (route) => {
      lazyRequests.push(new URL(route.request().url()).pathname);
      if (releasing) await route.continue();
      else held.push(route);
    },
  );
  await page.addInitScript({ content: SHIFT_RECORDER });
  await page.goto(rendererServer.startUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Basic Header' })).toBeVisible();
  if (extraStyle !== undefined) {
    // A constructed style sheet: the page's CSP (style-src 'self') refuses a <style> element.
    await page.evaluate(`(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(${JSON.stringify(extraStyle)});
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    })()`);
  }
  return {
    held,
    lazyRequests,
    async release(): Promise<void> {
      releasing = true;
      for (const route of held.splice(0)) await route.continue();
    },
    async close(): Promise<void> {
      await bridge.handlers.dispose();
      await fetch.close();
    },
  };
}

async function panelsLanded(page: Page): Promise<void> {
  await expect(ui(page).testButton).toBeVisible();
  // The header check sits in the other tab: there, not shown.
  await expect(ui(page).headerCheck).toHaveCount(1);
  await expect(page.getByTestId('panel-skeleton')).toHaveCount(0);
  // Both animation frames after the reveal, so the layout measured is the painted one.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

/** Layout just before the held chunks are let go and just after the panels have landed; layout shifts are recorded from the first. */
async function landHeldPanels(page: Page, app: { release(): Promise<void> }): Promise<{ before: Layout; after: Layout }> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  const before = await measure(page);
  await takeShifts(page);
  await app.release();
  await panelsLanded(page);
  return { before, after: await measure(page) };
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 0.5;
const sameBoxes = (a: readonly Box[], b: readonly Box[]): boolean => a.length === b.length && a.every((box, i) => box.every((v, j) => close(v, b[i]?.[j] ?? NaN)));

function moved(before: Layout, after: Layout): string[] {
  const out: string[] = [];
  for (const s of SURROUNDINGS) {
    if (!sameBoxes(before.surroundings[s] ?? [], after.surroundings[s] ?? [])) {
      out.push(`${s}: ${JSON.stringify(before.surroundings[s])} → ${JSON.stringify(after.surroundings[s])}`);
    }
  }
  // The slots' place (left, top, width): a panel may be taller than its skeleton only below itself.
  before.slots.forEach((slot, i) => {
    const next = after.slots[i];
    if (next === undefined || ![0, 1, 2].every((j) => close(slot[j] ?? NaN, next[j] ?? NaN))) out.push(`slot ${i}: ${JSON.stringify(slot)} → ${JSON.stringify(next)}`);
  });
  if (!close(before.pageWidth, after.pageWidth)) out.push(`page width ${before.pageWidth} → ${after.pageWidth}`);
  if (!close(before.scrollY, after.scrollY)) out.push(`scroll ${before.scrollY} → ${after.scrollY}`);
  return out;
}

// 960 × 780 is the window's default size (electron/main/window-options.ts): the panels stack.
for (const viewport of [{ width: 960, height: 780 }, { width: 1200, height: 800 }]) {
  test(`at ${viewport.width}×${viewport.height} the form paints first, skeletons hold the panels' place, and nothing moves when they land`, async ({ page, rendererServer, testCa }) => {
    await page.setViewportSize(viewport);
    const app = await openWithChunksHeld(page, rendererServer, testCa);
    try {
      const u = ui(page);
      // First paint: the form works, the panels are skeletons (busy, nothing focusable in them).
      await expect(u.clientId).toBeEditable();
      await expect(page.getByTestId('panel-skeleton')).toHaveCount(2);
      await expect(page.getByTestId('panel-skeleton').first()).toHaveAttribute('aria-busy', 'true');
      expect(await page.locator('[data-testid="panel-skeleton"] :is(input, button, select, textarea, a, [tabindex])').count()).toBe(0);
      await expect(u.testButton).toHaveCount(0);
      // Polled: the chunks are asked for in a task after the first commit, and the
      // route handler hears of each request a moment after the page makes it.
      await expect.poll(() => app.held.length, { message: 'the lazy chunks were requested while the form painted' }).toBeGreaterThanOrEqual(3);
      const { before, after } = await landHeldPanels(page, app);
      expect(moved(before, after), 'boxes that moved when the chunks landed').toEqual([]);
      expect(await takeShifts(page), 'layout-shift entries while the chunks landed').toEqual([]);
      test.info().annotations.push({
        type: 'slot heights (skeleton → panel)',
        description: before.slots.map((s, i) => `${s[3].toFixed(0)} → ${(after.slots[i]?.[3] ?? 0).toFixed(0)} px`).join(', '),
      });

      // The prefetch fetched the chunks nobody rendered yet: a test result opens without a download.
      await expect.poll(() => app.lazyRequests.some((p) => /\/test-result-[\w-]+\.js$/.test(p))).toBe(true);
      expect(app.lazyRequests.some((p) => /\/shortcuts-dialog-[\w-]+\.js$/.test(p))).toBe(true);
    } finally {
      await app.close();
    }
  });
}

test('positive control: a skeleton that does not sit where its panel lands is caught moving the page', async ({ page, rendererServer, testCa }) => {
  await page.setViewportSize({ width: 960, height: 780 });
  const app = await openWithChunksHeld(page, rendererServer, testCa, '.panel-skeleton { margin-top: 40px !important; }');
  try {
    await expect(page.getByTestId('panel-skeleton')).toHaveCount(2);
    const { before, after } = await landHeldPanels(page, app);
    // The visible tab's panel starts higher than its skeleton did.
    expect(moved(before, after).some((m) => m.startsWith('slot 1'))).toBe(true);
  } finally {
    await app.close();
  }
});

test('typing before the form logic lands is not lost: the outputs follow once it does', async ({ page, rendererServer, testCa }) => {
  const app = await openWithChunksHeld(page, rendererServer, testCa);
  try {
    const u = ui(page);
    await u.clientId.fill('0oa1early');
    await u.clientSecret.fill('early-secret');
    await app.release();
    await page.getByRole('button', { name: 'Show outputs' }).click();
    await expect(page.getByTestId('output-base64')).toHaveValue(Buffer.from('0oa1early:early-secret').toString('base64'));
  } finally {
    await app.close();
  }
});

/**
 * Records when the Client ID field is first in the page (a MutationObserver callback runs just after
 * the DOM change: for React, just after its commit) and, on the same clock, when each script request starts.
 */
const COMMIT_RECORDER = `(() => {
  const observer = new MutationObserver(() => {
    if (window.__formCommittedAt !== undefined) return;
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Client ID');
    if (label === undefined) return;
    window.__formCommittedAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

test('no lazy chunk is requested before the form is committed: the first render waits on no download', async ({ page, rendererServer, testCa }) => {
  const fetch = createTestFetch(testCa.cert);
  const bridge = await installBridge(page, { fetch, origin: rendererServer.origin, clipboard: new MemoryClipboard() });
  try {
    await page.addInitScript({ content: COMMIT_RECORDER });
    await page.goto(rendererServer.startUrl);
    await expect(ui(page).testButton).toBeVisible();
    const { committedAt, requests } = await page.evaluate(`({
      committedAt: window.__formCommittedAt,
      requests: performance.getEntriesByType('resource')
        .filter((e) => e.initiatorType === 'script' || e.initiatorType === 'link' || e.name.endsWith('.js'))
        .map((e) => ({ path: new URL(e.name).pathname, startTime: e.startTime })),
    })`) as { committedAt: number; requests: { path: string; startTime: number }[] };
    expect(typeof committedAt).toBe('number');
    const lazy = requests.filter((r) => r.path.endsWith('.js') && !FIRST_PAINT.has(r.path));
    // The form logic and both column panels at least (their chunks and what they import).
    expect(lazy.length, 'lazy chunks requested').toBeGreaterThanOrEqual(3);
    const early = lazy.filter((r) => r.startTime <= committedAt).map((r) => `${r.path} at ${r.startTime.toFixed(1)} ms`);
    expect(early, `requested before the form was committed at ${committedAt.toFixed(1)} ms`).toEqual([]);
  } finally {
    await bridge.handlers.dispose();
    await fetch.close();
  }
});
