/**
 * One behaviour, two back-ends: every Store passes these tests (Hono's `common.case.test.ts` habit).
 * `reopen` gives a second store over the same data, as a restarted process would see it.
 */
import { describe, expect, it } from 'vitest';
import type { Attempt, Store } from '../src/store/types.js';
import { newId, nowIso } from '../src/ids.js';
import { delivery, event, integration, source } from './helpers/records.js';

export interface StoreHarness {
  open(): Promise<Store>;
  /** Close `store` and open the same data again. */
  reopen(store: Store): Promise<Store>;
}

function attemptFor(
  d: { id: string; integrationId: string; eventId: string },
  number: number,
  worker = 'w1',
): Attempt {
  return {
    id: newId('att'),
    deliveryId: d.id,
    integrationId: d.integrationId,
    eventId: d.eventId,
    number,
    startedAt: nowIso(),
    durationMs: 3,
    request: { method: 'POST', url: 'http://x/', headers: { a: 'b' }, body: '{}' },
    responseStatus: 500,
    responseHeaders: { 'retry-after': '1' },
    responseBody: 'oops',
    error: 'HTTP 500',
    outcome: 'retry',
    worker,
  };
}

async function seeded(store: Store, n = 1) {
  const s = source();
  await store.putSource(s);
  const i = integration(s.id);
  await store.putIntegration(i);
  const made = [];
  for (let k = 0; k < n; k++) {
    const e = event(s.id, `key-${k}`);
    const d = delivery(e, i.id);
    await store.acceptEvent({ event: e, deliveries: [d] });
    made.push({ e, d });
  }
  return { s, i, made };
}

export function runStoreContract(name: string, harness: StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    it('stores, updates, lists and deletes sources and integrations (key order of templates kept)', async () => {
      const store = await harness.open();
      const s = source({ secret: 'shh' });
      await store.putSource(s);
      await store.putSource({ ...s, name: 'renamed' });
      expect((await store.getSource(s.id))?.name).toBe('renamed');
      expect((await store.getSource(s.id))?.secret).toBe('shh');
      const i = integration(s.id, { secrets: { TOKEN: 't' } });
      await store.putIntegration(i);
      const got = await store.getIntegration(i.id);
      expect(got?.secrets).toEqual({ TOKEN: 't' });
      expect(Object.keys((got?.doc.body as { template: object }).template)).toEqual(['b', 'a']);
      expect((await store.listIntegrations(s.id)).map((x) => x.id)).toEqual([i.id]);
      expect(await store.listIntegrations('other')).toEqual([]);
      expect(await store.deleteIntegration(i.id)).toBe(true);
      expect(await store.deleteIntegration(i.id)).toBe(false);
      expect(await store.deleteSource(s.id)).toBe(true);
      expect(await store.getSource(s.id)).toBeNull();
      await store.close();
    });

    it('accepts an event once per idempotency key and keeps events without a key apart', async () => {
      const store = await harness.open();
      const { s, i, made } = await seeded(store);
      const first = made[0]!;
      const again = event(s.id, 'key-0');
      const dup = await store.acceptEvent({ event: again, deliveries: [delivery(again, i.id)] });
      expect(dup.duplicate).toBe(true);
      expect(dup.event.id).toBe(first.e.id);
      const a = event(s.id, null);
      const b = event(s.id, null);
      expect((await store.acceptEvent({ event: a, deliveries: [] })).duplicate).toBe(false);
      expect((await store.acceptEvent({ event: b, deliveries: [] })).duplicate).toBe(false);
      expect((await store.listDeliveries({ sourceId: s.id })).items).toHaveLength(1);
      expect((await store.listEvents({ sourceId: s.id })).items.map((e) => e.id)).toEqual([
        b.id,
        a.id,
        first.e.id,
      ]);
      expect((await store.getEvent(first.e.id))?.body).toBe(first.e.body);
      await store.close();
    });

    it('leases due work to one claimer at a time and lets an expired lease be claimed again', async () => {
      const store = await harness.open();
      await seeded(store, 3);
      const one = await store.claimDue('w1', 10, 150);
      expect(one).toHaveLength(3);
      expect(one[0]?.event.body).toContain('key-');
      expect(await store.claimDue('w2', 10, 150)).toHaveLength(0);
      await new Promise((r) => setTimeout(r, 200));
      expect(await store.claimDue('w2', 2, 10_000)).toHaveLength(2);
      await store.close();
    });

    it('records attempts, reschedules, finishes and retries deliveries', async () => {
      const store = await harness.open();
      const { i, made } = await seeded(store, 2);
      const [c] = await store.claimDue('w1', 1, 10_000);
      const d = c!.delivery;
      const later = new Date(Date.now() + 60_000).toISOString();
      await store.recordAttempt(attemptFor(d, 1), {
        status: 'pending',
        nextAttemptAt: later,
        lastStatus: 500,
        lastError: 'HTTP 500',
      });
      let after = await store.getDelivery(d.id);
      expect(after).toMatchObject({ status: 'pending', attemptCount: 1, lastStatus: 500 });
      const other = made.find((m) => m.d.id !== d.id)!.d;
      expect((await store.claimDue('w1', 10, 10_000)).map((x) => x.delivery.id)).toEqual([other.id]);
      await store.recordAttempt(
        { ...attemptFor(d, 2), outcome: 'failed' },
        { status: 'failed', nextAttemptAt: nowIso(), lastStatus: 400, lastError: 'HTTP 400' },
      );
      after = await store.getDelivery(d.id);
      expect(after).toMatchObject({ status: 'failed', attemptCount: 2 });
      const attempts = await store.listAttempts({ deliveryId: d.id });
      expect(attempts.items.map((a) => a.number)).toEqual([2, 1]);
      expect(attempts.items[1]).toMatchObject({
        responseBody: 'oops',
        request: { method: 'POST', headers: { a: 'b' } },
      });
      expect((await store.listAttempts({ integrationId: i.id, outcome: 'failed' })).items).toHaveLength(1);
      const retried = await store.retryDeliveries({ status: 'failed', integrationId: i.id }, 5, 100);
      expect(retried).toEqual([d.id]);
      expect(await store.getDelivery(d.id)).toMatchObject({ status: 'pending', maxAttempts: 7 });
      expect(await store.retryDeliveries({ ids: [] }, 5, 100)).toEqual([]);
      await store.close();
    });

    it('records the steps of a flow attempt for the lease holder only, extending its lease, and keeps them across a restart', async () => {
      let store = await harness.open();
      const { made } = await seeded(store, 1);
      const d = made[0]!.d;
      const [c] = await store.claimDue('w1', 1, 150);
      expect(c?.delivery.id).toBe(d.id);
      const find: Attempt = {
        ...attemptFor(d, 1),
        stepId: 'find',
        skipped: false,
        result: null,
        outcome: 'success',
        responseStatus: 200,
        error: null,
      };
      const create: Attempt = {
        ...attemptFor(d, 1),
        stepId: 'create',
        skipped: true,
        request: null,
        responseStatus: null,
        outcome: 'success',
        error: null,
      };
      expect(await store.recordStep(find, 10_000)).toBe(true);
      expect(await store.recordStep(create, 10_000)).toBe(true);
      // The lease was extended past its 150 ms: nobody else may claim the delivery mid-flow.
      await new Promise((r) => setTimeout(r, 200));
      expect(await store.claimDue('w2', 10, 10_000)).toEqual([]);
      expect(await store.recordStep({ ...attemptFor(d, 1), stepId: 'note', worker: 'w2' }, 10_000)).toBe(
        false,
      );
      expect(await store.getDelivery(d.id)).toMatchObject({ status: 'pending', attemptCount: 0 });
      const note: Attempt = { ...attemptFor(d, 1), stepId: 'note', result: { id: '42', tags: ['a'] } };
      await store.recordAttempt(note, {
        status: 'pending',
        nextAttemptAt: nowIso(),
        lastStatus: 500,
        lastError: 'HTTP 500',
      });
      expect(await store.getDelivery(d.id)).toMatchObject({ status: 'pending', attemptCount: 1 });
      // The lease is released: a step of a worker that no longer holds it is refused.
      expect(await store.recordStep({ ...attemptFor(d, 2), stepId: 'note' }, 10_000)).toBe(false);
      store = await harness.reopen(store);
      const rows = (await store.listAttempts({ deliveryId: d.id })).items.reverse();
      expect(rows.map((a) => [a.number, a.stepId, a.skipped, a.outcome])).toEqual([
        [1, 'find', false, 'success'],
        [1, 'create', true, 'success'],
        [1, 'note', undefined, 'retry'],
      ]);
      expect(rows[0]?.result ?? null).toBeNull();
      expect(rows[2]?.result).toEqual({ id: '42', tags: ['a'] });
      expect((await store.claimDue('w3', 10, 10_000)).map((x) => x.delivery.id)).toEqual([d.id]);
      await store.close();
    });

    it('filters and pages deliveries newest first', async () => {
      const store = await harness.open();
      const { s, made } = await seeded(store, 5);
      const page1 = await store.listDeliveries({ sourceId: s.id, limit: 2 });
      expect(page1.items.map((d) => d.id)).toEqual([made[4]!.d.id, made[3]!.d.id]);
      const page2 = await store.listDeliveries({ sourceId: s.id, limit: 2, before: page1.next! });
      expect(page2.items.map((d) => d.id)).toEqual([made[2]!.d.id, made[1]!.d.id]);
      const page3 = await store.listDeliveries({ sourceId: s.id, limit: 2, before: page2.next! });
      expect(page3).toEqual({ items: [made[0]!.d], next: null });
      expect((await store.listDeliveries({ status: 'failed', sourceId: s.id })).items).toEqual([]);
      expect((await store.listDeliveries({ eventId: made[1]!.e.id })).items.map((d) => d.id)).toEqual([
        made[1]!.d.id,
      ]);
      await store.close();
    });

    it('cancels pending work of an integration', async () => {
      const store = await harness.open();
      const { i } = await seeded(store, 2);
      expect(await store.cancelPending(i.id, 'integration disabled')).toBe(2);
      expect(await store.claimDue('w1', 10, 1000)).toEqual([]);
      expect((await store.listDeliveries({ integrationId: i.id, status: 'cancelled' })).items).toHaveLength(
        2,
      );
      await store.close();
    });

    it('keeps everything across a restart', async () => {
      let store = await harness.open();
      const { s, i, made } = await seeded(store, 2);
      const [c] = await store.claimDue('w1', 1, 10_000);
      await store.recordAttempt(
        { ...attemptFor(c!.delivery, 1), outcome: 'success', responseStatus: 200 },
        {
          status: 'succeeded',
          nextAttemptAt: nowIso(),
          lastStatus: 200,
          lastError: null,
        },
      );
      store = await harness.reopen(store);
      expect((await store.getSource(s.id))?.id).toBe(s.id);
      expect((await store.getIntegration(i.id))?.doc).toEqual(i.doc);
      expect((await store.getDelivery(c!.delivery.id))?.status).toBe('succeeded');
      const dup = event(s.id, 'key-1');
      expect((await store.acceptEvent({ event: dup, deliveries: [] })).duplicate).toBe(true);
      const due = await store.claimDue('w9', 10, 1000);
      expect(due.map((x) => x.delivery.id)).toEqual(
        made.filter((m) => m.d.id !== c!.delivery.id).map((m) => m.d.id),
      );
      await store.close();
    });

    it('stores versions with their integration, replay deliveries, and the version of each attempt, across a restart', async () => {
      let store = await harness.open();
      const { i, made } = await seeded(store, 1);
      const v1 = {
        id: `${i.id}@1`,
        integrationId: i.id,
        version: 1,
        doc: i.doc,
        createdAt: nowIso(),
        message: null,
        author: null,
      };
      await store.putIntegration({ ...i, version: 1 }, v1);
      const doc2 = { ...i.doc, name: 'second' };
      await store.putIntegration(
        { ...i, doc: doc2, version: 2 },
        { ...v1, id: `${i.id}@2`, version: 2, doc: doc2, message: 'rename' },
      );
      const replay = delivery(made[0]!.e, i.id, { version: 1, replay: true });
      await store.addDeliveries([replay]);
      store = await harness.reopen(store);
      expect((await store.getIntegration(i.id))?.version).toBe(2);
      expect(
        (await store.listIntegrationVersions(i.id)).map((v) => [v.version, v.message, v.doc.name]),
      ).toEqual([
        [1, null, 'sink'],
        [2, 'rename', 'second'],
      ]);
      expect((await store.getIntegrationVersion(i.id, 2))?.doc).toEqual(doc2);
      expect(await store.getIntegrationVersion(i.id, 3)).toBeNull();
      const stored = await store.getDelivery(replay.id);
      expect([stored?.replay, stored?.version, stored?.status]).toEqual([true, 1, 'pending']);
      const claimed = await store.claimDue('w1', 10, 10_000);
      const mine = claimed.find((c) => c.delivery.id === replay.id);
      expect(mine?.event.id).toBe(made[0]!.e.id);
      await store.recordAttempt(
        { ...attemptFor(replay, 1), version: 1, outcome: 'success', responseStatus: 200 },
        {
          status: 'succeeded',
          nextAttemptAt: nowIso(),
          lastStatus: 200,
          lastError: null,
        },
      );
      expect((await store.listAttempts({ deliveryId: replay.id })).items.map((a) => a.version)).toEqual([1]);
      expect(await store.deleteIntegration(i.id)).toBe(true);
      expect(await store.listIntegrationVersions(i.id)).toEqual([]);
      await store.close();
    });

    it('retention deletes old finished events with their deliveries and attempts, and nothing else', async () => {
      let store = await harness.open();
      const s = source();
      await store.putSource(s);
      const i = integration(s.id);
      await store.putIntegration(i);
      const old = new Date(Date.now() - 10 * 86_400_000).toISOString();
      const make = async (key: string, receivedAt: string, status: 'succeeded' | 'pending' | 'failed') => {
        const e = event(s.id, key, { receivedAt });
        const d = delivery(e, i.id, { status });
        await store.acceptEvent({ event: e, deliveries: [d] });
        const a = attemptFor(d, 1);
        if (status !== 'pending')
          await store.recordAttempt(a, { status, nextAttemptAt: nowIso(), lastStatus: 500, lastError: null });
        return { e, d, a };
      };
      const oldDone = await make('old-done', old, 'succeeded');
      const oldFailed = await make('old-failed', old, 'failed');
      const oldPending = await make('old-pending', old, 'pending');
      const recent = await make('recent', nowIso(), 'succeeded');
      const cutoff = new Date(Date.now() - 86_400_000).toISOString();
      expect(await store.purgeBefore(cutoff, 1)).toBe(1);
      expect(await store.purgeBefore(cutoff, 100)).toBe(1);
      expect(await store.purgeBefore(cutoff, 100)).toBe(0);
      for (const gone of [oldDone, oldFailed]) {
        expect(await store.getEvent(gone.e.id)).toBeNull();
        expect(await store.getDelivery(gone.d.id)).toBeNull();
        expect((await store.listAttempts({ deliveryId: gone.d.id })).items).toEqual([]);
      }
      for (const kept of [oldPending, recent]) {
        expect((await store.getEvent(kept.e.id))?.id).toBe(kept.e.id);
        expect((await store.getDelivery(kept.d.id))?.id).toBe(kept.d.id);
      }
      expect((await store.listAttempts({ deliveryId: recent.d.id })).items.map((a) => a.id)).toEqual([
        recent.a.id,
      ]);
      // A purged event's idempotency key is free again; a kept one still dedupes.
      expect((await store.acceptEvent({ event: event(s.id, 'old-done'), deliveries: [] })).duplicate).toBe(
        false,
      );
      expect((await store.acceptEvent({ event: event(s.id, 'recent'), deliveries: [] })).duplicate).toBe(
        true,
      );
      store = await harness.reopen(store);
      expect(await store.getEvent(oldFailed.e.id)).toBeNull();
      expect((await store.getEvent(oldPending.e.id))?.id).toBe(oldPending.e.id);
      const due = await store.claimDue('w1', 10, 1000);
      expect(due.map((x) => x.delivery.id)).toEqual([oldPending.d.id]);
      await store.close();
    });
  });
}
