import { Codes } from '../codes.js';
import { RequestError } from '../errors.js';
import type {
  Flow,
  FlowResponse,
  IntegrationDocument,
  FlowResult,
  FlowStepResult,
  RenderFlowOptions,
  RunFlowOptions,
  StepResponse,
} from '../types.js';
import { flowSteps } from './flow.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readResponse, toFlowResponse } from './flow-response.js';
import { serializeBody } from './render-request.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** True for a flow (a document with `steps`), false for a single-request integration. */
export function isFlow(doc: IntegrationDocument): doc is Flow {
  return typeof doc === 'object' && doc !== null && 'steps' in doc;
}

/**
 * SPEC §9, without a network: renders every step, taking each one's response from
 * `responses[stepId]`, and stops (`stoppedAt`, `stopReason: 'no-response'`) at the first step that runs
 * and has none. A status the step does not accept stops it too (`'not-accepted'`).
 */
export function renderFlow(flow: Flow, payload: unknown, options: RenderFlowOptions = {}): FlowResult {
  const responses = options.responses ?? {};
  const run = flowSteps(flow, payload, options);
  let next = run.next();
  while (!next.done) {
    const { kind, step, index } = next.value;
    const given =
      kind === 'send' && hasOwn.call(responses, step.id) ? (responses[step.id] as StepResponse) : undefined;
    next = run.next(given === undefined ? null : toFlowResponse(given, `/steps/${index}`));
  }
  return next.value;
}

/** runFlow could not get a step's response (the fetch threw): `flow` has every step up to that one. */
export class FlowError extends RequestError {
  constructor(
    message: string,
    readonly stepId: string,
    readonly flow: FlowResult,
    index: number,
    cause: unknown,
  ) {
    super(Codes.STEP_FAILED, message, { path: `/steps/${index}` });
    this.name = 'FlowError';
    this.cause = cause;
  }
}

/**
 * SPEC §9: performs the flow with the injected `fetch` (redirects are not followed: `redirect:
 * 'manual'`), reading each response body up to `maxResponseBytes`. `onStep` is awaited after every step,
 * before the next is sent, so a caller can record it; a fetch that throws rejects with a FlowError.
 */
export async function runFlow(flow: Flow, payload: unknown, options: RunFlowOptions): Promise<FlowResult> {
  const max = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const run = flowSteps(flow, payload, options);
  let next = run.next();
  while (!next.done) {
    const { kind, step, index, flow: sofar } = next.value;
    let answer: FlowResponse | undefined;
    if (kind === 'send') {
      answer = await send(step, index, options, max, sofar);
    } else {
      await options.onStep?.(step);
    }
    next = run.next(answer);
  }
  return next.value;
}

async function send(
  step: FlowStepResult,
  index: number,
  options: RunFlowOptions,
  max: number,
  sofar: FlowResult,
): Promise<FlowResponse> {
  const request = step.request!;
  const body = serializeBody(request);
  try {
    const response = await options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      ...(body === undefined ? {} : { body }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return await readResponse(response, max);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const flow: FlowResult = { steps: [...sofar.steps], stoppedAt: step.id, stopReason: 'error' };
    // The URL is left out of the message: it may hold a secret (`?key={{ secrets.KEY }}`).
    throw new FlowError(`Step "${step.id}" got no response: ${why}`, step.id, flow, index, e);
  }
}
