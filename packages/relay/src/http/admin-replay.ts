/**
 * Admin API for SPEC §12: replay stored events as new deliveries (marked as replays), through the live
 * version or a chosen one. A replay waiting to be sent is not created twice.
 */
import type { FastifyInstance } from 'fastify';
import type { Delivery, IntegrationRecord, Store } from '../store/types.js';
import { newId, nowIso } from '../ids.js';
import { asObject } from './input.js';
import { badRequest, HttpError, notFound } from './errors.js';
import { deliveryFilter } from './delivery-filter.js';
import type { RelayMetrics } from '../metrics.js';

export interface ReplayDeps {
  store: Store;
  maxAttempts: number;
  onReplay: () => void;
  metrics?: RelayMetrics;
}

interface Target {
  integration: IntegrationRecord;
  version: number | null;
}

export function registerReplayRoutes(app: FastifyInstance, deps: ReplayDeps): void {
  const { store } = deps;

  app.post<{ Params: { id: string } }>('/api/events/:id/replay', async (request, reply) => {
    const body = asObject(request.body ?? {});
    const event = await store.getEvent(request.params.id);
    if (!event) throw notFound('event');
    if (typeof body.integrationId !== 'string' || !body.integrationId)
      throw badRequest('"integrationId" is required');
    const target = await replayTarget(store, body.integrationId, body.version);
    if (target.integration.sourceId !== event.sourceId) {
      throw new HttpError(
        422,
        'other_source',
        `event ${event.id} came to source "${event.sourceId}", integration ${target.integration.id} listens to "${target.integration.sourceId}"`,
      );
    }
    const result = await replay(deps, [{ eventId: event.id, sourceId: event.sourceId }], target);
    return reply.code(202).send(result);
  });

  app.post('/api/events/replay', async (request, reply) => {
    const body = asObject(request.body ?? {});
    const filter = deliveryFilter(body);
    if (!filter.ids && !filter.status) filter.status = 'failed';
    const limit = Math.min(typeof body.limit === 'number' && body.limit > 0 ? body.limit : 1000, 10_000);
    const explicit =
      typeof body.integrationId === 'string' && body.integrationId
        ? await replayTarget(store, body.integrationId, body.version)
        : null;
    if (!explicit && body.version !== undefined)
      throw badRequest('"version" needs "integrationId": versions belong to one integration');
    const byIntegration = new Map<string, { eventId: string; sourceId: string }[]>();
    const seen = new Set<string>();
    let before: string | undefined;
    outer: while (seen.size < limit) {
      const page = await store.listDeliveries({ ...filter, limit: 500, before });
      for (const d of page.items) {
        if (seen.size >= limit) break outer;
        const key = `${d.eventId}\u0000${d.integrationId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const list = byIntegration.get(d.integrationId) ?? [];
        list.push({ eventId: d.eventId, sourceId: d.sourceId });
        byIntegration.set(d.integrationId, list);
      }
      if (!page.next) break;
      before = page.next;
    }
    const replayed: string[] = [];
    let duplicates = 0;
    for (const [integrationId, events] of byIntegration) {
      const target = explicit ?? (await replayTarget(store, integrationId, undefined).catch(() => null));
      if (!target) continue; // its integration is gone: nothing to replay through
      const result = await replay(
        deps,
        events.filter((e) => e.sourceId === target.integration.sourceId),
        target,
      );
      replayed.push(...result.replayed);
      duplicates += result.duplicates;
    }
    return reply.code(202).send({ replayed, count: replayed.length, duplicates });
  });
}

async function replayTarget(store: Store, integrationId: string, rawVersion: unknown): Promise<Target> {
  const integration = await store.getIntegration(integrationId);
  if (!integration) throw new HttpError(404, 'not_found', `integration ${integrationId} not found`);
  if (!integration.active) {
    throw new HttpError(
      409,
      'integration_disabled',
      `the integration is disabled${integration.disabledReason ? ` (${integration.disabledReason})` : ''}; enable it first`,
    );
  }
  if (rawVersion === undefined || rawVersion === null) return { integration, version: null };
  if (typeof rawVersion !== 'number' || !Number.isInteger(rawVersion) || rawVersion < 1)
    throw badRequest('"version" must be a version number (1, 2, …)');
  if (!(await store.getIntegrationVersion(integration.id, rawVersion))) {
    throw new HttpError(
      404,
      'not_found',
      `integration ${integration.id} has no version ${rawVersion}: GET /api/integrations/${integration.id}/versions lists them`,
    );
  }
  return { integration, version: rawVersion };
}

async function replay(deps: ReplayDeps, events: { eventId: string; sourceId: string }[], target: Target) {
  const now = nowIso();
  const fresh: Delivery[] = [];
  let duplicates = 0;
  for (const { eventId, sourceId } of events) {
    const pending = await deps.store.listDeliveries({
      eventId,
      integrationId: target.integration.id,
      status: 'pending',
      limit: 50,
    });
    if (pending.items.some((d) => d.replay && (d.version ?? null) === target.version)) {
      duplicates++;
      continue;
    }
    fresh.push({
      id: newId('dlv'),
      eventId,
      integrationId: target.integration.id,
      sourceId,
      status: 'pending',
      attemptCount: 0,
      maxAttempts: deps.maxAttempts,
      nextAttemptAt: now,
      lastStatus: null,
      lastError: null,
      version: target.version,
      replay: true,
      createdAt: now,
      updatedAt: now,
    });
  }
  await deps.store.addDeliveries(fresh);
  for (let i = 0; i < fresh.length; i++) deps.metrics?.replayed('ok');
  if (fresh.length) deps.onReplay();
  return { replayed: fresh.map((d) => d.id), count: fresh.length, duplicates };
}
