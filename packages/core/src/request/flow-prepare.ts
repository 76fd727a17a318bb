import { Codes } from '../codes.js';
import { RequestError } from '../errors.js';
import { compile } from '../template.js';
import { scopeUse, type ScopeUse } from './context.js';
import type { CompiledTemplate, Diagnostic, Flow, Provider } from '../types.js';
import { withPointer } from './body.js';
import { prepareHeaders } from './headers.js';
import { whenProblems } from './integration.js';
import { prepareRequest, type PreparedRequest } from './prepare.js';
import { throwFirstProblem } from './render-request.js';
import { stepReferenceProblems } from './step-refs.js';
import { integrationTemplates } from './templates.js';
import { validateIntegrationShape } from './validate-shape.js';

/** One step, compiled once: its request (through the same code as a single integration), `when`, `result`, `accept`. */
export interface PreparedStep {
  id: string;
  index: number;
  /** Its pointer in the flow document, `/steps/<index>`. */
  at: string;
  request: PreparedRequest;
  when: CompiledTemplate | null;
  result: CompiledTemplate | null;
  accepts(status: number): boolean;
}

export interface PreparedFlow {
  steps: PreparedStep[];
  use: ScopeUse;
}

const prepared = new WeakMap<Flow, PreparedFlow & { provider: Provider | undefined }>();

/**
 * Checks and compiles a flow once per document object (and provider): the shape (H401), every
 * template (TemplateError with its pointer), then each step's `when` (one placeholder) and which steps
 * its templates read (H409), so a flow that renders at all reads only earlier steps.
 */
export function prepareFlow(flow: Flow, provider: Provider | undefined): PreparedFlow {
  const hit = prepared.get(flow);
  if (hit && hit.provider === provider) return hit;
  throwFirstProblem(validateIntegrationShape(flow));
  if (!Array.isArray((flow as { steps?: unknown }).steps)) {
    throw new RequestError(
      Codes.INVALID_INTEGRATION,
      'This integration has no "steps": render it with renderRequest, or give it a list of steps.',
      { path: '/steps' },
    );
  }
  const shared = prepareHeaders(flow.headers);
  const steps = flow.steps.map((step, index): PreparedStep => {
    const at = `/steps/${index}`;
    const accept = step.accept;
    return {
      id: step.id,
      index,
      at,
      request: prepareRequest(step, provider, at, shared),
      when: step.when === undefined ? null : withPointer(() => compile(step.when as string), `${at}/when`),
      result:
        step.result === undefined ? null : withPointer(() => compile(step.result ?? null), `${at}/result`),
      accepts: accept ? (status) => accept.includes(status) : (status) => status >= 200 && status <= 299,
    };
  });
  throwFirst([...[...integrationTemplates(flow)].flatMap(whenProblems), ...stepReferenceProblems(flow)]);
  const entry = { provider, steps, use: scopeUse(flow, provider) };
  prepared.set(flow, entry);
  return entry;
}

function throwFirst(problems: Diagnostic[]): void {
  const first = problems[0];
  if (!first) return;
  const err = new RequestError(first.code, first.message, {
    path: first.path,
    start: first.start,
    end: first.end,
    key: first.key ?? false,
  });
  throw err;
}
