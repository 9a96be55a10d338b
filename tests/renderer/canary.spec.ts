/**
 * Never on disk, proven (issue 4): the built renderer in a Chromium WE start,
 * with a fresh profile and TMPDIR/HOME/XDG inside one temp root. Random canary
 * credentials are typed, revealed, encoded, copied, pasted into "Check a
 * header", and used for a SUCCESSFUL token test against the real test
 * authorization server (whose access token is a canary too). Then reload and a
 * graceful close, so LevelDB and the pref stores flush. The scan covers every
 * byte and file name under the root and everything printed (browser stdout and
 * stderr, page console and errors, this process's own output): zero hits.
 *
 * Positive control in the same run: a different canary is written to a control
 * page's localStorage in the same profile, to a page console message and to a
 * file (content and name) in the temp root; the scanner must find all of them,
 * or the green scan would prove nothing.
 *
 * No traces, videos or screenshots: they would record what was typed. Failures
 * report file + needle label only, never the bytes.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { startAuthServer } from '../support/auth-server';
import {
  captureOwnOutput, cleanupAfterEach, CONTROL_LABEL, controlCanary, randomCanary, splitControlHits, startControlServer, tokenCanaries, urlChangingCanary,
  type CanaryCredentials,
} from '../support/canary-run';
import {
  canaryNeedles, formUrlEncoded, NeedleMatcher, scanBytes, scanTree, summarizeHits, valueNeedles, type ScanHit, type TreeScan,
} from '../support/canary-scanner';
import { createTestFetch, type TestFetch } from '../support/node-fetch';
import { canaryJourney } from '../support/browser/canary-journey';
import { installBridge, MemoryClipboard, startRendererServer } from '../support/renderer-harness';
import { chromiumExecutable } from '../support/chromium';
import { launchSandboxedChromium } from '../support/sandboxed-chromium';
import { createTestCa } from '../support/test-ca';

test.use({ trace: 'off', video: 'off', screenshot: 'off' });
// Each run starts its own Chromium: one at a time on this small machine.
// Usually 10–20 s each; the margin is for a loaded machine.
test.describe.configure({ mode: 'default', timeout: 90_000 });
test.skip(chromiumExecutable() === undefined, 'Chromium canary skipped: no /usr/bin/chromium and no CHROMIUM_PATH');

/** Undo everything a run started, even after a timeout (afterEach still runs then; a finally block may not). */
const cleanups = cleanupAfterEach(test);

/** Every console message and uncaught error of a page, kept as text for the scan. */
function recordPage(page: Page, into: string[]): void {
  page.on('console', (message: ConsoleMessage) => into.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => into.push(`pageerror: ${error.name}: ${error.message}\n${error.stack ?? ''}`));
}

/** The test fetch, tapping the token endpoint's answer on the Node side: the access token is a canary too. */
function tokenTap(inner: TestFetch, tokenUrl: string, tokens: string[]): TestFetch {
  const tapped = async (url: string, init: RequestInit): Promise<Response> => {
    const response = await inner(url, init);
    if (url === tokenUrl && response.ok) {
      try {
        const body: unknown = await response.clone().json();
        const token = typeof body === 'object' && body !== null ? Reflect.get(body, 'access_token') : undefined;
        if (typeof token === 'string') tokens.push(token);
      } catch {
        // Not JSON: the test then fails on the missing token.
      }
    }
    return response;
  };
  return Object.assign(tapped, { dispatcher: inner.dispatcher, close: () => inner.close() });
}

interface RunResult {
  readonly tree: TreeScan;
  readonly diskHits: readonly ScanHit[];
  readonly outputHits: readonly ScanHit[];
  readonly controlDiskHits: readonly ScanHit[];
  readonly controlOutputHits: readonly ScanHit[];
  /** The control file, relative to the scanned root. */
  readonly controlFile: string;
}

async function canaryRun(canary: CanaryCredentials, formEncode: boolean): Promise<RunResult> {
  const control = controlCanary();
  const tokens: string[] = [];
  const pageOutput: string[] = [];
  const ownOutput = captureOwnOutput();
  cleanups.push(() => void ownOutput.stop());
  const ca = await createTestCa();
  const auth = await startAuthServer({ ca, clients: [{ clientId: canary.clientId, clientSecret: canary.clientSecret }] });
  cleanups.push(() => auth.close());
  const renderer = await startRendererServer();
  cleanups.push(() => renderer.close());
  const controlServer = await startControlServer();
  cleanups.push(() => controlServer.close());
  const fetch = tokenTap(createTestFetch(ca.cert, { connectTimeoutMs: 5000 }), auth.tokenUrl, tokens);
  cleanups.push(() => fetch.close());

  // Chromium's own log on stderr, page console lines included: a console leak then shows up twice.
  const run = await launchSandboxedChromium({ extraArgs: ['--enable-logging=stderr', '--log-level=0'] });
  cleanups.push(() => rm(run.dirs.root, { recursive: true, force: true }));
  cleanups.push(() => run.kill());
  const context = run.browser.contexts()[0];
  if (context === undefined) throw new Error('Chromium has no default context.');
  const page = await context.newPage();
  recordPage(page, pageOutput);
  const clipboard = new MemoryClipboard();
  const bridge = await installBridge(page, { fetch, origin: renderer.origin, clipboard });
  cleanups.push(() => bridge.handlers.dispose());
  await page.goto(renderer.startUrl);
  const { token } = await canaryJourney(page, {
    canary,
    formEncode,
    issuer: auth.issuer,
    clipboard: { read: async () => clipboard.text, paste: (p) => p.keyboard.insertText(clipboard.text) },
  });
  // The token the page copied is the one the server issued (tapped on the Node side).
  expect(tokens.length === 1 && tokens[0] === token, 'the report carried the issued token').toBe(true);

  // Positive control, same profile and root: localStorage of another origin, a console line, a file.
  const controlPage = await context.newPage();
  recordPage(controlPage, pageOutput);
  await controlPage.goto(controlServer.url);
  await controlPage.evaluate((value) => {
    const storage = Reflect.get(globalThis, 'localStorage') as { setItem(key: string, value: string): void };
    storage.setItem('basic-header-control', value);
    console.log(`control ${value}`);
  }, control);
  const controlFile = path.join(run.dirs.tmp, `control-${control}.txt`);
  await writeFile(controlFile, `control ${control}\n`);

  // Close the pages, then the browser through CDP, and wait for it to exit.
  await page.close();
  await controlPage.close();
  await bridge.handlers.dispose();
  await run.closeGracefully();
  const ownBytes = ownOutput.stop();

  // One walk of the whole root (profile, TMPDIR, HOME, XDG) and every captured stream,
  // for the run's canaries (ID, secret, access token) and the control canary together.
  const needles = new NeedleMatcher([
    ...canaryNeedles({ ...canary, extra: tokenCanaries(token) }),
    ...valueNeedles(CONTROL_LABEL, control),
  ]);
  const browserOutput = run.output();
  const printed: [string, Buffer][] = [
    ['browser stdout', browserOutput.stdout],
    ['browser stderr', browserOutput.stderr],
    ['page console and errors', Buffer.from(pageOutput.join('\n'), 'utf8')],
    ['test process stdout/stderr', ownBytes],
  ];
  const tree = await scanTree(run.dirs.root, needles);
  const disk = splitControlHits(tree.hits);
  const output = splitControlHits(printed.flatMap(([label, bytes]) => scanBytes(label, bytes, needles)));
  return {
    tree,
    diskHits: disk.canary,
    outputHits: output.canary,
    controlDiskHits: disk.control,
    controlOutputHits: output.control,
    controlFile: path.relative(run.dirs.root, controlFile),
  };
}

function expectCleanWithWorkingControl(result: RunResult): void {
  const { tree } = result;
  // The scan really covered a used profile.
  expect(tree.unreadable).toEqual([]);
  expect(tree.files).toBeGreaterThan(20);
  expect(tree.paths).toEqual(expect.arrayContaining([path.join('profile', 'Default', 'Preferences'), path.join('profile', 'Local State')]));

  // Zero hits anywhere: file + needle label only.
  expect(summarizeHits(result.diskHits), 'canary on disk').toEqual([]);
  expect(summarizeHits(result.outputHits), 'canary in printed output').toEqual([]);

  // Positive control: found through LevelDB, in the file's content and name, and in the captured console.
  const leveldb = path.join('profile', 'Default', 'Local Storage', 'leveldb') + path.sep;
  const control = result.controlDiskHits;
  expect(control.some((h) => h.kind === 'content' && h.where.startsWith(leveldb)), 'control canary found in localStorage (LevelDB)').toBe(true);
  expect(control.some((h) => h.where === result.controlFile && h.kind === 'content'), 'control canary found in the file').toBe(true);
  expect(control.some((h) => h.where === result.controlFile && h.kind === 'name'), 'control canary found in the file name').toBe(true);
  expect(result.controlOutputHits.some((h) => h.where === 'page console and errors'), 'control canary found in the captured console').toBe(true);
  expect(result.controlOutputHits.some((h) => h.where === 'browser stderr'), 'control canary found in the browser’s log (stderr)').toBe(true);
}

test('a random canary typed, encoded, copied, decoded and tested leaves no trace on disk or in output', async () => {
  expectCleanWithWorkingControl(await canaryRun(randomCanary(), false));
});

test('a canary whose secret changes under URL-encoding (+/=:%& and a space), form-encoded, leaves no trace either', async () => {
  const canary = urlChangingCanary();
  expect(encodeURIComponent(canary.clientSecret)).not.toBe(canary.clientSecret);
  expect(formUrlEncoded(canary.clientSecret)).not.toBe(encodeURIComponent(canary.clientSecret));
  expectCleanWithWorkingControl(await canaryRun(canary, true));
});
