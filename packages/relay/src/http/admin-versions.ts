/** Admin API for SPEC §12: versions and rollback of an integration's document. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/types.js';
import { versioned, versionSummary } from '../versions.js';
import { nowIso } from '../ids.js';
import { asObject } from './input.js';
import { integrationView } from './views.js';
import { badRequest, HttpError, notFound } from './errors.js';
import { saveIntegration } from '../connections/references.js';

type VersionParams = { Params: { id: string; n: string } };

function versionNumber(value: unknown, name: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
    throw badRequest(`"${name}" must be a version number (1, 2, …)`);
  return n;
}

export function registerVersionRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Params: { id: string } }>('/api/integrations/:id/versions', async (request) => {
    const integration = await store.getIntegration(request.params.id);
    if (!integration) throw notFound('integration');
    const live = integration.version ?? 1;
    const versions = await store.listIntegrationVersions(integration.id);
    return { live, items: versions.map((v) => versionSummary(v, live)) };
  });

  app.get<VersionParams>('/api/integrations/:id/versions/:n', async (request) => {
    const integration = await store.getIntegration(request.params.id);
    if (!integration) throw notFound('integration');
    const version = await store.getIntegrationVersion(integration.id, versionNumber(request.params.n, 'n'));
    if (!version) throw notFound('version');
    return { ...versionSummary(version, integration.version ?? 1), doc: version.doc };
  });

  app.post<{ Params: { id: string } }>('/api/integrations/:id/rollback', async (request) => {
    const body = asObject(request.body ?? {});
    const wanted = versionNumber(body.version, 'version');
    const existing = await store.getIntegration(request.params.id);
    if (!existing) throw notFound('integration');
    const target = await store.getIntegrationVersion(existing.id, wanted);
    if (!target)
      throw new HttpError(
        404,
        'not_found',
        `integration ${existing.id} has no version ${wanted}: GET /api/integrations/${existing.id}/versions lists them`,
      );
    const message =
      typeof body.message === 'string' && body.message.trim()
        ? body.message.trim()
        : `rollback to version ${wanted}`;
    // A rollback is a change like any other: a new version whose document is the old one's.
    const next = { ...existing, doc: target.doc, updatedAt: nowIso() };
    const forced =
      existing.version !== undefined && JSON.stringify(existing.doc) === JSON.stringify(target.doc);
    if (forced)
      throw new HttpError(
        409,
        'already_live',
        `version ${wanted} has the live document already (version ${existing.version ?? 1})`,
      );
    const saved = versioned(existing, next, { message });
    await saveIntegration(store, saved.integration, saved.version);
    return integrationView(saved.integration);
  });
}
