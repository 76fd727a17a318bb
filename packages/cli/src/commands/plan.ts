/** `hookmap plan`: what a changed integration would send for the relay's recent real events (SPEC §12). */
import { pointerSegments } from '@hookmap/core/tooling';
import { readJsonInput } from '../io/read-input.js';
import { CliError } from '../io/errors.js';
import { relayClient, type RelayOptions } from '../net/relay-api.js';
import type { Colors } from '../io/colors.js';
import type { Ui } from '../lib/ui.js';
import type { PatchOperation as Operation, PlanAnswer } from '@hookmap/relay/api';

export interface PlanOptions extends RelayOptions {
  integration?: string;
  limit?: string;
  json?: boolean;
}

export async function planCommand(file: string, options: PlanOptions, ui: Ui): Promise<number> {
  const input = await readJsonInput(file, { mark: ui.colors.red });
  // The relay's own view of an integration ({ id, doc, … }) names itself; a bare document needs --integration.
  const value = input.value as Record<string, unknown>;
  const isView =
    value !== null &&
    typeof value === 'object' &&
    typeof value.id === 'string' &&
    value.doc &&
    typeof value.doc === 'object';
  const id = options.integration ?? (isView ? (value.id as string) : undefined);
  if (!id)
    throw new CliError(
      `which relay integration does ${input.name} change? pass --integration <id> (hookmap versions lists none without one)`,
      { exitCode: 2 },
    );
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new CliError('--limit must be a whole number of events, 1 or more', { exitCode: 2 });
  const client = relayClient(options, ui.env);
  const plan = await client.call<PlanAnswer>('POST', `/api/integrations/${encodeURIComponent(id)}/plan`, {
    doc: isView ? value.doc : value,
    ...(limit ? { limit } : {}),
  });
  if (options.json) {
    ui.out(JSON.stringify(plan, null, 2));
    return 0;
  }
  ui.out(printPlan(plan, ui.outColors));
  return 0;
}

export function printPlan(plan: PlanAnswer, c: Colors): string {
  const s = plan.summary;
  const lines = [
    c.bold(
      `Plan for ${plan.integrationId} against live version ${plan.version}, over ${s.events} recent event${s.events === 1 ? '' : 's'}:`,
    ),
    `  ${s.changed} changed, ${s.unchanged} unchanged · ${paint(s.newlyFailing, 'newly failing', c.red)} · ${paint(s.fixed, 'fixed', c.green)} · ${s.newlySkipped} newly skipped · ${s.newlyIncluded} newly included`,
  ];
  for (const item of plan.items) {
    lines.push('', `${c.cyan(item.eventId)} ${c.dim(item.receivedAt)}`);
    for (const op of item.diff) lines.push(`  ${describe(op, item.before, c)}`);
  }
  if (plan.items.length === 0) lines.push('', c.green('No event would be sent differently.'));
  return lines.join('\n');
}

function paint(n: number, label: string, color: (s: string) => string): string {
  return n > 0 ? color(`${n} ${label}`) : `${n} ${label}`;
}

function describe(op: Operation, before: unknown, c: Colors): string {
  const where = op.path === '' ? '(whole request)' : op.path;
  if (op.op === 'add') return c.green(`+ ${where}: ${short(op.value)}`);
  if (op.op === 'remove') return c.red(`- ${where}: ${short(at(before, op.path))}`);
  if (op.op === 'replace') return c.yellow(`~ ${where}: ${short(at(before, op.path))} → ${short(op.value)}`);
  return `${op.op} ${where}${op.from ? ` from ${op.from}` : ''}`;
}

function at(value: unknown, pointer: string): unknown {
  let current = value;
  for (const key of pointerSegments(pointer)) {
    if (
      current === null ||
      typeof current !== 'object' ||
      !Object.prototype.hasOwnProperty.call(current, key)
    )
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function short(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
