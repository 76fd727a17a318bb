import { Codes } from '../codes.js';
import { RequestError } from '../errors.js';
import { truthy } from '../evaluate/operators.js';
import type {
  Diagnostic,
  Flow,
  FlowOptions,
  FlowResponse,
  FlowResult,
  FlowStepResult,
  JsonValue,
} from '../types.js';
import { withPointer } from './body.js';
import { requestContext, setScope, urlScopeOf } from './context.js';
import { prepareFlow, type PreparedStep } from './flow-prepare.js';
import { renderPrepared } from './prepare.js';
import { bodyOptions } from './render-request.js';

/**
 * What the flow engine asks of its driver: `send` a step's rendered request and answer with its
 * response (renderFlow looks it up in `responses`, runFlow fetches it), or null to stop there; `done`
 * reports a step that finished (skipped, or answered), so a driver can record it before the next one.
 */
export interface FlowEvent {
  kind: 'send' | 'done';
  step: FlowStepResult;
  index: number;
  /** The result so far (live): every step up to this one. */
  flow: FlowResult;
}

/** What later steps read as `steps.<id>` (SPEC §9); a skipped step has `skipped: true` and nulls. */
interface StepRecord {
  status: number | null;
  headers: Record<string, string> | null;
  body: unknown;
  result: JsonValue | null;
  skipped: boolean;
}

const SKIPPED: StepRecord = Object.freeze({
  status: null,
  headers: null,
  body: null,
  result: null,
  skipped: true,
});

/**
 * The one flow engine behind renderFlow and runFlow (SPEC §9): steps run in order; each renders through
 * the same request code as renderRequest, against the payload's context plus `steps` (the earlier
 * steps) and the caller's secrets and connection, all reachable only by name.
 */
export function* flowSteps(
  flow: Flow,
  payload: unknown,
  options: FlowOptions,
): Generator<FlowEvent, FlowResult, FlowResponse | null | undefined> {
  const provider = options.provider ?? undefined;
  const { steps, use } = prepareFlow(flow, provider);
  const context = requestContext(payload, provider, options, use);
  const records: Record<string, StepRecord> = {};
  setScope(context, 'steps', records, use.hidden);
  setScope(context, 'response', undefined, use.hidden);
  const scope = urlScopeOf(context, provider, use.hidden);
  const render = { options: bodyOptions(options), collect: options.diagnostics === true };
  const out: FlowResult = { steps: [] };
  for (let index = resume(steps, options.resume, records, out); index < steps.length; index++) {
    const step = steps[index] as PreparedStep;
    const diagnostics: Diagnostic[] | null = render.collect ? [] : null;
    if (step.when && !truthy(renderPart(step.when, context, `${step.at}/when`, {}, diagnostics))) {
      records[step.id] = SKIPPED;
      const skipped: FlowStepResult = { id: step.id, skipped: true };
      out.steps.push(skipped);
      yield { kind: 'done', step: skipped, index, flow: out };
      continue;
    }
    const entry: FlowStepResult = { id: step.id, skipped: false };
    entry.request = renderPrepared(step.request, payload, context, scope, {
      options: render.options,
      diagnostics,
    });
    out.steps.push(entry);
    const response = yield { kind: 'send', step: entry, index, flow: out };
    if (!response) return stop(out, step.id, 'no-response');
    entry.response = response;
    entry.accepted = step.accepts(response.status);
    if (!entry.accepted) {
      yield { kind: 'done', step: entry, index, flow: out };
      return stop(out, step.id, 'not-accepted');
    }
    if (step.result) entry.result = renderResult(step, context, response, render.options, diagnostics);
    records[step.id] = recordOf(entry);
    yield { kind: 'done', step: entry, index, flow: out };
  }
  return out;
}

function stop(out: FlowResult, id: string, reason: FlowResult['stopReason']): FlowResult {
  out.stoppedAt = id;
  out.stopReason = reason;
  return out;
}

function recordOf(entry: FlowStepResult): StepRecord {
  if (entry.skipped || !entry.response) return SKIPPED;
  const { status, headers, body } = entry.response;
  return { status, headers, body, result: entry.result ?? null, skipped: false };
}

/** `result` sees the step's context plus `response` (`{ status, headers, body }`). */
function renderResult(
  step: PreparedStep,
  context: Record<string, unknown>,
  response: FlowResponse,
  options: ReturnType<typeof bodyOptions>,
  diagnostics: Diagnostic[] | null,
): JsonValue {
  context.response = { status: response.status, headers: response.headers, body: response.body };
  try {
    return renderPart(step.result!, context, `${step.at}/result`, options, diagnostics) as JsonValue;
  } finally {
    context.response = undefined;
  }
}

function renderPart(
  template: NonNullable<PreparedStep['when']>,
  context: Record<string, unknown>,
  pointer: string,
  options: ReturnType<typeof bodyOptions>,
  diagnostics: Diagnostic[] | null,
): unknown {
  if (!diagnostics) return withPointer(() => template.render(context, options), pointer);
  const rendered = withPointer(() => template.renderWithDiagnostics(context, options), pointer);
  for (const d of rendered.diagnostics) diagnostics.push({ ...d, path: pointer + d.path });
  return rendered.value;
}

/**
 * Takes the recorded results of the first steps (`options.resume`): they must be those steps, in order,
 * each skipped or with an accepted response. Returns the index of the first step still to run.
 */
function resume(
  steps: PreparedStep[],
  recorded: FlowStepResult[] | undefined,
  records: Record<string, StepRecord>,
  out: FlowResult,
): number {
  if (!recorded) return 0;
  if (!Array.isArray(recorded) || recorded.length > steps.length) {
    throw new RequestError(
      Codes.INVALID_STEP_RESPONSE,
      `"resume" holds ${recorded.length} steps; the flow has ${steps.length}.`,
      { path: '/steps' },
    );
  }
  recorded.forEach((entry, i) => {
    const step = steps[i] as PreparedStep;
    const fail = (why: string): never => {
      throw new RequestError(
        Codes.INVALID_STEP_RESPONSE,
        `Cannot resume at step ${recorded.length}: the recorded step ${i} ${why}.`,
        { path: step.at },
      );
    };
    if (entry?.id !== step.id)
      fail(`is "${String(entry?.id)}", the flow's step ${i} is "${step.id}" (was the flow changed?)`);
    if (!entry.skipped && !entry.response) fail('has no response');
    if (!entry.skipped && !step.accepts((entry.response as FlowResponse).status))
      fail(`was answered ${entry.response?.status}, which the step does not accept`);
    records[step.id] = recordOf(entry);
    out.steps.push({ ...entry, resumed: true });
  });
  return recorded.length;
}
