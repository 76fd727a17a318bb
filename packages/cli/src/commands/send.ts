import { isFlow, serializeBody, type Flow, type MissingPolicy } from '@hookmap/core';
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
import { sendFlow } from './send-flow.js';
import type { Ui } from '../lib/ui.js';
import { formatMs, parseDuration, sendRequest, type SendResult } from '../net/send.js';

export interface SendOptions {
  provider?: string;
  secrets?: string;
  missing?: MissingPolicy;
  dryRun?: boolean;
  timeout: string;
  allowPrivate?: boolean;
  /** A flow's responses for --dry-run (as for render). */
  responses?: string;
  /** A flow's whole result as JSON instead of one line per step. */
  json?: boolean;
}

/**
 * hookmap send <integration> <payload>: render, then perform the request. Prints the response's
 * status line, headers and body; returns exit code 1 for HTTP status >= 400 (like curl --fail).
 */
export async function sendCommand(
  integrationSpec: string,
  payloadSpec: string,
  options: SendOptions,
  ui: Ui,
): Promise<number> {
  if (integrationSpec === '-' && payloadSpec === '-')
    throw new CliError('only one of the inputs can be read from stdin (-)');
  const timeoutMs = parseDuration(options.timeout);
  const loaded = await loadIntegration(integrationSpec, ui);
  const payload = (await readJsonInput(payloadSpec, { mark: ui.colors.red })).value;
  const setup = await setupRender(loaded, payload, options, ui);
  const doc = loaded.integration;
  if (isFlow(doc))
    return sendFlowCommand({ ...loaded, integration: doc }, payload, setup, options, timeoutMs, ui);
  const request = renderOrExplain(loaded, payload, setup, ui);
  reportRenderDiagnostics(loaded, request, ui);
  if (loaded.integration.active === false)
    ui.err(ui.colors.yellow('note: the integration is marked inactive ("active": false)'));
  const skip = eventSkip(loaded.integration, payload, setup.provider);
  if (skip && !options.dryRun) {
    ui.err(ui.colors.yellow(`skipped: ${skip}; nothing sent`));
    return 0;
  }
  if (skip) ui.err(ui.colors.yellow(`note: ${skip}; a real send would skip it`));
  if (options.dryRun) {
    ui.err(ui.colors.dim('dry run: nothing sent'));
    ui.out(formatJson(printableRequest(request)));
    return 0;
  }
  const body = serializeBody(request);
  ui.err(ui.colors.dim(`${request.method} ${request.url}`));
  const result = await sendRequest(
    {
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(body === undefined ? {} : { body }),
    },
    { timeoutMs, allowPrivate: options.allowPrivate === true },
  );
  printResponse(result, ui);
  return result.status >= 400 ? 1 : 0;
}

/** A flow: skipped like a request when its events/when leave the payload out; --dry-run renders it as render does. */
async function sendFlowCommand(
  loaded: LoadedIntegration & { integration: Flow },
  payload: unknown,
  setup: RenderSetup,
  options: SendOptions,
  timeoutMs: number,
  ui: Ui,
): Promise<number> {
  if (loaded.integration.active === false)
    ui.err(ui.colors.yellow('note: the integration is marked inactive ("active": false)'));
  const skip = eventSkip(loaded.integration, payload, setup.provider);
  if (skip && !options.dryRun) {
    ui.err(ui.colors.yellow(`skipped: ${skip}; nothing sent`));
    return 0;
  }
  if (skip) ui.err(ui.colors.yellow(`note: ${skip}; a real send would skip it`));
  if (options.dryRun) {
    const result = renderFlowOrExplain(
      loaded,
      payload,
      setup,
      await readResponses(options.responses, loaded.integration, ui),
      ui,
    );
    reportFlowDiagnostics(loaded, result, ui);
    ui.err(ui.colors.dim('dry run: nothing sent'));
    const stop = describeStop(result, loaded.integration);
    if (stop) ui.err(ui.colors.yellow(`note: ${stop}`));
    ui.out(formatJson(printableFlow(result)));
    return 0;
  }
  return sendFlow(
    loaded,
    payload,
    setup,
    { timeoutMs, allowPrivate: options.allowPrivate === true, json: options.json === true },
    ui,
  );
}

function printResponse(result: SendResult, ui: Ui): void {
  const c = ui.outColors;
  const statusColor = result.status >= 400 ? c.red : result.status >= 300 ? c.yellow : c.green;
  const lines = [statusColor(`HTTP ${result.status} ${result.statusText}`.trim())];
  for (const [name, value] of result.headers) lines.push(`${c.dim(`${name}:`)} ${value}`);
  lines.push('');
  if (result.body !== '') lines.push(result.body);
  ui.out(lines.join('\n'));
  if (result.truncated) ui.err(ui.colors.yellow('note: the response body was cut at 10 MiB'));
  if (result.location !== undefined) {
    ui.err(ui.colors.yellow(`redirect not followed: Location: ${result.location}`));
  }
  ui.err(ui.colors.dim(`${result.status} in ${formatMs(result.durationMs)}`));
}
