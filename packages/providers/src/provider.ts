import type { JsonValue, Provider, ProviderSample } from '@hookmap/core';
import type { CommonView } from './common.js';
import { isRecord } from './values.js';
import { sourcesOf, type SourceReaders } from './sources.js';
import { escapePointerSegment } from '@hookmap/core/tooling';

/** A provider of this package: the core `Provider` plus per-event schemas and the common view on its own. */
export interface HookmapProvider extends Provider {
  /** One JSON Schema (draft 2020-12) per event name. `schema` accepts any of them. */
  schemas: Record<string, Record<string, unknown>>;
  /**
   * One JSON Schema per event of the expression context `buildContext` gives for its payloads (payload
   * fields, named sources, `payload`, `common`): what core's static check types templates against.
   */
  contextSchemas: Record<string, Record<string, unknown>>;
  /** The cross-provider view of a payload (also found at `buildContext(payload).common`). */
  buildCommon(payload: unknown): CommonView;
}

export type SampleInfo = Omit<ProviderSample, 'payload'>;

/** Joins sample descriptions with their payloads (from the generated module), failing loudly on a typo. */
export function attachPayloads(payloads: Record<string, JsonValue>, infos: SampleInfo[]): ProviderSample[] {
  return infos.map((info) => {
    const payload = payloads[info.id];
    if (payload === undefined) throw new Error(`No sample file samples/${info.id}.json`);
    return { ...info, payload };
  });
}

/** The provider-wide schema: any one of the event schemas, each embedded under `$defs` by event name. */
export function combinedSchema(
  providerId: string,
  title: string,
  schemas: Record<string, Record<string, unknown>>,
): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  const anyOf: unknown[] = [];
  for (const [event, schema] of Object.entries(schemas)) {
    const { $schema: _dialect, ...embedded } = schema;
    defs[event] = embedded;
    anyOf.push({
      $ref: typeof schema.$id === 'string' ? schema.$id : `#/$defs/${escapePointerSegment(event)}`,
    });
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://hookmap.dev/schemas/providers/${providerId}.schema.json`,
    title,
    anyOf,
    $defs: defs,
  };
}

/** Where a context keeps its `common` view once built (a symbol: never enumerated, never in JSON). */
const COMMON = Symbol('hookmap.common');

/** How a provider builds its expression context, whole or for a few names (core `Provider`). */
export interface ContextBuilders {
  buildContext(payload: unknown): Record<string, unknown>;
  contextReader(names: readonly string[]): (payload: unknown) => Record<string, unknown>;
}

/** A provider's sources all at once, when a reader per name cannot give them (Attendee's trigger-named one). */
export interface AllSources {
  sources: (payload: unknown) => Record<string, unknown>;
  /** Every key `sources` can give. */
  names: readonly string[];
}

/**
 * The expression context every provider builds: the payload's own top-level fields, then the provider's
 * named sources (one reader each in `readers`, or `all` of them at once), then `payload` (the whole raw
 * payload) and `common`. Later keys win on a clash.
 * `common` is an own, enumerable accessor that builds the view from `payload` on first read and keeps it,
 * so a template that never reads it does not pay for it on every webhook. The accessor is made once per
 * provider, not per context: V8 then gives every context of a provider the same hidden class (a getter
 * made per call would give each context its own, and make every read of it slow).
 * `contextReader(names)` gives the same values for just those names, computing a source only when it is
 * named (each by its reader; all at once when one named has none) and `common` only when named.
 */
export function contextAssembler(
  buildCommon: (payload: unknown) => CommonView,
  readers: SourceReaders,
  all: AllSources = { sources: sourcesOf(readers), names: Object.keys(readers) },
): ContextBuilders {
  const common: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: Record<string | symbol, unknown>): CommonView {
      let value = this[COMMON] as CommonView | undefined;
      if (value === undefined) {
        value = buildCommon(this.payload);
        this[COMMON] = value;
      }
      return value;
    },
  };
  const known = new Set(all.names);
  return {
    buildContext(payload) {
      const context: Record<string, unknown> = {};
      if (isRecord(payload)) copyInto(context, payload);
      copyInto(context, all.sources(payload));
      context.payload = payload;
      Object.defineProperty(context, 'common', common);
      return context;
    },
    contextReader(names) {
      const fields = names.filter((n) => n !== 'payload' && n !== 'common');
      const wanted = fields.filter((n) => known.has(n));
      const each = wanted.every((n) => hasOwn.call(readers, n));
      // Per field: its source's reader, when every named source has one; else the sources come all at once.
      const fieldReaders = fields.map((n) => (each && known.has(n) ? readers[n] : undefined));
      const allAtOnce = !each;
      const wantsPayload = names.includes('payload');
      const wantsCommon = names.includes('common');
      return (payload) => {
        const context: Record<string, unknown> = {};
        const record = isRecord(payload) ? payload : null;
        const named = allAtOnce ? all.sources(payload) : null;
        for (let i = 0; i < fields.length; i++) {
          const name = fields[i] as string;
          const read = fieldReaders[i];
          let value: unknown;
          if (read) value = read(payload);
          else if (named !== null && hasOwn.call(named, name)) value = named[name];
          else if (record !== null && hasOwn.call(record, name)) value = record[name];
          else continue;
          if (name === '__proto__') defineData(context, name, value);
          else context[name] = value;
        }
        if (wantsPayload) context.payload = payload;
        if (wantsCommon) context.common = buildCommon(payload);
        return context;
      };
    },
  };
}

/** Defines `key` as an own enumerable data property (for `__proto__`, which a plain store would not create). */
function defineData(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Own enumerable properties. `Object.assign` copies them ~2x faster than a loop of stores (and ~10x
 * faster than `{ ...payload, ...sources }`, which V8 turns into a slow path once a second spread or more
 * properties follow the first), but it assigns: an own `__proto__` key (JSON.parse makes one) would set
 * the prototype instead, so a source with one is copied key by key, defining that key as data.
 */
function copyInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  if (!hasOwn.call(source, '__proto__')) {
    Object.assign(target, source);
    return;
  }
  const keys = Object.keys(source);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key === '__proto__') defineData(target, key, source[key]);
    else target[key] = source[key];
  }
}
