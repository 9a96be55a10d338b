/**
 * `npm run bench` (after the builds): every figure of issue 7, each against a
 * baseline measured in the same run, then the table and bench/results.json.
 * Exits 0 even when a target is missed: timings never gate CI (the renderer
 * size budget does, in tests/bench/). Steps run one after another so they never
 * compete for the two cores, and each loads its own modules only when it runs,
 * so the pure-CPU encode figure is not measured in a heap full of Playwright.
 * Arguments (optional) pick steps by name, e.g. `npx tsx bench/run.ts keystroke ready`.
 */
import os from 'node:os';
import type { Browser } from '@playwright/test';
import { errorFigure, type Figure, type Target, type Unit } from './figure';
import type { RendererSite } from './renderer-site';
import { machineInfo, renderDetails, renderTable, RESULTS_PATH, writeResults } from './report';
import { nowMs } from './stats';

interface Row {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly target: Target;
}

interface Step {
  readonly name: string;
  /** Rows shown as ERROR if the step fails before producing any. */
  readonly rows: readonly Row[];
  readonly run: () => Promise<Figure | Figure[]>;
}

/** The renderer steps share one Chromium and one server; opened on first use. */
class BrowserSession {
  private browser: Browser | null = null;
  private site: RendererSite | null = null;
  version: string | null = null;

  async open(): Promise<{ browser: Browser; site: RendererSite }> {
    if (this.site === null) {
      const { startRendererSite } = await import('./renderer-site');
      this.site = await startRendererSite();
    }
    if (this.browser === null) {
      const { launchChromium } = await import('./browser');
      this.browser = await launchChromium();
      this.version = this.browser.version();
    }
    return { browser: this.browser, site: this.site };
  }

  async close(): Promise<void> {
    const { browser, site } = this;
    this.browser = null;
    this.site = null;
    await browser?.close();
    await site?.close();
  }
}

function steps(session: BrowserSession): Step[] {
  return [
    {
      name: 'renderer payload',
      rows: [
        { id: 'renderer-first-paint', label: 'renderer first paint (gzip -9)', unit: 'bytes', target: { kind: 'max', value: 80_000 } },
        { id: 'renderer-payload', label: 'renderer code, all chunks (gzip -9)', unit: 'bytes', target: { kind: 'max', value: 140_000 } },
      ],
      run: async () => (await import('./renderer-payload')).rendererPayloadFigures(),
    },
    {
      name: 'encode throughput',
      rows: [{ id: 'encode-throughput', label: 'encode 1e5 pairs (core Base64)', unit: 'ms', target: { kind: 'ratio', value: 3 } }],
      run: async () => (await import('./encode-throughput')).encodeThroughputFigures(),
    },
    {
      name: 'CLI start',
      rows: [{ id: 'cli-start', label: 'CLI start (basic-header encode)', unit: 'ms', target: { kind: 'ratio', value: 2 } }],
      run: async () => (await import('./cli-start')).cliStartFigure(),
    },
    {
      name: 'token test overhead',
      rows: [{ id: 'token-overhead', label: 'token test (per request)', unit: 'ms', target: { kind: 'ratio', value: 1.2 } }],
      run: async () => (await import('./token-overhead')).tokenOverheadFigure(),
    },
    {
      name: 'signing cost',
      rows: ['rs256-assertion', 'es256-assertion', 'dpop-proof'].map((id) => ({
        id: `signing-${id}`, label: `token request + ${id}`, unit: 'ms' as const, target: { kind: 'info' as const },
      })),
      run: async () => (await import('./signing-cost')).signingCostFigures(),
    },
    {
      name: 'jwt signing',
      rows: [{ id: 'jwt-signing', label: 'private_key_jwt + DPoP request', unit: 'ms', target: { kind: 'info' } }],
      run: async () => (await import('./jwt-signing')).jwtSigningFigure(),
    },
    {
      name: 'renderer ready',
      rows: [{ id: 'renderer-ready', label: 'renderer ready (cold load)', unit: 'ms', target: { kind: 'ratio', value: 2.5 } }],
      run: async () => {
        const { browser, site } = await session.open();
        return (await import('./renderer-ready')).rendererReadyFigure(browser, site);
      },
    },
    {
      name: 'renderer ready, React floor',
      rows: [{ id: 'renderer-ready-react-floor', label: 'React floor: React alone, one input (cold load)', unit: 'ms', target: { kind: 'info' } }],
      run: async () => {
        const { browser, site } = await session.open();
        return (await import('./renderer-ready')).rendererReadyFloorFigure(browser, site);
      },
    },
    {
      name: 'renderer ready, no debugger',
      rows: [{ id: 'renderer-ready-undebugged', label: 'renderer ready, fresh browser, no debugger', unit: 'ms', target: { kind: 'info' } }],
      run: async () => {
        const { site } = await session.open();
        return (await import('./renderer-ready')).rendererReadyUndebuggedFigure(site);
      },
    },
    {
      name: 'long day',
      rows: [
        { id: 'long-day-chromium-heap', label: 'long day, Chromium heap growth', unit: 'bytes', target: { kind: 'max', value: 5_000_000 } },
        { id: 'long-day-dom', label: 'long day, DOM nodes + listeners left', unit: 'count', target: { kind: 'max', value: 0 } },
        { id: 'long-day-node-heap', label: 'long day, Node (main process) heap growth', unit: 'bytes', target: { kind: 'max', value: 5_000_000 } },
      ],
      run: async () => {
        const { browser } = await session.open();
        return (await import('./long-day')).longDayFigures(browser);
      },
    },
    {
      name: 'keystroke to output',
      rows: [64, 4096].map((size) => ({
        id: `keystroke-${size}`,
        label: `keystroke → outputs (${size === 4096 ? '4 KB' : `${size}-char`} secret)`,
        unit: 'ms' as const,
        target: { kind: 'max' as const, value: 4 },
      })),
      run: async () => {
        const { browser, site } = await session.open();
        try {
          return await (await import('./keystroke')).keystrokeFigures(browser, site);
        } finally {
          // Chromium is not needed after this: free the cores for the packaging step.
          await session.close();
        }
      },
    },
    {
      name: 'package',
      rows: [{ id: 'package', label: 'package (app.asar)', unit: 'bytes', target: { kind: 'max', value: 1_000_000 } }],
      run: async () => (await import('./package-size')).packageSizeFigure(),
    },
  ];
}

async function main(): Promise<void> {
  const started = nowMs();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const session = new BrowserSession();
  const all = steps(session);
  const only = process.argv.slice(2).map((w) => w.toLowerCase());
  const selected = only.length === 0 ? all : all.filter((s) => only.some((w) => s.name.toLowerCase().includes(w)));
  const figures: Figure[] = [];

  try {
    for (const step of selected) {
      const stepStarted = nowMs();
      process.stdout.write(`bench: ${step.name}…`);
      try {
        const result = await step.run();
        figures.push(...(Array.isArray(result) ? result : [result]));
      } catch (error: unknown) {
        figures.push(...step.rows.map((r) => errorFigure(r.id, r.label, r.unit, r.target, error)));
      }
      process.stdout.write(` ${((nowMs() - stepStarted) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await session.close();
  }

  const durationMs = nowMs() - started;
  const machine = machineInfo(session.version, loadAtStart);
  writeResults(figures, machine, durationMs);
  console.log('');
  console.log(`Basic Header benchmarks: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, Chromium ${machine.chromium ?? 'n/a'}; ` +
    `1-min load average ${machine.loadAtStart.toFixed(1)} at start, ${machine.loadAtEnd.toFixed(1)} at end; ${(durationMs / 1000).toFixed(1)} s`);
  console.log('');
  console.log(renderTable(figures));
  console.log('');
  console.log(renderDetails(figures));
  console.log('');
  const missed = figures.filter((f) => f.verdict === 'MISS' || f.verdict === 'ERROR');
  console.log(missed.length === 0
    ? 'Every target met.'
    : `Targets MISSED or not measured: ${missed.map((f) => f.label).join('; ')}. (Timings do not fail the run; see BENCHMARKS.md.)`);
  if (machine.loadAtStart > machine.cpus || machine.loadAtEnd > machine.cpus) {
    console.log(`Note: the load average exceeded the ${machine.cpus} cores: other work shared the machine, so absolute times are inflated; ratios less so.`);
  }
  console.log(`Results written to ${RESULTS_PATH}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(0);
  },
);
