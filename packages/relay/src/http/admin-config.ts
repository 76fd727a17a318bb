/** Admin API: sources and integrations (secrets write-only). */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/types.js';
import { integrationFromInput, sourceFromInput } from './input.js';
import { integrationView, sourceView, sourceWithToken } from './views.js';
import { hashPathToken, newPathToken } from '../inbound/path-token.js';
import { nowIso } from '../ids.js';
import { HttpError, notFound } from './errors.js';
import { assertSecretFormat } from '../inbound/secret-format.js';
import { assertRateLimitField } from '../delivery/rate-limit-field.js';
import { versioned, type VersionMeta } from '../versions.js';
import { assertTypes } from './type-gate.js';
import { saveIntegration } from '../connections/references.js';

type IdParams = { Params: { id: string } };

export function registerConfigRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/sources', async () => ({ items: (await store.listSources()).map(sourceView) }));

  app.post('/api/sources', async (request, reply) => {
    const token = newPathToken();
    const source = { ...sourceFromInput(request.body, null), pathTokenHash: hashPathToken(token) };
    await assertSecretFormat(source);
    if (await store.getSource(source.id))
      throw new HttpError(409, 'conflict', `source "${source.id}" already exists`);
    await store.putSource(source);
    return reply.code(201).send(sourceWithToken(source, token));
  });

  // A new path token; the old path stops working at once (the sender must be given the new URL).
  app.post<IdParams>('/api/sources/:id/rotate-token', async (request) => {
    const existing = await store.getSource(request.params.id);
    if (!existing) throw notFound('source');
    const token = newPathToken();
    const source = { ...existing, pathTokenHash: hashPathToken(token), updatedAt: nowIso() };
    await store.putSource(source);
    return sourceWithToken(source, token);
  });

  app.get<IdParams>('/api/sources/:id', async (request) => {
    const source = await store.getSource(request.params.id);
    if (!source) throw notFound('source');
    return sourceView(source);
  });

  app.patch<IdParams>('/api/sources/:id', async (request) => {
    const existing = await store.getSource(request.params.id);
    if (!existing) throw notFound('source');
    const source = sourceFromInput(request.body, existing);
    await assertSecretFormat(source);
    await store.putSource(source);
    return sourceView(source);
  });

  app.delete<IdParams>('/api/sources/:id', async (request, reply) => {
    if (!(await store.deleteSource(request.params.id))) throw notFound('source');
    return reply.code(204).send();
  });

  app.get<{ Querystring: { sourceId?: string } }>('/api/integrations', async (request) => ({
    items: (await store.listIntegrations(request.query.sourceId || undefined)).map(integrationView),
  }));

  app.post('/api/integrations', async (request, reply) => {
    const integration = integrationFromInput(request.body, null);
    assertRateLimitField(integration.doc);
    const source = await store.getSource(integration.sourceId);
    if (!source)
      throw new HttpError(422, 'unknown_source', `source "${integration.sourceId}" does not exist`);
    assertTypes(integration, source, request.body);
    const saved = versioned(null, integration, versionMeta(request.body));
    await saveIntegration(store, saved.integration, saved.version);
    return reply.code(201).send(integrationView(saved.integration));
  });

  app.get<IdParams>('/api/integrations/:id', async (request) => {
    const integration = await store.getIntegration(request.params.id);
    if (!integration) throw notFound('integration');
    return integrationView(integration);
  });

  app.patch<IdParams>('/api/integrations/:id', async (request) => {
    const existing = await store.getIntegration(request.params.id);
    if (!existing) throw notFound('integration');
    const next = integrationFromInput(request.body, existing);
    assertRateLimitField(next.doc);
    if (next.active && (!existing.active || JSON.stringify(next.doc) !== JSON.stringify(existing.doc))) {
      assertTypes(next, await store.getSource(next.sourceId), request.body);
    }
    const { integration, version } = versioned(existing, next, versionMeta(request.body));
    // The connection is checked when the document is given or the integration is switched on.
    const check = (request.body as { doc?: unknown }).doc !== undefined || (next.active && !existing.active);
    await saveIntegration(store, integration, version, check);
    if (!integration.active) await store.cancelPending(integration.id, 'integration disabled');
    return integrationView(integration);
  });

  app.delete<IdParams>('/api/integrations/:id', async (request, reply) => {
    if (!(await store.deleteIntegration(request.params.id))) throw notFound('integration');
    await store.cancelPending(request.params.id, 'integration deleted');
    return reply.code(204).send();
  });
}

/** `message` (why this change) rides along with the document in create and update bodies. */
function versionMeta(body: unknown): VersionMeta {
  const message = (body as { message?: unknown } | null)?.message;
  if (message !== undefined && message !== null && typeof message !== 'string')
    throw new HttpError(400, 'bad_request', '"message" must be a string');
  return { message: typeof message === 'string' && message.trim() ? message.trim().slice(0, 500) : null };
}
