/**
 * Graceful stop (SPEC §13): a burst of webhooks, SIGTERM half-way, a restart; the relay answers 503
 * with Retry-After once stopping, exits 0 after logging, and every webhook it acknowledged reaches the
 * sink exactly once (the sender sends again what was not acknowledged, as providers do).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall, spawnRelay, type ChildRelay } from './helpers/child.js';
import { startSink } from './helpers/sink.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { sourceWithIntegration, startTestRelay } from './helpers/relay.js';
import { EmbeddedStore } from '../src/store/embedded/embedded-store.js';

const TOKEN = 'shutdown-test-token';
const N = 400;

interface Answer {
  status: number;
  retryAfter: string | null;
}

/** POST each id once with bounded concurrency to `url()`; `after(i)` runs after each answer. */
async function burst(
  url: () => string,
  ids: string[],
  onAnswer: (a: Answer) => void = () => undefined,
): Promise<Answer[]> {
  const answers: Answer[] = new Array(ids.length);
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const i = next++;
      try {
        const res = await fetch(url(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': ids[i]! },
          body: JSON.stringify({ id: ids[i] }),
        });
        await res.arrayBuffer();
        answers[i] = { status: res.status, retryAfter: res.headers.get('retry-after') };
      } catch {
        answers[i] = { status: 0, retryAfter: null };
      }
      onAnswer(answers[i]!);
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
  return answers;
}

const variants = [
  { name: 'embedded store', pg: false },
  { name: 'PostgreSQL', pg: true },
];

describe.each(variants)('SIGTERM during a burst ($name)', ({ pg: usePg }) => {
  const children: ChildRelay[] = [];
  const schema = uniqueSchema('stop');
  let dataDir = '';
  let available = true;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hookmap-stop-'));
    if (!usePg) return;
    const client = new pg.Client({ connectionString: DATABASE_URL });
    available = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => undefined);
  });
  afterAll(async () => {
    for (const c of children) await c.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (usePg && available) await dropSchema(schema);
  });

  it(
    'stops accepting, finishes in-flight attempts, exits 0, and delivers every accepted webhook exactly once',
    { timeout: 120_000 },
    async (ctx) => {
      if (!available) ctx.skip(`PostgreSQL is not reachable at ${DATABASE_URL}`);
      const env: Record<string, string> = {
        HOOKMAP_ADMIN_TOKEN: TOKEN,
        HOOKMAP_ALLOW_PRIVATE: '127.0.0.1',
        HOOKMAP_POLL_MS: '20',
        HOOKMAP_CONCURRENCY: '8',
        HOOKMAP_SHUTDOWN_MS: '8000',
        HOOKMAP_LOG_LEVEL: 'info',
        ...(usePg ? { DATABASE_URL, HOOKMAP_PG_SCHEMA: schema } : { HOOKMAP_DATA_DIR: dataDir }),
      };
      const seen = new Map<string, number>();
      const sink = await startSink((req) => {
        const id = (JSON.parse(req.body) as { id: string }).id;
        seen.set(id, (seen.get(id) ?? 0) + 1);
        return { status: 200, delayMs: 20 }; // slow enough that attempts are in flight at the signal
      });
      try {
        const first = await spawnRelay(env);
        children.push(first);
        const stopHook = (
          await adminCall(first.url, TOKEN, 'POST', '/api/sources', { id: 'stop', provider: null })
        ).hookPath as string;
        await adminCall(first.url, TOKEN, 'POST', '/api/integrations', {
          sourceId: 'stop',
          doc: { url: `${sink.url}/in`, body: { mode: 'template', template: { id: '{{id}}' } } },
        });
        const exited = new Promise<number | null>((resolve) =>
          first.proc.once('exit', (code) => resolve(code)),
        );
        const ids = Array.from({ length: N }, (_, i) => `st-${i}`);
        let acks = 0;
        const round1 = await burst(
          () => `${first.url}${stopHook}`,
          ids,
          (a) => {
            if (a.status === 202 && ++acks === N / 2) first.proc.kill('SIGTERM');
          },
        );
        expect(await exited).toBe(0);
        const refused = round1.filter((a) => a.status === 503);
        expect(round1.filter((a) => a.status === 202).length).toBeGreaterThanOrEqual(N / 2);
        for (const a of refused) expect(a.retryAfter).toMatch(/^\d+$/);
        const logged = first.stderr.map((l) => JSON.parse(l) as { msg: string; released?: number });
        expect(logged.map((l) => l.msg)).toEqual(
          expect.arrayContaining([
            'signal received: stopping',
            'relay stopping: no new webhooks, finishing attempts in flight',
            'relay stopped',
          ]),
        );
        expect(logged.find((l) => l.msg === 'relay stopped')!.released).toBe(0);

        const second = await spawnRelay(env);
        children.push(second);
        const resend = ids.filter((_, i) => round1[i]!.status !== 202 && round1[i]!.status !== 200);
        const round2 = await burst(() => `${second.url}${stopHook}`, resend);
        expect(round2.every((a) => a.status === 202 || a.status === 200)).toBe(true);

        const deadline = Date.now() + 60_000;
        while (seen.size < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        console.log(
          `[stop ${usePg ? 'pg' : 'embedded'}] accepted before SIGTERM: ${N - resend.length}, refused with 503: ${refused.length}, cut: ${resend.length - refused.length}`,
        );
        expect(ids.filter((id) => !seen.has(id))).toEqual([]);
        expect([...seen].filter(([, n]) => n !== 1)).toEqual([]);
      } finally {
        await sink.close();
      }
    },
  );
});

it(
  'releases attempts still in flight at the deadline: recorded, due again at once',
  { timeout: 30_000 },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hookmap-release-'));
    const hanging = await startSink(() => 'hang');
    try {
      const relay = await startTestRelay({ dataDir: dir, timeoutMs: 20_000, shutdownMs: 300 });
      const { sourceId, integrationId } = await sourceWithIntegration(relay, `${hanging.url}/in`);
      for (const n of [1, 2, 3]) expect((await relay.hook(sourceId, { id: `h${n}`, n })).status).toBe(202);
      await hanging.waitFor(3);
      const started = Date.now();
      await relay.close();
      expect(Date.now() - started).toBeLessThan(5_000);
      const stopped = relay.logLines
        .map((l) => JSON.parse(l) as { msg: string; released?: number })
        .find((l) => l.msg === 'relay stopped');
      expect(stopped?.released).toBe(3);

      const store = new EmbeddedStore({ dataDir: dir });
      await store.init();
      try {
        const { items } = await store.listDeliveries({ integrationId });
        expect(items.map((d) => d.status)).toEqual(['pending', 'pending', 'pending']);
        for (const d of items) expect(Date.parse(d.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
        const attempts = await store.listAttempts({ integrationId });
        expect(attempts.items.map((a) => [a.outcome, a.error])).toEqual(
          Array(3).fill(['retry', 'interrupted: the relay was stopping']),
        );
      } finally {
        await store.close();
      }
    } finally {
      await hanging.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
);
