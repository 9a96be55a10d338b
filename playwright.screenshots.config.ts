/**
 * `npm run screenshots`: the README's screenshot (tests/screenshots), taken in
 * the same Chromium, harness and build as the Chromium suite, with harmless
 * example values. Kept out of `npm test`, which must not rewrite tracked files.
 */
import { defineConfig } from '@playwright/test';
import suite from './playwright.config';

export default defineConfig({
  ...suite,
  testDir: './tests/screenshots',
  testMatch: '**/*.screenshot.ts',
  outputDir: './test-results/screenshots',
  workers: 1,
});
