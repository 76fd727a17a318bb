/**
 * One attempt of a flow delivery (SPEC §9): core's `runFlow` drives the steps; each request goes out
 * through the relay's own `send` (private-network guard, deadline, no redirects) behind the host gate,
 * and every step but the last of the attempt is recorded before the next one is sent. The attempt
 * starts after the steps a previous attempt recorded as succeeded (`resumeOf`): they are never sent again.
 */
import { FlowError, HookmapError, runFlow } from '@hookmap/core';
import type { Flow, FlowFetch, FlowStepResult, JsonValue, Provider } from '@hookmap/core';
import type { Redactor } from '../redact.js';
import type { Admission } from './host-gate.js';
import type { OutboundRequest, SendOptions, SendResult } from './send.js';
import { send } from './send.js';
import { resumeOf } from './flow-resume.js';
import type { Attempt, Store } from '../store/types.js';

/** Step responses are read (and recorded, for a later resume) up to this size at least: lookups must parse. */
export const FLOW_RESPONSE_BYTES = 256 * 1024;

/** What an attempt row of a flow says about its step. */
export interface StepInfo {
  stepId: string;
  skipped: boolean;
  /** The step's status is one it accepts (a skipped step counts as accepted). */
  accepted: boolean;
  result?: JsonValue;
}

/** A step as it is recorded: the request sent (secrets masked), what came back, and the step. */
export interface StepRecord {
  startedAt: string;
  request: OutboundRequest | null;
  result: SendResult;
  step: StepInfo;
}

export type FlowOutcome =
  /** The attempt is over: `last` finishes it (recorded with the delivery's update); null when no step was left to run. */
  | { kind: 'final'; last: StepRecord | null }
  /** The host gate parked the next step: the steps before it are recorded; the delivery is due at `until`. */
  | { kind: 'parked'; until: number; reason: string; host: string }
  /** Another process holds the delivery now (this one's lease ran out): stop, record nothing more. */
  | { kind: 'lost' };

export interface FlowAttempt {
  store: Store;
  flow: Flow;
  payload: unknown;
  provider: Provider | undefined;
  secrets: Record<string, string>;
  /** The `connection` scope (SPEC §10), when the flow names one. */
  connection?: Record<string, string> | undefined;
  deliveryId: string;
  redactor: Redactor;
  send: SendOptions;
  signal: AbortSignal;
  /** Headers the relay adds to every request (delivery id, attempt number). */
  extraHeaders: Record<string, string>;
  /** The host gate's admission for a request, or null to send without one. */
  admit: ((request: OutboundRequest, shownHost: string) => Promise<Admission>) | null;
  hostOf: (url: string) => string;
  /** Record a step that is not the last of the attempt; false when the lease was lost. */
  recordStep: (record: StepRecord) => Promise<boolean>;
}

/** The request of the step under way, once sent, and what came back. */
interface Sent {
  startedAt: string;
  request: OutboundRequest;
  result: SendResult;
}

class Parked extends Error {
  constructor(
    readonly until: number,
    readonly reason: string,
    readonly host: string,
  ) {
    super(`parked: ${reason}`);
  }
}

class LeaseLost extends Error {}

/** Runs what is left of the flow for one attempt. */
export async function attemptFlow(a: FlowAttempt): Promise<FlowOutcome> {
  const steps = a.flow.steps;
  const resume = await resumeOf(a.store, a.deliveryId, a.flow);
  const options: SendOptions = {
    ...a.send,
    maxResponseBytes: Math.max(a.send.maxResponseBytes, FLOW_RESPONSE_BYTES),
  };
  let sent: Sent | null = null;
  let last: StepRecord | null = null;
  let ran = 0;

  const fetch: FlowFetch = async (url, init) => {
    const outHeaders: Record<string, string> = { 'user-agent': 'hookmap-relay/0.1', ...a.extraHeaders };
    for (const [name, value] of Object.entries(init.headers)) outHeaders[name.toLowerCase()] = value;
    const request: OutboundRequest = {
      method: init.method,
      url,
      headers: outHeaders,
      body: init.body ?? null,
    };
    const shownHost = a.hostOf(a.redactor.text(url));
    const admission = a.admit ? await a.admit(request, shownHost) : null;
    if (admission && !admission.go) throw new Parked(admission.until, admission.reason, shownHost);
    const startedAt = new Date().toISOString();
    const result = await send(request, options, a.signal);
    if (admission?.go) await admission.done(result);
    sent = { startedAt, request, result };
    if (result.status === null) throw new Error(result.error ?? 'no response');
    const headers = Object.entries(result.headers ?? {});
    return {
      status: result.status,
      headers: { forEach: (cb) => headers.forEach(([n, v]) => cb(v, n)) },
      text: async () => result.body ?? '',
    };
  };

  const onStep = async (step: FlowStepResult): Promise<void> => {
    ran++;
    const record = recordOf(step, step.skipped ? null : sent, a.redactor);
    sent = null;
    const index = steps.findIndex((s) => s.id === step.id);
    if (!record.step.accepted || index === steps.length - 1) {
      last = record; // finishes the attempt: recorded with the delivery's update
      return;
    }
    if (!(await a.recordStep(record))) throw new LeaseLost();
  };

  try {
    await runFlow(a.flow, a.payload, {
      provider: a.provider,
      secrets: a.secrets,
      ...(a.connection ? { connection: a.connection } : {}),
      fetch,
      onStep,
      resume,
      maxResponseBytes: options.maxResponseBytes,
      signal: a.signal,
    });
    return { kind: 'final', last };
  } catch (error) {
    if (error instanceof LeaseLost) return { kind: 'lost' };
    const cause = error instanceof FlowError ? error.cause : error;
    if (cause instanceof Parked)
      return { kind: 'parked', until: cause.until, reason: cause.reason, host: cause.host };
    if (error instanceof FlowError) {
      // The step's request went out (or was refused before it could): record it with the send's error.
      const failed = sent as Sent | null;
      const result = maskedResult(failed?.result ?? notSent(error.message), a.redactor);
      const request = failed ? masked(failed.request, a.redactor) : null;
      const step: StepInfo = { stepId: error.stepId, skipped: false, accepted: false };
      return {
        kind: 'final',
        last: { startedAt: failed?.startedAt ?? new Date().toISOString(), request, result, step },
      };
    }
    // The store failed (recording a step): the attempt is abandoned, its lease runs out, it is made again.
    if (!(error instanceof HookmapError)) throw error;
    // A step that cannot be rendered (or a recorded chain that no longer fits the flow): never retried.
    const index = resume.length + ran;
    const stepId = stepAt(error, steps) ?? steps[Math.min(index, steps.length - 1)]?.id ?? '';
    const result: SendResult = {
      ...notSent(a.redactor.text(`could not be rendered: ${error.message}`)),
      permanent: true,
    };
    return {
      kind: 'final',
      last: {
        startedAt: new Date().toISOString(),
        request: null,
        result,
        step: { stepId, skipped: false, accepted: false },
      },
    };
  }
}

/** The step a core error points at (`/steps/2/...`), if any. */
function stepAt(error: unknown, steps: Flow['steps']): string | undefined {
  if (!(error instanceof HookmapError)) return undefined;
  const match = /^\/steps\/(\d+)/.exec(error.path);
  return match ? steps[Number(match[1])]?.id : undefined;
}

function recordOf(step: FlowStepResult, sent: Sent | null, redactor: Redactor): StepRecord {
  const info: StepInfo = {
    stepId: step.id,
    skipped: step.skipped,
    accepted: step.skipped || step.accepted === true,
  };
  if (step.result !== undefined) info.result = redactJson(step.result, redactor);
  if (!sent) return { startedAt: new Date().toISOString(), request: null, result: notSent(null), step: info };
  return {
    startedAt: sent.startedAt,
    request: masked(sent.request, redactor),
    result: maskedResult(sent.result, redactor),
    step: info,
  };
}

function masked(request: OutboundRequest, redactor: Redactor): OutboundRequest {
  return {
    ...request,
    url: redactor.text(request.url),
    headers: redactor.headers(request.headers) ?? {},
    body: redactor.text(request.body),
  };
}

function maskedResult(result: SendResult, redactor: Redactor): SendResult {
  return {
    ...result,
    headers: redactor.headers(result.headers),
    body: redactor.text(result.body),
    error: redactor.text(result.error),
  };
}

function redactJson(value: JsonValue, redactor: Redactor): JsonValue {
  if (typeof value === 'string') return redactor.text(value);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, redactor));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, redactor)]));
  return value;
}

function notSent(error: string | null): SendResult {
  return { status: null, headers: null, body: null, error, durationMs: 0 };
}

/** The attempt row of a step: the fields a flow adds to an Attempt. */
export function stepFields(step: StepInfo): Pick<Attempt, 'stepId' | 'skipped' | 'result'> {
  return {
    stepId: step.stepId,
    skipped: step.skipped,
    ...(step.result !== undefined ? { result: step.result } : {}),
  };
}
