/**
 * Durability of the embedded store's log: a full or failing disk never loses an acknowledged webhook
 * nor turns a retry into a "duplicate"; damage is cut off only at the tail, and reported.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFile, mkdir, readFile, readdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../src/store/embedded/embedded-store.js';
import { openAt, tempDirs } from './helpers/embedded-dirs.js';
import { createLogger } from '../src/log.js';
import { delivery, event, integration, source } from './helpers/records.js';
import { flakyFs } from './helpers/flaky-fs.js';
import { sourceWithIntegration, startTestRelay } from './helpers/relay.js';

const freshDir = tempDirs('hookmap-wal-');

function segmentOf(dir: string, n = 1): string {
  return join(dir, 'wal', `${String(n).padStart(16, '0')}.seg`);
}

describe('a failing disk', () => {
  for (const failure of ['enospc', 'short', 'fsync'] as const) {
    it(`rejects the accept (${failure}), stores the provider's retry as new, and replays cleanly`, async () => {
      const dir = await freshDir();
      const disk = flakyFs();
      const store = await openAt(dir, { fs: disk });
      const s = source();
      await store.putSource(s);
      const i = integration(s.id);
      await store.putIntegration(i);
      const first = event(s.id, 'k-1');
      await store.acceptEvent({ event: first, deliveries: [delivery(first, i.id)] });

      const lost = event(s.id, 'k-2', { body: JSON.stringify({ key: 'k-2', pad: 'é'.repeat(5000) }) });
      disk.fail = failure;
      await expect(
        store.acceptEvent({ event: lost, deliveries: [delivery(lost, i.id)] }),
      ).rejects.toMatchObject({ code: 'WAL_WRITE_FAILED' });
      expect(await store.getEvent(lost.id)).toBeNull();
      expect((await store.listDeliveries({})).items).toHaveLength(1);

      disk.fail = 'none';
      const retry = event(s.id, 'k-2', { body: lost.body });
      const answer = await store.acceptEvent({ event: retry, deliveries: [delivery(retry, i.id)] });
      expect(answer.duplicate).toBe(false);
      const again = await store.acceptEvent({ event: event(s.id, 'k-2'), deliveries: [] });
      expect(again.duplicate).toBe(true);
      await store.close();

      const warnings: unknown[] = [];
      const reopened = await openAt(dir, { log: createLogger((l) => warnings.push(l)) });
      expect(warnings).toEqual([]); // the failed write was cut back at once: no torn bytes left for replay
      expect((await reopened.listEvents({})).items.map((e) => e.idempotencyKey).sort()).toEqual([
        'k-1',
        'k-2',
      ]);
      expect((await reopened.getEvent(retry.id))?.body).toBe(lost.body);
      expect((await reopened.listDeliveries({})).items).toHaveLength(2);
      await reopened.close();
    });
  }

  it('lets a concurrent copy of a webhook whose write failed be stored instead of answered "duplicate"', async () => {
    const dir = await freshDir();
    const disk = flakyFs();
    const store = await openAt(dir, { fs: disk });
    const s = source();
    await store.putSource(s);
    disk.fail = 'once';
    const a = store.acceptEvent({ event: event(s.id, 'same'), deliveries: [] });
    const b = store.acceptEvent({ event: event(s.id, 'same'), deliveries: [] });
    await expect(a).rejects.toThrow(/could not write/);
    expect((await b).duplicate).toBe(false); // b waited for a's outcome, then wrote itself
    const c = await store.acceptEvent({ event: event(s.id, 'same'), deliveries: [] });
    expect(c.duplicate).toBe(true);
    expect((await store.listEvents({})).items).toHaveLength(1);
    await store.close();
  });

  it('answers 5xx through the relay while the disk is full, then 202 for the retry', async () => {
    const dir = await freshDir();
    const disk = flakyFs();
    const store = new EmbeddedStore({ dataDir: dir, fs: disk, log: createLogger(() => undefined) });
    const relay = await startTestRelay({ store, dataDir: dir });
    try {
      const { sourceId } = await sourceWithIntegration(relay, 'http://127.0.0.1:9/x');
      disk.fail = 'enospc';
      const refused = await relay.hook(sourceId, { id: 'a' }, { 'idempotency-key': 'full-disk-1' });
      expect(refused.status).toBeGreaterThanOrEqual(500);
      disk.fail = 'none';
      const retried = await relay.hook(sourceId, { id: 'a' }, { 'idempotency-key': 'full-disk-1' });
      expect(retried.status).toBe(202);
    } finally {
      await relay.close();
    }
  });
});

describe('a full tmpfs', () => {
  it('acknowledges only what is on disk, and stores the retry once space is back', async (ctx) => {
    const mountPoint = await freshDir();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      ctx.skip(
        'cannot mount a tmpfs here (needs root and mount rights); the injected-disk tests above cover the same paths',
      );
      return;
    }
    try {
      const dir = join(mountPoint, 'data');
      await mkdir(dir);
      await writeFile(join(mountPoint, 'filler'), Buffer.alloc(700 * 1024));
      const store = await openAt(dir);
      const s = source();
      await store.putSource(s);
      const body = (n: number) => JSON.stringify({ n, pad: 'x'.repeat(100 * 1024) });
      const acked: number[] = [];
      let refused = -1;
      for (let n = 0; n < 40 && refused < 0; n++) {
        try {
          await store.acceptEvent({ event: event(s.id, `t-${n}`, { body: body(n) }), deliveries: [] });
          acked.push(n);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('WAL_WRITE_FAILED');
          refused = n;
        }
      }
      expect(refused).toBeGreaterThan(0);
      await unlink(join(mountPoint, 'filler'));
      const retry = await store.acceptEvent({
        event: event(s.id, `t-${refused}`, { body: body(refused) }),
        deliveries: [],
      });
      expect(retry.duplicate).toBe(false);
      await store.close();

      const reopened = await openAt(dir);
      const stored = (await reopened.listEvents({ limit: 500 })).items;
      expect(stored.map((e) => e.idempotencyKey).sort()).toEqual(
        [...acked, refused].map((n) => `t-${n}`).sort(),
      );
      for (const e of stored) expect(JSON.parse(e.body).pad).toHaveLength(100 * 1024);
      await reopened.close();
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});

describe('damage in the log', () => {
  it('cuts off and reports a torn tail', async () => {
    const dir = await freshDir();
    const a = await openAt(dir);
    const s = source();
    await a.putSource(s);
    await a.close();
    const whole = await readFile(segmentOf(dir));
    await appendFile(segmentOf(dir), whole.subarray(0, 30));
    const lines: Record<string, unknown>[] = [];
    const b = await openAt(dir, { log: createLogger((l) => lines.push(l)) });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        file: segmentOf(dir),
        offset: whole.length,
        droppedBytes: 30,
      }),
    ]);
    expect((await stat(segmentOf(dir))).size).toBe(whole.length);
    expect((await b.listSources()).map((x) => x.id)).toEqual([s.id]);
    await b.close();
  });

  it('refuses to start on damage followed by intact records, naming the file and offset', async () => {
    const dir = await freshDir();
    const a = await openAt(dir);
    await a.putSource(source());
    const firstEnd = (await stat(segmentOf(dir))).size;
    await a.putSource(source());
    await a.close();
    const bytes = await readFile(segmentOf(dir));
    bytes[firstEnd + 20] = bytes[firstEnd + 20]! ^ 0xff; // flip a byte inside the second record's payload
    await writeFile(segmentOf(dir), Buffer.concat([bytes, bytes.subarray(0, firstEnd)]));
    await expect(openAt(dir)).rejects.toThrow(
      new RegExp(`damaged in ${segmentOf(dir)} at byte ${firstEnd} \\(checksum mismatch\\)`),
    );
  });

  it('refuses to start when the manifest names a missing segment', async () => {
    const dir = await freshDir();
    const a = await openAt(dir);
    await a.putSource(source());
    await a.close();
    await writeFile(join(dir, 'wal', 'manifest.json'), JSON.stringify({ version: 1, replayFrom: 7 }));
    await expect(openAt(dir)).rejects.toMatchObject({
      code: 'WAL_CORRUPT',
      message: expect.stringContaining('segment 7, which is missing'),
    });
  });

  it('refuses to start on damage in a segment that is not the last', async () => {
    const dir = await freshDir();
    const a = await openAt(dir, { segmentBytes: 200, compactAfterLines: 1e9, compactAfterBytes: 1e12 });
    for (let k = 0; k < 5; k++) await a.putSource(source());
    await a.close();
    const segments = (await readdir(join(dir, 'wal'))).filter((n) => n.endsWith('.seg')).sort();
    expect(segments.length).toBeGreaterThan(1);
    const first = join(dir, 'wal', segments[0]!);
    const bytes = await readFile(first);
    await writeFile(first, bytes.subarray(0, bytes.length - 5));
    await expect(openAt(dir)).rejects.toMatchObject({
      code: 'WAL_CORRUPT',
      message: expect.stringContaining(first),
    });
  });
});

describe('the log format of earlier versions', () => {
  it('replays relay.log.jsonl line by line, moves it to segments and removes it', async () => {
    const dir = await freshDir();
    const s = source();
    const e = event(s.id, 'old', { body: '{"old":true}' });
    const lines = [
      JSON.stringify([{ op: 'put', c: 'sources', v: s }]),
      JSON.stringify([{ op: 'put', c: 'events', v: e }]),
      '[{"op":"put","c":"sources","v":{"id":"half', // torn last line
    ];
    await writeFile(join(dir, 'relay.log.jsonl'), lines.join('\n'));
    const a = await openAt(dir);
    expect((await a.getEvent(e.id))?.body).toBe('{"old":true}');
    await expect(stat(join(dir, 'relay.log.jsonl'))).rejects.toThrow();
    await a.close();
    const b = await openAt(dir);
    expect((await b.getEvent(e.id))?.body).toBe('{"old":true}');
    expect((await b.listSources()).map((x) => x.id)).toEqual([s.id]);
    await b.close();
  });
});

describe('the lock', () => {
  /** A live process that is not a relay, as a reused pid would name after a reboot or a container restart. */
  async function otherProcess(): Promise<{ pid: number; stop: () => void }> {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    await new Promise((r) => child.once('spawn', r));
    return { pid: child.pid!, stop: () => child.kill() };
  }

  function startTicks(pid: number): string {
    const text = execFileSync('cat', [`/proc/${pid}/stat`], { encoding: 'utf8' });
    return text.slice(text.lastIndexOf(')') + 2).split(' ')[19]!;
  }

  it('treats a lock naming a pid now used by another process as stale', async (ctx) => {
    const other = await otherProcess();
    try {
      const dir = await freshDir();
      await writeFile(
        join(dir, 'relay.lock'),
        JSON.stringify({ pid: other.pid, start: '1', host: 'gone', instance: 'x' }),
      );
      const store = await openAt(dir);
      await store.close();
      // An earlier version's lock names only the pid: the process started after the lock was written.
      if (startTicks(other.pid) === '') ctx.skip('no /proc here');
      await writeFile(join(dir, 'relay.lock'), String(other.pid));
      const past = new Date(Date.now() - 3_600_000);
      await utimes(join(dir, 'relay.lock'), past, past);
      const again = await openAt(dir);
      await again.close();
    } finally {
      other.stop();
    }
  });

  it('still refuses a lock whose owner is alive', async () => {
    const other = await otherProcess();
    try {
      const dir = await freshDir();
      await writeFile(
        join(dir, 'relay.lock'),
        JSON.stringify({ pid: other.pid, start: startTicks(other.pid), host: 'h' }),
      );
      await expect(openAt(dir)).rejects.toThrow(new RegExp(`in use by relay process ${other.pid} on h`));
      await writeFile(join(dir, 'relay.lock'), String(other.pid)); // an earlier version's lock, fresh
      await expect(openAt(dir)).rejects.toThrow(/in use by relay process/);
    } finally {
      other.stop();
    }
  });
});
