/** One render job: the preview for the chosen payload, plus the all-samples run when asked. */
import { leftOutBy, type Integration, type LeftOut, type Provider } from '@hookmap/core';
import type { RenderJob, RenderReply } from './protocol.js';
import { renderPreview, runAllSamples, syntaxDiagnostics, targetDiagnostics } from './render.js';

export function renderAllOrOne(
  job: RenderJob,
  provider: Provider | undefined,
  payload: { value: unknown; error: string | null },
): RenderReply {
  const syntax = syntaxDiagnostics(job.integration);
  const base: RenderReply = {
    type: 'result',
    id: job.id,
    ms: 0,
    request: null,
    failure: null,
    diagnostics: syntax,
    targetDiagnostics: [],
    runs: job.allSamples && provider ? runAllSamples(job.integration, provider, job.targetId) : null,
    skipped: payload.error === null ? eventSkip(job.integration, payload.value, provider) : null,
  };
  if (payload.error !== null) return { ...base, failure: payload.error };
  if (syntax.some((d) => d.severity === 'error')) {
    return { ...base, failure: 'Fix the template errors to see the request.' };
  }
  const outcome = renderPreview(job.integration, payload.value, provider);
  return {
    ...base,
    request: outcome.request,
    failure: outcome.failure,
    diagnostics: [...syntax, ...outcome.diagnostics],
    targetDiagnostics: targetDiagnostics(job.targetId, job.integration, outcome.body),
  };
}

/** Why the integration's `events` leave this payload out, or null when it is sent for it. */
export function eventSkip(integration: Integration, payload: unknown, provider: Provider | undefined): string | null {
  let out: LeftOut | null;
  try {
    out = leftOutBy(integration, payload, provider);
  } catch (error) {
    return `"Only when" is not a valid condition: ${(error as Error).message}`;
  }
  if (out === null) return null;
  if (out.by === 'when') return `"Only when" is false for this payload: the relay would not send it.`;
  return `This payload's event ${out.event === null ? '(unknown)' : `"${out.event}"`} is not one the integration is sent for: the relay would not send it.`;
}
