/** What a page load fetched, as gzip would send it, from the built files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function gzipBytes(
  outDir: string,
  serverUrl: string,
  urls: string[],
): { file: string; gzip: number }[] {
  return [...new Set(urls)]
    .filter((u) => u.startsWith(serverUrl))
    .map((u) => {
      const path = new URL(u).pathname;
      const file = path === '/' ? 'index.html' : decodeURIComponent(path.slice(1));
      return { file, gzip: gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length };
    });
}
