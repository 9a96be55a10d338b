/** The renderer stays small: JS + CSS of the built page under 100 KB gzipped (React itself is about 70). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, RENDERER_DIR, test } from '../support/renderer-harness';

const BUDGET_BYTES = 100 * 1024;

test('built JS and CSS fit the gzip budget', () => {
  const assets = readdirSync(path.join(RENDERER_DIR, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  expect(assets.some((f) => f.endsWith('.js'))).toBe(true);
  const total = assets.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(RENDERER_DIR, 'assets', f))).length, 0);
  test.info().annotations.push({ type: 'gzipped size', description: `${(total / 1024).toFixed(1)} KiB` });
  expect(total).toBeLessThan(BUDGET_BYTES);
});

test('no source maps, inline scripts or inline styles are shipped', () => {
  const files = readdirSync(RENDERER_DIR, { recursive: true }).map(String);
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  const html = readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  expect(html).not.toMatch(/<style|\sstyle=/i);
});
