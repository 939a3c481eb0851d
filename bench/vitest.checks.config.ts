// The precision half of the checks benchmark (bench/checks.js runs it): vitest runs the TypeScript
// helper of test/core/checks/labelled-metrics.ts without a build step. Not part of `npm test`,
// whose config includes only test/**/*.test.ts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['bench/precision.bench-test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
  },
});
