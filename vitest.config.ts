import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests share two cores with Chromium and qpdf; more workers only thrash.
    maxWorkers: 2,
  },
});
