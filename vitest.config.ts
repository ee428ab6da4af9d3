import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit and component tests. End-to-end tests in real Chromium have their own config (test/e2e/vitest.config.ts).
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
  },
});
