/**
 * One stored event rendered with one document, without any network (SPEC §12): a single request, or a
 * flow's step requests with the responses recorded for that event (stopping where none was recorded).
 */
import { integrationApplies, isFlow, renderFlow, renderRequest } from '@hookmap/core';
import type { IntegrationDocument, Provider, RenderedRequest, StepResponse } from '@hookmap/core';
import type { Redactor } from '../redact.js';

export interface PlannedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Parsed when JSON, else the text; null without a body. */
  body: unknown;
}

export interface PlannedStep extends PlannedRequest {
  step: string;
}

/** What a document does with an event: the request(s), or skipped (`events`/`when`), or a failure. */
export type Rendering =
  | { kind: 'request'; value: PlannedRequest | PlannedStep[]; stoppedAt?: string }
  | { kind: 'skipped' }
  | { kind: 'failed'; code: string; message: string };

export interface RenderInput {
  doc: IntegrationDocument;
  payload: unknown;
  provider: Provider | undefined;
  secrets: Record<string, string>;
  /** Stand-ins for the connection's values (stand-in.ts), never the real ones. */
  connection: Record<string, string>;
  responses: Record<string, StepResponse>;
  redactor: Redactor;
}

export function renderOne(input: RenderInput): Rendering {
  const { doc, payload, provider, secrets, connection, redactor } = input;
  try {
    if (!integrationApplies(doc, payload, provider)) return { kind: 'skipped' };
    if (isFlow(doc)) {
      const flow = renderFlow(doc, payload, {
        provider,
        secrets,
        connection,
        responses: input.responses,
      });
      const steps = flow.steps.flatMap((s) =>
        s.request ? [{ step: s.id, ...planned(s.request, redactor) }] : [],
      );
      return { kind: 'request', value: steps, ...(flow.stoppedAt ? { stoppedAt: flow.stoppedAt } : {}) };
    }
    return {
      kind: 'request',
      value: planned(renderRequest(doc, payload, { provider, secrets, connection }), redactor),
    };
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown };
    return {
      kind: 'failed',
      code: typeof e.code === 'string' ? e.code : 'error',
      message: redactor.text(String(e.message)) ?? '',
    };
  }
}

function planned(request: RenderedRequest, redactor: Redactor): PlannedRequest {
  const body: unknown = request.body ?? null;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  return {
    method: request.method,
    url: redactor.text(request.url) ?? '',
    headers: redactor.headers(headers) ?? {},
    body: masked(body, redactor),
  };
}

/** Secrets masked inside every string of the body. */
function masked(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') return redactor.text(value);
  if (Array.isArray(value)) return value.map((v) => masked(v, redactor));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, redactor)]));
  return value;
}
