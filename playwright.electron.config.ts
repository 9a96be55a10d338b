/**
 * The Electron suite (tests/electron-app): the built app in a real Electron via
 * Playwright's _electron. Where no Electron binary (or no display) exists, every
 * spec skips itself and this config prints ONE line saying why; the run still
 * exits 0. No traces, videos or screenshots: they would record typed secrets.
 */
import { defineConfig } from '@playwright/test';
import { electronSkipReason } from './tests/electron-app/electron-binary';

const skipReason = electronSkipReason();
// The config is loaded by the runner and by each worker: print once, from the runner.
if (skipReason !== null && process.env.TEST_WORKER_INDEX === undefined) console.log(skipReason);

// On failure Playwright would write an accessibility snapshot holding typed values.
process.env.PLAYWRIGHT_NO_COPY_PROMPT = '1';

export default defineConfig({
  testDir: './tests/electron-app',
  testMatch: '**/*.spec.ts',
  // Builds main with its test hooks (and puts the production build back afterwards).
  globalSetup: './tests/electron-app/global-setup.ts',
  outputDir: './test-results/electron',
  // One Electron at a time: it is heavy, and the single-instance lock is per user.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: process.env.CI !== undefined,
  // Without a binary every test is skipped: the dot reporter keeps that to one line of dots.
  reporter: skipReason === null ? [['list']] : [['dot']],
  use: {
    trace: 'off',
    video: 'off',
    screenshot: 'off',
  },
});
