/** Public types of @hookmap/core. Everything here is part of the contract in SPEC.md §1. */

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

export interface Diagnostic {
  severity: Severity;
  code: string;
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
  /** Problems met while rendering (unresolved references, filter type errors), never fatal. */
  diagnostics: Diagnostic[];
}

export interface RenderRequestOptions extends RenderOptions {
  provider?: Provider;
  /** `{{ secrets.NAME }}`: only from here, never from the payload; reachable only by naming it (SPEC §6). */
  secrets?: Record<string, string>;
  /**
   * `{{ connection.NAME }}`: the values of the integration's connection (an OAuth2 `access_token`, fields
   * of the token response such as `instance_url`, static values) — same rules as secrets (SPEC §10).
   */
  connection?: Record<string, unknown>;
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
  sections: ProviderSection[];
  /** Context key whose object URL placeholders resolve against first (OSVI: "call_trigger_data"), or null. */
  urlScope: string | null;
  idempotencyKey(payload: unknown): string | null;
  verify?(rawBody: string | Uint8Array, headers: HeaderBag, secret: string): Promise<boolean>;
}
