/**
 * A log past 1 GiB (1 100 webhooks of 1 MiB) restarts: replay reads record by record, bodies stay on
 * disk, and memory after the restart is far below the data's size. Slow (about a minute): it really
 * writes and syncs over a gigabyte.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const COUNT = 1100;
const MB = 1_000_000;
let dir = '';

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function child(...args: string[]): Promise<Record<string, number>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--conditions=@hookmap/source', '--import', 'tsx', 'test/helpers/big-store.ts', ...args],
    { cwd: packageDir, maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

it(
  'writes past 1 GiB, restarts and reads every event back with bounded memory',
  { timeout: 600_000 },
  async () => {
    dir = await mkdtemp(join(tmpdir(), 'hookmap-big-'));
    const written = await child('write', dir, String(COUNT));
    expect(written.written).toBe(COUNT);
    expect(written.heapUsed).toBeLessThan(300 * MB);

    const segments = (await readdir(join(dir, 'wal'))).filter((n) => n.endsWith('.seg'));
    const sizes = await Promise.all(segments.map(async (n) => (await stat(join(dir, 'wal', n))).size));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(1024 * 1024 * 1024);
    expect(Math.max(...sizes)).toBeLessThan(70 * 1024 * 1024); // segmented at 64 MiB

    const restarted = await child('read', dir);
    console.log(
      `[wal.large] ${segments.length} segments; after restart and reading all: ${JSON.stringify(restarted)}`,
    );
    expect(restarted).toMatchObject({ events: COUNT, bad: 0, pending: COUNT });
    expect(restarted.heapUsed).toBeLessThan(300 * MB);
  },
);
