/**
 * Previewing a flow (SPEC §9): core's renderFlow with the response each step is assumed to get (the
 * targets' sample, "found" or "not found", or one the user pasted), every request checked against the
 * preset it matches. The edited step's problems are placed like a single request's (body pointers,
 * URL), so the mapping rows and the markers show them; the other steps' carry their step id.
 */
import {
  Codes,
  renderFlow,
  type Diagnostic,
  type Flow,
  type JsonValue,
  type Provider,
  type StepResponse,
} from '@hookmap/core';
import { hintForProvider, sampleResponsesOf, stepPresetOf, validateStepRequest } from '../catalog.js';
import type { ResponseChoice } from '../store.js';
import type { FieldDiagnostic, FlowJob, FlowStop, StepPreview } from './protocol.js';
import { locateRenderDiagnostic, previewScopes, toPreview } from './render.js';

/** Where a diagnostic of a flow belongs: the edited step's are placed as a request's; the others name their step. */
export function flowLocator(flow: Flow, activeStep: number): (d: Diagnostic) => FieldDiagnostic {
  return (d) => {
    const path = d.path ?? '';
    const match = /^\/steps\/(\d+)(?=\/|$)/.exec(path);
    if (!match) return locateRenderDiagnostic(d);
    const index = Number(match[1]);
    const rest = path.slice(match[0].length);
    const id = flow.steps[index]?.id ?? String(index);
    if (index === activeStep && (rest === '/url' || /^\/body\/template(?=\/|$)/.test(rest)))
      return locateRenderDiagnostic({ ...d, path: rest });
    return { ...d, field: 'request', step: id, path: rest, message: `Step "${id}": ${d.message}` };
  };
}

/** A status, headers and body the user pasted, or why it is not one. */
export function parsePastedResponse(
  text: string,
): { response: StepResponse; error: null } | { response: null; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { response: null, error: `the pasted response is not JSON: ${(error as Error).message}` };
  }
  const shaped = value as { status?: unknown; headers?: unknown; body?: unknown } | null;
  if (
    typeof shaped !== 'object' ||
    shaped === null ||
    Array.isArray(shaped) ||
    !Number.isInteger(shaped.status)
  ) {
    return {
      response: null,
      error:
        'a pasted response is an object with a numeric "status" and a "body", e.g. {"status": 200, "body": {…}}',
    };
  }
  const response: StepResponse = { status: shaped.status as number, body: shaped.body ?? null };
  if (typeof shaped.headers === 'object' && shaped.headers !== null)
    response.headers = shaped.headers as Record<string, string>;
  return { response, error: null };
}

/** The response each step is assumed to get, and problems with pasted ones. */
export function assumedResponses(
  flow: Flow,
  choices: Record<string, ResponseChoice>,
): {
  responses: Record<string, StepResponse>;
  assumed: Record<string, ResponseChoice['kind']>;
  problems: FieldDiagnostic[];
} {
  const found = sampleResponsesOf(flow.steps, 'found');
  const notFound = sampleResponsesOf(flow.steps, 'not-found');
  const responses: Record<string, StepResponse> = {};
  const assumed: Record<string, ResponseChoice['kind']> = {};
  const problems: FieldDiagnostic[] = [];
  for (const step of flow.steps) {
    const choice = choices[step.id] ?? { kind: 'found' };
    if (choice.kind === 'custom') {
      const pasted = parsePastedResponse(choice.text);
      if (pasted.error === null) {
        responses[step.id] = pasted.response;
        assumed[step.id] = 'custom';
      } else {
        problems.push({
          severity: 'error',
          code: Codes.INVALID_STEP_RESPONSE,
          message: `Step "${step.id}": ${pasted.error}`,
          path: '',
          start: 0,
          end: 0,
          field: 'request',
          step: step.id,
        });
      }
      continue;
    }
    const sample = (choice.kind === 'found' ? found : notFound)[step.id];
    if (sample) {
      responses[step.id] = sample;
      assumed[step.id] = choice.kind;
    }
  }
  return { responses, assumed, problems };
}

export interface FlowOutcome {
  steps: StepPreview[];
  stoppedAt: FlowStop | null;
  diagnostics: FieldDiagnostic[];
  targetDiagnostics: FieldDiagnostic[];
  failure: string | null;
}

function textOf(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

/** Same problem from every step (the flow's shared headers are rendered for each): shown once. */
function dedupe(list: FieldDiagnostic[]): FieldDiagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code} ${d.field} ${d.step ?? ''} ${d.header ?? ''} ${d.path} ${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Target problems of one rendered step request, placed like the step's render problems. */
function stepTargetProblems(
  request: { method: string; url: string; body?: JsonValue | string },
  stepId: string,
  edited: boolean,
  textBody: boolean,
  providerId: string | undefined,
): FieldDiagnostic[] {
  const checked = validateStepRequest({
    method: request.method as 'POST',
    url: request.url,
    body: request.body as JsonValue,
  });
  // Hints name the current provider's paths, never another's (as for a single request).
  const word = (text: string) => (providerId === undefined ? text : hintForProvider(text, providerId));
  return checked.diagnostics
    .filter((d) => !(textBody && d.path.startsWith('/body')))
    .map((d) =>
      d.suggestion === undefined
        ? { ...d, message: word(d.message) }
        : { ...d, message: word(d.message), suggestion: word(d.suggestion) },
    )
    .map((d) => {
      const body = /^\/body(?=\/|$)/.exec(d.path);
      if (edited && body) return { ...d, field: 'body' as const, path: d.path.slice(body[0].length) };
      if (edited && d.path === '/url') return { ...d, field: 'url' as const, path: '' };
      return { ...d, field: 'request' as const, step: stepId, message: `Step "${stepId}": ${d.message}` };
    });
}

export function previewFlow(
  flow: Flow,
  payload: unknown,
  provider: Provider | undefined,
  job: FlowJob,
  expanded: ReadonlySet<string>,
): FlowOutcome {
  const locate = flowLocator(flow, job.activeStep);
  const { responses, assumed, problems } = assumedResponses(flow, job.responses);
  const scopes = previewScopes(flow);
  const options = provider
    ? { provider, ...scopes, diagnostics: true, responses }
    : { ...scopes, diagnostics: true, responses };
  let result;
  try {
    result = renderFlow(flow, payload, options);
  } catch (error) {
    const e = error as Partial<Diagnostic> & Error;
    const diagnostics =
      typeof e.code === 'string' && typeof e.path === 'string'
        ? [
            locate({
              severity: 'error',
              code: e.code,
              message: e.message,
              path: e.path,
              start: e.start ?? 0,
              end: e.end ?? 0,
            }),
          ]
        : [];
    return {
      steps: [],
      stoppedAt: null,
      diagnostics: [...problems, ...diagnostics],
      targetDiagnostics: [],
      failure: e.message ?? String(error),
    };
  }
  const diagnostics: FieldDiagnostic[] = [...problems];
  const targetDiagnostics: FieldDiagnostic[] = [];
  const steps: StepPreview[] = flow.steps.map((step, index) => {
    const done = result.steps[index];
    const edited = index === job.activeStep;
    const preview: StepPreview = {
      id: step.id,
      name: step.name ?? '',
      skipped: done?.skipped ?? false,
      reached: done !== undefined,
      request: null,
      response: null,
      resultText: null,
      preset: stepPresetOf(step),
      assumed: assumed[step.id] ?? null,
    };
    if (!done || done.skipped || !done.request) return preview;
    const request = done.request;
    preview.request = toPreview(
      request.method,
      request.url,
      request.headers,
      request.body,
      edited ? expanded : new Set(),
    );
    diagnostics.push(...request.diagnostics.map(locate));
    targetDiagnostics.push(
      ...stepTargetProblems(request, step.id, edited, step.body?.mode === 'text', provider?.id),
    );
    if (done.response)
      preview.response = {
        status: done.response.status,
        bodyText: textOf(done.response.body),
        accepted: done.accepted ?? false,
      };
    // JSON, so a result that is the text "42" stays text for completion and mapping (not the number 42).
    if (done.result !== undefined) preview.resultText = JSON.stringify(done.result);
    return preview;
  });
  const stoppedAt =
    result.stoppedAt && result.stopReason !== 'error'
      ? { stepId: result.stoppedAt, reason: result.stopReason ?? 'no-response' }
      : null;
  return {
    steps,
    stoppedAt,
    diagnostics: dedupe(diagnostics),
    targetDiagnostics: dedupe(targetDiagnostics),
    failure: null,
  };
}
