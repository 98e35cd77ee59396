import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `unit` (`make test-fast`) needs Node and the npm packages only: no browser, no
 * Java, no build of the shipped issue. `e2e` runs the real command, Chromium and the referees
 * (EPUBCheck, the Nu Html Checker, Ace, axe, poppler, qpdf) and reads one build of the shipped
 * issue; its setup first checks that those programs are installed and fails with what to
 * install when one is not. A test file belongs to `unit` unless it is listed here.
 */
const e2e = [
  'tests/build/failure.test.ts',
  'tests/build/incremental.test.ts',
  'tests/corpus/**/*.test.ts',
  'tests/drawings/editions.test.ts',
  'tests/epub/checkers.test.ts',
  'tests/hostile/**/*.test.ts',
  'tests/import/constructs.test.ts',
  'tests/import/real-documents.test.ts',
  'tests/issue/ordinary-files.test.ts',
  'tests/issue/theme.test.ts',
  'tests/links/**/*.test.ts',
  'tests/new/**/*.test.ts',
  'tests/pdf-finish/finish.test.ts',
  // The PDF suites print, and so does the join's; placement's decisions are unit tests.
  'tests/pdf/*.test.ts',
  'tests/pdf/join/**/*.test.ts',
  'tests/press/**/*.test.ts',
  'tests/render/**/*.test.ts',
  'tests/watch/watch.test.ts',
  'tests/web/**/*.test.ts',
];

// Suites render real PDFs and run real checkers (Chromium, Java): generous timeouts, and no
// more workers than the two cores CI has.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: e2e,
          globalSetup: ['tests/compile-setup.ts'],
          // One module cache per worker instead of one per file: unified, sharp and pdf.js are
          // loaded once, not again for each suite (the suites keep no state between files).
          isolate: false,
          // A unit test that reaches for a browser fails instead of finding one.
          env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/no-browser-in-the-unit-tier' },
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: e2e, globalSetup: ['tests/global-setup.ts'] },
      },
    ],
  },
});
