import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@hookmap/source'] },
  ssr: { resolve: { conditions: ['@hookmap/source'] } },
  // Delivery tests wait on real sockets and child processes; a busy machine needs head room.
  test: { name: '@hookmap/relay', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
