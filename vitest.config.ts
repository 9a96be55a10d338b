import { defineConfig } from 'vitest/config';

// Unit and process-level tests run under Node; browser suites are Playwright's (*.spec.ts).
export default defineConfig({
  // Source runs keep main's test hooks; the production bundle compiles them out (vite.config.ts).
  define: { __BASIC_HEADER_TEST_HOOKS__: 'true' },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
