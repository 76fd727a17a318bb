/** One render job: the preview for the chosen payload, plus the all-samples run when asked. */
import {
  Codes,
  HookmapError,
  isFlow,
  leftOutBy,
  type Flow,
  type Integration,
  type IntegrationDocument,
  type LeftOut,
  type Provider,
} from '@hookmap/core';
import { isError, problemsOf, UNRESOLVED, verdictOf } from '../status/problems.js';
import type { FieldDiagnostic, FlowJob, RenderJob, RenderReply, SampleRun } from './protocol.js';
import { flowLocator, previewFlow } from './flow.js';
import { buildContextSafe } from '../samples/current.js';
import { handlebarsTypeWarnings } from './handlebars-warnings.js';
import { locateRenderDiagnostic, renderPreview, syntaxDiagnostics, targetDiagnostics } from './render.js';
import { staticDiagnostics, withoutRepeats } from './static-check.js';

type Rendered = Omit<RenderReply, 'type' | 'id' | 'ms' | 'runs'>;

/** What a flow's preview assumes when the job says nothing: the last step edited, every lookup "found". */
const DEFAULT_FLOW: FlowJob = { activeStep: -1, responses: {} };

/**
 * The integration rendered against one payload: request (a flow: every step's), diagnostics, target
 * check, and whether it is sent.
 */
export function renderOne(
  integration: IntegrationDocument,
  provider: Provider | undefined,
  payload: { value: unknown; error: string | null },
  targetId: string | null,
  expanded: ReadonlySet<string> = new Set(),
  flowJob: FlowJob = DEFAULT_FLOW,
): Rendered {
  const flow = isFlow(integration) ? integration : null;
  const job = flow && flowJob.activeStep < 0 ? { ...flowJob, activeStep: flow.steps.length - 1 } : flowJob;
  const locate = flow ? flowLocator(flow, job.activeStep) : locateRenderDiagnostic;
  const syntax = syntaxDiagnostics(integration, locate);
  // Types need templates that compile; once they do, their problems show with any sample (SPEC §11).
  const typed = syntax.some(isError) ? [] : staticDiagnostics(integration, provider, locate, targetId);
  const base: Rendered = {
    request: null,
    failure: null,
    diagnostics: [...syntax, ...typed],
    targetDiagnostics: [],
    skipped: null,
    steps: null,
    stoppedAt: null,
  };
  if (payload.error !== null) return { ...base, failure: payload.error };
  const filter = sendFilter(integration, payload.value, provider);
  base.skipped = filter.skipped;
  // A `when` that does not parse is already among the syntax problems (core's walker checks it).
  if (filter.problem && !syntax.some((d) => d.field === 'when'))
    base.diagnostics = [...base.diagnostics, filter.problem];
  if (syntax.some(isError)) return { ...base, failure: 'Fix the template errors to see the request.' };
  if (flow) return renderFlowOne(flow, provider, payload.value, base, job, expanded);
  const single = integration as Integration;
  const outcome = renderPreview(single, payload.value, provider, expanded);
  const body = single.body;
  const helperWarnings =
    body?.mode === 'text' && body.engine === 'handlebars'
      ? handlebarsTypeWarnings(body.template, buildContextSafe(provider, payload.value))
      : [];
  // A payload the filters leave out is never sent, so the CRM cannot reject it: no target problems.
  const target = base.skipped === null ? targetDiagnostics(targetId, single, outcome.body, provider?.id) : [];
  return {
    ...base,
    request: outcome.request,
    failure: outcome.failure,
    diagnostics: withoutRepeats([...base.diagnostics, ...outcome.diagnostics, ...helperWarnings], target),
    targetDiagnostics: target,
  };
}

function renderFlowOne(
  flow: Flow,
  provider: Provider | undefined,
  payload: unknown,
  base: Rendered,
  job: FlowJob,
  expanded: ReadonlySet<string>,
): Rendered {
  const outcome = previewFlow(flow, payload, provider, job, expanded);
  const edited = outcome.steps[job.activeStep];
  return {
    ...base,
    request: edited?.request ?? null,
    failure: outcome.failure,
    diagnostics: [...base.diagnostics, ...outcome.diagnostics],
    // A payload the filters leave out is never sent, so the CRM cannot reject it: no target problems.
    targetDiagnostics: base.skipped === null ? outcome.targetDiagnostics : [],
    steps: outcome.steps,
    stoppedAt: outcome.stoppedAt,
  };
}

export function renderAllOrOne(
  job: RenderJob,
  provider: Provider | undefined,
  payload: { value: unknown; error: string | null },
): RenderReply {
  const one = renderOne(job.integration, provider, payload, job.targetId, new Set(job.expanded), job.flow);
  const runs =
    job.allSamples && provider ? runAllSamples(job.integration, provider, job.targetId, job.flow) : null;
  return { type: 'result', id: job.id, ms: 0, runs, ...one };
}

/** Every sample of the provider, each judged by the same status model as the preview. */
export function runAllSamples(
  integration: IntegrationDocument,
  provider: Provider,
  targetId: string | null,
  flowJob?: FlowJob,
): SampleRun[] {
  return provider.samples.map((sample) => {
    const one = renderOne(
      integration,
      provider,
      { value: sample.payload, error: null },
      targetId,
      new Set(),
      flowJob,
    );
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
  integration: IntegrationDocument,
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
  if (out.by === 'when')
    return { skipped: `"Only when" is false for this payload: the relay would not send it.`, problem: null };
  const event = out.event === null ? '(unknown)' : `"${out.event}"`;
  return {
    skipped: `This payload's event ${event} is not one the integration is sent for: the relay would not send it.`,
    problem: null,
  };
}
