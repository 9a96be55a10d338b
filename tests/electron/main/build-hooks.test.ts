/**
 * Issue 11 item 14: the test hooks (BASIC_HEADER_TEST_ROOT, BASIC_HEADER_TEST_CA_PEM
 * and the certificate-verify override) are compiled out of the production main
 * bundle, so even an unpackaged run of it (our app.asar under a system
 * `electron`, where app.isPackaged is false) cannot be redirected or weakened.
 * Both builds are made here, into temp folders: the production one
 * (`--mode main`) must carry no trace of the hooks; the test build
 * (`--mode main-test`) is the positive control that the same checks find them.
 * Then each bundle is RUN against the recording fake of Electron, unpackaged,
 * with both switches set: only the test build obeys them.
 */
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumCertificate } from '../../support/electron/chromium-certificate';
import { createFakeElectron } from '../../support/electron/fake-main-electron';
import { createTestCa, issueLeafCert } from '../../support/test-ca';

// setCertificateVerifyProc is no trace: both builds install the one proc that records refused certificates.
const TRACES = [/BASIC_HEADER_TEST_/, /X509Certificate/, /test-hooks/];

let outDir: string;
const bundles: { production: string; test: string } = { production: '', test: '' };

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'bh-main-build-'));
  for (const [name, mode] of [['production', 'main'], ['test', 'main-test']] as const) {
    const dir = path.join(outDir, name);
    await build({ configFile: path.resolve('vite.config.ts'), mode, logLevel: 'silent', build: { outDir: dir } });
    bundles[name] = await readFile(path.join(dir, 'main.cjs'), 'utf8');
  }
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Runs a main bundle as Electron would (CommonJS), with the fake for 'electron' and the given environment. */
async function runBundle(code: string, env: Record<string, string>) {
  const fake = createFakeElectron({ isPackaged: false, gotLock: true });
  const nodeRequire = createRequire(import.meta.url);
  const require = (id: string): unknown => (id === 'electron' ? fake.electron : nodeRequire(id));
  const fakeProcess = Object.assign(Object.create(process) as NodeJS.Process, { env: { ...env } });
  const module = { exports: {} };
  const wrapped = vm.runInThisContext(`(function (exports, require, module, process) {${code}\n})`) as (e: unknown, r: unknown, m: unknown, p: unknown) => void;
  wrapped(module.exports, require, module, fakeProcess);
  await fake.ready();
  return fake;
}

describe('test hooks in the main bundle', () => {
  it.each(TRACES)('the production bundle has no %s; the test build has it (positive control)', (trace) => {
    expect(bundles.test).toMatch(trace);
    expect(bundles.production).not.toMatch(trace);
  });

  it('run unpackaged with both switches set, only the test build redirects paths and trusts the test CA', async () => {
    const ca = await createTestCa();
    const leaf = await issueLeafCert(ca);
    const env = { BASIC_HEADER_TEST_ROOT: path.join(outDir, 'root'), BASIC_HEADER_TEST_CA_PEM: ca.cert };
    const verdict = (fake: Awaited<ReturnType<typeof runBundle>>): number => {
      let result = Number.NaN;
      fake.verifyProcs.get('basic-header')?.({ hostname: '127.0.0.1', errorCode: -202, certificate: chromiumCertificate(leaf.cert) }, (r) => { result = r; });
      return result;
    };
    const test = await runBundle(bundles.test, env);
    expect(test.log.filter((l) => l.startsWith('setPath:'))).toHaveLength(6);
    expect(verdict(test)).toBe(0);

    const production = await runBundle(bundles.production, env);
    expect(production.log.some((l) => l.startsWith('setPath:'))).toBe(false);
    // Production's proc only records and defers to Chromium: the test CA is not trusted.
    expect(verdict(production)).toBe(-3);
    // The rest of the launch is the same: the window still opens on app://.
    expect(production.windows).toHaveLength(1);
    expect(production.log).toContain('protocol.handle:app');
  });
});
