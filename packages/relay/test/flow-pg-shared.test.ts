/* eslint-disable @typescript-eslint/no-explicit-any -- tests read JSON answers loosely */
/**
 * Two relays on one PostgreSQL database deliver flows together (SPEC §9): each delivery, and each
 * resumed retry of it, is claimed by one relay at a time, so every contact is created once and every
 * note filed once, whichever relay took the first attempt and whichever the retry.
 */
import { afterAll, expect, it } from 'vitest';
import { startCrmSim } from '@hookmap/crm-sim';
import { startTestRelay } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { hubspotNoteFlow, otterMeeting, sent } from './helpers/flows.js';

const sim = await startCrmSim();
const schema = uniqueSchema('flowshared');
const relays: TestRelay[] = [];
afterAll(async () => {
  for (const r of relays) await r.close();
  await dropSchema(schema);
  await sim.close();
});

it(
  'two relays on PostgreSQL resume each failed flow once: one create per contact, one note per meeting',
  { timeout: 60_000 },
  async () => {
    const options = {
      databaseUrl: DATABASE_URL,
      pgSchema: schema,
      timeoutMs: 5_000,
      maxAttempts: 5,
      configCacheMs: 0,
      // Eight 503s from one host would open its circuit and park the retries for the cool-down:
      // not what this test is about (isolation.test.ts is).
      breakerFailures: 1000,
    };
    const a = await startTestRelay(options);
    relays.push(a);
    const b = await startTestRelay(options);
    relays.push(b);
    const source = await a.api('POST', '/api/sources', {
      id: 'otter',
      name: 'otter',
      provider: 'otter',
      verification: 'none',
    });
    // Either relay accepts on the path (and token) the source was given.
    const post = (relay: TestRelay, body: unknown) =>
      fetch(relay.url + (source.body.hookPath as string), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const integration = await a.api('POST', '/api/integrations', {
      sourceId: 'otter',
      doc: hubspotNoteFlow(sim),
      secrets: sim.secrets(),
    });
    expect(integration.status, integration.text).toBe(201);
    const N = 12;
    // The first 8 notes fail: their retries go back to the store, for either relay to claim.
    sim.fail('hubspot', { status: 503, preset: 'hubspot.note', times: 8 });
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        post(i % 2 ? a : b, otterMeeting(`meeting-${i}`, `person${i}@test.com`)).then((r) =>
          expect(r.status).toBe(202),
        ),
      ),
    );
    const done = await a.until(
      () => a.api('GET', `/api/deliveries?integrationId=${integration.body.id}&limit=100`),
      (r) => r.body.items.length === N && r.body.items.every((d: any) => d.status !== 'pending'),
      45_000,
    );
    expect(done.body.items.map((d: any) => d.status)).toEqual(Array(N).fill('succeeded'));
    expect(sent(sim, 'hubspot.contact.search').all).toBe(N);
    expect(sent(sim, 'hubspot.contact.create')).toEqual({ all: N, ok: N });
    expect(sent(sim, 'hubspot.note')).toEqual({ all: N + 8, ok: N });
    const people = sim.people('hubspot');
    expect(new Set(people.map((p) => p.email)).size).toBe(N);
    expect(sim.activities('hubspot').map((x) => x.personIds.length)).toEqual(Array(N).fill(1));
    const workers = new Set<string>();
    for (const d of done.body.items) {
      const detail = (await a.api('GET', `/api/deliveries/${d.id}`)).body;
      const rows = detail.attempts as any[];
      expect(rows.filter((r) => r.stepId === 'find')).toHaveLength(1);
      expect(rows.filter((r) => r.stepId === 'create')).toHaveLength(1);
      expect(detail.steps.map((s: any) => s.stepId)).toEqual(['find', 'create', 'note']);
      for (const r of rows) workers.add(r.worker);
    }
    expect(workers).toEqual(new Set([a.worker.id, b.worker.id]));
  },
);
