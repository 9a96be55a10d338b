/**
 * Test-only switches, honoured only by unpackaged builds (a packaged app
 * ignores them, so production cannot be redirected or weakened by env vars):
 * - BASIC_HEADER_TEST_ROOT: every app.setPath directory goes inside this
 *   folder, so the canary test can scan everything Electron wrote.
 * - BASIC_HEADER_TEST_CA_PEM: a CA (PEM text) the token request trusts for
 *   loopback hosts, so the Electron suite can reach the local test server.
 */
import path from 'node:path';

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
