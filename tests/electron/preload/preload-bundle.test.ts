/**
 * The real preload bundle (vite --mode preload, built here into a temp folder),
 * run as a sandboxed preload would run it: CommonJS with a `require` that only
 * knows 'electron'. Proves the bundle needs nothing else.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeElectron, runPreloadBundle, type FakeElectron } from '../../support/electron/fake-preload-electron';
import { assertCommandsDropTheEvent, assertExactKeys, assertInvokes, exposedApi } from './bridge-assertions';

let outDir: string;
let code: string;
let requested: string[];
let fake: FakeElectron;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'bh-preload-'));
  await build({ configFile: path.resolve('vite.config.ts'), mode: 'preload', logLevel: 'silent', build: { outDir } });
  code = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
  fake = createFakeElectron();
  requested = runPreloadBundle(code, fake);
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('preload bundle', () => {
  it('is one CommonJS file that requires only electron', () => {
    expect([...new Set(requested)]).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s/m);
  });

  it('exposes exactly BRIDGE_KEYS under BRIDGE_NAME', () => {
    assertExactKeys(exposedApi(fake));
  });

  it('each operation invokes its own channel with the request only', async () => {
    await assertInvokes(exposedApi(fake), fake);
  });

  it('onCommand passes known commands only, never the IPC event', () => {
    assertCommandsDropTheEvent(exposedApi(fake), fake);
  });
});
