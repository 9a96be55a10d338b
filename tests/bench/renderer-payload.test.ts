/**
 * The renderer's size budget (issue 7): gzipped JS + CSS of the built renderer
 * ≤ 100 KB. Sizes, unlike timings, are stable enough to gate CI. The measuring
 * function is checked on a planted folder first, so the budget test cannot pass
 * by counting nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { measureRendererPayload, RENDERER_DIST, RENDERER_PAYLOAD_BUDGET_BYTES } from '../../bench/renderer-payload';

const scratch = mkdtempSync(path.join(tmpdir(), 'basic-header-payload-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('measureRendererPayload', () => {
  it('sums the gzipped size of every JS and CSS file, nested ones included, and nothing else', () => {
    const dir = path.join(scratch, 'planted');
    const files: Record<string, string> = {
      'index.html': '<!doctype html><script type="module" src="./assets/app.js"></script>',
      'assets/app.js': 'export const x = 1;\n'.repeat(500),
      'assets/chunks/lazy.mjs': 'export const y = 2;\n'.repeat(300),
      'assets/app.css': 'body { color: black; }\n'.repeat(200),
      'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>'.repeat(100),
      'favicon.svg': '<svg/>',
      'assets/app.js.map': '{"version":3}'.repeat(1000),
    };
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    }
    const counted = ['assets/app.css', 'assets/app.js', 'assets/chunks/lazy.mjs'];
    const payload = measureRendererPayload(dir);
    expect(payload.files.map((f) => f.file)).toEqual(counted);
    const gz = (file: string): number => gzipSync(Buffer.from(files[file] ?? '')).length;
    expect(payload.gzipBytes).toBe(counted.reduce((sum, file) => sum + gz(file), 0));
    expect(payload.bytes).toBe(counted.reduce((sum, file) => sum + Buffer.byteLength(files[file] ?? ''), 0));
  });

  it('refuses a folder with no built renderer instead of reporting zero', () => {
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    expect(() => measureRendererPayload(empty)).toThrow(/run npm run build first/);
  });
});

describe('the built renderer', () => {
  it(`ships at most ${RENDERER_PAYLOAD_BUDGET_BYTES / 1000} KB of gzipped JS and CSS`, () => {
    if (!existsSync(path.join(RENDERER_DIST, 'index.html'))) {
      throw new Error(`dist/renderer is missing: run npm run build first (npm test builds before the unit tests).`);
    }
    const payload = measureRendererPayload();
    expect(payload.files.some((f) => f.file.endsWith('.js'))).toBe(true);
    expect(payload.gzipBytes, payload.files.map((f) => `${f.file}: ${f.gzipBytes} B gzipped`).join('\n')).toBeLessThanOrEqual(RENDERER_PAYLOAD_BUDGET_BYTES);
  });
});
