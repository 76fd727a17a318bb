import type { JsonValue, ProviderSection } from '@hookmap/core';
import { field, hasData } from './values.js';

type Extract = (payload: unknown) => Record<string, JsonValue | undefined>;

/**
 * An Auto-mode section: `extract` proposes the section's body fields; fields without data (absent, null,
 * '' or an empty object/array) are dropped, and a section left with none yields null so the body omits it.
 */
export function section(
  id: string,
  name: string,
  description: string,
  fields: string[],
  extract: Extract,
): ProviderSection {
  return {
    id,
    name,
    description,
    fields,
    build(payload) {
      const out: Record<string, JsonValue> = {};
      for (const [key, value] of Object.entries(extract(payload))) {
        if (value !== undefined && hasData(value)) out[key] = value;
      }
      return Object.keys(out).length > 0 ? out : null;
    },
  };
}

/** A section made of top-level payload keys copied as they are. */
export function topLevelSection(
  id: string,
  name: string,
  description: string,
  keys: string[],
): ProviderSection {
  return section(id, name, description, keys, (payload) =>
    Object.fromEntries(keys.map((key) => [key, field(payload, key)])),
  );
}
