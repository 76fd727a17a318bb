import type { JsonValue } from '@hookmap/core';
import type { JsonSchema } from './types.js';

/** Small builders that keep the target schemas short and uniform. */

type Extra = { [key: string]: JsonValue };

export function text(description: string, extra: Extra = {}): JsonSchema {
  return { type: 'string', description, ...extra };
}

export function integer(description: string, extra: Extra = {}): JsonSchema {
  return { type: 'integer', description, ...extra };
}

export function boolean(description: string, extra: Extra = {}): JsonSchema {
  return { type: 'boolean', description, ...extra };
}

export function oneOfValues(description: string, values: string[], extra: Extra = {}): JsonSchema {
  return { type: 'string', enum: values, description, ...extra };
}

/** A property that must not be sent (read-only in this API); `hint` says what to send instead. */
export function readOnly(description: string, hint: string): JsonSchema {
  return { description, not: {}, 'x-hint': hint };
}

export function object(
  properties: { [key: string]: JsonSchema },
  required: string[] = [],
  extra: Extra = {},
): JsonSchema {
  return { type: 'object', properties, required, ...extra };
}

/** Salesforce-style 15/18 character record id. */
export const SALESFORCE_ID = '^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$';
/** Digits only (ids that exceed JavaScript's safe integers travel as strings). */
export const DIGITS = '^[0-9]+$';
