import { commonSchema } from './common-schema.js';

type Schema = Record<string, unknown>;

/** The payload schema inside a context schema: `#/$defs/payload`. */
export const PAYLOAD = '#/$defs/payload';

/** `#/$defs/payload/properties/a/properties/b`: the schema of a payload field, for a source that copies it. */
export function payloadField(...keys: string[]): string {
  return `${PAYLOAD}${keys.map((k) => `/properties/${k}`).join('')}`;
}

export const ref = (to: string): Schema => ({ $ref: to });
export const orNull = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
/** Text as the providers' `text()` reads it: never "", else null. */
export const textOrNull: Schema = { anyOf: [{ type: 'string', minLength: 1 }, { type: 'null' }] };

/**
 * The JSON Schema of the expression context one event's payloads give (SPEC §7 `buildContext`): the
 * payload's own top-level fields, then the provider's named sources (later keys win), `payload` and
 * `common`. Each top-level branch of the event schema (OSVI's root is an `anyOf`) gives one object.
 * The event schema's `$defs` move to the root, so its `#/$defs/…` references keep working; the
 * payload itself is `#/$defs/payload`. The root lists its keys and has no `additionalProperties`: a
 * name outside them is reported as an unknown path.
 */
export function contextSchema(
  providerId: string,
  event: string,
  eventSchema: Schema,
  sources: Record<string, Schema>,
): Schema {
  const { $schema: _dialect, $id: _id, $defs, title, ...payload } = eventSchema;
  const defs: Schema = { ...((($defs as Schema | undefined) ?? {}) as Schema), payload };
  const branches = topLevelBranches(payload, defs).map((branch) => {
    const properties: Schema = { ...((branch.properties as Schema | undefined) ?? {}) };
    const fromPayload = Array.isArray(branch.required) ? (branch.required as string[]) : [];
    Object.assign(properties, sources, { payload: ref(PAYLOAD), common: commonSchema(providerId, event) });
    const required = [...new Set([...fromPayload, ...Object.keys(sources), 'payload', 'common'])];
    return { type: 'object', properties, required };
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `${String(title ?? providerId)}: expression context`,
    ...(branches.length === 1 ? branches[0] : { anyOf: branches }),
    $defs: defs,
  };
}

/** The object schemas at the top of a payload schema, through `$ref`s to `$defs` and `anyOf`/`oneOf`. */
function topLevelBranches(schema: Schema, defs: Schema): Schema[] {
  const target =
    typeof schema.$ref === 'string'
      ? (defs[schema.$ref.replace('#/$defs/', '')] as Schema | undefined)
      : schema;
  if (!target) return [{}];
  const alternatives = (target.anyOf ?? target.oneOf) as Schema[] | undefined;
  if (Array.isArray(alternatives) && !target.properties)
    return alternatives.flatMap((a) => topLevelBranches(a, defs));
  return [target];
}

/** The context schema of every event of a provider; `sources` may differ per event (Attendee's do). */
export function contextSchemas(
  providerId: string,
  eventSchemas: Record<string, Schema>,
  sources: Record<string, Schema> | ((event: string) => Record<string, Schema>),
): Record<string, Schema> {
  return Object.fromEntries(
    Object.entries(eventSchemas).map(([event, schema]) => [
      event,
      contextSchema(providerId, event, schema, typeof sources === 'function' ? sources(event) : sources),
    ]),
  );
}
