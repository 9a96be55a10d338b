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
 * The same run, as a different journey (issue 12), uses private keys: from a
 * file, pasted and generated; a planted key is the extra positive control.
 *
 * No traces, videos or screenshots: they would record what was typed. Failures
 * report file + needle label only, never the bytes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { startAuthServer, type AuthServer, type TestClient } from '../support/auth-server';
import {
  canaryRunResult, captureOwnOutput, cleanupAfterEach, CONTROL_LABEL, controlCanary, randomCanary, startControlServer, tokenCanaries, urlChangingCanary,
  type CanaryCredentials, type CanaryRunResult,
} from '../support/canary-run';
import {
  canaryNeedles, formUrlEncoded, NeedleMatcher, scanBytes, scanTree, summarizeHits, valueNeedles, type ExtraCanary, type Needle, type ScanHit,
} from '../support/canary-scanner';
import { jwkCanaries, rsaPemCanaries } from '../support/key-canaries';
import { keyText, makeRsaKey } from '../support/key-files';
import { createTestFetch, type TestFetch } from '../support/node-fetch';
import { canaryJourney } from '../support/browser/canary-journey';
import { installBridge, MemoryClipboard, startRendererServer, ui, type InstalledBridge } from '../support/renderer-harness';
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

/**
 * The test fetch, tapping the token endpoint on the Node side: the access token is a canary too,
 * and so is every client assertion and DPoP proof sent (`jwts`).
 */
function tokenTap(inner: TestFetch, tokenUrl: string, tokens: string[], jwts: string[] = []): TestFetch {
  const tapped = async (url: string, init: RequestInit): Promise<Response> => {
    if (url === tokenUrl) {
      const assertion = new URLSearchParams(String(init.body)).get('client_assertion');
      const proof = (init.headers as Record<string, string> | undefined)?.DPoP;
      for (const jwt of [assertion, proof]) if (typeof jwt === 'string' && jwt !== '') jwts.push(jwt);
    }
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

/** What a journey gets to drive: the page and the real counterparts behind it. */
interface JourneyContext {
  readonly page: Page;
  readonly auth: AuthServer;
  readonly clipboard: MemoryClipboard;
  readonly bridge: InstalledBridge;
  /** Access tokens the server issued, in order (taken on the Node side). */
  readonly tokens: readonly string[];
  /** Client assertions and DPoP proofs sent, in order. */
  readonly jwts: readonly string[];
}

/** One way of using the app with secrets: the clients it needs, the steps, and what must then be gone. */
interface Journey {
  readonly clients: readonly TestClient[];
  /** Drives the page, reloads it and checks nothing came back; returns every secret it used, as canaries. */
  run(context: JourneyContext): Promise<Needle[]>;
  /** Extra positive control: text planted in localStorage and a file, with the needles that must find it there. */
  readonly plant?: { readonly text: string; readonly needles: () => Needle[] };
}

/** Every label of the planted-key control's needles contains this. */
const PLANTED_LABEL = 'planted key';

/** The control file is relative to the scanned root here. */
interface RunResult extends CanaryRunResult {
  /** Hits of the planted-key control (journeys with `plant`), and its file. */
  readonly plantedHits: readonly ScanHit[];
  readonly plantedFile: string;
}

async function canaryRun(journey: Journey): Promise<RunResult> {
  const control = controlCanary();
  const tokens: string[] = [];
  const jwts: string[] = [];
  const pageOutput: string[] = [];
  const ownOutput = captureOwnOutput();
  cleanups.push(() => void ownOutput.stop());
  const ca = await createTestCa();
  const auth = await startAuthServer({ ca, clients: journey.clients });
  cleanups.push(() => auth.close());
  const renderer = await startRendererServer();
  cleanups.push(() => renderer.close());
  const controlServer = await startControlServer();
  cleanups.push(() => controlServer.close());
  const fetch = tokenTap(createTestFetch(ca.cert, { connectTimeoutMs: 5000 }), auth.tokenUrl, tokens, jwts);
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
  await expect(page.getByRole('heading', { level: 1, name: 'Basic Header' })).toBeVisible();
  const runNeedles = await journey.run({ page, auth, clipboard, bridge, tokens, jwts });

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
  const plantedFile = path.join(run.dirs.tmp, 'planted-key.pem');
  if (journey.plant !== undefined) {
    await controlPage.evaluate((value) => {
      const storage = Reflect.get(globalThis, 'localStorage') as { setItem(key: string, value: string): void };
      storage.setItem('basic-header-planted-key', value);
    }, journey.plant.text);
    await writeFile(plantedFile, journey.plant.text);
  }

  // Close the pages, then the browser through CDP, and wait for it to exit.
  await page.close();
  await controlPage.close();
  await bridge.handlers.dispose();
  await run.closeGracefully();
  const ownBytes = ownOutput.stop();

  // One walk of the whole root (profile, TMPDIR, HOME, XDG) and every captured stream,
  // for the run's canaries (ID, secret, access token) and the control canary together.
  const needles = new NeedleMatcher([...runNeedles, ...valueNeedles(CONTROL_LABEL, control), ...(journey.plant?.needles() ?? [])]);
  const browserOutput = run.output();
  const printed: [string, Buffer][] = [
    ['browser stdout', browserOutput.stdout],
    ['browser stderr', browserOutput.stderr],
    ['page console and errors', Buffer.from(pageOutput.join('\n'), 'utf8')],
    ['test process stdout/stderr', ownBytes],
  ];
  const tree = await scanTree(run.dirs.root, needles);
  // "includes": a form's label wraps the value's (e.g. encodeURIComponent(planted key …)).
  const isPlanted = (hit: ScanHit): boolean => hit.needle.includes(PLANTED_LABEL);
  const plantedHits = tree.hits.filter(isPlanted);
  const outputHits = printed.flatMap(([label, bytes]) => scanBytes(label, bytes, needles));
  return {
    ...canaryRunResult(tree, tree.hits.filter((hit) => !isPlanted(hit)), outputHits, path.relative(run.dirs.root, controlFile)),
    plantedHits,
    plantedFile: path.relative(run.dirs.root, plantedFile),
  };
}

/** Issue 4: the shared canary journey (tests/support/browser/canary-journey.ts), reload included. */
function credentialJourney(canary: CanaryCredentials, formEncode: boolean): Journey {
  return {
    clients: [{ clientId: canary.clientId, clientSecret: canary.clientSecret }],
    run: async ({ page, auth, clipboard, tokens }) => {
      const { token } = await canaryJourney(page, {
        canary,
        formEncode,
        issuer: auth.issuer,
        clipboard: { read: async () => clipboard.text, paste: (p) => p.keyboard.insertText(clipboard.text) },
      });
      // The token the page copied is the one the server issued (tapped on the Node side).
      expect(tokens.length === 1 && tokens[0] === token, 'the report carried the issued token').toBe(true);
      return canaryNeedles({ ...canary, extra: tokenCanaries(token) });
    },
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
  expectCleanWithWorkingControl(await canaryRun(credentialJourney(randomCanary(), false)));
});

test('a canary whose secret changes under URL-encoding (+/=:%& and a space), form-encoded, leaves no trace either', async () => {
  const canary = urlChangingCanary();
  expect(encodeURIComponent(canary.clientSecret)).not.toBe(canary.clientSecret);
  expect(formUrlEncoded(canary.clientSecret)).not.toBe(encodeURIComponent(canary.clientSecret));
  expectCleanWithWorkingControl(await canaryRun(credentialJourney(canary, true)));
});

/**
 * Issue 12: private keys. A key chosen as a file (main reads it; the file lives
 * outside the scanned root and is removed after), a key pasted into the masked
 * field, and a key generated in main, registered with the server, used with
 * DPoP, and copied out (JWK and PEM) through the guarded clipboard. None of the
 * three, nor any assertion or proof sent, may be on disk or in output. The
 * planted-key control puts a fourth key's PEM into localStorage and a file:
 * the same key needles must find it there.
 */
function keyJourney(): Journey {
  const fileKey = makeRsaKey();
  const pasteKey = makeRsaKey();
  const plantedKey = makeRsaKey();
  const plantedPem = keyText(plantedKey, 'pkcs8-pem');
  const keyClient: TestClient = {
    clientId: `0oa${randomCanary().clientId.slice(-17)}`,
    authMethod: 'private_key_jwt',
    jwks: { keys: [{ ...fileKey.publicJwk, kid: 'canary-file-key' }, { ...pasteKey.publicJwk, kid: 'canary-paste-key' }] },
  };
  const keyCanaries = (label: string, key: typeof fileKey): ExtraCanary[] => [
    ...jwkCanaries(label, key.privateJwk as Record<string, unknown>),
    ...rsaPemCanaries(label, keyText(key, 'pkcs8-pem')),
    ...rsaPemCanaries(`${label} (PKCS#1)`, keyText(key, 'pkcs1-pem')),
  ];
  const asNeedles = (extras: readonly ExtraCanary[]): Needle[] =>
    extras.flatMap((extra) => (typeof extra === 'string' ? valueNeedles('key canary', extra) : valueNeedles(extra.label, extra.value)));

  return {
    clients: [keyClient],
    run: async ({ page, auth, clipboard, bridge, tokens, jwts }) => {
      const u = ui(page);
      const panel = page.getByRole('region', { name: 'Test credentials' });
      const summary = panel.getByLabel('Loaded key');
      const runTest = async (count: number): Promise<void> => {
        await u.testButton.click();
        await expect(page.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'success', { timeout: 20_000 });
        expect(tokens).toHaveLength(count);
      };
      await u.clientId.fill(keyClient.clientId);
      await u.target.fill(auth.issuer);
      await u.scopes.fill('api:read');
      await panel.getByRole('radio', { name: /private_key_jwt/ }).check();
      const kid = panel.getByRole('textbox', { name: 'Key ID (kid) to send if the key has none' });

      // 1. A key file, read by main.
      const keyDir = await mkdtemp(path.join(tmpdir(), 'basic-header-canary-key-'));
      cleanups.push(() => rm(keyDir, { recursive: true, force: true }));
      const file = path.join(keyDir, 'service-app.pem');
      await writeFile(file, keyText(fileKey, 'pkcs8-pem'), { mode: 0o600 });
      bridge.keyFileDialog.path = file;
      await kid.fill('canary-file-key');
      await panel.getByRole('button', { name: 'Choose key file…' }).click();
      await expect(summary).toContainText('service-app.pem');
      await runTest(1);
      await rm(keyDir, { recursive: true, force: true });

      // 2. A pasted key (PKCS#1), as a paste: one insert, not key presses.
      await kid.fill('canary-paste-key');
      await panel.getByLabel('Or paste the private key (PEM or JWK)').focus();
      await page.keyboard.insertText(keyText(pasteKey, 'pkcs1-pem'));
      await panel.getByRole('button', { name: 'Use pasted key' }).click();
      await expect(summary).toContainText('Pasted');
      await runTest(2);

      // 3. A generated key, registered, used with DPoP, and copied out through the app.
      await panel.getByRole('button', { name: 'Generate key pair' }).click();
      await expect(summary).toContainText('Generated in this window');
      const publicJwk = JSON.parse(await panel.locator('.jwk-text').innerText()) as Record<string, string>;
      const generatedClient = await auth.registerClient({ authMethod: 'private_key_jwt', jwks: { keys: [publicJwk] } });
      await u.clientId.fill(generatedClient);
      await panel.getByRole('switch', { name: 'Require DPoP' }).check();
      await runTest(3);
      await panel.getByRole('button', { name: 'Copy private key (JWK)' }).click();
      await expect.poll(() => clipboard.text.startsWith('{')).toBe(true);
      const generatedJwk = clipboard.text;
      await panel.getByRole('button', { name: 'Copy private key (PEM)' }).click();
      await expect.poll(() => clipboard.text.startsWith('-----BEGIN PRIVATE KEY-----')).toBe(true);
      const generatedPem = clipboard.text;
      // 2 assertions + (assertion + proof) twice for the DPoP nonce round trip.
      expect(jwts.length).toBeGreaterThanOrEqual(6);

      // Reload: no key, no pasted text comes back.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Basic Header' })).toBeVisible();
      await page.getByRole('region', { name: 'Test credentials' }).getByRole('radio', { name: /private_key_jwt/ }).check();
      await expect(page.getByRole('region', { name: 'Test credentials' }).getByLabel('Loaded key')).toHaveCount(0);
      expect(await page.getByRole('region', { name: 'Test credentials' }).getByLabel('Or paste the private key (PEM or JWK)').inputValue()).toBe('');

      return asNeedles([
        ...keyCanaries('file key', fileKey),
        ...keyCanaries('pasted key', pasteKey),
        ...jwkCanaries('generated key', generatedJwk),
        ...rsaPemCanaries('generated key', generatedPem),
        // The signatures: what makes an assertion or proof usable (their headers and claims are shown on purpose).
        ...jwts.map((jwt, i) => ({ label: `signed JWT ${i + 1} signature`, value: jwt.split('.')[2] ?? '' })),
        ...tokens.flatMap((token) => tokenCanaries(token)),
      ]);
    },
    plant: { text: plantedPem, needles: () => asNeedles(rsaPemCanaries(PLANTED_LABEL, plantedPem)) },
  };
}

test('private keys chosen from a file, pasted and generated (used with DPoP, copied out) leave no trace; a planted key is found', async () => {
  const result = await canaryRun(keyJourney());
  expectCleanWithWorkingControl(result);
  const leveldb = path.join('profile', 'Default', 'Local Storage', 'leveldb') + path.sep;
  expect(result.plantedHits.some((h) => h.kind === 'content' && h.where.startsWith(leveldb)), 'planted key found in localStorage (LevelDB)').toBe(true);
  expect(result.plantedHits.some((h) => h.kind === 'content' && h.where === result.plantedFile), 'planted key found in its file').toBe(true);
});
