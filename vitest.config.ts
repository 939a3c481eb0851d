import { defineConfig } from 'vitest/config';
import { whyNoPostgres } from './test/support/pg-cluster.mjs';

/** Tests that read or write a database: they run once on SQLite and once on PostgreSQL (issue 9). */
const BACKEND_TESTS = ['test/store/**/*.test.ts', 'test/service/**/*.test.ts', 'test/web/**/*.test.ts', 'test/cli/**/*.db.test.ts'];

// PostgreSQL comes from COPYDESK_TEST_PG_URL, or a throw-away cluster of Debian's postgresql package.
const noPostgres = process.env.COPYDESK_TEST_PG_URL ? undefined : whyNoPostgres();
if (noPostgres && process.env.CI) throw new Error(`The PostgreSQL tests must run in CI, but ${noPostgres} (.ci/run installs it).`);
if (noPostgres) console.warn(`\nSKIPPED: the PostgreSQL run of the store, service, web and CLI tests: ${noPostgres}, or set COPYDESK_TEST_PG_URL.\n`);

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: BACKEND_TESTS } },
      { extends: true, test: { name: 'sqlite', include: BACKEND_TESTS, env: { COPYDESK_TEST_BACKEND: 'sqlite' } } },
      ...(noPostgres
        ? []
        : [{ extends: true, test: { name: 'postgres', include: BACKEND_TESTS, env: { COPYDESK_TEST_BACKEND: 'postgres' }, globalSetup: ['test/support/postgres-setup.ts'] } }]),
    ],
  },
});
