/**
 * `npm run screenshots`: regenerates the README's screenshots in docs/ with the
 * Chromium harness. Separate from the test suites on purpose: running the tests
 * never rewrites a tracked file.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './tests/screenshots',
  testMatch: '**/*.screens.ts',
  outputDir: './test-results/screenshots',
  workers: 1,
});
