/** SPEC §12 over the admin API: versions, rollback, plan over stored events, replay (single and bulk). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestRelay } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';
import { startSink } from './helpers/sink.js';
import type { Sink } from './helpers/sink.js';

let relay: TestRelay;
let sink: Sink;
let failing = false;

beforeAll(async () => {
  relay = await startTestRelay({ maxAttempts: 1 });
  sink = await startSink((req) =>
    req.url === '/slow'
      ? { status: 200, body: 'ok', delayMs: 300 }
      : failing
        ? { status: 500, body: 'down' }
        : { status: 200, body: '{"ok":true}', headers: { 'content-type': 'application/json' } },
  );
});
afterAll(async () => {
  await relay.close();
  await sink.close();
});

function doc(template: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    name: 'sink',
    method: 'POST',
    url: `${sink.url}/x`,
    body: { mode: 'template', template },
    ...extra,
  };
}

async function setup(template: Record<string, unknown>) {
  const source = await relay.api('POST', '/api/sources', { name: 'plain', provider: null });
  const created = await relay.api('POST', '/api/integrations', {
    sourceId: source.body.id,
    doc: doc(template),
    message: 'first',
  });
  expect(created.status).toBe(201);
  return { sourceId: source.body.id as string, id: created.body.id as string };
}

async function delivered(relay: TestRelay, eventId: string, count = 1) {
  return relay.until(
    () => relay.api('GET', `/api/deliveries?eventId=${eventId}`),
    (r) =>
      r.body.items.length >= count && r.body.items.every((d: { status: string }) => d.status !== 'pending'),
  );
}

describe('versions', () => {
  it('numbers every change of the document, keeps other changes in the same version, and rolls back as a new version', async () => {
    const { id } = await setup({ id: '{{ id }}' });
    expect((await relay.api('GET', `/api/integrations/${id}`)).body.version).toBe(1);
    expect(
      (await relay.api('PATCH', `/api/integrations/${id}`, { doc: doc({ id: '{{ id }}' }) })).body.version,
    ).toBe(1);
    const v2 = await relay.api('PATCH', `/api/integrations/${id}`, {
      doc: doc({ id: '{{ id }}', n: '{{ n }}' }),
      message: 'add n',
    });
    expect(v2.body.version).toBe(2);
    expect((await relay.api('PATCH', `/api/integrations/${id}`, { active: false })).body.version).toBe(2);
    await relay.api('PATCH', `/api/integrations/${id}`, { active: true });
    const list = await relay.api('GET', `/api/integrations/${id}/versions`);
    expect(list.body.live).toBe(2);
    expect(
      list.body.items.map((v: { version: number; message: string | null; live: boolean }) => [
        v.version,
        v.message,
        v.live,
      ]),
    ).toEqual([
      [1, 'first', false],
      [2, 'add n', true],
    ]);
    expect((await relay.api('GET', `/api/integrations/${id}/versions/1`)).body.doc.body.template).toEqual({
      id: '{{ id }}',
    });
    expect((await relay.api('GET', `/api/integrations/${id}/versions/9`)).status).toBe(404);
    const back = await relay.api('POST', `/api/integrations/${id}/rollback`, { version: 1 });
    expect(back.status).toBe(200);
    expect([back.body.version, back.body.doc.body.template]).toEqual([3, { id: '{{ id }}' }]);
    expect((await relay.api('GET', `/api/integrations/${id}/versions/3`)).body.message).toBe(
      'rollback to version 1',
    );
    expect((await relay.api('POST', `/api/integrations/${id}/rollback`, { version: 1 })).status).toBe(409);
    expect((await relay.api('POST', `/api/integrations/${id}/rollback`, { version: 7 })).status).toBe(404);
    expect((await relay.api('POST', `/api/integrations/${id}/rollback`, { version: 'one' })).status).toBe(
      400,
    );
  });

  it('records on each attempt the version it was rendered with', async () => {
    const { sourceId, id } = await setup({ id: '{{ id }}' });
    await relay.api('PATCH', `/api/integrations/${id}`, { doc: doc({ id: '{{ id }}', v: 2 }) });
    const hook = await relay.hook(sourceId, { id: 'a1' });
    await delivered(relay, hook.body.eventId);
    const attempts = await relay.api('GET', `/api/attempts?eventId=${hook.body.eventId}`);
    expect(attempts.body.items.map((a: { version: number }) => a.version)).toEqual([2]);
  });
});

describe('plan', () => {
  it('re-renders recent events with the live version and the new document, with counts and JSON Patch diffs', async () => {
    const { sourceId, id } = await setup({ id: '{{ id }}', n: '{{ n }}' });
    const ids: string[] = [];
    for (const [n, kind] of [
      [1, 'call'],
      [2, 'call'],
      [3, 'chat'],
    ] as const) {
      const r = await relay.hook(sourceId, { id: `e${n}`, n, kind });
      ids.push(r.body.eventId as string);
    }
    await Promise.all(ids.map((e) => delivered(relay, e)));
    const next = doc({ id: '{{ id }}', n: '{{ n | plus: 1 }}' }, { when: "{{ kind == 'call' }}" });
    const plan = await relay.api('POST', `/api/integrations/${id}/plan`, { doc: next });
    expect(plan.status).toBe(200);
    expect(plan.body.summary).toEqual({
      events: 3,
      changed: 3,
      unchanged: 0,
      newlyFailing: 0,
      fixed: 0,
      newlySkipped: 1,
      newlyIncluded: 0,
    });
    const byEvent = new Map(plan.body.items.map((i: { eventId: string }) => [i.eventId, i]));
    const first = byEvent.get(ids[0]!) as {
      before: { body: unknown; method: string };
      after: { body: unknown };
      diff: unknown[];
    };
    expect(first.before.method).toBe('POST');
    expect(first.before.body).toEqual({ id: 'e1', n: 1 });
    expect(first.after.body).toEqual({ id: 'e1', n: 2 });
    expect(first.diff).toEqual([{ op: 'replace', path: '/body/n', value: 2 }]);
    const chat = byEvent.get(ids[2]!) as { after: unknown; diff: { op: string; path: string }[] };
    expect(chat.after).toBeNull();
    expect(chat.diff).toEqual([{ op: 'replace', path: '', value: null }]);
    expect(plan.body.problems).toEqual({ appeared: [], disappeared: [] });
    const metrics = await (
      await fetch(`${relay.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).text();
    expect(metrics).toMatch(/hookmap_plans_total\{outcome="ok"\} [1-9]/);
    // The plan changed nothing: the live version is still the first.
    expect((await relay.api('GET', `/api/integrations/${id}`)).body.version).toBe(1);
  });

  it('counts documents that newly fail and fixes, honours limit, and refuses an invalid document with 422', async () => {
    const { sourceId, id } = await setup({ id: '{{ id }}' });
    const ids: string[] = [];
    for (const n of [1, 2])
      ids.push(
        (await relay.hook(sourceId, { id: `f${n}`, ...(n === 2 ? { name: 'Ann' } : {}) })).body
          .eventId as string,
      );
    await Promise.all(ids.map((e) => delivered(relay, e)));
    const strict = doc({ id: '{{ id }}', name: '{{ name | required }}' });
    const plan = await relay.api('POST', `/api/integrations/${id}/plan`, { doc: strict });
    expect(plan.body.summary).toMatchObject({ events: 2, changed: 2, newlyFailing: 1, fixed: 0 });
    const failed = plan.body.items.find((i: { eventId: string }) => i.eventId === ids[0]);
    expect(failed.after.error.code).toMatch(/^H\d+/);
    await relay.api('PATCH', `/api/integrations/${id}`, { doc: strict });
    const back = await relay.api('POST', `/api/integrations/${id}/plan`, {
      doc: doc({ id: '{{ id }}' }),
      limit: 1,
    });
    expect(back.body.summary).toMatchObject({ events: 1 });
    const all = await relay.api('POST', `/api/integrations/${id}/plan`, { doc: doc({ id: '{{ id }}' }) });
    expect(all.body.summary).toMatchObject({ events: 2, fixed: 1, newlyFailing: 0 });
    const invalid = await relay.api('POST', `/api/integrations/${id}/plan`, {
      doc: { url: 'https://x', body: { mode: 'template', template: { a: '{{ a | nope }}' } } },
    });
    expect(invalid.status).toBe(422);
    expect((await relay.api('POST', `/api/integrations/${id}/plan`, { doc: doc({}), limit: 0 })).status).toBe(
      400,
    );
  });

  it('lists the static-check problems a change adds and removes, typed by the provider', async () => {
    const source = await relay.api('POST', '/api/sources', { name: 'osvi', provider: 'osvi' });
    const good = doc({ name: '{{ data_capture.customer_name }}' });
    const created = await relay.api('POST', '/api/integrations', { sourceId: source.body.id, doc: good });
    const typo = doc({ name: '{{ data_captur.customer_name }}' });
    const plan = await relay.api('POST', `/api/integrations/${created.body.id}/plan`, { doc: typo });
    expect(plan.body.summary.events).toBe(0);
    expect(
      plan.body.problems.appeared.map((d: { code: string; path: string }) => [d.code.slice(0, 2), d.path]),
    ).toContainEqual(['H5', '/body/template/name']);
    expect(plan.body.problems.disappeared).toEqual([]);
    await relay.api('PATCH', `/api/integrations/${created.body.id}`, { doc: typo });
    const fix = await relay.api('POST', `/api/integrations/${created.body.id}/plan`, { doc: good });
    expect(fix.body.problems.disappeared.length).toBeGreaterThan(0);
  });
});

describe('replay', () => {
  it('replays one event through a chosen version as a new delivery marked as a replay', async () => {
    const { sourceId, id } = await setup({ v: 1, id: '{{ id }}' });
    const hook = await relay.hook(sourceId, { id: 'r1' });
    await delivered(relay, hook.body.eventId);
    await relay.api('PATCH', `/api/integrations/${id}`, { doc: doc({ v: 2, id: '{{ id }}' }) });
    const before = sink.requests.length;
    const r = await relay.api('POST', `/api/events/${hook.body.eventId}/replay`, {
      integrationId: id,
      version: 1,
    });
    expect(r.status).toBe(202);
    expect(r.body.count).toBe(1);
    const done = await delivered(relay, hook.body.eventId, 2);
    const replayed = done.body.items.find((d: { id: string }) => d.id === r.body.replayed[0]);
    expect([replayed.replay, replayed.version, replayed.status]).toEqual([true, 1, 'succeeded']);
    expect(JSON.parse(sink.requests[before]!.body)).toEqual({ v: 1, id: 'r1' });
    const attempts = await relay.api('GET', `/api/attempts?deliveryId=${replayed.id}`);
    expect(attempts.body.items[0].version).toBe(1);
    // The attempt's log line says it was a replay, and of which version (it is written just after the record).
    await relay.until(
      async () => relay.logLines.find((l) => l.includes(replayed.id) && l.includes('"replay":true')),
      (line) => !!line && line.includes('"version":1'),
    );
    expect(
      (await relay.api('POST', `/api/events/${hook.body.eventId}/replay`, { integrationId: id, version: 5 }))
        .status,
    ).toBe(404);
    expect((await relay.api('POST', `/api/events/${hook.body.eventId}/replay`, {})).status).toBe(400);
    expect((await relay.api('POST', '/api/events/evt_nope/replay', { integrationId: id })).status).toBe(404);
  });

  it('does not create a second replay of an event while one waits', async () => {
    const { sourceId, id } = await setup({ id: '{{ id }}' });
    const hook = await relay.hook(sourceId, { id: 's1' });
    await delivered(relay, hook.body.eventId);
    await relay.api('PATCH', `/api/integrations/${id}`, {
      doc: { ...doc({ id: '{{ id }}' }), url: `${sink.url}/slow` },
    });
    const [a, b] = await Promise.all([
      relay.api('POST', `/api/events/${hook.body.eventId}/replay`, { integrationId: id }),
      new Promise((r) => setTimeout(r, 50)).then(() =>
        relay.api('POST', `/api/events/${hook.body.eventId}/replay`, { integrationId: id }),
      ),
    ]);
    expect([a.body.count, b.body.count, b.body.duplicates]).toEqual([1, 0, 1]);
    await delivered(relay, hook.body.eventId, 2);
    // Once it is sent, a new replay is a new delivery again.
    expect(
      (await relay.api('POST', `/api/events/${hook.body.eventId}/replay`, { integrationId: id })).body.count,
    ).toBe(1);
  });

  it('replays failed deliveries in bulk through the live version', async () => {
    const { sourceId, id } = await setup({ id: '{{ id }}' });
    failing = true;
    const events = [];
    try {
      for (const n of [1, 2, 3])
        events.push((await relay.hook(sourceId, { id: `b${n}` })).body.eventId as string);
      await Promise.all(events.map((e) => delivered(relay, e)));
    } finally {
      failing = false;
    }
    await relay.api('PATCH', `/api/integrations/${id}`, { doc: doc({ id: '{{ id }}', fixed: true }) });
    const r = await relay.api('POST', '/api/events/replay', { integrationId: id, status: 'failed' });
    expect(r.status).toBe(202);
    expect(r.body.count).toBe(3);
    for (const e of events) {
      const d = await delivered(relay, e, 2);
      const replay = d.body.items.find((x: { replay?: boolean }) => x.replay);
      expect(replay.status).toBe('succeeded');
    }
    const bodies = sink.requests.slice(-3).map((q) => JSON.parse(q.body));
    expect(bodies.every((b) => b.fixed === true)).toBe(true);
  });
});
