/**
 * The renderer's size budgets (issue 16): first paint (what index.html
 * references) ≤ 80 KB and all renderer code ≤ 140 KB, each file gzip -9 on its
 * own. Sizes, unlike timings, are stable enough to gate CI. The measuring is
 * checked on a planted folder first, so the budget tests cannot pass by
 * counting nothing, and the failure message is checked to name what grew.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ALL_CODE_BUDGET_BYTES, explainOverBudget, FIRST_PAINT_BUDGET_BYTES, firstPaintReferences, measureRendererPayload, readPayloadBaseline, withStaticImports,
  RENDERER_DIST, stableName, type RendererPayload,
} from '../../bench/renderer-payload';

const scratch = mkdtempSync(path.join(tmpdir(), 'basic-header-payload-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function plant(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const gz = (text: string): number => gzipSync(Buffer.from(text), { level: 9 }).length;

describe('measureRendererPayload', () => {
  const files: Record<string, string> = {
    'index.html': [
      '<!doctype html><html><head>',
      '<link rel="icon" type="image/svg+xml" href="./favicon.svg" />',
      '<script type="module" crossorigin src="./assets/index-AbCd1234.js"></script>',
      '<link rel="modulepreload" crossorigin href="./assets/vendor-Zz_9-xYw.js">',
      '<link rel="stylesheet" crossorigin href="./assets/index-QqQq1234.css">',
      '</head><body><div id="root"></div></body></html>',
    ].join('\n'),
    'assets/index-AbCd1234.js': 'export const entry = 1;\n'.repeat(500),
    'assets/vendor-Zz_9-xYw.js': 'export const vendor = 2;\n'.repeat(400),
    'assets/index-QqQq1234.css': 'body { color: black; }\n'.repeat(200),
    'assets/test-panel-Lazy0001.js': 'export const lazy = 3;\n'.repeat(300),
    'assets/chunks/nested-Lazy0002.mjs': 'export const nested = 4;\n'.repeat(100),
    'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>'.repeat(100),
    'favicon.svg': '<svg/>',
    'assets/index-AbCd1234.js.map': '{"version":3}'.repeat(1000),
  };

  it('counts for first paint exactly the module script, modulepreload links and stylesheets index.html references', () => {
    const payload = measureRendererPayload(plant('planted', files));
    const first = ['assets/index-AbCd1234.js', 'assets/vendor-Zz_9-xYw.js', 'assets/index-QqQq1234.css'];
    expect(payload.firstPaint.files.map((f) => f.file)).toEqual(first);
    expect(payload.firstPaint.gzipBytes).toBe(first.reduce((sum, f) => sum + gz(files[f] ?? ''), 0));
  });

  it('counts every JS and CSS file, nested and lazy ones included, and nothing else, for all code', () => {
    const payload = measureRendererPayload(plant('planted-all', files));
    const all = ['assets/chunks/nested-Lazy0002.mjs', 'assets/index-AbCd1234.js', 'assets/index-QqQq1234.css', 'assets/test-panel-Lazy0001.js', 'assets/vendor-Zz_9-xYw.js'];
    expect(payload.all.files.map((f) => f.file)).toEqual(all);
    expect(payload.all.gzipBytes).toBe(all.reduce((sum, f) => sum + gz(files[f] ?? ''), 0));
    expect(payload.all.bytes).toBe(all.reduce((sum, f) => sum + Buffer.byteLength(files[f] ?? ''), 0));
  });

  it('ignores classic scripts, icons, remote URLs and prefetch hints when reading index.html', () => {
    const html = [
      '<script src="./legacy.js"></script>',
      '<link rel="icon" href="./favicon.svg">',
      '<link rel="stylesheet" href="https://cdn.example/x.css">',
      '<link rel="prefetch" href="./assets/later.js">',
      "<script type='module' src='/assets/main.js?v=1'></script>",
    ].join('\n');
    expect(firstPaintReferences(html)).toEqual(['assets/main.js']);
  });

  it('refuses a folder with no built renderer instead of reporting zero', () => {
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    expect(() => measureRendererPayload(empty)).toThrow(/run npm run build first/);
  });

  it('names the files that grew, with their sizes, when a budget is exceeded', () => {
    const payload = measureRendererPayload(plant('planted-grown', files));
    const entry = payload.firstPaint.files[0]?.gzipBytes ?? NaN;
    const baseline = { 'assets/index.js': entry - 1500, 'assets/vendor.js': 10, 'assets/index.css': 99_999 };
    const message = explainOverBudget('first paint', payload.firstPaint, 100, baseline);
    expect(message).toMatch(/^first paint: [\d.]+ KB gzip -9, budget 0\.1 KB/);
    expect(message).toContain(`assets/index-AbCd1234.js: ${(entry / 1000).toFixed(1)} KB (+1.5 KB)`);
    expect(message).toContain('assets/vendor-Zz_9-xYw.js');
    // The stylesheet shrank against its baseline: not listed as grown.
    expect(message).not.toContain('index-QqQq1234.css');
    expect(explainOverBudget('all', payload.all, 100, {})).toContain('assets/test-panel-Lazy0001.js: ');
    expect(explainOverBudget('all', payload.all, 100, {})).toContain('(new file)');
  });

  it('strips the content hash from a file name, so a baseline survives a rebuild', () => {
    expect(stableName('assets/index-CJY7-Zey.js')).toBe('assets/index.js');
    expect(stableName('assets/check-header-panel-CUAyoq36.js')).toBe('assets/check-header-panel.js');
    expect(stableName('assets/index-D117UU9a.css')).toBe('assets/index.css');
  });
});

describe('the built renderer', () => {
  const built = (): RendererPayload => {
    if (!existsSync(path.join(RENDERER_DIST, 'index.html'))) {
      throw new Error('dist/renderer is missing: run npm run build first (npm test builds before the unit tests).');
    }
    return measureRendererPayload();
  };
  const baseline = readPayloadBaseline();

  it(`needs at most ${FIRST_PAINT_BUDGET_BYTES / 1000} KB (gzip -9) for its first paint`, () => {
    const { firstPaint } = built();
    expect(firstPaint.files.some((f) => f.file.endsWith('.js'))).toBe(true);
    const message = explainOverBudget('first paint', firstPaint, FIRST_PAINT_BUDGET_BYTES, baseline);
    expect(firstPaint.gzipBytes, message).toBeLessThanOrEqual(FIRST_PAINT_BUDGET_BYTES);
  });

  it(`ships at most ${ALL_CODE_BUDGET_BYTES / 1000} KB (gzip -9) of code, every chunk included`, () => {
    const { all } = built();
    const message = explainOverBudget('all renderer code', all, ALL_CODE_BUDGET_BYTES, baseline);
    expect(all.gzipBytes, message).toBeLessThanOrEqual(ALL_CODE_BUDGET_BYTES);
  });

  it('keeps the test panel, the header check, the result views and the form logic out of the first paint', () => {
    const { firstPaint, all } = built();
    const lazy = ['test-panel', 'check-header-panel', 'test-result', 'form-logic'];
    const chunkOf = (name: string): string | undefined => all.files.map((f) => f.file).find((f) => stableName(f) === `assets/${name}.js`);
    for (const name of lazy) {
      const chunk = chunkOf(name);
      expect(chunk, `no ${name} chunk: is it imported eagerly again?`).toBeDefined();
      expect(firstPaint.files.map((f) => f.file)).not.toContain(chunk);
    }
  });
});

describe('withStaticImports', () => {
  it('adds the chunks a first-paint script imports statically, recursively, and not its dynamic imports', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'basic-header-static-'));
    try {
      mkdirSync(path.join(dir, 'assets'));
      writeFileSync(path.join(dir, 'assets/index.js'), 'import{a}from"./shared.js";const l=()=>import("./lazy.js");');
      writeFileSync(path.join(dir, 'assets/shared.js'), 'import "./deeper.js";export const a=1;');
      writeFileSync(path.join(dir, 'assets/deeper.js'), 'export {};');
      writeFileSync(path.join(dir, 'assets/lazy.js'), 'export {};');
      expect(withStaticImports(dir, ['assets/index.js', 'assets/index.css']).sort()).toEqual(['assets/deeper.js', 'assets/index.css', 'assets/index.js', 'assets/shared.js']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
