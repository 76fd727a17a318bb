/** One render job: the preview for the chosen payload, plus the all-samples run when asked. */
import type { Provider } from '@hookmap/core';
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
