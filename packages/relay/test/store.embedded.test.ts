import { mkdtemp, rm, readFile, appendFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../src/store/embedded/embedded-store.js';
import type { Store } from '../src/store/types.js';
import { runStoreContract } from './store.contract.js';
import { event, source } from './helpers/records.js';

const dirs: string[] = [];
const dirOf = new WeakMap<Store, string>();

async function openAt(dir: string, compactAfterLines?: number): Promise<EmbeddedStore> {
  const store = new EmbeddedStore({ dataDir: dir, compactAfterLines });
  await store.init();
  dirOf.set(store, dir);
  return store;
}

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hookmap-relay-'));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

runStoreContract('embedded', {
  open: async () => openAt(await freshDir()),
  reopen: async (store) => {
    await store.close();
    return openAt(dirOf.get(store)!);
  },
});

describe('EmbeddedStore specifics', () => {
  it('refuses a second store on the same directory while the first is open', async () => {
    const dir = await freshDir();
    const a = await openAt(dir);
    await expect(openAt(dir)).rejects.toThrow(/in use by relay process/);
    await a.close();
    const b = await openAt(dir);
    await b.close();
  });

  it('cuts off a torn last record left by a crash mid-write', async () => {
    const dir = await freshDir();
    const a = await openAt(dir);
    const s = source();
    await a.putSource(s);
    await a.close();
    const segment = join(dir, 'wal', '0000000000000001.seg');
    const whole = await readFile(segment);
    await appendFile(segment, whole.subarray(0, 20)); // a record cut off mid-write
    const b = await openAt(dir);
    expect((await b.listSources()).map((x) => x.id)).toEqual([s.id]);
    await b.putSource(source({ id: 'after' }));
    await b.close();
    const c = await openAt(dir);
    expect((await c.listSources()).map((x) => x.id).sort()).toEqual(['after', s.id].sort());
    await c.close();
  });

  it('compacts the log into a snapshot and still replays every record', async () => {
    const dir = await freshDir();
    const a = await openAt(dir, 20);
    const s = source();
    for (let k = 0; k < 60; k++) await a.putSource({ ...s, name: `v${k}` });
    await a.acceptEvent({ event: event(s.id, 'k'), deliveries: [] });
    await a.close();
    const segments = (await readdir(join(dir, 'wal'))).filter((n) => n.endsWith('.seg'));
    expect(segments.length).toBe(1); // the snapshot's segment; the older one was deleted
    expect((await stat(join(dir, 'wal', segments[0]!))).size).toBeLessThan(60 * 300);
    const b = await openAt(dir, 20);
    expect((await b.getSource(s.id))?.name).toBe('v59');
    expect((await b.listEvents({})).items).toHaveLength(1);
    await b.close();
  });
});
