/**
 * SPEC §11 at the door: an integration is not made active while the static check (its templates typed
 * against every event schema of its provider) reports errors, unless the request says `force: true`.
 */
import { checkIntegration } from '@hookmap/core';
import type { Diagnostic } from '@hookmap/core';
import type { IntegrationRecord, Source } from '../store/types.js';
import { checkProviderOf, findProvider } from '../delivery/render.js';
import { HttpError } from './errors.js';

export function assertTypes(integration: IntegrationRecord, source: Source | null, body: unknown): void {
  if (!integration.active || (body as { force?: unknown } | null)?.force === true) return;
  const provider = checkProviderOf(findProvider(source?.provider ?? integration.doc.provider ?? null));
  if (!provider) return;
  let errors: Diagnostic[];
  try {
    errors = checkIntegration(integration.doc, { provider }).diagnostics.filter(
      (d) => d.severity === 'error',
    );
  } catch {
    return; // the checker never blocks what the renderer accepts
  }
  if (errors.length === 0) return;
  throw new HttpError(
    422,
    'type_errors',
    `the integration has ${errors.length} type error${errors.length === 1 ? '' : 's'} against the ${provider.id} event schemas (first: ${errors[0]!.message}); fix them, or send "force": true to activate it anyway`,
    errors,
  );
}
