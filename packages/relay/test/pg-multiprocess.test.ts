/**
 * Two relay processes on one PostgreSQL schema: the work is shared and no attempt is made twice.
 * The sink sees `x-hookmap-delivery` and `x-hookmap-attempt` on every request, so a repeat would show.
 */
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { adminCall, sendWebhooks, spawnRelay } from './helpers/child.js';
import type { ChildRelay } from './helpers/child.js';
import { startSink } from './helpers/sink.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { mostInWindow } from './helpers/windows.js';

const TOKEN = 'pg-test-token';
const N = 300;
const schema = uniqueSchema('multi');
const children: ChildRelay[] = [];

afterAll(async () => {
  for (const c of children) await c.stop();
  await dropSchema(schema);
});

it('shares deliveries between two relays without making any attempt twice', { timeout: 60_000 }, async () => {
  const env = {
    DATABASE_URL,
    HOOKMAP_PG_SCHEMA: schema,
    HOOKMAP_ADMIN_TOKEN: TOKEN,
    HOOKMAP_ALLOW_PRIVATE: '127.0.0.1',
    HOOKMAP_BACKOFF_BASE_MS: '30',
    HOOKMAP_POLL_MS: '20',
    HOOKMAP_CONCURRENCY: '8',
  };
  const attemptsSeen = new Map<string, number>();
  const okIds = new Set<string>();
  const sink = await startSink((req) => {
    const key = `${String(req.headers['x-hookmap-delivery'])}#${String(req.headers['x-hookmap-attempt'])}`;
    attemptsSeen.set(key, (attemptsSeen.get(key) ?? 0) + 1);
    const id = (JSON.parse(req.body) as { id: string }).id;
    // every fifth webhook fails on its first attempt, so retries are shared too
    if (Number(id.slice(3)) % 5 === 0 && req.headers['x-hookmap-attempt'] === '1') return { status: 503 };
    okIds.add(id);
    return { status: 200, delayMs: 3 };
  });
  try {
    const [a, b] = await Promise.all([
      spawnRelay({ ...env, HOOKMAP_WORKER_ID: 'relay-a' }),
      spawnRelay({ ...env, HOOKMAP_WORKER_ID: 'relay-b' }),
    ]);
    children.push(a!, b!);
    const sharedHook = (
      await adminCall(a!.url, TOKEN, 'POST', '/api/sources', { id: 'shared', provider: null })
    ).hookPath as string;
    await adminCall(b!.url, TOKEN, 'POST', '/api/integrations', {
      sourceId: 'shared',
      doc: { url: `${sink.url}/in`, body: { mode: 'template', template: { id: '{{id}}' } } },
    });
    const ids = Array.from({ length: N }, (_, i) => `pg-${i}`);
    const statuses = await sendWebhooks((i) => `${i % 2 ? a!.url : b!.url}${sharedHook}`, ids);
    expect(statuses.every((s) => s === 202)).toBe(true);

    const deadline = Date.now() + 40_000;
    while (okIds.size < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(okIds.size).toBe(N);
    const repeated = [...attemptsSeen].filter(([, n]) => n > 1);
    expect(repeated).toEqual([]);
    expect(attemptsSeen.size).toBe(N + N / 5);

    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const byWorker = await client.query(
        `SELECT worker, count(*)::int AS n FROM ${schema}.attempts GROUP BY worker ORDER BY worker`,
      );
      const counts = Object.fromEntries(
        byWorker.rows.map((r: { worker: string; n: number }) => [r.worker, r.n]),
      );
      console.log(
        `[pg] attempts per process: ${JSON.stringify(counts)}; sink requests: ${sink.requests.length}`,
      );
      expect(Object.keys(counts).sort()).toEqual(['relay-a', 'relay-b']);
      expect((counts['relay-a'] ?? 0) + (counts['relay-b'] ?? 0)).toBe(N + N / 5);
      const pending = await client.query(
        `SELECT count(*)::int AS n FROM ${schema}.deliveries WHERE status <> 'succeeded'`,
      );
      expect(pending.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  } finally {
    await sink.close();
  }
});

it(
  'keeps a rate limit across two relays: one window shared through PostgreSQL',
  { timeout: 60_000 },
  async () => {
    const rateSchema = uniqueSchema('multirate');
    const env = {
      DATABASE_URL,
      HOOKMAP_PG_SCHEMA: rateSchema,
      HOOKMAP_ADMIN_TOKEN: TOKEN,
      HOOKMAP_ALLOW_PRIVATE: '127.0.0.1',
      HOOKMAP_POLL_MS: '20',
      HOOKMAP_CONCURRENCY: '8',
    };
    const seen = new Map<string, number>();
    const sink = await startSink((req) => {
      const id = (JSON.parse(req.body) as { id: string }).id;
      seen.set(id, (seen.get(id) ?? 0) + 1);
      return { status: 200 };
    });
    const pair: ChildRelay[] = [];
    try {
      pair.push(
        ...(await Promise.all([
          spawnRelay({ ...env, HOOKMAP_WORKER_ID: 'rate-a' }),
          spawnRelay({ ...env, HOOKMAP_WORKER_ID: 'rate-b' }),
        ])),
      );
      const [a, b] = pair as [ChildRelay, ChildRelay];
      const limitedHook = (
        await adminCall(a.url, TOKEN, 'POST', '/api/sources', { id: 'limited', provider: null })
      ).hookPath as string;
      await adminCall(a.url, TOKEN, 'POST', '/api/integrations', {
        sourceId: 'limited',
        doc: {
          url: `${sink.url}/in`,
          body: { mode: 'template', template: { id: '{{id}}' } },
          rateLimit: { limit: 4, windowMs: 2_000 },
        },
      });
      const ids = Array.from({ length: 16 }, (_, i) => `rl-${i}`);
      const statuses = await sendWebhooks((i) => `${i % 2 ? a.url : b.url}${limitedHook}`, ids, 8);
      expect(statuses.every((s) => s === 202)).toBe(true);
      await sink.waitFor(16, 40_000);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      // Each relay alone would let 4 per window through; together they still let 4 through. Arrival times
      // jitter against the moments the relays took their slots (a loaded machine): a slightly shorter window.
      const times = sink.requests.map((r) => r.at);
      expect(mostInWindow(times, 2_000 - 300)).toBeLessThanOrEqual(4);
      expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(3 * 2_000 - 300);
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        const byWorker = await client.query(
          `SELECT DISTINCT worker FROM ${rateSchema}.attempts ORDER BY worker`,
        );
        expect(byWorker.rows.map((r: { worker: string }) => r.worker)).toEqual(['rate-a', 'rate-b']);
      } finally {
        await client.end();
      }
    } finally {
      for (const c of pair) await c.stop();
      await sink.close();
      await dropSchema(rateSchema);
    }
  },
);
