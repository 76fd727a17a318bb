/**
 * Flows (SPEC §9): what earlier attempts of a delivery recorded, as the chain of its steps and as the
 * `resume` core's runFlow starts after, so that a step that succeeded is never sent again for that event.
 */
import type { Flow, FlowResponse, FlowStepResult } from '@hookmap/core';
import type { Attempt, Store } from '../store/types.js';

const JSON_TYPE = /^\s*application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Every attempt row of a delivery, oldest first (ids are time-sortable). */
export async function attemptsOf(store: Store, deliveryId: string): Promise<Attempt[]> {
  const out: Attempt[] = [];
  let before: string | undefined;
  do {
    const page = await store.listAttempts({ deliveryId, limit: 500, ...(before ? { before } : {}) });
    out.push(...page.items);
    before = page.next ?? undefined;
  } while (before);
  return out.reverse();
}

/**
 * The chain of a flow delivery: the latest row of each step, in the order they were recorded (a step is
 * recorded only after every step before it succeeded, so this is the flow's order). Empty for a single request.
 */
export function stepChain(attempts: Attempt[]): Attempt[] {
  const latest = new Map<string, Attempt>();
  for (const a of attempts) if (a.stepId) latest.set(a.stepId, a);
  return [...latest.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** A step row that may be resumed from: skipped, or answered with a status its step accepted. */
function succeeded(a: Attempt): boolean {
  return a.outcome === 'success' && (a.skipped === true || a.responseStatus !== null);
}

/**
 * The recorded results of the first steps of `flow` that succeeded in earlier attempts, in order, as
 * runFlow's `resume`: the next attempt starts at the first step without one.
 */
export async function resumeOf(store: Store, deliveryId: string, flow: Flow): Promise<FlowStepResult[]> {
  const done = new Map<string, Attempt>();
  for (const a of await attemptsOf(store, deliveryId)) if (a.stepId && succeeded(a)) done.set(a.stepId, a);
  const out: FlowStepResult[] = [];
  for (const step of flow.steps) {
    const row = done.get(step.id);
    // A step changed since (its `accept`) runs again rather than resume from a status it no longer accepts.
    if (!row || (!row.skipped && !accepts(step.accept, row.responseStatus as number))) break;
    out.push(resumed(row));
  }
  return out;
}

function accepts(accept: number[] | undefined, status: number): boolean {
  return accept ? accept.includes(status) : status >= 200 && status < 300;
}

function resumed(row: Attempt): FlowStepResult {
  const id = row.stepId as string;
  if (row.skipped) return { id, skipped: true };
  const headers = row.responseHeaders ?? {};
  const response: FlowResponse = {
    status: row.responseStatus as number,
    headers,
    body: bodyOf(row.responseBody, headers['content-type']),
  };
  return {
    id,
    skipped: false,
    response,
    accepted: true,
    ...(row.result !== undefined ? { result: row.result } : {}),
  };
}

/** The body as the step read it: JSON parsed when its content type says so, none as null. */
function bodyOf(text: string | null, contentType: string | undefined): unknown {
  if (text === null || text === '') return null;
  if (!contentType || !JSON_TYPE.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
