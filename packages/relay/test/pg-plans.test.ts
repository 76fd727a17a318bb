/**
 * The per-webhook statements keep using the indexes once the tables grow. A session caches a plan
 * made while the tables were nearly empty; one that scanned the whole deliveries table for every
 * batch of attempt records went unnoticed until the benchmark (900 rows read per webhook). Here the
 * store's sessions plan while the tables are empty, the tables then grow by 40 000 rows, and the same
 * sessions accept, claim and record 60 more webhooks: PostgreSQL's own counters must show index
 * lookups, not scans of 40 000 rows per statement.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../src/store/pg/pg-store.js';
import type { Attempt, EventRecord, IntegrationRecord } from '../src/store/types.js';
import { newId, nowIso } from '../src/ids.js';
import { delivery, event, integration, source } from './helpers/records.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';

const GROWN = 40_000;
const schema = uniqueSchema('plans');
let store: PgStore;
let available = true;

beforeAll(async () => {
  store = new PgStore({ databaseUrl: DATABASE_URL, schema, poolSize: 8 });
  try {
    await store.init();
  } catch {
    available = false;
  }
});

afterAll(async () => {
  if (!available) return;
  await store.close().catch(() => undefined);
  await dropSchema(schema);
});

function attempt(e: EventRecord, deliveryId: string, i: IntegrationRecord, worker: string): Attempt {
  return {
    id: newId('att'),
    deliveryId,
    integrationId: i.id,
    eventId: e.id,
    number: 1,
    startedAt: nowIso(),
    durationMs: 1,
    request: { method: 'POST', url: 'http://127.0.0.1:9/x', headers: {}, body: '{}' },
    responseStatus: 200,
    responseHeaders: {},
    responseBody: '',
    error: null,
    outcome: 'success',
    worker,
  };
}

/** One webhook through accept, claim and the attempt record, as the worker does when it polls. */
async function cycle(sourceId: string, i: IntegrationRecord, worker: string): Promise<void> {
  const e = event(sourceId, newId('key'));
  await store.acceptEvent({ event: e, deliveries: [delivery(e, i.id)] });
  const claimed = await store.claimDue(worker, 10, 60_000);
  for (const c of claimed) {
    await store.recordAttempt(attempt(c.event, c.delivery.id, i, worker), {
      status: 'succeeded',
      nextAttemptAt: nowIso(),
      lastStatus: 200,
      lastError: null,
    });
  }
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL plans on grown tables', () => {
  it('reads deliveries and events by index after the tables grow under the same sessions', async (ctx) => {
    if (!available) ctx.skip(`PostgreSQL is not reachable at ${DATABASE_URL}`);
    const s = source();
    const i = integration(s.id);
    await store.putSource(s);
    await store.putIntegration(i);
    // Empty tables: each session plans (and would cache) its statements now.
    for (let n = 0; n < 40; n++) await cycle(s.id, i, 'w1');
    await Promise.all(Array.from({ length: 8 }, () => cycle(s.id, i, 'w1')));

    await query(
      `INSERT INTO events (id, source_id, idempotency_key, body, headers, received_at, test)
         SELECT 'bulk_e' || g, $1, NULL, '{}', '{}', now(), false FROM generate_series(1, ${GROWN}) g`,
      [s.id],
    );
    await query(
      `INSERT INTO deliveries (id, event_id, integration_id, source_id, status, attempt_count, max_attempts,
                               next_attempt_at, created_at, updated_at)
         SELECT 'bulk_d' || g, 'bulk_e' || g, $2, $1, 'succeeded', 1, 3, now(), now(), now()
         FROM generate_series(1, ${GROWN}) g`,
      [s.id, i.id],
    );
    const webhooks = 60;
    for (let n = 0; n < webhooks; n++) await cycle(s.id, i, 'w1');

    // A session reports its counters when it ends: close the store, then wait for them to arrive.
    await store.close();
    const expected = 48 + webhooks;
    let stats: { relname: string; seq_tup_read: string; n_tup_upd: string }[] = [];
    for (let wait = 0; wait < 100; wait++) {
      stats = await query(
        `SELECT relname, seq_tup_read, n_tup_upd FROM pg_stat_user_tables
          WHERE schemaname = $1 AND relname IN ('deliveries', 'events')`,
        [schema],
      );
      const deliveries = stats.find((r) => r.relname === 'deliveries');
      // Each webhook's delivery is updated twice: leased by the claim, then delivered.
      if (Number(deliveries?.n_tup_upd ?? 0) >= 2 * expected) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const delivered = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded' AND id NOT LIKE 'bulk_%'`,
    );
    expect(delivered[0]!.n).toBe(expected);
    const read = Object.fromEntries(stats.map((r) => [r.relname, Number(r.seq_tup_read)]));
    expect(Number(stats.find((r) => r.relname === 'deliveries')?.n_tup_upd)).toBeGreaterThanOrEqual(
      2 * expected,
    );
    // One whole-table scan per statement after the growth would read 60 × 40 000 rows; while the
    // tables were small, scans read at most a few thousand.
    expect(read.deliveries).toBeLessThan(GROWN);
    expect(read.events).toBeLessThan(GROWN);
  });
});
