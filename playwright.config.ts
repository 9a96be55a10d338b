/**
 * The Chromium end-to-end suite (tests/renderer): the built renderer in a real
 * Chromium, the preload bridge stood in by the real main-process handlers.
 * No traces, videos or screenshots: they would record typed secrets (the README's
 * screenshots are taken by `npm run screenshots`, with harmless example values).
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumExecutable } from './tests/support/chromium';

const executablePath = chromiumExecutable();

// On failure Playwright writes an accessibility snapshot of the whole page
// (error-context.md), which would include typed values: switch it off.
process.env.PLAYWRIGHT_NO_COPY_PROMPT = '1';

export default defineConfig({
  testDir: './tests/renderer',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/renderer/global-setup.ts',
  outputDir: './test-results/renderer',
  // Generous: the suite shares a small CI machine; a test that really hangs still fails.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: process.env.CI !== undefined,
  workers: process.env.RENDERER_E2E_WORKERS === undefined ? 2 : Number(process.env.RENDERER_E2E_WORKERS),
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1200, height: 800 },
    colorScheme: 'light',
    locale: 'en-US',
    trace: 'off',
    video: 'off',
    screenshot: 'off',
    launchOptions: {
      ...(executablePath === undefined ? {} : { executablePath }),
      args: [...CHROMIUM_FLAGS],
    },
  },
});
