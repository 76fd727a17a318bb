/** Public types of @hookmap/core. Everything here is part of the contract in SPEC.md §1. */
import type { Code } from './codes.js';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type DelimiterMode = 'braces' | 'angles' | 'both';
export type MissingPolicy = 'null' | 'omit' | 'keep' | 'error';
export type Severity = 'error' | 'warning' | 'info';

/** SPEC §8. Every limit is on by default; pass a partial object to change some. */
export interface Limits {
  /** Template source size in bytes (UTF-16 code units of the JSON text). Default 1 MiB. */
  maxTemplateBytes: number;
  /** Nesting depth of the template (JSON and directives). Default 64. */
  maxDepth: number;
  /** `$each` iterations per render, summed over all loops. Default 100 000. */
  maxIterations: number;
  /** Size of the rendered output in bytes (estimated while rendering). Default 10 MiB. */
  maxOutputBytes: number;
  /** Depth of the payload/context given to render. Default 256. */
  maxPayloadDepth: number;
}

export type FilterFn = (input: unknown, ...args: unknown[]) => unknown;

export interface CompileOptions {
  delimiters?: DelimiterMode;
  limits?: Partial<Limits>;
  /** Extra filters, merged over the built-in registry. */
  filters?: Record<string, FilterFn>;
}

export interface RenderOptions {
  missing?: MissingPolicy;
  limits?: Partial<Limits>;
}

/**
 * A problem with its place. `C` is the catalogue its code comes from: core's (`Code`, H1xx–H5xx) by default;
 * packages that add their own widen it, e.g. targets' `Diagnostic<Code | TargetCode>`, and tools that mix
 * several use `Diagnostic<string>`.
 */
export interface Diagnostic<C extends string = Code> {
  severity: Severity;
  code: C;
  message: string;
  /** JSON Pointer into the template ('' for the root / a string template). */
  path: string;
  /** Offsets inside the string at `path` (or the key, when `key` is true). */
  start: number;
  end: number;
  /** True when the offsets point into an object key rather than a string value. */
  key?: boolean;
  /** Expression path the diagnostic is about, e.g. "data_capture.name". */
  reference?: string;
  /** "did you mean" candidate, when there is one. */
  suggestion?: string;
}

export interface RenderResult {
  value: JsonValue;
  diagnostics: Diagnostic[];
}

export interface CompiledTemplate {
  readonly source: JsonValue | string;
  /** Every path the template reads, e.g. "data_capture.customer_name" (JSONPath queries as written). */
  readonly references: string[];
  render(context: object, options?: RenderOptions): JsonValue;
  renderWithDiagnostics(context: object, options?: RenderOptions): RenderResult;
}

// ---- integrations (SPEC §6) ----

export type HttpMethod = 'POST' | 'PUT' | 'PATCH' | 'GET' | 'DELETE';

export type IntegrationBody =
  | { mode: 'auto'; sections: string[] }
  | { mode: 'template'; template: JsonValue }
  | { mode: 'text'; template: string; contentType?: string; engine?: 'hookmap' | 'handlebars' };

export interface Integration {
  name?: string;
  method?: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  body?: IntegrationBody;
  active?: boolean;
  /**
   * Send only for these events of the provider (its `common.event`, one of `provider.events`), e.g.
   * `["transcript.update"]` for one Attendee trigger. Absent or empty: every event. See `handlesEvent`.
   */
  events?: string[];
  /**
   * Send only when this condition holds for the payload: one placeholder, e.g.
   * `{{ data.new_state == 'ended' }}`, read against the body's context (no secrets). See `whenHolds`.
   */
  when?: string;
  /** Optional hints used by tools: the provider id the integration was written for, a target preset id. */
  provider?: string;
  target?: string;
  /** The relay connection whose values templates read as `{{ connection.<name> }}` (SPEC §10). */
  connection?: string;
}

export interface RenderedRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** JSON value for JSON bodies, a string for text bodies, absent for GET/DELETE. */
  body?: JsonValue | string;
  /**
   * Problems met while rendering (unresolved references, filter type errors, a URL that is not
   * http(s)), never fatal. Collected only when the render was asked for them (`diagnostics: true`);
   * empty otherwise.
   */
  diagnostics: Diagnostic[];
}

export interface RenderRequestOptions extends RenderOptions {
  /** The payload's provider; null (what `getProvider` answers for an unknown id) is the same as none. */
  provider?: Provider | null;
  /**
   * Collect render diagnostics (unresolved references, missing secrets, a URL that is not http(s)) in
   * `diagnostics`. Off by default: collecting them costs the templates their fast path.
   */
  diagnostics?: boolean;
  /** `{{ secrets.NAME }}`: only from here, never from the payload; reachable only by naming it (SPEC §6). */
  secrets?: Record<string, string>;
  /**
   * `{{ connection.NAME }}`: the values of the integration's connection (an OAuth2 `access_token`, fields
   * of the token response such as `instance_url`, static values) — same rules as secrets (SPEC §10).
   */
  connection?: Record<string, unknown>;
}

// ---- flows (SPEC §9) ----

/** One step of a flow: a §6 request plus its id, condition, result and accepted statuses. */
export interface FlowStep {
  /** `[a-z][a-z0-9_]*`, unique in the flow; later steps read this step as `steps.<id>`. */
  id: string;
  name?: string;
  /** One placeholder; when it is falsy the step is skipped (`steps.<id>.skipped` is true). */
  when?: string;
  method?: HttpMethod;
  url: string;
  /** Merged over the flow's `headers` (a name set here, in any spelling, replaces the shared one). */
  headers?: Record<string, string>;
  body?: IntegrationBody;
  /** A template rendered against `response` (`{ status, headers, body }`): what later steps read as `steps.<id>.result`. */
  result?: JsonValue;
  /** Statuses that count as success; default 200–299. A status outside them stops the flow at this step. */
  accept?: number[];
}

/** An integration that makes several requests for one payload (SPEC §9): `steps` instead of one request. */
export interface Flow {
  name?: string;
  provider?: string;
  target?: string;
  /** The relay connection whose values templates read as `{{ connection.<name> }}` (SPEC §10). */
  connection?: string;
  /** Headers every step sends (under its own). */
  headers?: Record<string, string>;
  active?: boolean;
  events?: string[];
  when?: string;
  steps: FlowStep[];
}

/** Either kind of integration document. */
export type IntegrationDocument = Integration | Flow;

/** A response as given to renderFlow (`responses[stepId]`): headers optional, body a JSON value or text. */
export interface StepResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A response as a flow records it: header names in lower case, the body parsed when its content type is JSON. */
export interface FlowResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** True when runFlow cut the body at `maxResponseBytes` (it is then kept as text, unparsed). */
  truncated?: boolean;
}

export interface FlowStepResult {
  id: string;
  skipped: boolean;
  /** The request of a step that ran (absent when skipped). */
  request?: RenderedRequest;
  response?: FlowResponse;
  /** Whether the response's status is one the step accepts (set with `response`). */
  accepted?: boolean;
  /** The step's rendered `result` (set when the step has one and its response was accepted). */
  result?: JsonValue;
  /** True for a step taken from `resume` (recorded by an earlier run, not rendered or sent again). */
  resumed?: boolean;
}

export interface FlowResult {
  /** Every step up to where the flow ended, in order (skipped ones included). */
  steps: FlowStepResult[];
  /** The id of the step the flow stopped at, when it did not run to the end. */
  stoppedAt?: string;
  /**
   * Why: renderFlow had no response for a step that runs (`no-response`), the step's status was not
   * accepted (`not-accepted`), or runFlow's fetch threw (`error`, only in `FlowError.flow`).
   */
  stopReason?: 'no-response' | 'not-accepted' | 'error';
}

export interface FlowOptions extends RenderRequestOptions {
  /**
   * Results of the first steps recorded by an earlier run (its `steps`, in order): they are neither
   * rendered nor sent again, and the run starts at the next step. SPEC §9: a retry resumes at the step that failed.
   */
  resume?: FlowStepResult[];
}

export interface RenderFlowOptions extends FlowOptions {
  /** The response each step is assumed to get, by step id. */
  responses?: Record<string, StepResponse>;
}

/** A byte stream's reader, as `ReadableStream.getReader()` gives (written out so no DOM types are needed). */
export interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
  cancel(reason?: unknown): Promise<void>;
}

/** What runFlow needs of a response: fetch's `Response` fits. The body is read from `body` when set, else `text()`. */
export interface FetchResponse {
  status: number;
  headers: { forEach(callback: (value: string, name: string) => void): void };
  body?: { getReader(): ByteReader } | null;
  text?(): Promise<string>;
}

export type FlowFetch = (
  url: string,
  init: {
    method: HttpMethod;
    headers: Record<string, string>;
    body?: string;
    redirect: 'manual';
    signal?: AbortSignal;
  },
) => Promise<FetchResponse>;

export interface RunFlowOptions extends FlowOptions {
  fetch: FlowFetch;
  /** Largest response body read per step, in bytes; the rest is dropped and `truncated` set. Default 1 MiB. */
  maxResponseBytes?: number;
  signal?: AbortSignal;
  /** Called after each step (skipped, accepted or not), before the next one is sent: record it here. */
  onStep?: (step: FlowStepResult) => void | Promise<void>;
}

// ---- providers (SPEC §7): the interface @hookmap/providers implements ----

export interface ProviderSample {
  /** Stable id, unique within the provider, e.g. "doc-example" or "post_processing_completed". */
  id: string;
  name: string;
  event: string;
  payload: JsonValue;
  /** True when the sample is partly inferred rather than copied from vendor docs. */
  inferred?: boolean;
  /** Where the sample comes from (seed file, research file). */
  source?: string;
}

export interface ProviderSection {
  id: string;
  name: string;
  description: string;
  /** Top-level body keys the section contributes. */
  fields: string[];
  /** The section's flat fields for this payload, or null when it has no data. */
  build(payload: unknown): Record<string, JsonValue> | null;
}

export type HeaderBag = Record<string, string | string[] | undefined>;

export interface Provider {
  id: string;
  name: string;
  events: string[];
  samples: ProviderSample[];
  /** JSON Schema (draft 2020-12) accepting every payload of the provider. */
  schema: object;
  detect(payload: unknown): boolean;
  /** A fresh object on every call (renderRequest adds `secrets` to it in place). */
  buildContext(payload: unknown): Record<string, unknown>;
  /**
   * Optional: a builder of the context restricted to `names` — for each name the value `buildContext`
   * gives it, absent where it is absent there, computing only what those names need. renderRequest and
   * flows use it (made once per document) when their templates can only read those names.
   */
  contextReader?(names: readonly string[]): (payload: unknown) => Record<string, unknown>;
  sections: ProviderSection[];
  /** Context key whose object URL placeholders resolve against first (OSVI: "call_trigger_data"), or null. */
  urlScope: string | null;
  idempotencyKey(payload: unknown): string | null;
  verify?(rawBody: string | Uint8Array, headers: HeaderBag, secret: string): Promise<boolean>;
}
