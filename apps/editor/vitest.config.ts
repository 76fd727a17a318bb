import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@hookmap/source'] },
  ssr: { resolve: { conditions: ['@hookmap/source'] } },
  test: {
    name: '@hookmap/editor',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
