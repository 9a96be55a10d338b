/**
 * The Chromium the benchmark drives: Debian's by default (CHROMIUM_PATH
 * overrides), with the same flags as the Playwright suite.
 */
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumExecutable } from '../tests/support/chromium';

export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  return chromium.launch({ headless: true, args: [...CHROMIUM_FLAGS], ...(executablePath === undefined ? {} : { executablePath }) });
}
