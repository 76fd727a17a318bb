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
  await build({
    root: APP_ROOT,
    configFile: join(APP_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify, reportCompressedSize: false },
  });
  return outDir;
}
