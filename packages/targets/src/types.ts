import type { HttpMethod, Integration, JsonValue } from '@hookmap/core';

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
  /** How to fill or fix the field (the schema's `x-hint`). */
  hint?: string;
}

/** What a starter template needs to know about the provider it is written for. */
export interface StarterContext {
  /** Provider id the integration is written for, or undefined for the cross-provider starter. */
  providerId?: string;
  /** Expression (without delimiters) yielding the CRM record id the activity belongs to. */
  recordId: string;
}

export interface Target {
  /** Preset id, e.g. "hubspot.call". */
  id: string;
  /** CRM id, e.g. "hubspot". */
  crm: string;
  name: string;
  method: HttpMethod;
  /** URL pattern; may hold {{secrets.X}} or provider URL-scope placeholders. */
  url: string;
  /** Header templates, authentication included. */
  headers: Record<string, string>;
  /** Secret names the headers and URL need. */
  secrets: string[];
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
  /** Provider-specific starters, where a provider has better data than `common`. */
  providerStarters: Record<string, () => Integration>;
}

/** A target as a CRM module defines it; `fields` is derived by the registry. */
export type TargetDefinition = Omit<Target, 'fields'>;
