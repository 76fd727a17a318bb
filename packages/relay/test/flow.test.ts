/* eslint-disable @typescript-eslint/no-explicit-any -- tests read JSON answers loosely */
/**
 * Flows through the relay (SPEC §9), end to end against the CRM simulator on loopback: an Otter meeting
 * becomes a HubSpot note on the contact found by email — created when missing — each step an attempt
 * row; a failed note is retried from the note step (automatically, then in bulk), never creating the contact twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCrmSim } from '@hookmap/crm-sim';
import type { JsonValue } from '@hookmap/core';
import { startTestRelay } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { hubspotNoteFlow, otterMeeting, sent } from './helpers/flows.js';

const sim = await startCrmSim();
afterAll(() => sim.close());

const stores = [
  { name: 'embedded store', options: {} },
  { name: 'PostgreSQL store', options: { databaseUrl: DATABASE_URL, pgSchema: uniqueSchema('flow') } },
];

describe.each(stores)('flow deliveries into the CRM simulator ($name)', ({ options }) => {
  let relay: TestRelay;
  let sourceId: string;
  let integrationId: string;

  beforeAll(async () => {
    // The simulator compiles a target's schema on its first request: more than the default test deadline.
    relay = await startTestRelay({ ...options, timeoutMs: 5_000 });
    const source = await relay.api('POST', '/api/sources', {
      name: 'otter',
      provider: 'otter',
      verification: 'none',
    });
    sourceId = source.body.id;
    const integration = await relay.api('POST', '/api/integrations', {
      sourceId,
      doc: hubspotNoteFlow(sim),
      secrets: sim.secrets(),
    });
    expect(integration.status, integration.text).toBe(201);
    integrationId = integration.body.id;
  });
  afterAll(async () => {
    await relay.close();
    if (options.pgSchema) await dropSchema(options.pgSchema);
  });
  beforeEach(() => sim.reset());

  /** Send a meeting and wait until its delivery is no longer pending; the delivery with its chain. */
  async function deliver(meeting: JsonValue): Promise<any> {
    const ack = await relay.hook(sourceId, meeting);
    expect(ack.status).toBe(202);
    const event = await relay.until(
      () => relay.api('GET', `/api/events/${ack.body.eventId}`),
      (r) => r.body.deliveries.length === 1 && r.body.deliveries[0].status !== 'pending',
    );
    return (await relay.api('GET', `/api/deliveries/${event.body.deliveries[0].id}`)).body;
  }

  it('refuses a flow whose step reads a later step, with the pointer of the culprit', async () => {
    const flow = hubspotNoteFlow(sim, (f) => ({ ...f, steps: [f.steps[2]!, f.steps[0]!, f.steps[1]!] }));
    const res = await relay.api('POST', '/api/integrations', { sourceId, doc: flow });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('invalid_integration');
    expect(res.body.details.map((d: { path: string }) => d.path)).toContainEqual(
      expect.stringMatching(/^\/steps\/0\//),
    );
  });

  it('finds or creates the contact, then files the note on it; a second meeting finds the contact', async () => {
    const first = await deliver(otterMeeting('meeting-a'));
    expect(first.status).toBe('succeeded');
    const people = sim.people('hubspot');
    expect(people).toHaveLength(1);
    const contact = people[0]!;
    expect(contact.email).toBe('john@test.com');
    expect(sim.activities('hubspot').map((a) => a.personIds)).toEqual([[contact.id]]);
    // Every step an attempt row of attempt 1, in order, secrets masked; the chain says what each step found.
    expect(first.steps.map((s: any) => [s.stepId, s.number, s.skipped, s.responseStatus, s.outcome])).toEqual(
      [
        ['find', 1, false, 200, 'success'],
        ['create', 1, false, 201, 'success'],
        ['note', 1, false, 201, 'success'],
      ],
    );
    expect(first.steps[0].result ?? null).toBeNull();
    expect(first.steps[1].result).toBe(contact.id);
    expect(first.attempts).toHaveLength(3);
    for (const step of first.steps) {
      // The header's template reads a secret: masked whole (issue #12).
      expect(step.request.headers.authorization).toBe('[redacted]');
      expect(JSON.stringify(step)).not.toContain(sim.secrets().HUBSPOT_TOKEN);
    }
    expect(JSON.parse(first.steps[2].request.body).associations[0].to.id).toBe(contact.id);

    const second = await deliver(otterMeeting('meeting-b'));
    expect(second.status).toBe('succeeded');
    expect(second.steps.map((s: any) => [s.stepId, s.skipped, s.responseStatus])).toEqual([
      ['find', false, 200],
      ['create', true, null],
      ['note', false, 201],
    ]);
    expect(second.steps[0].result).toBe(contact.id);
    expect(sim.people('hubspot')).toHaveLength(1);
    expect(sim.activities('hubspot').map((a) => a.personIds)).toEqual([[contact.id], [contact.id]]);
    expect(sent(sim, 'hubspot.contact.create')).toEqual({ all: 1, ok: 1 });
    // The logs name each step of the chain (the last line is written once the attempt is recorded).
    const steps = async () =>
      relay.logLines
        .map((l) => JSON.parse(l))
        .filter((l) => l.deliveryId === second.id && l.msg === 'attempt')
        .map((l) => l.step);
    expect(await relay.until(steps, (s) => s.length === 3)).toEqual(['find', 'create', 'note']);
  });

  it("a step over the host's rate limit parks the delivery; it resumes at that step without spending an attempt", async () => {
    const source = await relay.api('POST', '/api/sources', {
      name: 'otter-limited',
      provider: 'otter',
      verification: 'none',
    });
    const limited = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: { ...hubspotNoteFlow(sim), rateLimit: { limit: 2, windowMs: 1_000 } },
      secrets: sim.secrets(),
    });
    expect(limited.status, limited.text).toBe(201);
    const ack = await relay.hook(source.body.id, otterMeeting('meeting-limited', 'limited@test.com'));
    const event = await relay.until(
      () => relay.api('GET', `/api/events/${ack.body.eventId}`),
      (r) => r.body.deliveries.length === 1 && r.body.deliveries[0].status !== 'pending',
    );
    const detail = (await relay.api('GET', `/api/deliveries/${event.body.deliveries[0].id}`)).body;
    expect(detail.status).toBe('succeeded');
    expect(detail.attempts.map((a: any) => [a.number, a.stepId]).reverse()).toEqual([
      [1, 'find'],
      [1, 'create'],
      [1, 'note'],
    ]);
    // The third request of a 2-per-second window waits: the note is parked after the create was recorded.
    const lines = relay.logLines.map((l) => JSON.parse(l)).filter((l) => l.deliveryId === detail.id);
    const created = lines.findIndex((l) => l.msg === 'attempt' && l.step === 'create');
    expect(created).toBeGreaterThanOrEqual(0);
    expect(lines.slice(created).some((l) => l.msg === 'delivery parked')).toBe(true);
    expect(sent(sim, 'hubspot.contact.search').all).toBe(1);
    expect(sent(sim, 'hubspot.contact.create').all).toBe(1);
    await relay.api('DELETE', `/api/sources/${source.body.id}`);
  });

  it('a step that cannot be rendered fails the delivery at that step, without retry, after the steps before it', async () => {
    const source = await relay.api('POST', '/api/sources', {
      name: 'otter-bad',
      provider: 'otter',
      verification: 'none',
    });
    const flow = hubspotNoteFlow(sim, (f) => ({
      ...f,
      steps: f.steps.map((s) => (s.id === 'note' ? { ...s, headers: { 'X-Meeting': '{{ data.id }}' } } : s)),
    }));
    const bad = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: flow,
      secrets: sim.secrets(),
    });
    expect(bad.status, bad.text).toBe(201);
    const ack = await relay.hook(source.body.id, otterMeeting('meeting\r\nX-Injected: 1', 'crlf@test.com'));
    const event = await relay.until(
      () => relay.api('GET', `/api/events/${ack.body.eventId}`),
      (r) => r.body.deliveries.length === 1 && r.body.deliveries[0].status !== 'pending',
    );
    const detail = (await relay.api('GET', `/api/deliveries/${event.body.deliveries[0].id}`)).body;
    expect(detail).toMatchObject({ status: 'failed', attemptCount: 1 });
    expect(detail.attempts.map((a: any) => [a.stepId, a.outcome]).reverse()).toEqual([
      ['find', 'success'],
      ['create', 'success'],
      ['note', 'failed'],
    ]);
    expect(detail.attempts[0]).toMatchObject({ request: null, responseStatus: null });
    expect(detail.lastError).toMatch(/^step "note": could not be rendered: /);
    expect(sent(sim, 'hubspot.note').all).toBe(0);
    await relay.api('DELETE', `/api/sources/${source.body.id}`);
  });

  it('"Send test" runs the whole flow now and answers with its last step', async () => {
    const res = await relay.api('POST', `/api/integrations/${integrationId}/test`, {
      payload: otterMeeting('meeting-test', 'test@test.com'),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.attempt).toMatchObject({
      stepId: 'note',
      responseStatus: 201,
      outcome: 'success',
      number: 1,
    });
    const detail = (await relay.api('GET', `/api/deliveries/${res.body.deliveryId}`)).body;
    expect(detail.steps.map((s: any) => s.stepId)).toEqual(['find', 'create', 'note']);
    expect(sim.people('hubspot').map((p) => p.email)).toEqual(['test@test.com']);
  });

  it('retries a failed note from the note step, automatically and in bulk, and never creates the contact twice', async () => {
    // Once: the automatic retry (backoff) resumes at the note.
    sim.fail('hubspot', { status: 500, preset: 'hubspot.note' });
    const retried = await deliver(otterMeeting('meeting-c', 'ada@test.com'));
    expect(retried.status).toBe('succeeded');
    expect(
      [...retried.attempts].reverse().map((a: any) => [a.number, a.stepId, a.responseStatus, a.outcome]),
    ).toEqual([
      [1, 'find', 200, 'success'],
      [1, 'create', 201, 'success'],
      [1, 'note', 500, 'retry'],
      [2, 'note', 201, 'success'],
    ]);
    expect(retried.steps.map((s: any) => [s.stepId, s.number])).toEqual([
      ['find', 1],
      ['create', 1],
      ['note', 2],
    ]);
    expect(sent(sim, 'hubspot.contact.search')).toEqual({ all: 1, ok: 1 });
    expect(sent(sim, 'hubspot.contact.create')).toEqual({ all: 1, ok: 1 });
    const [ada] = sim.people('hubspot');
    expect(sim.activities('hubspot').map((a) => a.personIds)).toEqual([[ada!.id]]);

    // Every attempt fails (3 allowed): the delivery fails; the admin's bulk retry resumes at the note.
    sim.reset();
    sim.fail('hubspot', { status: 503, preset: 'hubspot.note', times: 3 });
    const failed = await deliver(otterMeeting('meeting-d', 'grace@test.com'));
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toBe('step "note": HTTP 503');
    expect(sim.activities('hubspot')).toEqual([]);
    const bulk = await relay.api('POST', '/api/deliveries/retry', { integrationId, status: 'failed' });
    expect(bulk.body.retried).toEqual([failed.id]);
    const done = await relay.until(
      () => relay.api('GET', `/api/deliveries/${failed.id}`),
      (r) => r.body.status !== 'pending',
    );
    expect(done.body.status).toBe('succeeded');
    expect(done.body.steps.map((s: any) => [s.stepId, s.number, s.outcome])).toEqual(
      [
        ['find', 1],
        ['create', 1],
        ['note', 4],
      ].map(([id, n]) => [id, n, 'success']),
    );
    expect(sent(sim, 'hubspot.contact.search').all).toBe(1);
    expect(sent(sim, 'hubspot.contact.create')).toEqual({ all: 1, ok: 1 });
    expect(sent(sim, 'hubspot.note')).toEqual({ all: 4, ok: 1 });
    const [grace] = sim.people('hubspot');
    expect(grace?.email).toBe('grace@test.com');
    expect(sim.activities('hubspot').map((a) => a.personIds)).toEqual([[grace!.id]]);
  });
});
