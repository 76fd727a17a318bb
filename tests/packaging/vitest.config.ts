import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@hookmap/packaging',
    include: ['test/**/*.test.ts'],
    // Packing and an npm install of the tarballs take a while (the npm cache makes later runs faster).
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
