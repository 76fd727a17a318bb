/**
 * What the operations features need of both stores: concurrent accepts grouped into one commit keep
 * one event per idempotency key, parked claims come back later with no attempt spent, queue statistics
 * and readiness.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../src/store/embedded/embedded-store.js';
import { PgStore } from '../src/store/pg/pg-store.js';
import type { Store } from '../src/store/types.js';
import { delivery, event, integration, source } from './helpers/records.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';

const kinds = [
  {
    name: 'embedded',
    make: async () => new EmbeddedStore({ dataDir: await mkdtemp(join(tmpdir(), 'hookmap-ops-store-')) }),
  },
  {
    name: 'postgres',
    make: async () =>
      new PgStore({ databaseUrl: DATABASE_URL, schema: uniqueSchema('opsstore'), poolSize: 8 }),
  },
];

describe.each(kinds)('$name store', ({ name, make }) => {
  let store: Store;
  let available = true;
  beforeAll(async () => {
    store = await make();
    try {
      await store.init();
    } catch {
      available = false;
    }
  });
  afterAll(async () => {
    if (!available) return;
    await store.close();
    if (store instanceof PgStore) await dropSchema(store.schema);
    if (store instanceof EmbeddedStore)
      await rm((store as unknown as { options: { dataDir: string } }).options.dataDir, {
        recursive: true,
        force: true,
      });
  });

  it('keeps one event per idempotency key among 60 concurrent accepts', async (ctx) => {
    if (!available) ctx.skip(`PostgreSQL is not reachable at ${DATABASE_URL}`);
    const s = source();
    const i = integration(s.id);
    await store.putSource(s);
    await store.putIntegration(i);
    const inputs = Array.from({ length: 60 }, (_, n) => {
      const e = event(s.id, n % 3 === 0 ? `key-${n % 9}` : n % 3 === 1 ? `own-${n}` : null);
      return { event: e, deliveries: [delivery(e, i.id)] };
    });
    const results = await Promise.all(inputs.map((input) => store.acceptEvent(input)));
    const stored = results.filter((r) => !r.duplicate);
    expect(stored).toHaveLength(3 + 20 + 20); // key-0, key-3, key-6 once each; every own key; every keyless one
    for (const r of results.filter((x) => x.duplicate)) {
      expect(r.event.idempotencyKey).toMatch(/^key-/);
      expect(stored.some((x) => x.event.id === r.event.id)).toBe(true);
    }
    const pending = await store.listDeliveries({ integrationId: i.id, limit: 500 });
    expect(pending.items).toHaveLength(43);
    const stats = await store.queueStats();
    expect(stats.pending).toBeGreaterThanOrEqual(43);
    expect(stats.oldestPendingAt).not.toBeNull();
    await store.ping();
    console.log(
      `[${name}] accepts grouped: ${stored.length} stored, ${results.length - stored.length} duplicates`,
    );
  });

  it('parks claimed deliveries without spending an attempt, for their owner only', async (ctx) => {
    if (!available) ctx.skip(`PostgreSQL is not reachable at ${DATABASE_URL}`);
    const s = source();
    const i = integration(s.id);
    await store.putSource(s);
    await store.putIntegration(i);
    const e = event(s.id, null);
    const d = delivery(e, i.id);
    await store.acceptEvent({ event: e, deliveries: [d] });
    let claimed = await store.claimDue('me', 1_000, 60_000);
    expect(claimed.map((c) => c.delivery.id)).toContain(d.id);
    await store.deferClaims('someone-else', [
      { id: d.id, until: new Date(Date.now() + 60_000).toISOString() },
    ]);
    expect((await store.getDelivery(d.id))!.nextAttemptAt).toBe(d.nextAttemptAt);
    const until = new Date(Date.now() + 400).toISOString();
    await store.deferClaims('me', [{ id: d.id, until }]);
    claimed = await store.claimDue('other', 1_000, 60_000);
    expect(claimed.map((c) => c.delivery.id)).not.toContain(d.id);
    await new Promise((r) => setTimeout(r, 500));
    claimed = await store.claimDue('other', 1_000, 60_000);
    const back = claimed.find((c) => c.delivery.id === d.id);
    expect(back?.delivery.attemptCount).toBe(0);
    expect(back?.delivery.status).toBe('pending');
  });
});
