import { FlowError, runFlow, type Flow, type FlowResult, type FlowStepResult } from '@hookmap/core';
import { formatJson } from '../io/output.js';
import { describeStop, printableFlow, type PrintableStep } from '../lib/flow.js';
import type { LoadedIntegration } from '../lib/integration.js';
import { explainHookmapError, type RenderSetup } from '../lib/render.js';
import type { Ui } from '../lib/ui.js';
import { flowFetch } from '../net/flow-fetch.js';
import { formatMs, type SendResult } from '../net/send.js';

export interface SendFlowOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  json?: boolean;
}

/**
 * hookmap send on a flow: runs every step with the safe fetch, one line per step on stdout as it ends
 * (`--json`: the whole result instead). Exit code 1 when the flow stops before its end.
 */
export async function sendFlow(
  loaded: LoadedIntegration & { integration: Flow },
  payload: unknown,
  setup: RenderSetup,
  options: SendFlowOptions,
  ui: Ui,
): Promise<number> {
  const flow = loaded.integration;
  const exchanges: SendResult[] = [];
  const fetch = flowFetch(
    { timeoutMs: options.timeoutMs, allowPrivate: options.allowPrivate, maxBodyBytes: 1024 * 1024 },
    (r) => exchanges.push(r),
  );
  const onStep = (step: FlowStepResult): void => {
    if (!options.json) ui.out(stepLine(step, exchanges.at(-1), ui));
  };
  let result: FlowResult;
  try {
    result = await runFlow(flow, payload, {
      ...(setup.provider ? { provider: setup.provider } : {}),
      secrets: setup.secrets,
      ...(setup.missing ? { missing: setup.missing } : {}),
      fetch,
      onStep,
    });
  } catch (error) {
    if (!(error instanceof FlowError)) throw explainHookmapError(loaded, error, ui);
    if (options.json) ui.out(formatJson(printableFlow(error.flow)));
    else ui.out(`${error.stepId}: ${ui.outColors.red('no response')}`);
    throw explainHookmapError(loaded, error, ui);
  }
  if (options.json) ui.out(formatJson(printableFlow(result)));
  const last = exchanges.at(-1);
  if (result.stopReason === 'not-accepted' && last?.location !== undefined) {
    ui.err(ui.colors.yellow(`redirect not followed: Location: ${last.location}`));
  }
  const stop = describeStop(result, flow);
  if (stop) ui.err(ui.colors.red(stop));
  else ui.err(ui.colors.dim(`${result.steps.length} steps done`));
  return stop ? 1 : 0;
}

/** "find  GET https://… → HTTP 200 OK (120ms)", "create  skipped", "note  … → HTTP 500 (not accepted)". */
function stepLine(step: FlowStepResult | PrintableStep, exchange: SendResult | undefined, ui: Ui): string {
  const c = ui.outColors;
  if (step.skipped) return `${step.id}  ${c.dim('skipped')}`;
  const request = step.request ? `${step.request.method} ${step.request.url}` : '';
  const status = step.response?.status ?? 0;
  const color = step.accepted ? c.green : c.red;
  const text = exchange?.statusText ? ` ${exchange.statusText}` : '';
  const time = exchange ? ` (${formatMs(exchange.durationMs)})` : '';
  return `${step.id}  ${request} → ${color(`HTTP ${status}${text}`)}${step.accepted ? '' : ' (not accepted)'}${time}`;
}
