/** Admin API: events, deliveries, attempts, retries and "Send test". */
import type { FastifyInstance } from 'fastify';
import type { Attempt, AttemptOutcome, Delivery, Store } from '../store/types.js';
import type { DeliveryWorker } from '../delivery/worker.js';
import { providers } from '@hookmap/providers';
import { findProvider } from '../delivery/render.js';
import { attemptsOf, stepChain } from '../delivery/flow-resume.js';
import { newId, nowIso } from '../ids.js';
import { asObject } from './input.js';
import { badRequest, HttpError, notFound } from './errors.js';
import { deliveryFilter, oneOf } from './delivery-filter.js';
import { attemptView, eventView } from './views.js';
import { Redactor } from '../redact.js';

const OUTCOMES: AttemptOutcome[] = ['success', 'retry', 'failed'];

export interface LogsDeps {
  store: Store;
  worker: DeliveryWorker;
  maxAttempts: number;
  leaseMs: number;
  onRetry: () => void;
}

type Query = Record<string, string | undefined>;

function listParams(q: Query) {
  return { limit: q.limit ? Number(q.limit) : undefined, before: q.before || undefined };
}

export function registerLogRoutes(app: FastifyInstance, deps: LogsDeps): void {
  const { store } = deps;

  app.get<{ Querystring: Query }>('/api/events', async (r) => {
    const page = await store.listEvents({ ...listParams(r.query), sourceId: r.query.sourceId || undefined });
    return { ...page, items: page.items.map(eventView) };
  });

  app.get<{ Params: { id: string } }>('/api/events/:id', async (r) => {
    const event = await store.getEvent(r.params.id);
    if (!event) throw notFound('event');
    const deliveries = await store.listDeliveries({ eventId: event.id, limit: 500 });
    return { ...eventView(event), deliveries: deliveries.items };
  });

  app.get<{ Querystring: Query }>('/api/deliveries', async (r) =>
    store.listDeliveries({ ...listParams(r.query), ...deliveryFilter(r.query) }),
  );

  app.get<{ Params: { id: string } }>('/api/deliveries/:id', async (r) => {
    const delivery = await store.getDelivery(r.params.id);
    if (!delivery) throw notFound('delivery');
    const attempts = await maskAttempts(store, await attemptsOf(store, delivery.id));
    // A flow's chain (SPEC §9): the latest row of each step, in order; empty for a single request.
    const steps = stepChain(attempts);
    return { ...delivery, attempts: [...attempts].reverse(), steps };
  });

  app.get<{ Querystring: Query }>('/api/attempts', async (r) => {
    const page = await store.listAttempts({
      ...listParams(r.query),
      deliveryId: r.query.deliveryId || undefined,
      integrationId: r.query.integrationId || undefined,
      eventId: r.query.eventId || undefined,
      outcome: oneOf(r.query.outcome, OUTCOMES, 'outcome'),
    });
    return { ...page, items: await maskAttempts(store, page.items) };
  });

  app.post<{ Params: { id: string } }>('/api/deliveries/:id/retry', async (r, reply) => {
    const delivery = await store.getDelivery(r.params.id);
    if (!delivery) throw notFound('delivery');
    if (delivery.status === 'pending')
      throw new HttpError(409, 'already_pending', 'delivery is already waiting for its next attempt');
    await assertDeliverable(store, delivery);
    const retried = await store.retryDeliveries({ ids: [delivery.id] }, deps.maxAttempts, 1);
    deps.onRetry();
    return reply.code(202).send({ retried, count: retried.length });
  });

  app.post('/api/deliveries/retry', async (r, reply) => {
    const body = asObject(r.body ?? {});
    const filter = deliveryFilter(body);
    if (!filter.ids && !filter.status) filter.status = 'failed';
    const limit = Math.min(typeof body.limit === 'number' ? body.limit : 1000, 10_000);
    const retried = await store.retryDeliveries(filter, deps.maxAttempts, limit);
    deps.onRetry();
    return reply.code(202).send({ retried, count: retried.length });
  });

  app.get('/api/providers', async () => ({
    items: providers.map((p) => ({
      id: p.id,
      name: p.name,
      signs: Boolean(p.verify),
      samples: p.samples.map((s) => ({ id: s.id, name: s.name, event: s.event })),
    })),
  }));

  app.post<{ Params: { id: string } }>('/api/integrations/:id/test', async (r) =>
    sendTest(deps, r.params.id, r.body),
  );
}

async function assertDeliverable(store: Store, delivery: Delivery): Promise<void> {
  const integration = await store.getIntegration(delivery.integrationId);
  if (!integration)
    throw new HttpError(409, 'integration_deleted', 'the integration of this delivery was deleted');
  if (!integration.active) {
    throw new HttpError(
      409,
      'integration_disabled',
      `the integration is disabled${integration.disabledReason ? ` (${integration.disabledReason})` : ''}; enable it first`,
    );
  }
}

/** The OSVI "Test" button: deliver a provider sample (or a given payload) once, now, and answer with the attempt. */
async function sendTest(deps: LogsDeps, integrationId: string, rawBody: unknown) {
  const integration = await deps.store.getIntegration(integrationId);
  if (!integration) throw notFound('integration');
  const source = await deps.store.getSource(integration.sourceId);
  const body = asObject(rawBody ?? {});
  const payload =
    body.payload !== undefined
      ? body.payload
      : await testPayload(deps.store, integration.sourceId, source?.provider ?? null, body.sampleId);
  const now = nowIso();
  const event = {
    id: newId('evt'),
    sourceId: integration.sourceId,
    idempotencyKey: null,
    body: JSON.stringify(payload),
    headers: {},
    receivedAt: now,
    test: true,
  };
  const delivery: Delivery = {
    id: newId('dlv'),
    eventId: event.id,
    integrationId: integration.id,
    sourceId: integration.sourceId,
    status: 'pending',
    attemptCount: 0,
    maxAttempts: 1,
    nextAttemptAt: now,
    lastStatus: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.acceptEvent({
    event,
    deliveries: [delivery],
    leaseOwner: deps.worker.id,
    leaseMs: deps.leaseMs,
  });
  const attempt = await deps.worker.attempt({ delivery, event }, { evenIfInactive: true });
  return { eventId: event.id, deliveryId: delivery.id, attempt };
}

/** A provider sample (the first, or `sampleId`), else the source's latest received event. */
async function testPayload(
  store: Store,
  sourceId: string,
  providerId: string | null,
  sampleId: unknown,
): Promise<unknown> {
  const provider = findProvider(providerId);
  if (provider && (sampleId !== undefined || provider.samples.length > 0)) {
    const sample =
      sampleId !== undefined ? provider.samples.find((s) => s.id === sampleId) : provider.samples[0];
    if (!sample) throw badRequest(`provider "${provider.id}" has no sample "${String(sampleId)}"`);
    return sample.payload;
  }
  const latest = (await store.listEvents({ sourceId, limit: 20 })).items.find((e) => !e.test);
  if (!latest)
    throw badRequest('no sample for this source yet: send {"payload": {...}} or receive one webhook first');
  return JSON.parse(latest.body) as unknown;
}

/**
 * Attempts are masked when recorded; they are masked again on the way out with their integration's
 * current secrets, so attempts recorded before a masking rule existed do not show what it now covers.
 */
async function maskAttempts(store: Store, attempts: Attempt[]): Promise<Attempt[]> {
  const redactors = new Map<string, Promise<Redactor>>();
  const redactorOf = (integrationId: string) => {
    let r = redactors.get(integrationId);
    if (!r) {
      r = store
        .getIntegration(integrationId)
        .then((i) => (i ? Redactor.forIntegration(i) : new Redactor([])));
      redactors.set(integrationId, r);
    }
    return r;
  };
  return Promise.all(attempts.map(async (a) => attemptView(a, await redactorOf(a.integrationId))));
}
