/**
 * SPEC §11 in the editor: the integration's templates typed against every event schema of its provider,
 * without a payload — unknown paths (with a did-you-mean), filters that always give null. Squiggled like
 * any other problem (one status model). Per integration, not per sample: cached for the all-samples run.
 */
import {
  checkIntegration,
  type CheckProvider,
  type Diagnostic,
  type IntegrationDocument,
  type Provider,
} from '@hookmap/core';
import type { FieldDiagnostic } from './protocol.js';

const cache = new WeakMap<object, { provider: string | undefined; diagnostics: Diagnostic[] }>();

export function staticDiagnostics(
  integration: IntegrationDocument,
  provider: Provider | undefined,
  locate: (d: Diagnostic) => FieldDiagnostic,
): FieldDiagnostic[] {
  const typed = provider && 'contextSchemas' in provider ? (provider as unknown as CheckProvider) : undefined;
  if (!typed) return [];
  let hit = cache.get(integration);
  if (!hit || hit.provider !== typed.id) {
    let diagnostics: Diagnostic[];
    try {
      diagnostics = checkIntegration(integration, { provider: typed }).diagnostics;
    } catch {
      diagnostics = []; // the checker is advice: it never stops a preview
    }
    hit = { provider: typed.id, diagnostics };
    cache.set(integration, hit);
  }
  return hit.diagnostics.map(locate);
}
