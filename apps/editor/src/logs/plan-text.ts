/** Words for a plan's answer (SPEC §12) and for a source's recent events. */
import type { DeliveryStatus, DeliveryView, PlanAnswer, PlanSummary } from './types.js';

type PlanItem = PlanAnswer['items'][number];

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "Changes 37 of 100 recent events, 2 newly failing" — the plan in one line. */
export function planHeadline(summary: PlanSummary): string {
  if (summary.events === 0) return 'No recent events of this source to plan over yet.';
  const head =
    summary.changed === 0
      ? `Changes none of ${plural(summary.events, 'recent event', 'recent events')}`
      : `Changes ${summary.changed} of ${plural(summary.events, 'recent event', 'recent events')}`;
  const extra = [
    summary.newlyFailing > 0 ? `${summary.newlyFailing} newly failing` : '',
    summary.fixed > 0 ? `${summary.fixed} fixed` : '',
    summary.newlySkipped > 0 ? `${summary.newlySkipped} newly skipped` : '',
    summary.newlyIncluded > 0 ? `${summary.newlyIncluded} newly included` : '',
  ].filter(Boolean);
  return extra.length ? `${head}, ${extra.join(', ')}` : head;
}

const failed = (x: unknown): boolean => typeof x === 'object' && x !== null && 'error' in x;

/** What a changed event turns into: a render error where there was none, no request where there was one, … */
export function itemKind(
  item: Pick<PlanItem, 'before' | 'after'>,
): 'newly failing' | 'fixed' | 'newly skipped' | 'newly included' | 'changed' {
  if (failed(item.after) && !failed(item.before)) return 'newly failing';
  if (failed(item.before) && !failed(item.after)) return 'fixed';
  if (item.after === null && item.before !== null) return 'newly skipped';
  if (item.before === null && item.after !== null) return 'newly included';
  return 'changed';
}

/** The render error of a plan side, if it has one. */
export function renderError(side: unknown): string | null {
  if (!failed(side)) return null;
  const e = (side as { error: { code?: string; message?: string } }).error;
  return [e.code, e.message].filter(Boolean).join(': ') || 'cannot be rendered';
}

/** The statuses of each event's deliveries (newest delivery first), by event id. */
export function statusesByEvent(deliveries: DeliveryView[]): Map<string, DeliveryStatus[]> {
  const out = new Map<string, DeliveryStatus[]>();
  for (const d of deliveries) out.set(d.eventId, [...(out.get(d.eventId) ?? []), d.status]);
  return out;
}

/** One value shown in a diff line. */
export function short(value: unknown, max = 80): string {
  const text = value === undefined ? '(none)' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
