/**
 * Every test-only hook in one file, which the production build leaves out:
 * main.ts calls these only behind `__BASIC_HEADER_TEST_HOOKS__`, a build-time
 * constant that `vite build --mode main` sets to false, so the bundler drops
 * the calls and this whole module (tests/electron/main/build-hooks.test.ts
 * greps the bundle). The test build (`--mode main-test`, used by the Electron
 * suite) keeps them, and even then they are honoured only when unpackaged:
 * - BASIC_HEADER_TEST_ROOT: every app.setPath directory goes inside this
 *   folder, so the canary test can scan everything Electron wrote.
 * - BASIC_HEADER_TEST_CA_PEM: a certificate-verify override on the app session
 *   that accepts a LOOPBACK server certificate signed by this CA, so the suite
 *   can reach the local test server. Every other certificate keeps Chromium's
 *   own verdict, so the OS trust store still decides for real hosts.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import path from 'node:path';
import { VERIFY, type VerifyDecision, type VerifyResult } from './presented-certificates';

export const TEST_ROOT_ENV = 'BASIC_HEADER_TEST_ROOT';
export const TEST_CA_ENV = 'BASIC_HEADER_TEST_CA_PEM';

/** Every directory Electron lets an app relocate that Chromium or Electron may write to. */
export const REDIRECTED_PATHS = ['appData', 'userData', 'sessionData', 'temp', 'logs', 'crashDumps'] as const;
export type RedirectedPath = (typeof REDIRECTED_PATHS)[number];

type Env = Readonly<Record<string, string | undefined>>;

/** [name, directory] pairs for app.setPath, or none when the switch does not apply. */
export function testPathOverrides(env: Env, isPackaged: boolean): ReadonlyArray<readonly [RedirectedPath, string]> {
  const root = env[TEST_ROOT_ENV];
  if (isPackaged || root === undefined || root === '' || !path.isAbsolute(root)) return [];
  const base = path.resolve(root);
  return REDIRECTED_PATHS.map((name) => [name, path.join(base, name)] as const);
}

/** The test CA's PEM, or null (always null when packaged). */
export function testCaPem(env: Env, isPackaged: boolean): string | null {
  const pem = env[TEST_CA_ENV];
  if (isPackaged || pem === undefined || !pem.includes('-----BEGIN CERTIFICATE-----')) return null;
  return pem;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackName(hostname: string): boolean {
  return LOOPBACK_NAMES.has(hostname.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

export function verifyWithTestCa(request: { readonly hostname: string; readonly certificatePem: string }, caPem: string, nowMs: number): VerifyResult {
  if (!isLoopbackName(request.hostname)) return VERIFY.chromium;
  try {
    const ca = new X509Certificate(caPem);
    const leaf = new X509Certificate(request.certificatePem);
    if (!leaf.verify(ca.publicKey)) return VERIFY.chromium;
    if (nowMs < Date.parse(leaf.validFrom) || nowMs > Date.parse(leaf.validTo)) return VERIFY.reject;
    const host = request.hostname.replace(/^\[|\]$/g, '');
    const matches = isIP(host) === 0 ? leaf.checkHost(host) !== undefined : leaf.checkIP(host) !== undefined;
    return matches ? VERIFY.accept : VERIFY.reject;
  } catch {
    return VERIFY.chromium;
  }
}

/** Before `ready`: move every Electron path into BASIC_HEADER_TEST_ROOT (unpackaged only). */
export function applyTestPaths(app: { readonly isPackaged: boolean; setPath(name: string, dir: string): void }, env: Env): void {
  for (const [name, dir] of testPathOverrides(env, app.isPackaged)) app.setPath(name, dir);
}

/**
 * The app session's verify decision that trusts the test CA for loopback hosts (unpackaged
 * only), or null. The session's one verify proc (presented-certificates.ts) asks it.
 */
export function testTrust(env: Env, isPackaged: boolean): VerifyDecision | null {
  const caPem = testCaPem(env, isPackaged);
  if (caPem === null) return null;
  return (request) => verifyWithTestCa({ hostname: request.hostname, certificatePem: request.certificate.data }, caPem, Date.now());
}
