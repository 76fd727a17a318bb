#!/usr/bin/env node
// `pnpm hookmap …` on any checkout: runs the built CLI when every package's dist/ is newer than its
// src/, and otherwise (or with HOOKMAP_FROM_SOURCES=1) the TypeScript sources directly (through tsx and the @hookmap/source export
// condition), so a fresh clone needs no `pnpm build` first and a stale build is never used.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packages = ['core', 'providers', 'targets', 'relay', 'cli'].map((p) => join(root, 'packages', p));

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built =
  process.env.HOOKMAP_FROM_SOURCES !== '1' &&
  packages.every((p) => {
    const main = join(p, 'dist', 'index.js');
    return existsSync(main) && statSync(main).mtimeMs >= newest(join(p, 'src'));
  });

const args = process.argv.slice(2);
const cli = built
  ? [join(root, 'packages/cli/dist/main.js')]
  : ['--conditions=@hookmap/source', '--import', 'tsx', join(root, 'packages/cli/src/main.ts')];
const result = spawnSync(process.execPath, [...cli, ...args], { stdio: 'inherit' });
if (result.error) {
  console.error(
    `hookmap: could not start the CLI (${result.error.message}); run \`npx -y pnpm@10.20.0 install\` first.`,
  );
  process.exit(1);
}
process.exit(result.status ?? 1);
