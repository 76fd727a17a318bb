import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@hookmap/source'] },
  ssr: { resolve: { conditions: ['@hookmap/source'] } },
  test: {
    name: '@hookmap/cli',
    include: ['test/**/*.test.ts'],
    // Builds dist/ (core, providers, targets, relay, cli) when missing or stale: the tests run the built CLI.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
  },
});
