import {
  renderFlow,
  type Flow,
  type FlowResult,
  type FlowStepResult,
  type StepResponse,
} from '@hookmap/core';
import { CliError } from '../io/errors.js';
import { readJsonInput } from '../io/read-input.js';
import { formatProblem } from './diagnostics.js';
import type { LoadedIntegration } from './integration.js';
import {
  explainHookmapError,
  placeIn,
  printableRequest,
  type PrintableRequest,
  type RenderSetup,
} from './render.js';
import type { Ui } from './ui.js';

/** A flow's `--responses` file: step id → `{ status, headers?, body? }` (SPEC §9). */
export async function readResponses(
  spec: string | undefined,
  flow: Flow,
  ui: Ui,
): Promise<Record<string, StepResponse>> {
  if (spec === undefined) return {};
  const input = await readJsonInput(spec, { mark: ui.colors.red });
  const value = input.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`${input.name}: responses are a JSON object of step id to {"status": 200, "body": …}`);
  }
  const ids = new Set(flow.steps.map((s) => s.id));
  for (const [id, response] of Object.entries(value)) {
    const status = (response as { status?: unknown } | null)?.status;
    if (!Number.isInteger(status))
      throw new CliError(`${input.name}: the response of "${id}" needs a "status" (an HTTP status code)`);
    if (!ids.has(id))
      ui.err(
        ui.colors.yellow(`note: ${input.name} has a response for "${id}", which is no step of the flow`),
      );
  }
  return value as Record<string, StepResponse>;
}

/** renderFlow with diagnostics, its errors framed in the integration file like renderRequest's. */
export function renderFlowOrExplain(
  loaded: LoadedIntegration,
  payload: unknown,
  setup: RenderSetup,
  responses: Record<string, StepResponse>,
  ui: Ui,
): FlowResult {
  try {
    return renderFlow(loaded.integration as Flow, payload, {
      ...(setup.provider ? { provider: setup.provider } : {}),
      secrets: setup.secrets,
      ...(setup.missing ? { missing: setup.missing } : {}),
      diagnostics: true,
      responses,
    });
  } catch (error) {
    throw explainHookmapError(loaded, error, ui);
  }
}

export type PrintableStep = Omit<FlowStepResult, 'request'> & { request?: PrintableRequest };

/** The flow result as printed: each request without its diagnostics (they go to stderr). */
export function printableFlow(result: FlowResult): Omit<FlowResult, 'steps'> & { steps: PrintableStep[] } {
  const steps = result.steps.map(({ id, skipped, request, ...rest }) =>
    request ? { id, skipped, request: printableRequest(request), ...rest } : { id, skipped, ...rest },
  );
  return { ...result, steps };
}

/** Each step's diagnostics on stderr, once each (a shared header's problem is met by every step). */
export function reportFlowDiagnostics(loaded: LoadedIntegration, result: FlowResult, ui: Ui): void {
  const seen = new Set<string>();
  for (const step of result.steps) {
    for (const d of step.request?.diagnostics ?? []) {
      const key = `${d.code} ${d.path} ${d.start} ${d.end} ${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ui.err(formatProblem(placeIn(loaded, d, ui), ui.colors));
    }
  }
}

/** Why a flow ended early, in one line, or null when it ran to its end. */
export function describeStop(result: FlowResult, flow: Flow): string | null {
  if (result.stoppedAt === undefined) return null;
  const index = flow.steps.findIndex((s) => s.id === result.stoppedAt);
  const where = `step "${result.stoppedAt}" (${index + 1} of ${flow.steps.length})`;
  const step = result.steps.find((s) => s.id === result.stoppedAt);
  if (result.stopReason === 'no-response') {
    const after =
      index < flow.steps.length - 1 ? '; the steps after it are not rendered (they may read its result)' : '';
    return `stopped at ${where}: no response for it in --responses${after}`;
  }
  if (result.stopReason === 'not-accepted') {
    const accept = flow.steps[index]?.accept;
    return `stopped at ${where}: status ${step?.response?.status} is not accepted (${accept ? `accept ${JSON.stringify(accept)}` : '200–299'})`;
  }
  return `stopped at ${where}`;
}
