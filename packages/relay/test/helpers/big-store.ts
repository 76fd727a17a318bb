/**
 * Child process for the large-log test: `write <dir> <count>` stores `count` webhooks of 1 MiB each;
 * `read <dir>` opens the store (a restart), reads every event back and checks its body. Each prints
 * one JSON line with what it did and its memory after a full GC (run with --expose-gc).
 */
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { delivery, event, integration, source } from './records.js';

const MiB = 1024 * 1024;

function bodyOf(n: number): string {
  const head = JSON.stringify({ n, pad: '' });
  return head.slice(0, -2) + String(n % 10).repeat(MiB - head.length) + '"}';
}

async function write(dir: string, count: number): Promise<Record<string, unknown>> {
  const store = new EmbeddedStore({ dataDir: dir });
  await store.init();
  const s = source({ id: 'big', provider: null });
  await store.putSource(s);
  const i = integration(s.id);
  await store.putIntegration(i);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const n = next++;
      const e = event(s.id, `big-${n}`, { body: bodyOf(n) });
      await store.acceptEvent({ event: e, deliveries: [delivery(e, i.id)] });
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
  await store.close();
  return { written: count };
}

async function read(dir: string): Promise<Record<string, unknown>> {
  const store = new EmbeddedStore({ dataDir: dir });
  await store.init();
  let events = 0;
  let bad = 0;
  let before: string | undefined;
  for (;;) {
    const page = await store.listEvents({ limit: 20, before });
    for (const e of page.items) {
      events++;
      const n = Number(/^\{"n":(\d+)/.exec(e.body)?.[1]);
      if (e.body !== bodyOf(n) || e.idempotencyKey !== `big-${n}`) bad++;
    }
    if (!page.next) break;
    before = page.next;
  }
  const pending = (await store.queueStats()).pending;
  await store.close();
  return { events, bad, pending };
}

const [mode, dir, count] = process.argv.slice(2);
const result = mode === 'write' ? await write(dir!, Number(count)) : await read(dir!);
(globalThis as { gc?: () => void }).gc?.();
const { heapUsed, rss } = process.memoryUsage();
process.stdout.write(JSON.stringify({ ...result, heapUsed, rss }) + '\n');
