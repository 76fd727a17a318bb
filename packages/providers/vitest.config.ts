import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@hookmap/source'] },
  ssr: { resolve: { conditions: ['@hookmap/source'] } },
  test: { name: '@hookmap/providers', include: ['test/**/*.test.ts'] },
});
