import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Real SQLite files, real ptys and child processes: give integration tests room, never sleeps.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // One throw-away PostgreSQL server for the cloud suites (beside PGlite).
    globalSetup: ['tests/helpers/postgres-global-setup.ts'],
  },
});
