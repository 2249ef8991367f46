import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/**
 * `npm test` runs three projects:
 * - unit: pure modules and extension code (WXT's fake browser), in Node or happy-dom;
 * - server: the reference server over real HTTP on temporary SQLite files and PostgreSQL
 *   databases (test/server/postgres-global-setup.ts starts the cluster);
 * - e2e: real Chromium with the built extension loaded (test/e2e/global-setup.ts builds it);
 * - firefox: real Firefox ESR with the Firefox build installed (test/firefox/global-setup.ts).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          // As the browser tests' build: the launcher's shadow root is open (inpage-ui.ts).
          env: { WXT_TOUCHPOINT_TEST_HOOKS: 'true' },
          include: ['utils/**/*.test.ts', 'components/**/*.test.tsx', 'test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'test/server/**/*.test.ts'],
          environment: 'node',
          // A throw-away PostgreSQL cluster for the PostgreSQL store's tests.
          globalSetup: ['test/server/postgres-global-setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['test/firefox/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/firefox/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
