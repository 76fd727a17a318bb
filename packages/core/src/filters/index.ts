import type { FilterFn } from '../types.js';
import { arrayFilters } from './array.js';
import { dateFilters } from './date.js';
import { durationFilters } from './duration.js';
import { encodeFilters } from './encode.js';
import { numberFilters } from './number.js';
import { objectFilters } from './object.js';
import { stringFilters } from './string.js';
import { def, type FilterDef } from './types.js';

/** `optional` and `required` are handled by the compiler (they act on the property, not the value). */
const structural: Record<string, FilterDef> = {
  optional: def(
    (v) => v,
    0,
    0,
    'optional',
    'Omit this property (or element) when the value is null, unresolved or empty.',
    { acceptsMissing: true, acceptsNull: true },
  ),
  required: def(
    (v) => v,
    0,
    0,
    'required',
    'Fail the render, naming the path, when the value is null or unresolved.',
    { acceptsMissing: true, acceptsNull: true },
  ),
};

/** The built-in registry, name → definition. Names are the template names (snake_case). */
export const filterRegistry: Readonly<Record<string, FilterDef>> = Object.freeze({
  ...stringFilters,
  ...numberFilters,
  ...arrayFilters,
  ...objectFilters,
  ...dateFilters,
  ...durationFilters,
  ...encodeFilters,
  ...structural,
});

/** Name → function, for embedding the filters elsewhere (e.g. as Handlebars helpers). */
export const filters: Readonly<Record<string, FilterFn>> = Object.freeze(
  Object.fromEntries(Object.entries(filterRegistry).map(([name, d]) => [name, d.fn])),
);

export function withCustomFilters(custom?: Record<string, FilterFn>): Record<string, FilterDef> {
  if (!custom) return filterRegistry;
  const merged: Record<string, FilterDef> = { ...filterRegistry };
  for (const [name, fn] of Object.entries(custom))
    merged[name] = def(fn, 0, Infinity, name, 'Custom filter.');
  return merged;
}

export { FilterTypeError, type FilterDef } from './types.js';
