/**
 * SPEC §11 in the editor: the integration's templates typed against every event schema of its provider,
 * without a payload — unknown paths (with a did-you-mean), filters that always give null. Squiggled like
 * any other problem (one status model). Per integration, not per sample: cached for the all-samples run.
 */
import {
  checkIntegration,
  isFlow,
  type Diagnostic,
  type IntegrationDocument,
  type Provider,
} from '@hookmap/core';
import { checkIntegrationTypes } from '@hookmap/targets';
import type { FieldDiagnostic } from './protocol.js';
import { checkProviderOf } from '../editor/types-at.js';

const cache = new WeakMap<object, { key: string; diagnostics: Diagnostic[] }>();

export function staticDiagnostics(
  integration: IntegrationDocument,
  provider: Provider | undefined,
  locate: (d: Diagnostic) => FieldDiagnostic,
  /** The target preset: the inferred body is checked against its schema too (types that cannot fit, H503–H509). */
  targetId: string | null = null,
): FieldDiagnostic[] {
  const typed = checkProviderOf(provider);
  if (!typed) return [];
  const key = `${typed.id} ${targetId ?? ''}`;
  let hit = cache.get(integration);
  if (!hit || hit.key !== key) {
    let diagnostics: Diagnostic[];
    try {
      diagnostics =
        targetId !== null && !isFlow(integration)
          ? (checkIntegrationTypes(integration, { provider: typed, target: targetId })
              .diagnostics as Diagnostic[])
          : checkIntegration(integration, { provider: typed }).diagnostics;
    } catch {
      diagnostics = []; // the checker is advice: it never stops a preview
    }
    hit = { key, diagnostics };
    cache.set(integration, hit);
  }
  return hit.diagnostics.map(locate);
}

/** Static target problems (H503–H509) at a field the rendered body's own check already flags say it twice: keep one. */
export function withoutRepeats(diagnostics: FieldDiagnostic[], target: FieldDiagnostic[]): FieldDiagnostic[] {
  const flagged = new Set(target.map((d) => `${d.field} ${d.path}`));
  return diagnostics.filter((d) => !(/^H50[3-9]$/.test(d.code) && flagged.has(`${d.field} ${d.path}`)));
}
