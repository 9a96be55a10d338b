/**
 * Renderer ready: cold loads of the built renderer, from navigation start to the
 * Client ID field being usable, against the same for a blank page from the same
 * server. Each load gets a fresh browser context (empty memory cache), and the
 * two pages alternate so background load on the machine hits both alike.
 */
import type { Browser } from '@playwright/test';
import { makeFigure, type Figure } from './figure';
import { READY_PROBE } from './page-scripts';
import type { RendererSite } from './renderer-site';
import { interleave, summarize } from './stats';

export const READY_LOADS = 20;
const WARMUP_LOADS = 1;
/** Issue 16 (was 3 in issue 7). */
const READY_RATIO_TARGET = 2.5;

async function coldLoad(browser: Browser, url: string, panels: number[] | null = null): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, colorScheme: 'light', locale: 'en-US' });
  try {
    await context.addInitScript({ content: READY_PROBE });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message.slice(0, 200)));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text().slice(0, 200));
    });
    // Wait for `load` before asking: polling during the load would queue work in the page being timed.
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    // Polled from outside: waitForFunction evaluates its predicate with eval, which the app's CSP refuses.
    let readyAt: unknown;
    const deadline = Date.now() + 30_000;
    while (typeof (readyAt = await page.evaluate('window.__benchReadyAt')) !== 'number') {
      if (Date.now() > deadline) throw new Error(`${url}: the Client ID field never became usable`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (panels !== null) {
      // Not part of the figure: when the lazily loaded panels had landed, for the record.
      let panelsAt: unknown;
      while (typeof (panelsAt = await page.evaluate('window.__benchPanelsAt')) !== 'number') {
        if (Date.now() > deadline) throw new Error(`${url}: the Test credentials panel never appeared`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      panels.push(panelsAt as number);
    }
    if (problems.length > 0) throw new Error(`${url} reported errors while loading: ${problems.join(' | ')}`);
    return readyAt as number;
  } finally {
    await context.close();
  }
}

export async function rendererReadyFigure(browser: Browser, site: RendererSite): Promise<Figure> {
  // Warm the browser process and the server (not the page's cache: every load is a new context).
  for (let i = 0; i < WARMUP_LOADS; i += 1) {
    await coldLoad(browser, site.appUrl);
    await coldLoad(browser, site.blankUrl);
  }
  const panels: number[] = [];
  const { a: app, b: blank } = await interleave(
    READY_LOADS,
    () => coldLoad(browser, site.appUrl, panels),
    () => coldLoad(browser, site.blankUrl),
  );
  const appStats = summarize(app);
  const panelStats = summarize(panels);
  const blankStats = summarize(blank);
  return makeFigure({
    id: 'renderer-ready',
    label: 'renderer ready (cold load)',
    unit: 'ms',
    measured: appStats.median,
    baseline: blankStats.median,
    baselineLabel: 'blank page',
    target: { kind: 'ratio', value: READY_RATIO_TARGET },
    detail: `median of ${READY_LOADS} cold loads each, navigation start → Client ID field usable; ` +
      `app p10–p90 ${appStats.p10.toFixed(1)}–${appStats.p90.toFixed(1)} ms, blank ${blankStats.p10.toFixed(1)}–${blankStats.p90.toFixed(1)} ms; ` +
      `lazy panels in (Test credentials button there) at a median ${panelStats.median.toFixed(0)} ms, not part of the figure`,
    data: { app: appStats, blank: blankStats, panels: panelStats, appSamples: app, blankSamples: blank, panelSamples: panels },
  });
}
