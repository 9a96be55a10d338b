/**
 * Which Chromium the browser suites and the benchmark drive, and with which
 * flags: one list, so the suites, the canary and the benchmark see the same browser.
 */
import { existsSync } from 'node:fs';

/** Debian's Chromium by default; CHROMIUM_PATH overrides; undefined means Playwright's own browser. */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

// No sandbox as root in a container; no background traffic, which this machine's closed network refuses.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
] as const;
