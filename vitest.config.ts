import { defineConfig } from 'vitest/config';

// Every package's tests run on its TypeScript sources through the `@hookmap/source`
// export condition, so no build is needed for unit tests.
export default defineConfig({
  resolve: { conditions: ['@hookmap/source'] },
  ssr: { resolve: { conditions: ['@hookmap/source'] } },
  test: {
    projects: ['packages/*', 'apps/*', 'bench', 'tests/*'],
  },
});
