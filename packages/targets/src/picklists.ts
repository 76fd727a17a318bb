import type { JsonValue } from '@hookmap/core';
import { resolveSchemaPath } from './pointer.js';
import type { JsonSchema, RequestPreset } from './types.js';

/** An account's picklist values by picklist name, e.g. `{ Status: ['Open', 'Completed'] }`. */
export type PicklistConfig = Readonly<Record<string, readonly string[]>>;

/** The configured picklists this target knows, sorted by name (a stable cache key), and the names it does not. */
export function knownPicklists(
  target: Pick<RequestPreset, 'picklists'>,
  config: PicklistConfig | undefined,
): { known: [string, string[]][]; unknown: string[] } {
  const known: [string, string[]][] = [];
  const unknown: string[] = [];
  for (const name of Object.keys(config ?? {}).sort()) {
    const values = config?.[name];
    if (target.picklists && Object.hasOwn(target.picklists, name) && Array.isArray(values))
      known.push([name, values.map(String)]);
    else unknown.push(name);
  }
  return { known, unknown };
}

function setEnum(root: JsonSchema, pointer: string, name: string, values: string[]): void {
  const node = resolveSchemaPath(root, pointer);
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  const property = node as { [key: string]: JsonValue };
  property.enum = values;
  property['x-hint'] =
    `${name} is a picklist of this account; its configured values are listed above. Map one of them, or add the value to the picklist in the CRM first`;
}

/**
 * The target's schema with the account's picklist values as `enum`s: still plain JSON Schema (draft 2020-12), so the
 * body validator and the static check read the same thing. Names the target does not know are ignored here.
 */
export function schemaWithPicklists(
  target: Pick<RequestPreset, 'picklists'> & { schema: JsonSchema },
  known: [string, string[]][],
): JsonSchema {
  if (known.length === 0) return target.schema;
  const schema = structuredClone(target.schema);
  for (const [name, values] of known) {
    for (const pointer of target.picklists?.[name]?.schemaPointers ?? [])
      setEnum(schema, pointer, name, values);
  }
  return schema;
}
