import type { HttpMethod, Integration, JsonValue, StepResponse } from '@hookmap/core';
import type { CrmAuth } from './auth.js';
import type { BodyDiagnostic } from './codes.js';

/** A JSON Schema (draft 2020-12) object, with hookmap's `x-hint` annotation ("how to fix it"). */
export type JsonSchema = { [key: string]: JsonValue };

/** One body field as the editor's visual mapper lists it. */
export interface TargetField {
  /** JSON Pointer into the body; array items use index 0, e.g. "/associations/0/to/id". */
  pointer: string;
  /** Last segment of the pointer. */
  name: string;
  type: string;
  /** The body is rejected without it: required in its parent, and every ancestor is required too. */
  required: boolean;
  /** Required within its parent object (it may still be absent when the parent is). */
  requiredInParent: boolean;
  description: string;
  format?: string;
  enum?: JsonValue[];
  /** Typical values (the schema's `examples`), e.g. a picklist's default values. */
  examples?: JsonValue[];
  /** How to fill or fix the field (the schema's `x-hint`). */
  hint?: string;
}

/** What a starter template needs to know about the provider it is written for. */
export interface StarterContext {
  /** Provider id the integration is written for, or undefined for the cross-provider starter. */
  providerId?: string;
  /** Expression (without delimiters) yielding the CRM record id the activity belongs to. */
  recordId: string;
  /** What the record id names, where the CRM needs it said (Zoho's module: "Contacts", "Leads"); the CRM's default otherwise. */
  record?: string;
}

/**
 * A documented rate limit of the CRM, for the relay's outbound token bucket (SPEC §13). `requests` per `perMs`
 * milliseconds, counted per `scope`: the credential (`token`), the CRM account/org/portal/workspace shared by
 * every credential (`account`), the calling app (`app`) or the webhook URL (`webhook`).
 */
export interface RateLimit {
  requests: number;
  perMs: number;
  scope: 'token' | 'account' | 'app' | 'webhook';
  /** Simultaneous requests allowed, where the CRM documents a concurrency cap. */
  concurrency?: number;
  /** The vendor document (and its date) the numbers come from. */
  source: string;
  /** Other documented limits (daily budgets, higher tiers) the bucket does not model. */
  note?: string;
}

/**
 * A field whose allowed values each CRM account configures (a picklist). Without an account configuration the
 * value is not restricted (`defaults` are shown as examples); with one (`validateBody(..., { picklists })`) the
 * value must be one of the configured values.
 */
export interface Picklist {
  /** JSON Pointers into the target schema of every property the picklist applies to, e.g. "/properties/Status". */
  schemaPointers: string[];
  description: string;
  /** The values a new account starts with, where the vendor documents them (may be empty). */
  defaults: string[];
  source: string;
}

/** What a body rule may read besides the body. */
export interface RuleContext {
  /** The time "now" for rules about the present (epoch milliseconds); `validateBody`'s `now` option. */
  now: number;
  targetName: string;
}

/**
 * A rule JSON Schema cannot state (it depends on the time of validation or sums over the body). Rules run after
 * the schema checks, on the parsed body, and must tolerate any shape (the schema reports shape problems).
 */
export interface BodyRule {
  id: string;
  description: string;
  source: string;
  check(body: unknown, context: RuleContext): BodyDiagnostic[];
}

/** Another way to authenticate against the same endpoint, e.g. Pipedrive's API token instead of OAuth. */
export interface AuthOption {
  name: string;
  headers: Record<string, string>;
  secrets: string[];
  note: string;
}

export interface Target {
  /** Preset id, e.g. "hubspot.call". */
  id: string;
  /** CRM id, e.g. "hubspot". */
  crm: string;
  name: string;
  method: HttpMethod;
  /** URL pattern; may hold {{secrets.X}}, {{ connection.x }} or provider URL-scope placeholders. */
  url: string;
  /** Header templates, authentication included (in the `auth.default` form). */
  headers: Record<string, string>;
  /** Secret names the headers and URL need (none when they read the relay connection `auth.connection`). */
  secrets: string[];
  /**
   * The CRM's ways to authenticate (absent for Slack, whose URL is the secret): `url`/`headers` are in the
   * `auth.default` form; starters take the other with `{ auth }`.
   */
  auth?: CrmAuth;
  /** JSON Schema (draft 2020-12) of the request body. */
  schema: JsonSchema;
  /** Flattened body fields for the visual mapper (derived from `schema`). */
  fields: TargetField[];
  /** A documented body the API accepts (from the research notes); it passes `schema`. */
  example: JsonValue;
  /** Where the facts come from. */
  docs: string[];
  /** Short facts worth knowing when mapping into this target. */
  notes: string[];
  /** The cross-provider starter, written against `common`. */
  starter(context: StarterContext): Integration;
  /** Provider-specific starters, where a provider has better data than `common`; the context names the record id. */
  providerStarters: Record<string, (context: StarterContext) => Integration>;
  /** A realistic answer to the request (the created activity), for previews of flows and `renderFlow`'s `responses`. */
  response: StepResponse;
  /** The CRM's documented rate limit for this endpoint (for the relay's outbound limiter). */
  rateLimit: RateLimit;
  /** Per-account picklists, by name (the field's API name), usable with `validateBody`'s `picklists` option. */
  picklists?: Record<string, Picklist>;
  /** Rules beyond the schema (run by `validateBody`). */
  rules?: BodyRule[];
  /** Other URL patterns the API accepts for the same request (older API versions); `validateRequest` accepts them. */
  urlAlternatives?: string[];
  /** Other authentication the endpoint accepts; `headers`/`secrets` hold the default. */
  alternativeAuth?: AuthOption[];
}

/** What validation reads of a preset: a target, or the request of a flow step (`StepPreset`). */
export interface RequestPreset {
  id: string;
  name: string;
  method: HttpMethod;
  url: string;
  urlAlternatives?: string[];
  /** Body schema; null for a request that carries no body (a GET lookup). */
  schema: JsonSchema | null;
  rules?: BodyRule[];
  picklists?: Record<string, Picklist>;
}

/** A target as a CRM module defines it; `fields` is derived by the registry. */
export type TargetDefinition = Omit<Target, 'fields'>;
