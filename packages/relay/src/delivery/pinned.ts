/** A replay through a chosen version (SPEC §12) renders with that version's document, not the live one. */
import type { Delivery, IntegrationRecord, Store } from '../store/types.js';

export class VersionGone extends Error {}

export async function withVersion(
  store: Store,
  integration: IntegrationRecord,
  delivery: Delivery,
): Promise<IntegrationRecord> {
  const live = integration.version ?? 1;
  if (delivery.version === undefined || delivery.version === null || delivery.version === live)
    return { ...integration, version: live };
  const pinned = await store.getIntegrationVersion(integration.id, delivery.version);
  if (!pinned)
    throw new VersionGone(`version ${delivery.version} of integration ${integration.id} no longer exists`);
  return { ...integration, doc: pinned.doc, version: pinned.version };
}
