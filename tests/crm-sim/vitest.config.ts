import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@hookmap/source'] },
  ssr: { resolve: { conditions: ['@hookmap/source'] } },
  // Real sockets on loopback; a busy machine needs head room.
  test: { name: '@hookmap/crm-sim', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
});
