import type { JsonValue, Provider, ProviderSample } from '@hookmap/core';
import type { CommonView } from './common.js';
import { isRecord } from './values.js';

/** A provider of this package: the core `Provider` plus per-event schemas and the common view on its own. */
export interface HookmapProvider extends Provider {
  /** One JSON Schema (draft 2020-12) per event name. `schema` accepts any of them. */
  schemas: Record<string, Record<string, unknown>>;
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
      $ref:
        typeof schema.$id === 'string'
          ? schema.$id
          : `#/$defs/${event.replace(/~/g, '~0').replace(/\//g, '~1')}`,
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

/**
 * The expression context every provider builds: the payload's own top-level fields, then the provider's
 * named sources, then `payload` (the whole raw payload) and `common`. Later keys win on a clash.
 * `common` is built on first read (an own, enumerable property that then holds the value), so a
 * template that never reads it does not pay for it on every webhook.
 */
export function assembleContext(
  payload: unknown,
  sources: Record<string, unknown>,
  common: CommonView | (() => CommonView),
): Record<string, unknown> {
  const own = isRecord(payload) ? payload : {};
  const context: Record<string, unknown> = { ...own, ...sources, payload };
  if (typeof common !== 'function') {
    context.common = common;
    return context;
  }
  Object.defineProperty(context, 'common', {
    enumerable: true,
    configurable: true,
    get() {
      const value = common();
      Object.defineProperty(context, 'common', { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
  return context;
}
