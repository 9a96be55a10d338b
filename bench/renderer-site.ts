/**
 * Serves the built renderer and a blank baseline page from ONE server: the
 * renderer engineer's harness server (the app:// handler's paths, headers and
 * CSP) over a scratch copy of dist/renderer with blank.html added, so the repo's
 * dist/ is never touched and both pages pay the same server and headers.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRendererServer } from '../tests/support/renderer-harness';
import { READY_PROBE_LOGGING } from './page-scripts';
import { buildReactFloor } from './react-floor';
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
  /** The same two pages, each loading the ready probe itself as its first script (for a browser with no debugger attached). */
  readonly probedAppUrl: string;
  readonly probedBlankUrl: string;
  /**
   * React's floor (react-floor.ts): the same React rendering one input, nothing of the app. A failed
   * build fails only the step that asks for it. `bytes`: its script, minified.
   */
  reactFloor(): Promise<{ readonly url: string; readonly bytes: number }>;
  close(): Promise<void>;
}

const PROBE_FILE = 'bench-ready-probe.js';

/** `html` with the probe as the first thing in <head>: a same-origin classic script, which the app's CSP allows. */
function withProbe(html: string): string {
  if (!html.includes('<head>')) throw new Error('no <head> to put the ready probe in');
  return html.replace('<head>', `<head><script src="./${PROBE_FILE}"></script>`);
}

export async function startRendererSite(): Promise<RendererSite> {
  if (!existsSync(path.join(RENDERER_DIST, 'index.html'))) {
    throw new Error(`No built renderer at ${RENDERER_DIST}: run npm run build first.`);
  }
  const root = mkdtempSync(path.join(tmpdir(), 'basic-header-bench-site-'));
  cpSync(RENDERER_DIST, root, { recursive: true });
  writeFileSync(path.join(root, 'blank.html'), BLANK_HTML);
  writeFileSync(path.join(root, PROBE_FILE), READY_PROBE_LOGGING);
  writeFileSync(path.join(root, 'app-probed.html'), withProbe(readFileSync(path.join(root, 'index.html'), 'utf8')));
  writeFileSync(path.join(root, 'blank-probed.html'), withProbe(BLANK_HTML));
  // Built before the server starts: the server serves a private copy of the root.
  const floorBuild = await buildReactFloor(path.join(root, 'react-floor')).then(
    (bytes) => ({ bytes, error: null }),
    (error: unknown) => ({ bytes: 0, error }),
  );
  const server = await startRendererServer(root);
  return {
    appUrl: server.startUrl,
    blankUrl: `${server.origin}/blank.html`,
    probedAppUrl: `${server.origin}/app-probed.html`,
    probedBlankUrl: `${server.origin}/blank-probed.html`,
    reactFloor: () =>
      floorBuild.error === null
        ? Promise.resolve({ url: `${server.origin}/react-floor/index.html`, bytes: floorBuild.bytes })
        : Promise.reject(floorBuild.error instanceof Error ? floorBuild.error : new Error(String(floorBuild.error))),
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
