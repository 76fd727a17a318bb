/** Admin API for SPEC §12: plan a document change over the source's recent stored events. */
import type { FastifyInstance } from 'fastify';
import { validateIntegration } from '@hookmap/core';
import type { Diagnostic, IntegrationDocument, StepResponse } from '@hookmap/core';
import type { EventRecord, Store } from '../store/types.js';
import { findProvider } from '../delivery/render.js';
import { planChange } from '../plan/plan.js';
import { connectionOfDoc } from '../connections/named.js';
import { asObject } from './input.js';
import { badRequest, HttpError, notFound } from './errors.js';
import type { RelayMetrics } from '../metrics.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 5000;

export function registerPlanRoutes(app: FastifyInstance, store: Store, metrics?: RelayMetrics): void {
  app.post<{ Params: { id: string } }>('/api/integrations/:id/plan', async (request) => {
    const body = asObject(request.body ?? {});
    const integration = await store.getIntegration(request.params.id);
    if (!integration) throw notFound('integration');
    if (body.doc === undefined)
      throw badRequest('"doc" (the integration document to compare with the live version) is required');
    const doc = asObject(body.doc) as unknown as IntegrationDocument;
    const problems = validateIntegration(doc as never).filter((d: Diagnostic) => d.severity === 'error');
    if (problems.length)
      throw new HttpError(422, 'invalid_integration', 'the integration document is not valid', problems);
    const limit = body.limit === undefined ? DEFAULT_LIMIT : body.limit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw badRequest(`"limit" must be a whole number from 1 to ${MAX_LIMIT}`);
    }
    const source = await store.getSource(integration.sourceId);
    const events = await recentEvents(store, integration.sourceId, limit);
    const provider = findProvider(source?.provider ?? integration.doc.provider ?? null);
    const plan = await planChange({
      live: integration.doc,
      doc,
      events,
      provider,
      secrets: integration.secrets,
      connectionNames: await connectionNames(store, [integration.doc, doc]),
      responsesOf: (event) => recordedResponses(store, event, integration.id),
    }).catch((error: unknown) => {
      metrics?.planned('failed');
      throw error;
    });
    metrics?.planned('ok');
    return { integrationId: integration.id, version: integration.version ?? 1, ...plan };
  });
}

/** The names (never the values) of what the connections the documents name hold. */
async function connectionNames(store: Store, docs: unknown[]): Promise<string[]> {
  const names: string[] = [];
  for (const id of new Set(docs.map(connectionOfDoc))) {
    const c = id ? await store.getConnection(id) : null;
    if (!c) continue;
    names.push(...Object.keys(c.values));
    if (c.kind === 'oauth2') names.push('access_token');
  }
  return names;
}

/** The last `limit` real (not "Send test") events of the source, newest first. */
async function recentEvents(store: Store, sourceId: string, limit: number): Promise<EventRecord[]> {
  const out: EventRecord[] = [];
  let before: string | undefined;
  while (out.length < limit) {
    const page = await store.listEvents({ sourceId, limit: Math.min(500, limit - out.length + 20), before });
    out.push(...page.items.filter((e) => !e.test).slice(0, limit - out.length));
    if (!page.next) break;
    before = page.next;
  }
  return out;
}

/** The latest recorded response of each flow step of this event's deliveries to the integration. */
async function recordedResponses(
  store: Store,
  event: EventRecord,
  integrationId: string,
): Promise<Record<string, StepResponse>> {
  const out: Record<string, StepResponse> = {};
  const { items } = await store.listAttempts({ eventId: event.id, integrationId, limit: 200 });
  // Oldest first, so a later attempt's response of the same step wins.
  for (const attempt of [...items].reverse()) {
    const step = attempt.stepId;
    if (!step || attempt.responseStatus === null) continue;
    out[step] = {
      status: attempt.responseStatus,
      headers: attempt.responseHeaders ?? {},
      body: parsed(attempt.responseBody),
    };
  }
  return out;
}

function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
