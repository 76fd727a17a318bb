/** One render job: the preview for the chosen payload, plus the all-samples run when asked. */
import { Codes, HookmapError, leftOutBy, type Integration, type LeftOut, type Provider } from '@hookmap/core';
import { isError, problemsOf, UNRESOLVED, verdictOf } from '../status/problems.js';
import type { FieldDiagnostic, RenderJob, RenderReply, SampleRun } from './protocol.js';
import { buildContextSafe } from '../samples/current.js';
import { handlebarsTypeWarnings } from './handlebars-warnings.js';
import { renderPreview, syntaxDiagnostics, targetDiagnostics } from './render.js';

type Rendered = Omit<RenderReply, 'type' | 'id' | 'ms' | 'runs'>;

/** The integration rendered against one payload: request, diagnostics, target check, and whether it is sent. */
export function renderOne(
  integration: Integration,
  provider: Provider | undefined,
  payload: { value: unknown; error: string | null },
  targetId: string | null,
  expanded: ReadonlySet<string> = new Set(),
): Rendered {
  const syntax = syntaxDiagnostics(integration);
  const base: Rendered = {
    request: null,
    failure: null,
    diagnostics: syntax,
    targetDiagnostics: [],
    skipped: null,
  };
  if (payload.error !== null) return { ...base, failure: payload.error };
  const filter = sendFilter(integration, payload.value, provider);
  base.skipped = filter.skipped;
  // A `when` that does not parse is already among the syntax problems (core's walker checks it).
  if (filter.problem && !syntax.some((d) => d.field === 'when')) base.diagnostics = [...syntax, filter.problem];
  if (syntax.some(isError)) return { ...base, failure: 'Fix the template errors to see the request.' };
  const outcome = renderPreview(integration, payload.value, provider, expanded);
  const body = integration.body;
  const helperWarnings =
    body?.mode === 'text' && body.engine === 'handlebars'
      ? handlebarsTypeWarnings(body.template, buildContextSafe(provider, payload.value))
      : [];
  return {
    ...base,
    request: outcome.request,
    failure: outcome.failure,
    diagnostics: [...base.diagnostics, ...outcome.diagnostics, ...helperWarnings],
    // A payload the filters leave out is never sent, so the CRM cannot reject it: no target problems.
    targetDiagnostics: base.skipped === null ? targetDiagnostics(targetId, integration, outcome.body, provider?.id) : [],
  };
}

export function renderAllOrOne(
  job: RenderJob,
  provider: Provider | undefined,
  payload: { value: unknown; error: string | null },
): RenderReply {
  const one = renderOne(job.integration, provider, payload, job.targetId, new Set(job.expanded));
  const runs = job.allSamples && provider ? runAllSamples(job.integration, provider, job.targetId) : null;
  return { type: 'result', id: job.id, ms: 0, runs, ...one };
}

/** Every sample of the provider, each judged by the same status model as the preview. */
export function runAllSamples(integration: Integration, provider: Provider, targetId: string | null): SampleRun[] {
  return provider.samples.map((sample) => {
    const one = renderOne(integration, provider, { value: sample.payload, error: null }, targetId);
    const problems = problemsOf(one);
    const errors = problems.filter(isError).map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
    if (one.failure !== null && errors.length === 0) errors.push(one.failure);
    const nulls = problems.filter((d) => d.code === UNRESOLVED).map((d) => d.reference ?? d.message);
    return {
      sampleId: sample.id,
      name: sample.name,
      event: sample.event,
      verdict: verdictOf(one),
      errors,
      nulls: [...new Set(nulls)],
      skipped: one.skipped,
    };
  });
}

/**
 * Whether the integration's filters (`events`, `when`) leave this payload out — the relay would not send
 * it, so it shows as skipped, never as failing — or a diagnostic when the condition itself is broken.
 */
export function sendFilter(
  integration: Integration,
  payload: unknown,
  provider: Provider | undefined,
): { skipped: string | null; problem: FieldDiagnostic | null } {
  let out: LeftOut | null;
  try {
    out = leftOutBy(integration, payload, provider);
  } catch (error) {
    const e = error as Error;
    const problem: FieldDiagnostic = {
      severity: 'error',
      code: error instanceof HookmapError ? error.code : Codes.INVALID_INTEGRATION,
      message: `"Only when" is not a valid condition: ${e.message}`,
      path: '',
      start: 0,
      end: 0,
      field: 'when',
    };
    return { skipped: null, problem };
  }
  if (out === null) return { skipped: null, problem: null };
  if (out.by === 'when') return { skipped: `"Only when" is false for this payload: the relay would not send it.`, problem: null };
  const event = out.event === null ? '(unknown)' : `"${out.event}"`;
  return {
    skipped: `This payload's event ${event} is not one the integration is sent for: the relay would not send it.`,
    problem: null,
  };
}
