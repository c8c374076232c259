// Vitest configuration: unit, engine and scoring tests run in Node; browser tests live in tests/e2e.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
