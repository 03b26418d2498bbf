import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['../../.config/vitest.setup.ts'],
    passWithNoTests: true,
    // Black-box tests start a simulator, a store and the integrations; on a busy 2-core machine that takes seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
