/**
 * Integrations name connections (SPEC §10): a document saved naming a connection must name one that
 * exists, and a connection that an integration names is not deleted. Both decisions are taken under the
 * connection's lock (the same one a refresh holds), so a delete and a save cannot cross.
 */
import type { IntegrationRecord, IntegrationVersion, Store } from '../store/types.js';
import { HttpError, notFound } from '../http/errors.js';
import { connectionOfDoc } from './named.js';

/** Where the connection's id sits in an integration's create or update body. */
export const CONNECTION_POINTER = '/doc/connection';

export function unknownConnection(id: string): HttpError {
  return new HttpError(
    422,
    'unknown_connection',
    `the integration names connection "${id}", which does not exist: create it first (POST /api/connections with "id": "${id}") or name an existing one (GET /api/connections lists them); "force" does not skip this check`,
    { pointer: CONNECTION_POINTER, connection: id },
  );
}

/**
 * Store the integration (and its new version) holding the lock of the connection its document names;
 * refused with 422 `unknown_connection` when there is no such connection. `check: false` stores without
 * looking (a change that leaves the document alone).
 */
export async function saveIntegration(
  store: Store,
  integration: IntegrationRecord,
  version: IntegrationVersion | undefined,
  check = true,
): Promise<void> {
  const id = connectionOfDoc(integration.doc);
  if (!id || !check) return store.putIntegration(integration, version);
  if (!(await store.putIntegrationWithConnection(id, integration, version))) throw unknownConnection(id);
}

/** Delete a connection, or answer 409 `connection_in_use` naming the integrations that use it. */
export async function deleteUnusedConnection(store: Store, id: string): Promise<void> {
  const { deleted, usedBy } = await store.deleteConnection(id);
  if (deleted) return;
  if (usedBy.length === 0) throw notFound('connection');
  throw new HttpError(
    409,
    'connection_in_use',
    `connection "${id}" is named by ${usedBy.length === 1 ? 'integration' : 'integrations'} ${usedBy.join(', ')}: change them to name another connection (PATCH /api/integrations/:id with a new "connection") or delete them first`,
    { integrations: usedBy },
  );
}
