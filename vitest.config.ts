import { defineConfig } from 'vitest/config';

const sourceConditions = { conditions: ['@auraflow/source'] };

export default defineConfig({
  resolve: sourceConditions,
  test: {
    // The JSON report feeds the `N passed, N failed` line that .ci/run prints.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-report.json' }]],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        resolve: sourceConditions,
        test: { name: 'taxonomy', include: ['packages/taxonomy/test/**/*.test.ts'] },
      },
      {
        resolve: sourceConditions,
        test: {
          name: 'tracker',
          include: ['packages/tracker/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: sourceConditions,
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          globalSetup: ['packages/server/test/global-setup.ts'],
          pool: 'forks',
        },
      },
      {
        resolve: sourceConditions,
        test: { name: 'demo-store', include: ['packages/demo-store/test/**/*.test.ts'] },
      },
    ],
  },
});
