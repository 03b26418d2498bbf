import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Generous ceilings, never thresholds: a 2-core CI machine under load must not turn slowness into failures.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['../.config/vitest.setup.ts'],
    passWithNoTests: true,
  },
});
