import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

// Workspace packages resolve to their TypeScript sources through the `@hookmap/source`
// export condition, so the editor runs (dev and build) without building the packages first.
const conditions = ['@hookmap/source', ...defaultClientConditions];

export default defineConfig({
  plugins: [react()],
  base: './',
  resolve: { conditions },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  build: { chunkSizeWarningLimit: 6000, sourcemap: false },
});
