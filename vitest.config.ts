// Vitest configuration: two projects. `unit` runs engine, scoring, level and view-logic tests in Node;
// `browser` builds the game once, serves it locally and drives Debian's Chromium (tests/e2e).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // One browser test file at a time: the machine has two cores, and timing-sensitive pages
          // should not fight each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
