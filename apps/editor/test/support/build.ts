/** Builds the editor with Vite into a temporary directory (unminified unless asked, for speed). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const APP_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `minify: true` builds as for production (what the size and cold-load measurements need). */
export async function buildEditor({ minify = false } = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'hookmap-editor-dist-'));
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build; a
  // production build (for the size and cold-load measurements) needs NODE_ENV=production meanwhile.
  const nodeEnv = process.env.NODE_ENV;
  if (minify) process.env.NODE_ENV = 'production';
  try {
    await buildWith(outDir, minify);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

async function buildWith(outDir: string, minify: boolean): Promise<void> {
  await build({
    root: APP_ROOT,
    configFile: join(APP_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify, reportCompressedSize: false },
  });
}
