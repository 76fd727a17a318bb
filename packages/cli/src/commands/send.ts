import { serializeBody, type MissingPolicy } from '@hookmap/core';
import { CliError } from '../io/errors.js';
import { formatJson } from '../io/output.js';
import { readJsonInput } from '../io/read-input.js';
import { loadIntegration } from '../lib/integration.js';
import { eventSkip, printableRequest, renderOrExplain, reportRenderDiagnostics, setupRender } from '../lib/render.js';
import type { Ui } from '../lib/ui.js';
import { formatMs, parseDuration, sendRequest, type SendResult } from '../net/send.js';

export interface SendOptions {
  provider?: string;
  secrets?: string;
  missing?: MissingPolicy;
  dryRun?: boolean;
  timeout: string;
  allowPrivate?: boolean;
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
