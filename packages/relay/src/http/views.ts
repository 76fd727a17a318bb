/** What the admin API returns: records with every secret replaced by a "set" flag or its names. */
import type { IntegrationRecord, Source } from '../store/types.js';

export function sourceView(s: Source) {
  return {
    id: s.id, name: s.name, provider: s.provider, verification: s.verification, secretSet: s.secret !== null,
    hookPath: `/hooks/${s.id}`, createdAt: s.createdAt, updatedAt: s.updatedAt,
  };
}

export function integrationView(i: IntegrationRecord) {
  return {
    id: i.id, sourceId: i.sourceId, name: i.doc.name ?? null, doc: i.doc, secretNames: Object.keys(i.secrets).sort(),
    active: i.active, disabledReason: i.disabledReason, version: i.version ?? 1, createdAt: i.createdAt, updatedAt: i.updatedAt,
  };
}
