import { defineConfig } from 'vitest/config';

// Suites render real PDFs and run real checkers (Chromium, Java): generous timeouts, and no
// more workers than the two cores CI has.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['tests/global-setup.ts'],
  },
});
