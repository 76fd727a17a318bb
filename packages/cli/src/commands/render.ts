import type { MissingPolicy } from '@hookmap/core';
import { CliError } from '../io/errors.js';
import { formatJson } from '../io/output.js';
import { readJsonInput } from '../io/read-input.js';
import { loadIntegration } from '../lib/integration.js';
import { eventSkip, printableRequest, renderOrExplain, reportRenderDiagnostics, setupRender } from '../lib/render.js';
import type { Ui } from '../lib/ui.js';

export interface RenderOptions {
  provider?: string;
  secrets?: string;
  missing?: MissingPolicy;
  body?: boolean;
  compact?: boolean;
}

/** hookmap render <integration> <payload>: print the request the integration makes for the payload. */
export async function renderCommand(
  integrationSpec: string,
  payloadSpec: string,
  options: RenderOptions,
  ui: Ui,
): Promise<void> {
  if (integrationSpec === '-' && payloadSpec === '-')
    throw new CliError('only one of the inputs can be read from stdin (-)');
  const loaded = await loadIntegration(integrationSpec, ui);
  const payload = (await readJsonInput(payloadSpec, { mark: ui.colors.red })).value;
  const setup = await setupRender(loaded, payload, options, ui);
  const request = renderOrExplain(loaded, payload, setup, ui);
  reportRenderDiagnostics(loaded, request, ui);
  const skip = eventSkip(loaded.integration, payload, setup.provider);
  if (skip) ui.err(ui.colors.yellow(`note: ${skip}; the relay and send would skip it`));
  if (!options.body) return ui.out(formatJson(printableRequest(request), options.compact));
  if (request.body === undefined) throw new CliError(`the request has no body (method ${request.method})`);
  ui.out(typeof request.body === 'string' ? request.body : formatJson(request.body, options.compact));
}
