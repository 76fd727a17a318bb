import { isFlow, type Flow, type MissingPolicy } from '@hookmap/core';
import { CliError } from '../io/errors.js';
import { formatJson } from '../io/output.js';
import { readJsonInput } from '../io/read-input.js';
import {
  describeStop,
  printableFlow,
  readResponses,
  renderFlowOrExplain,
  reportFlowDiagnostics,
} from '../lib/flow.js';
import { loadIntegration, type LoadedIntegration } from '../lib/integration.js';
import {
  eventSkip,
  printableRequest,
  renderOrExplain,
  reportRenderDiagnostics,
  setupRender,
  type RenderSetup,
} from '../lib/render.js';
import type { Ui } from '../lib/ui.js';

export interface RenderOptions {
  provider?: string;
  secrets?: string;
  missing?: MissingPolicy;
  /** A flow's assumed responses, by step id (SPEC §9). */
  responses?: string;
  body?: boolean;
  compact?: boolean;
}

/** hookmap render <integration> <payload>: print the request (or, for a flow, every step) the integration makes. */
export async function renderCommand(
  integrationSpec: string,
  payloadSpec: string,
  options: RenderOptions,
  ui: Ui,
): Promise<void> {
  const specs = [integrationSpec, payloadSpec, options.responses];
  if (specs.filter((s) => s === '-').length > 1)
    throw new CliError('only one of the inputs can be read from stdin (-)');
  const loaded = await loadIntegration(integrationSpec, ui);
  const payload = (await readJsonInput(payloadSpec, { mark: ui.colors.red })).value;
  const setup = await setupRender(loaded, payload, options, ui);
  const skip = eventSkip(loaded.integration, payload, setup.provider);
  const doc = loaded.integration;
  if (isFlow(doc))
    return renderFlowCommand({ ...loaded, integration: doc }, payload, setup, options, skip, ui);
  if (options.responses !== undefined)
    ui.err(ui.colors.yellow('note: --responses applies to flows; this integration is one request'));
  const request = renderOrExplain(loaded, payload, setup, ui);
  reportRenderDiagnostics(loaded, request, ui);
  if (skip) ui.err(ui.colors.yellow(`note: ${skip}; the relay and send would skip it`));
  if (!options.body) return ui.out(formatJson(printableRequest(request), options.compact));
  if (request.body === undefined) throw new CliError(`the request has no body (method ${request.method})`);
  ui.out(typeof request.body === 'string' ? request.body : formatJson(request.body, options.compact));
}

/** A flow: `{ steps, stoppedAt? }` on stdout; where and why the preview stopped on stderr. */
async function renderFlowCommand(
  loaded: LoadedIntegration & { integration: Flow },
  payload: unknown,
  setup: RenderSetup,
  options: RenderOptions,
  skip: string | null,
  ui: Ui,
): Promise<void> {
  if (options.body)
    throw new CliError(
      '--body prints one request\'s body; a flow has several requests (see "steps" in the output)',
    );
  const responses = await readResponses(options.responses, loaded.integration, ui);
  const result = renderFlowOrExplain(loaded, payload, setup, responses, ui);
  reportFlowDiagnostics(loaded, result, ui);
  if (skip) ui.err(ui.colors.yellow(`note: ${skip}; the relay and send would skip it`));
  const stop = describeStop(result, loaded.integration);
  if (stop) ui.err(ui.colors.yellow(`note: ${stop}`));
  ui.out(formatJson(printableFlow(result), options.compact));
}
