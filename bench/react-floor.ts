/**
 * React's floor under the ready figure: a page that is nothing but React 19 rendering
 * one labelled input the way the app's entry does (createRoot, StrictMode, flushSync),
 * built by the app's Vite from the same node_modules with the app's target. Whatever the
 * app pays above this page is the app's own; the rest is React's, and no change to the
 * app can take it away. Built into the bench's scratch site, never into dist/.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

const REPO = path.resolve(import.meta.dirname, '..');

const FLOOR_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" type="image/svg+xml" href="../favicon.svg" /><title>React floor</title>
    <script type="module" src="./main.js"></script></head>
  <body><div id="root"></div></body>
</html>
`;

// Plain createElement, so the page needs no JSX transform of its own; the same calls the app's entry makes.
const FLOOR_ENTRY = `import { StrictMode, createElement as h } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
const root = createRoot(document.getElementById('root'));
flushSync(() => root.render(h(StrictMode, null, h('div', null, h('label', { htmlFor: 'client-id' }, 'Client ID'), h('input', { id: 'client-id', type: 'text' })))));
`;

/** Builds the floor page into `outDir` (index.html and its assets). Returns its script's size in bytes. */
export async function buildReactFloor(outDir: string): Promise<number> {
  const source = mkdtempSync(path.join(tmpdir(), 'basic-header-react-floor-'));
  try {
    writeFileSync(path.join(source, 'index.html'), FLOOR_HTML);
    writeFileSync(path.join(source, 'main.js'), FLOOR_ENTRY);
    await build({
      configFile: false,
      root: source,
      base: './',
      logLevel: 'warn',
      mode: 'production',
      // The scratch source sits outside the repo: React comes from the app's own node_modules.
      resolve: { alias: { react: path.join(REPO, 'node_modules/react'), 'react-dom': path.join(REPO, 'node_modules/react-dom') } },
      build: { outDir, emptyOutDir: true, target: 'chrome140', modulePreload: { polyfill: false }, reportCompressedSize: false },
    });
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
  const scripts = readdirSync(path.join(outDir, 'assets')).filter((name) => name.endsWith('.js'));
  if (scripts.length !== 1) throw new Error(`the React floor page should be one script, got ${scripts.join(', ') || 'none'}`);
  const script = readFileSync(path.join(outDir, 'assets', scripts[0] ?? ''), 'utf8');
  // A development React would make the floor meaningless: only production builds link to React's error decoder.
  if (!script.includes('react.dev/errors/')) throw new Error('the React floor page is not a production React build');
  return Buffer.byteLength(script);
}
