/**
 * Renderer payload (issue 16): what the window needs for its first paint (the
 * files dist/renderer/index.html references: its module script, modulepreload
 * links and stylesheets) and all the renderer's code (every .js/.mjs/.css file,
 * lazy chunks included), each file compressed on its own with gzip -9.
 * Also used by tests/bench/renderer-payload.test.ts, which gates both budgets.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeFigure, type Figure } from './figure';

export const RENDERER_DIST = path.resolve(import.meta.dirname, '..', 'dist', 'renderer');
/** Issue 16, in decimal kilobytes (the stricter reading). */
export const FIRST_PAINT_BUDGET_BYTES = 80_000;
export const ALL_CODE_BUDGET_BYTES = 140_000;
/** Sizes of the last accepted build, by hash-free name: the failure message says which files grew. */
export const PAYLOAD_BASELINE_PATH = path.resolve(import.meta.dirname, 'renderer-payload-baseline.json');

const SHIPPED_CODE = /\.(m?js|css)$/i;

export interface PayloadFile {
  /** Path relative to the renderer folder, with forward slashes. */
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface PayloadGroup {
  readonly files: readonly PayloadFile[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface RendererPayload {
  /** What index.html references: loaded before the first paint. */
  readonly firstPaint: PayloadGroup;
  /** Every JS and CSS file, first-paint files included. */
  readonly all: PayloadGroup;
}

function group(files: readonly PayloadFile[]): PayloadGroup {
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

function measureFile(dir: string, relative: string): PayloadFile {
  const content = readFileSync(path.join(dir, relative));
  return { file: relative, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/**
 * The local files index.html makes the browser fetch before it can run the app:
 * `<script type="module" src>`, `<link rel="modulepreload" href>` and
 * `<link rel="stylesheet" href>`. Vite writes one tag per line, attributes quoted.
 */
export function firstPaintReferences(html: string): string[] {
  const refs: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    const isScript = /^<script/i.test(tag);
    const url = isScript ? attr('src') : attr('href');
    if (url === undefined) continue;
    const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
    const wanted = isScript ? (attr('type') ?? '').toLowerCase() === 'module' : rel.includes('modulepreload') || rel.includes('stylesheet');
    if (!wanted || /^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
    refs.push(path.posix.normalize(url.replace(/^\.?\//, '').split(/[?#]/)[0] ?? ''));
  }
  return [...new Set(refs)];
}

/**
 * The referenced files plus every chunk their module scripts import statically
 * (`import … from "./x.js"`, recursively): the browser must fetch those before the
 * first paint too. With modulePreload off, index.html does not list them; a
 * dynamic `import("./x.js")` is not followed.
 */
export function withStaticImports(dir: string, refs: readonly string[]): string[] {
  const out = new Set<string>();
  const visit = (ref: string): void => {
    if (out.has(ref)) return;
    out.add(ref);
    if (!/\.m?js$/.test(ref) || !existsSync(path.join(dir, ref))) return;
    const code = readFileSync(path.join(dir, ref), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(path.posix.normalize(path.posix.join(path.posix.dirname(ref), m[1] ?? '')));
    }
  };
  refs.forEach(visit);
  return [...out];
}

export function measureRendererPayload(dir: string = RENDERER_DIST): RendererPayload {
  const indexPath = path.join(dir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`No built renderer at ${dir}: run npm run build first.`);
  const all = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SHIPPED_CODE.test(entry.name))
    .map((entry) => measureFile(dir, path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')))
    .sort((a, b) => a.file.localeCompare(b.file));
  const firstPaint = withStaticImports(dir, firstPaintReferences(readFileSync(indexPath, 'utf8'))).map((ref) => {
    const found = all.find((f) => f.file === ref);
    if (found === undefined) throw new Error(`index.html references ${ref}, which is not a built JS or CSS file`);
    return found;
  });
  return { firstPaint: group(firstPaint), all: group(all) };
}

/** `assets/test-panel-BqDMlPLE.js` → `assets/test-panel.js`: the name that survives a rebuild. */
export function stableName(file: string): string {
  return file.replace(/-[\w-]{8}(?=\.(m?js|css)$)/i, '');
}

export type PayloadBaseline = Readonly<Record<string, number>>;

export function readPayloadBaseline(file: string = PAYLOAD_BASELINE_PATH): PayloadBaseline {
  if (!existsSync(file)) return {};
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

export function baselineOf(payload: RendererPayload): Record<string, number> {
  // Sorted by the stable name, not the hashed one, so a re-recorded baseline diffs only where sizes changed.
  return Object.fromEntries(payload.all.files.map((f) => [stableName(f.file), f.gzipBytes] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

/**
 * Why a group is over budget: its files, the ones that grew since the baseline
 * first (new files count as grown), each with its gzip size and the change.
 */
export function explainOverBudget(name: string, payloadGroup: PayloadGroup, budget: number, baseline: PayloadBaseline): string {
  const rows = payloadGroup.files.map((f) => {
    const before = baseline[stableName(f.file)];
    return { f, growth: before === undefined ? f.gzipBytes : f.gzipBytes - before, isNew: before === undefined };
  });
  const grown = rows.filter((r) => r.growth > 0).sort((a, b) => b.growth - a.growth);
  const lines = [`${name}: ${kb(payloadGroup.gzipBytes)} gzip -9, budget ${kb(budget)} (over by ${kb(payloadGroup.gzipBytes - budget)}).`];
  lines.push(grown.length === 0 ? 'No file grew since bench/renderer-payload-baseline.json; files:' : 'Files that grew since bench/renderer-payload-baseline.json:');
  for (const r of grown.length === 0 ? rows : grown) {
    lines.push(`  ${r.f.file}: ${kb(r.f.gzipBytes)}${r.isNew ? ' (new file)' : r.growth > 0 ? ` (+${kb(r.growth)})` : ''}`);
  }
  return lines.join('\n');
}

export function rendererPayloadFigures(dir: string = RENDERER_DIST): Figure[] {
  const payload = measureRendererPayload(dir);
  const list = (files: readonly PayloadFile[]): string => files.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ');
  return [
    makeFigure({
      id: 'renderer-first-paint',
      label: 'renderer first paint (gzip -9)',
      unit: 'bytes',
      measured: payload.firstPaint.gzipBytes,
      baseline: null,
      baselineLabel: null,
      target: { kind: 'max', value: FIRST_PAINT_BUDGET_BYTES },
      detail: `the ${payload.firstPaint.files.length} files index.html references, ${kb(payload.firstPaint.bytes)} before gzip: ${list(payload.firstPaint.files)}`,
      data: { ...payload.firstPaint },
    }),
    makeFigure({
      id: 'renderer-payload',
      label: 'renderer code, all chunks (gzip -9)',
      unit: 'bytes',
      measured: payload.all.gzipBytes,
      baseline: null,
      baselineLabel: null,
      target: { kind: 'max', value: ALL_CODE_BUDGET_BYTES },
      detail: `${payload.all.files.length} files, ${kb(payload.all.bytes)} before gzip: ${list(payload.all.files)}`,
      data: { ...payload.all },
    }),
  ];
}
