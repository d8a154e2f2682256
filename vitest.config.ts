import { defineConfig } from 'vitest/config';

const sourceConditions = { conditions: ['@auraflow/source'] };
// Projects do not inherit the root's timeouts, so each states its own.
const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 };
const browserTimeouts = { testTimeout: 90_000, hookTimeout: 120_000 };

export default defineConfig({
  resolve: sourceConditions,
  test: {
    // The JSON report feeds the `N passed, N failed` line that .ci/run prints.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-report.json' }]],
    projects: [
      {
        resolve: sourceConditions,
        test: { name: 'taxonomy', include: ['packages/taxonomy/test/**/*.test.ts'], ...timeouts },
      },
      {
        resolve: sourceConditions,
        test: {
          name: 'tracker',
          include: ['packages/tracker/test/**/*.test.ts'],
          ...browserTimeouts,
        },
      },
      {
        resolve: sourceConditions,
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          globalSetup: ['packages/server/test/global-setup.ts'],
          pool: 'forks',
          ...timeouts,
        },
      },
      {
        resolve: sourceConditions,
        test: {
          name: 'demo-store',
          include: ['packages/demo-store/test/**/*.test.ts'],
          ...browserTimeouts,
        },
      },
      {
        resolve: sourceConditions,
        test: {
          name: 'dashboard',
          include: ['packages/dashboard/test/**/*.test.ts'],
          // The real PostgreSQL of the server's tests, then a fresh dashboard build to serve.
          globalSetup: [
            'packages/server/test/global-setup.ts',
            'packages/dashboard/test/global-setup.ts',
          ],
          pool: 'forks',
          ...browserTimeouts,
        },
      },
    ],
  },
});
