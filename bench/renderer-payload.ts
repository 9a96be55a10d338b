/**
 * Renderer payload: the gzipped size of every JavaScript and CSS file the
 * renderer ships (each file compressed on its own, as it would be served).
 * Also used by tests/bench/renderer-payload.test.ts as a CI size budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeFigure, type Figure } from './figure';

export const RENDERER_DIST = path.resolve(import.meta.dirname, '..', 'dist', 'renderer');
/** Issue 7: 100 KB, counted in decimal kilobytes (the stricter reading). */
export const RENDERER_PAYLOAD_BUDGET_BYTES = 100_000;

const SHIPPED_CODE = /\.(m?js|css)$/i;

export interface PayloadFile {
  /** Path relative to the renderer folder, with forward slashes. */
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface RendererPayload {
  readonly files: readonly PayloadFile[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Every .js/.mjs/.css file under `dir` (recursively), raw and gzipped. */
export function measureRendererPayload(dir: string = RENDERER_DIST): RendererPayload {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`No built renderer at ${dir}: run npm run build first.`);
  }
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SHIPPED_CODE.test(entry.name))
    .map((entry): PayloadFile => {
      const full = path.join(entry.parentPath, entry.name);
      const content = readFileSync(full);
      return {
        file: path.relative(dir, full).split(path.sep).join('/'),
        bytes: content.length,
        gzipBytes: gzipSync(content).length,
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

export function rendererPayloadFigure(dir: string = RENDERER_DIST): Figure {
  const payload = measureRendererPayload(dir);
  return makeFigure({
    id: 'renderer-payload',
    label: 'renderer payload (gzip JS+CSS)',
    unit: 'bytes',
    measured: payload.gzipBytes,
    baseline: null,
    baselineLabel: null,
    target: { kind: 'max', value: RENDERER_PAYLOAD_BUDGET_BYTES },
    detail: `${payload.files.length} files, ${(payload.bytes / 1000).toFixed(1)} KB before gzip: ` +
      payload.files.map((f) => `${f.file} ${(f.gzipBytes / 1000).toFixed(1)} KB`).join(', '),
    data: { ...payload },
  });
}
