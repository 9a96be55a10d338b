/**
 * Serves the built renderer and a blank baseline page from ONE server: the
 * renderer engineer's harness server (the app:// handler's paths, headers and
 * CSP) over a scratch copy of dist/renderer with blank.html added, so the repo's
 * dist/ is never touched and both pages pay the same server and headers.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRendererServer } from '../tests/support/renderer-harness';
import { RENDERER_DIST } from './renderer-payload';

/**
 * The baseline: no script, no style; just the field the app's "ready" waits for,
 * and the app's icon link (without one Chromium asks for /favicon.ico and logs a 404).
 */
const BLANK_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" type="image/svg+xml" href="./favicon.svg" /><title>Blank</title></head>
  <body><label for="client-id">Client ID</label><input id="client-id" type="text" /></body>
</html>
`;

export interface RendererSite {
  readonly appUrl: string;
  readonly blankUrl: string;
  close(): Promise<void>;
}

export async function startRendererSite(): Promise<RendererSite> {
  if (!existsSync(path.join(RENDERER_DIST, 'index.html'))) {
    throw new Error(`No built renderer at ${RENDERER_DIST}: run npm run build first.`);
  }
  const root = mkdtempSync(path.join(tmpdir(), 'basic-header-bench-site-'));
  cpSync(RENDERER_DIST, root, { recursive: true });
  writeFileSync(path.join(root, 'blank.html'), BLANK_HTML);
  const server = await startRendererServer(root);
  return {
    appUrl: server.startUrl,
    blankUrl: `${server.origin}/blank.html`,
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
