import { defineConfig } from 'vitest/config';

// One configuration, several projects: node for unit and integration tests, jsdom for React
// components. Tests run against the TypeScript sources; nothing needs building first.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          // Each file starts its own server on port 0 with its own temporary database.
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        test: {
          // The integration suite again, its harness building the PostgreSQL store (one database
          // per harness on a cluster of its own); the tests of SQLite's files skip themselves.
          name: 'integration-pg',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          env: { HALLVOTE_TEST_STORE: 'pg' },
          globalSetup: ['test/support/postgres-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // One contract suite against both stores (SQLite, and PostgreSQL on a throwaway cluster
          // from scripts/services.sh, started by the global setup and stopped at the end).
          name: 'store',
          environment: 'node',
          include: ['test/store/**/*.test.ts'],
          globalSetup: ['test/support/postgres-setup.ts'],
          // One file at a time: the secrecy scan reads the cluster's WAL, which a close in another
          // file would switch and checkpoint away under it.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Several nodes behind HAProxy on PostgreSQL and Redis (docs/cluster.md): the global setup
          // starts a throwaway PostgreSQL cluster; each file its own nodes, Redis and HAProxy
          // (scripts/local-cluster.ts), stopped by pid at its end. Files one at a time: they kill
          // processes and stop the database, and the machine has two cores.
          name: 'cluster',
          environment: 'node',
          include: ['test/cluster/**/*.test.ts'],
          globalSetup: ['test/support/postgres-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.tsx'],
          setupFiles: ['test/component/support/setup.ts'],
        },
      },
      {
        test: {
          // Crashes (kill -9 of a server process), dropped phones, fuzzing, the authorization
          // matrix, limits, secrecy scans and CSV attacks; bounded to a couple of minutes.
          // `npm run chaos` runs the same scenarios longer.
          name: 'faults',
          environment: 'node',
          include: ['test/faults/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // The hall story in Debian's Chromium against the real server process and the built
          // client (`npm test` builds it first and makes sure Chromium is there).
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
