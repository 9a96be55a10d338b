/**
 * What the built renderer ships: no source maps, no inline code. (Its size budgets,
 * first paint and all chunks, are gated in tests/bench/renderer-payload.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, RENDERER_DIR, test } from '../support/renderer-harness';

test('no source maps, inline scripts or inline styles are shipped', () => {
  const files = readdirSync(RENDERER_DIR, { recursive: true }).map(String);
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  const html = readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  expect(html).not.toMatch(/<style|\sstyle=/i);
});
