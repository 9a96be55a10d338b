/**
 * A long day (issue 16): 1,000 token tests, 10,000 keystrokes and 200 Forget
 * cycles, in the Chromium harness (the built renderer with the real main-process
 * handlers behind its bridge, against the local oidc-provider) and in a Node loop
 * (the same handlers and core, as the main process runs them). After a forced GC,
 * heap growth should stay within 5 MB, and in Chromium the DOM node and event
 * listener counts must return to where they started after Forget.
 *
 * The counts are gated in `npm test` with fewer iterations
 * (tests/renderer/long-day.spec.ts); heap figures and the full run are reported here.
 */
import type { Browser, Page } from '@playwright/test';
import { makeFigure, type Figure } from './figure';
import { LONG_DAY_DRIVER } from './page-scripts';

export const LONG_DAY = { tokenTests: 1000, keystrokes: 10_000, forgets: 200 } as const;
export const HEAP_GROWTH_BUDGET_BYTES = 5_000_000;

export interface DomCounters {
  readonly documents: number;
  readonly nodes: number;
  readonly jsEventListeners: number;
}

export interface PageSnapshot {
  readonly counters: DomCounters;
  readonly heapUsedBytes: number;
}

export interface FormValues {
  readonly clientId: string;
  readonly secret: string;
  readonly target: string;
  readonly scopes: string;
  readonly header: string;
}

export interface LongDayCounts {
  readonly tokenTests: number;
  readonly keystrokes: number;
  readonly forgets: number;
}

export interface PageLongDay {
  readonly start: PageSnapshot;
  readonly end: PageSnapshot;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly ms: number;
}

/** Forced GC (twice: a first pass can leave finalisable garbage), then the counters and the JS heap. */
export async function pageSnapshot(page: Page): Promise<PageSnapshot> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const counters = await cdp.send('Memory.getDOMCounters');
    const heap = await cdp.send('Runtime.getHeapUsage');
    return { counters: { documents: counters.documents, nodes: counters.nodes, jsEventListeners: counters.jsEventListeners }, heapUsedBytes: heap.usedSize };
  } finally {
    await cdp.detach();
  }
}

async function call(page: Page, expression: string): Promise<unknown> {
  return page.evaluate(expression);
}

/**
 * On a loaded page with a working bridge: a warm-up round (one test, a few
 * keystrokes, one Forget), the starting snapshot, then the day, ending on a
 * Forget so the end state is the start state. Token tests need `values` to
 * succeed against the server.
 */
export async function runPageLongDay(page: Page, values: FormValues, counts: LongDayCounts): Promise<PageLongDay> {
  await call(page, LONG_DAY_DRIVER);
  const v = JSON.stringify(values);
  await call(page, `__longDay.fill(${v})`);
  await call(page, '__longDay.tokenTests(1)');
  await call(page, '__longDay.keystrokes(20)');
  await call(page, `__longDay.forgetCycles(1, ${v})`);
  const start = await pageSnapshot(page);

  const started = performance.now();
  await call(page, `__longDay.fill(${v})`);
  const outcomes = (await call(page, `__longDay.tokenTests(${counts.tokenTests})`)) as Record<string, number>;
  await call(page, `__longDay.keystrokes(${counts.keystrokes})`);
  await call(page, `__longDay.forgetCycles(${counts.forgets}, ${v})`);
  const ms = performance.now() - started;
  const end = await pageSnapshot(page);
  return { start, end, outcomes, ms };
}

// ---------------------------------------------------------------------------
// The Node loop: the main process's handlers and core, without a browser, in a
// child process of its own (bench/long-day-node.ts), so its heap holds only that
// loop: not Playwright, not the other steps' samples, not the auth server.

export interface NodeLongDay {
  readonly startHeapBytes: number;
  readonly endHeapBytes: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly ms: number;
}

export interface NodeLongDayConfig {
  readonly origin: string;
  readonly ca: string;
  readonly counts: LongDayCounts;
}

function isNodeLongDay(value: unknown): value is NodeLongDay {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.startHeapBytes === 'number' && typeof v.endHeapBytes === 'number' && typeof v.ms === 'number' && typeof v.outcomes === 'object';
}

export async function runNodeLongDay(counts: LongDayCounts): Promise<NodeLongDay> {
  const { spawn } = await import('node:child_process');
  const path = await import('node:path');
  const { startAuthServer } = await import('../tests/support/auth-server');
  const server = await startAuthServer();
  try {
    const config: NodeLongDayConfig = { origin: server.origin, ca: server.ca, counts };
    const script = path.join(import.meta.dirname, 'long-day-node.ts');
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`the Node long-day loop exited ${String(code)}`))));
      child.stdin.end(JSON.stringify(config));
    });
    const result: unknown = JSON.parse(output.trim().split('\n').pop() ?? '');
    if (!isNodeLongDay(result)) throw new Error('the Node long-day loop printed something unexpected');
    return result;
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------
// The benchmark step

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const describeOutcomes = (o: Readonly<Record<string, number>>): string => Object.entries(o).map(([k, n]) => `${n} ${k}`).join(', ');

export async function longDayFigures(browser: Browser): Promise<Figure[]> {
  const { createTestCa } = await import('../tests/support/test-ca');
  const { startAuthServer, tokenTestInput } = await import('../tests/support/auth-server');
  const { BASIC_CLIENT, installBridge, startRendererServer } = await import('../tests/support/renderer-harness');
  const { MemoryClipboard } = await import('../tests/support/electron/memory-clipboard');
  const { createTestFetch } = await import('../tests/support/node-fetch');

  const ca = await createTestCa();
  const server = await startAuthServer({ ca, clients: [BASIC_CLIENT] });
  const site = await startRendererServer();
  const fetch = createTestFetch(ca.cert);
  const context = await browser.newContext({ viewport: { width: 960, height: 780 }, colorScheme: 'light', locale: 'en-US' });
  let page: PageLongDay;
  try {
    const tab = await context.newPage();
    const bridge = await installBridge(tab, { fetch, origin: site.origin, clipboard: new MemoryClipboard() });
    await tab.goto(site.startUrl);
    await tab.getByRole('button', { name: 'Test credentials' }).waitFor();
    const values: FormValues = {
      clientId: BASIC_CLIENT.clientId,
      secret: BASIC_CLIENT.clientSecret,
      target: tokenTestInput(server).target,
      scopes: 'api:read',
      header: 'Authorization: Basic MG9hMTpzZWNyZXQ=',
    };
    page = await runPageLongDay(tab, values, LONG_DAY);
    await bridge.handlers.dispose();
  } finally {
    await context.close();
    await fetch.close();
    await site.close();
    await server.close();
  }
  const node = await runNodeLongDay(LONG_DAY);

  const work = `${LONG_DAY.tokenTests} token tests, ${LONG_DAY.keystrokes} keystrokes, ${LONG_DAY.forgets} Forget cycles`;
  const pageGrowth = page.end.heapUsedBytes - page.start.heapUsedBytes;
  const nodeGrowth = node.endHeapBytes - node.startHeapBytes;
  const counters = (c: DomCounters): string => `${c.nodes} nodes, ${c.jsEventListeners} listeners, ${c.documents} documents`;
  const sameCounts = page.end.counters.nodes === page.start.counters.nodes && page.end.counters.jsEventListeners === page.start.counters.jsEventListeners;
  return [
    makeFigure({
      id: 'long-day-chromium-heap',
      label: 'long day, Chromium heap growth',
      unit: 'bytes',
      measured: pageGrowth,
      baseline: null,
      baselineLabel: null,
      target: { kind: 'max', value: HEAP_GROWTH_BUDGET_BYTES },
      detail: `${work} in the Chromium harness (${(page.ms / 1000).toFixed(0)} s; tests: ${describeOutcomes(page.outcomes)}); ` +
        `JS heap after forced GC ${mb(page.start.heapUsedBytes)} → ${mb(page.end.heapUsedBytes)}; ` +
        `DOM after Forget ${counters(page.start.counters)} → ${counters(page.end.counters)} (${sameCounts ? 'back to the start' : 'NOT back to the start'})`,
      data: { ...page, counts: LONG_DAY },
    }),
    makeFigure({
      id: 'long-day-dom',
      label: 'long day, DOM nodes + listeners left',
      unit: 'count',
      measured: (page.end.counters.nodes - page.start.counters.nodes) + (page.end.counters.jsEventListeners - page.start.counters.jsEventListeners),
      baseline: null,
      baselineLabel: null,
      target: { kind: 'max', value: 0 },
      detail: `after the last Forget, against the start: nodes ${page.end.counters.nodes - page.start.counters.nodes}, ` +
        `listeners ${page.end.counters.jsEventListeners - page.start.counters.jsEventListeners} (gated in npm test with fewer iterations)`,
    }),
    makeFigure({
      id: 'long-day-node-heap',
      label: 'long day, Node (main process) heap growth',
      unit: 'bytes',
      measured: nodeGrowth,
      baseline: null,
      baselineLabel: null,
      target: { kind: 'max', value: HEAP_GROWTH_BUDGET_BYTES },
      detail: `${work} in its own process through the main-process handlers and core (${(node.ms / 1000).toFixed(0)} s; tests: ${describeOutcomes(node.outcomes)}); ` +
        `heapUsed after forced GC ${mb(node.startHeapBytes)} → ${mb(node.endHeapBytes)}`,
      data: { ...node, counts: LONG_DAY },
    }),
  ];
}
