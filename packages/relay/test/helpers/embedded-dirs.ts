/** Data directories for embedded-store tests, removed after the file's tests, and a store opened on one. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import type { EmbeddedStoreOptions } from '../../src/store/embedded/embedded-store.js';
import { createLogger } from '../../src/log.js';

/** `freshDir()` makes a directory that is deleted once the calling test file is done. */
export function tempDirs(prefix: string): () => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** An embedded store on `dir`, initialised, logging nothing unless `options.log` says otherwise. */
export async function openAt(
  dir: string,
  options: Partial<EmbeddedStoreOptions> = {},
): Promise<EmbeddedStore> {
  const store = new EmbeddedStore({ dataDir: dir, log: createLogger(() => undefined), ...options });
  await store.init();
  return store;
}
