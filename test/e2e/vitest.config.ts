import { defineConfig } from 'vitest/config';

// End-to-end journeys in Debian's Chromium against the built renderer (npm run build first).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/serve.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine has two cores and each journey is a whole app session.
    fileParallelism: false,
  },
});
