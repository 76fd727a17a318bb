/** Builds the editor with Vite into a temporary directory (unminified, for speed). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const APP_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function buildEditor(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'hookmap-editor-dist-'));
  await build({
    root: APP_ROOT,
    configFile: join(APP_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false },
  });
  return outDir;
}
