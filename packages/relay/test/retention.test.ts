/**
 * Retention through a running relay: delivered webhooks go once they are older than the retention
 * window, pending ones stay, and the timer runs by itself. Unit of the store side: store.contract.ts.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startTestRelay, sourceWithIntegration } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';
import { startSink } from './helpers/sink.js';
import type { Sink } from './helpers/sink.js';

const DAY = 86_400_000;
let sink: Sink;
let relay: TestRelay | null = null;

afterEach(async () => {
  await relay?.close();
  relay = null;
});
afterAll(async () => {
  await sink?.close();
});

async function deliveredOne(r: TestRelay): Promise<{ integrationId: string; eventId: string }> {
  sink ??= await startSink(() => ({ status: 200 }));
  const { sourceId, integrationId } = await sourceWithIntegration(r, sink.url);
  expect((await r.hook(sourceId, { id: 'e1' })).status).toBe(202);
  const done = await r.until(
    () => r.api('GET', `/api/deliveries?integrationId=${integrationId}`),
    (res) => res.body.items.length === 1 && res.body.items[0].status === 'succeeded',
  );
  return { integrationId, eventId: done.body.items[0].eventId };
}

describe('retention', () => {
  it('deletes delivered webhooks older than the window, with their deliveries and attempts', async () => {
    relay = await startTestRelay({ retentionDays: 7 });
    const { integrationId, eventId } = await deliveredOne(relay);
    expect(await relay.retention.purgeOnce(Date.now() + 6 * DAY)).toBe(0);
    expect((await relay.store.getEvent(eventId))?.id).toBe(eventId);
    expect(await relay.retention.purgeOnce(Date.now() + 8 * DAY)).toBe(1);
    expect(await relay.store.getEvent(eventId)).toBeNull();
    expect((await relay.api('GET', `/api/deliveries?integrationId=${integrationId}`)).body.items).toEqual([]);
    expect((await relay.store.listAttempts({ integrationId })).items).toEqual([]);
    expect(relay.logLines.some((l) => l.includes('retention: deleted old events'))).toBe(true);
  });

  it('keeps everything with retentionDays 0', async () => {
    relay = await startTestRelay({ retentionDays: 0 });
    const { eventId } = await deliveredOne(relay);
    expect(await relay.retention.purgeOnce(Date.now() + 1000 * DAY)).toBe(0);
    expect((await relay.store.getEvent(eventId))?.id).toBe(eventId);
  });

  it('runs on its own timer, and only after the delivery is done', async () => {
    // A window of a millisecond (in days) and a fast timer: the event goes without a call, but not
    // before its delivery reached the sink (pending work is never purged).
    relay = await startTestRelay({ retentionDays: 1 / DAY, retentionEveryMs: 50 });
    sink ??= await startSink(() => ({ status: 200 }));
    const before = sink.requests.length;
    const { sourceId } = await sourceWithIntegration(relay, sink.url);
    const ack = await relay.hook(sourceId, { id: 'timer' });
    expect(ack.status).toBe(202);
    const eventId = ack.body.eventId as string;
    await relay.until(
      () => relay!.store.getEvent(eventId),
      (e) => e === null,
      5_000,
    );
    expect(sink.requests.length).toBe(before + 1);
  });
});
