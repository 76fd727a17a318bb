/**
 * Compaction in the background: the snapshot is written to a `.seg.tmp` file while appends go on, the
 * appends made meanwhile follow it in the new segment, and a process that dies before the switch leaves
 * the log as it was (the unfinished snapshot is never replayed).
 */
import { cp, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmbeddedStore } from '../src/store/embedded/embedded-store.js';
import { openAt, tempDirs } from './helpers/embedded-dirs.js';
import { createLogger } from '../src/log.js';
import { nodeFs } from '../src/store/embedded/wal-fs.js';
import type { WalFs } from '../src/store/embedded/wal-fs.js';
import { delivery, event, integration, source } from './helpers/records.js';

const freshDir = tempDirs('hookmap-compaction-');

/** A disk whose snapshot files (`.seg.tmp`) do not finish syncing until `release()`. */
function gatedFs(): WalFs & { release(): void; snapshotOpened: Promise<void> } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let opened!: () => void;
  const snapshotOpened = new Promise<void>((r) => (opened = r));
  return {
    release,
    snapshotOpened,
    async open(path, flags) {
      const file = await nodeFs.open(path, flags);
      if (!path.endsWith('.seg.tmp')) return file;
      opened();
      return {
        write: (...args) => file.write(...args),
        read: (...args) => file.read(...args),
        truncate: (length) => file.truncate(length),
        stat: () => file.stat(),
        close: () => file.close(),
        datasync: async () => {
          await gate;
          await file.datasync();
        },
      };
    },
  };
}

async function walFiles(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'wal'))).sort();
}

/** 12 sources, each written twice, and an integration: with `compactAfterLines: 5` the rewrites ask for a compaction. */
async function seed(store: EmbeddedStore) {
  const sources = Array.from({ length: 12 }, () => source());
  for (const s of sources) await store.putSource(s);
  for (const s of sources) await store.putSource(s);
  const i = integration(sources[0]!.id);
  await store.putIntegration(i);
  return { sources, integration: i };
}

describe('compaction in the background', () => {
  it('acknowledges appends while the snapshot is written, and keeps them after the switch and a restart', async () => {
    const dir = await freshDir();
    const disk = gatedFs();
    const store = await openAt(dir, { fs: disk, compactAfterLines: 5 });
    const { sources, integration: i } = await seed(store);
    await disk.snapshotOpened;

    // The snapshot cannot finish; these writes are acknowledged all the same.
    const accepted = [];
    for (let k = 0; k < 20; k++) {
      const e = event(sources[0]!.id, `during-${k}`, { body: JSON.stringify({ k, pad: 'x'.repeat(300) }) });
      const answer = await store.acceptEvent({ event: e, deliveries: [delivery(e, i.id)] });
      expect(answer.duplicate).toBe(false);
      accepted.push(e);
    }
    expect(await store.deleteSource(sources[5]!.id)).toBe(true);
    await store.putSource({ ...sources[6]!, name: 'renamed while compacting' });
    expect((await walFiles(dir)).some((n) => n.endsWith('.seg.tmp'))).toBe(true);

    disk.release();
    await store.close();
    const files = await walFiles(dir);
    expect(files.some((n) => n.endsWith('.tmp'))).toBe(false);

    const again = await openAt(dir);
    const ids = (await again.listSources()).map((s) => s.id).sort();
    expect(ids).toEqual(
      sources
        .filter((_, k) => k !== 5)
        .map((s) => s.id)
        .sort(),
    );
    expect((await again.getSource(sources[6]!.id))?.name).toBe('renamed while compacting');
    for (const e of accepted) expect((await again.getEvent(e.id))?.body).toBe(e.body);
    expect((await again.listDeliveries({ limit: 100 })).items).toHaveLength(20);
    await again.close();
  });

  it('a process that dies before the switch leaves the log as it was: the unfinished snapshot is dropped', async () => {
    const dir = await freshDir();
    const disk = gatedFs();
    const store = await openAt(dir, { fs: disk, compactAfterLines: 5 });
    const { sources } = await seed(store);
    await disk.snapshotOpened;
    // After the snapshot was taken: a delete and a rename that replaying the snapshot last would undo.
    expect(await store.deleteSource(sources[3]!.id)).toBe(true);
    await store.putSource({ ...sources[4]!, name: 'after the snapshot' });

    // The data directory as a kill -9 now would leave it (the lock's owner is this live process: drop it).
    const crashed = await freshDir();
    await cp(dir, crashed, { recursive: true });
    for (const name of await readdir(crashed))
      if (name.endsWith('.lock') || name === 'lock') await unlink(join(crashed, name));
    expect((await walFiles(crashed)).some((n) => n.endsWith('.seg.tmp'))).toBe(true);

    const reopened = await openAt(crashed);
    expect((await walFiles(crashed)).some((n) => n.endsWith('.tmp'))).toBe(false);
    expect((await reopened.listSources()).map((s) => s.id).sort()).toEqual(
      sources
        .filter((_, k) => k !== 3)
        .map((s) => s.id)
        .sort(),
    );
    expect((await reopened.getSource(sources[4]!.id))?.name).toBe('after the snapshot');
    await reopened.close();
    disk.release();
    await store.close();
  });

  it('a snapshot that cannot be written (disk full) is dropped and logged; appends go on and nothing is lost', async () => {
    const dir = await freshDir();
    const disk: WalFs = {
      async open(path, flags) {
        const file = await nodeFs.open(path, flags);
        if (!path.endsWith('.seg.tmp')) return file;
        return {
          write: () =>
            Promise.reject(
              Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
            ),
          read: (...args) => file.read(...args),
          truncate: (length) => file.truncate(length),
          stat: () => file.stat(),
          close: () => file.close(),
          datasync: () => file.datasync(),
        };
      },
    };
    const warnings: string[] = [];
    const store = await openAt(dir, {
      fs: disk,
      compactAfterLines: 5,
      log: createLogger((line) => warnings.push(JSON.stringify(line))),
    });
    const { sources } = await seed(store);
    await store.putSource({ ...sources[1]!, name: 'written after the failed snapshot' });
    await store.close();
    expect(warnings.some((w) => w.includes('compaction failed') && w.includes('ENOSPC'))).toBe(true);
    expect((await walFiles(dir)).some((n) => n.endsWith('.tmp'))).toBe(false);
    const again = await openAt(dir);
    expect((await again.listSources()).length).toBe(sources.length);
    expect((await again.getSource(sources[1]!.id))?.name).toBe('written after the failed snapshot');
    await again.close();
  });
});
