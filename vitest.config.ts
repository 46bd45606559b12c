import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One runner, five projects: pure unit tests (Node), React component tests (jsdom), integration
// tests (real server, SQLite), OpenSearch tests (one real node) and browser tests (real Chromium).
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'tmp/vitest-report.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/core/**/*.test.ts', 'src/server/**/*.test.ts', 'bench/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/web/**/*.test.ts', 'src/web/**/*.test.tsx'],
          setupFiles: ['src/web/test/setup.ts'],
          // jsdom component tests with user-event are slow on a loaded 2-core machine; 5 s is too tight.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/es-*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Elasticsearch/OpenSearch tests: one embedded OpenSearch node for all of them.
        test: {
          name: 'es',
          environment: 'node',
          include: ['test/integration/es-*.test.ts'],
          globalSetup: ['test/integration/es-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
