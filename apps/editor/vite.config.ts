import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

// Workspace packages resolve to their TypeScript sources through the `@hookmap/source`
// export condition, so the editor runs (dev and build) without building the packages first.
const conditions = ['@hookmap/source', ...defaultClientConditions];

const PURE_LIBRARIES =
  /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(?:handlebars|ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse|jsonpath-plus)[\\/]/;

export default defineConfig({
  plugins: [react()],
  base: './',
  resolve: { conditions },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  build: {
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    rollupOptions: {
      // The page itself never renders (the worker does): these CommonJS libraries, which Rollup must
      // otherwise keep whole for fear of side effects, are dropped from the page when nothing there
      // calls them (Handlebars, Ajv and JSONPath stay in the worker). Issue #13: ≤ 400 KB before Monaco.
      treeshake: { moduleSideEffects: (id) => !PURE_LIBRARIES.test(id) },
    },
  },
});
