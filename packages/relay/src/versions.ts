/**
 * Versions of an integration's document (SPEC §12): version 1 at creation, one more per change of the
 * document (rollback included); the live one is the latest. Changes of anything else (secrets, active)
 * keep the version.
 */
import type { IntegrationRecord, IntegrationVersion } from './store/types.js';
import { nowIso } from './ids.js';

export interface VersionMeta {
  message?: string | null;
  author?: string | null;
}

/** The record to store and, when its document changed (or it is new), the version to store with it. */
export function versioned(
  existing: IntegrationRecord | null,
  next: IntegrationRecord,
  meta: VersionMeta = {},
): { integration: IntegrationRecord; version?: IntegrationVersion } {
  const previous = existing ? (existing.version ?? 1) : 0;
  if (existing && sameDoc(existing.doc, next.doc)) return { integration: { ...next, version: previous } };
  const number = previous + 1;
  const integration = { ...next, version: number };
  const version: IntegrationVersion = {
    id: `${next.id}@${number}`,
    integrationId: next.id,
    version: number,
    doc: next.doc,
    createdAt: nowIso(),
    message: meta.message ?? null,
    author: meta.author ?? null,
  };
  return { integration, version };
}

/** Key order is part of a template (it is the order of the JSON the CRM gets), so a reordering is a change. */
function sameDoc(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function versionSummary(v: IntegrationVersion, live: number) {
  return {
    version: v.version,
    createdAt: v.createdAt,
    message: v.message,
    author: v.author,
    live: v.version === live,
  };
}
