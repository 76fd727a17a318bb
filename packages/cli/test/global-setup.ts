import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * The CLI tests run the built `dist/main.js` as a subprocess, and at runtime the workspace
 * packages resolve to their `dist/`. Build core, providers, targets (and the relay, when it has
 * sources) and the cli with tsc — each only when its dist is missing or older than its sources.
 */
const root = resolve(import.meta.dirname, '../../..');
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');

const builds: Array<{ pkg: string; entry: string; optional?: boolean }> = [
  // Node loads core's joined build (scripts/join-dist.mjs, run after tsc below).
  { pkg: 'core', entry: 'dist/node/index.js' },
  { pkg: 'providers', entry: 'dist/index.js' },
  { pkg: 'targets', entry: 'dist/index.js' },
  { pkg: 'relay', entry: 'dist/index.js', optional: true },
  { pkg: 'cli', entry: 'dist/main.js' },
];

export default function setup(): void {
  for (const { pkg, entry, optional } of builds) {
    const dir = join(root, 'packages', pkg);
    if (optional && !existsSync(join(dir, 'src/index.ts'))) continue;
    if (!isStale(dir, entry)) continue;
    try {
      execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], {
        cwd: dir,
        stdio: 'pipe',
      });
    } catch (error) {
      // tsc still emits on type errors; only a missing entry point stops the CLI tests.
      const output = String((error as { stdout?: Buffer }).stdout ?? '');
      if (!existsSync(join(dir, entry)) && !optional)
        throw new Error(`building packages/${pkg} failed:\n${output}`);
      console.warn(
        `[cli tests] tsc reported errors in packages/${pkg}; using the emitted dist:\n${output.slice(0, 2000)}`,
      );
    }
    const joinScript = join(dir, 'scripts/join-dist.mjs');
    if (existsSync(joinScript)) execFileSync(process.execPath, [joinScript], { cwd: dir, stdio: 'pipe' });
  }
}

function isStale(dir: string, entry: string): boolean {
  const built = join(dir, entry);
  if (!existsSync(built)) return true;
  return newestMtime(join(dir, 'src')) > statSync(built).mtimeMs;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}
