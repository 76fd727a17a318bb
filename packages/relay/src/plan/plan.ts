/**
 * Plan (SPEC §12): what a new document would send for the source's recent stored events, next to what
 * the live version sends, without any network. The work yields to the event loop every few events, so
 * the relay keeps accepting webhooks while a plan runs.
 */
import { createPatch, type Operation } from 'rfc6902';
import { checkIntegration } from '@hookmap/core';
import type { Diagnostic, IntegrationDocument, Provider, StepResponse } from '@hookmap/core';
import { checkProviderOf } from '../delivery/render.js';
import type { EventRecord } from '../store/types.js';
import { Redactor, secretHeaderNames } from '../redact.js';
import { renderOne, type Rendering } from './render-one.js';
import { standInConnection } from './stand-in.js';

export interface PlanInput {
  live: IntegrationDocument;
  doc: IntegrationDocument;
  events: EventRecord[];
  provider: Provider | undefined;
  secrets: Record<string, string>;
  /** Names of the values the named connections hold (no value): they render as stand-ins, like the names the templates read. */
  connectionNames?: string[];
  /** Responses recorded for an event's flow steps, by step id. */
  responsesOf?: (event: EventRecord) => Promise<Record<string, StepResponse>>;
}

export interface PlanSummary {
  events: number;
  changed: number;
  unchanged: number;
  newlyFailing: number;
  fixed: number;
  newlySkipped: number;
  newlyIncluded: number;
}

export interface PlanItem {
  eventId: string;
  receivedAt: string;
  before: unknown;
  after: unknown;
  diff: Operation[];
  /** For flows: the step each side stopped at for want of a recorded response. */
  stoppedAt?: { before?: string; after?: string };
}

export interface Plan {
  summary: PlanSummary;
  items: PlanItem[];
  /** Static-check problems (SPEC §11, typed against the provider's event schemas) the change adds or removes. */
  problems: { appeared: Diagnostic[]; disappeared: Diagnostic[] };
}

const CHUNK = 25;

export async function planChange(input: PlanInput): Promise<Plan> {
  // Headers whose template reads a secret are masked whole, on both sides of the diff.
  const redactor = new Redactor(
    Object.values(input.secrets),
    new Set([...secretHeaderNames(input.live), ...secretHeaderNames(input.doc)]),
  );
  const summary: PlanSummary = {
    events: 0,
    changed: 0,
    unchanged: 0,
    newlyFailing: 0,
    fixed: 0,
    newlySkipped: 0,
    newlyIncluded: 0,
  };
  const items: PlanItem[] = [];
  const connection = standInConnection([input.live, input.doc], input.connectionNames);
  for (const [index, event] of input.events.entries()) {
    if (index > 0 && index % CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
    let payload: unknown;
    try {
      payload = JSON.parse(event.body);
    } catch {
      continue; // not JSON: never delivered, nothing to compare
    }
    const responses = input.responsesOf ? await input.responsesOf(event) : {};
    const common = {
      payload,
      provider: input.provider,
      secrets: input.secrets,
      connection,
      responses,
      redactor,
    };
    const before = renderOne({ ...common, doc: input.live });
    const after = renderOne({ ...common, doc: input.doc });
    summary.events++;
    count(summary, before, after);
    const shownBefore = shown(before);
    const shownAfter = shown(after);
    const diff = createPatch(shownBefore, shownAfter);
    if (diff.length === 0) {
      summary.unchanged++;
      continue;
    }
    summary.changed++;
    const stoppedAt = stops(before, after);
    items.push({
      eventId: event.id,
      receivedAt: event.receivedAt,
      before: shownBefore,
      after: shownAfter,
      diff,
      ...(stoppedAt ? { stoppedAt } : {}),
    });
  }
  return { summary, items, problems: problemChanges(input) };
}

function problemChanges(input: PlanInput): Plan['problems'] {
  const provider = checkProviderOf(input.provider);
  const of = (doc: IntegrationDocument) => {
    try {
      return checkIntegration(doc, { provider }).diagnostics;
    } catch {
      return [];
    }
  };
  const key = (d: Diagnostic) => `${d.severity} ${d.code} ${d.path} ${d.message}`;
  const before = of(input.live);
  const after = of(input.doc);
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return {
    appeared: after.filter((d) => !had.has(key(d))),
    disappeared: before.filter((d) => !has.has(key(d))),
  };
}

function count(summary: PlanSummary, before: Rendering, after: Rendering): void {
  if (before.kind !== 'failed' && after.kind === 'failed') summary.newlyFailing++;
  if (before.kind === 'failed' && after.kind !== 'failed') summary.fixed++;
  if (before.kind !== 'skipped' && after.kind === 'skipped') summary.newlySkipped++;
  if (before.kind === 'skipped' && after.kind !== 'skipped') summary.newlyIncluded++;
}

/**
 * The request (`{ method, url, headers, body }`, or the list of a flow's step requests), null when the
 * document leaves the event out, `{ error: { code, message } }` when it cannot be rendered.
 */
function shown(r: Rendering): unknown {
  if (r.kind === 'skipped') return null;
  if (r.kind === 'failed') return { error: { code: r.code, message: r.message } };
  return r.value;
}

function stops(before: Rendering, after: Rendering): PlanItem['stoppedAt'] {
  const b = before.kind === 'request' ? before.stoppedAt : undefined;
  const a = after.kind === 'request' ? after.stoppedAt : undefined;
  return b || a ? { ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) } : undefined;
}
