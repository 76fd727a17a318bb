import { equals, truthy } from '../evaluate/operators.js';
import { lookup, parseDottedPath } from '../evaluate/paths.js';
import { toText } from '../evaluate/text.js';
import { def, expectArray, expectText, FilterTypeError, typeName, type FilterDef } from './types.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** A loop of `+=` (V8 joins the pieces lazily), several times faster than map(toText).join. */
function join(v: unknown, separator: unknown = ' '): string {
  const list = expectArray('join', v);
  const sep = expectText('join', separator);
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (i > 0) out += sep;
    out += typeof x === 'string' ? x : toText(x);
  }
  return out;
}
function first(v: unknown): unknown {
  if (typeof v === 'string') return v.length ? v[0] : undefined;
  return expectArray('first', v)[0];
}
function last(v: unknown): unknown {
  if (typeof v === 'string') return v.length ? v[v.length - 1] : undefined;
  const a = expectArray('last', v);
  return a[a.length - 1];
}
/** Length of text or an array, key count of an object; anything else (null, numbers, booleans) is 0, as in Liquid. */
function size(v: unknown): number {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length;
  return 0;
}
/** Liquid's slice: `start` (negative from the end) and `length` (default 1). */
function slice(v: unknown, start: unknown, length: unknown = 1): unknown {
  if (typeof start !== 'number' || typeof length !== 'number')
    throw new FilterTypeError('slice expects numbers: slice: start, length');
  const seq = typeof v === 'string' ? v : expectArray('slice', v);
  const from = start < 0 ? Math.max(0, seq.length + start) : start;
  return seq.slice(from, from + Math.max(0, length));
}
function asList(name: string, v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'object' && v !== null) return [v];
  throw new FilterTypeError(`${name} expects an array, got ${typeName(v)}`);
}
function map(v: unknown, path: unknown): unknown[] {
  const segments = parseDottedPath(expectText('map', path));
  const list = asList('map', v);
  const out: unknown[] = [];
  const key = segments.length === 1 ? segments[0] : undefined;
  if (typeof key === 'string') {
    // The usual `map: "field"`: one own-property read per element, no generic path walk.
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      out.push(
        typeof item === 'object' && item !== null && !Array.isArray(item) && hasOwn.call(item, key)
          ? ((item as Record<string, unknown>)[key] ?? null)
          : null,
      );
    }
    return out;
  }
  for (let i = 0; i < list.length; i++) out.push(lookup(list[i], segments) ?? null);
  return out;
}
function where(v: unknown, path: unknown, ...value: unknown[]): unknown[] {
  const segments = parseDottedPath(expectText('where', path));
  const list = asList('where', v);
  if (value.length === 0) return list.filter((item) => truthy(lookup(item, segments)));
  return list.filter((item) => equals(lookup(item, segments), value[0]));
}
function compact(v: unknown, path?: unknown): unknown[] {
  const list = expectArray('compact', v);
  if (path === undefined) return list.filter((x) => x !== null && x !== undefined);
  const segments = parseDottedPath(expectText('compact', path));
  return list.filter((x) => lookup(x, segments) != null);
}
function uniq(v: unknown): unknown[] {
  const seen = new Set<unknown>();
  const out: unknown[] = [];
  for (const item of expectArray('uniq', v)) {
    const key = typeof item === 'object' && item !== null ? JSON.stringify(item) : item;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

/** Numbers before text before everything else; null and unresolved last. */
function rank(x: unknown): number {
  if (typeof x === 'number') return 0;
  if (typeof x === 'string') return 1;
  if (typeof x === 'boolean') return 2;
  if (x === null || x === undefined) return 4;
  return 3;
}
function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (a as number) - (b as number);
  if (ra === 1) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  if (ra === 2) return Number(a) - Number(b);
  return 0;
}
function sort(v: unknown, path?: unknown): unknown[] {
  const list = expectArray('sort', v).slice();
  if (path === undefined) return list.sort(compareValues);
  const segments = parseDottedPath(expectText('sort', path));
  return list.sort((a, b) => compareValues(lookup(a, segments), lookup(b, segments)));
}
function sortBy(v: unknown, path: unknown): unknown[] {
  return sort(v, path);
}

export const arrayFilters: Record<string, FilterDef> = {
  join: def(join, 0, 1, 'join: separator = " "', 'Join the elements into text.'),
  first: def(first, 0, 0, 'first', 'First element (or character).'),
  last: def(last, 0, 0, 'last', 'Last element (or character).'),
  size: def(size, 0, 0, 'size', 'Length of text or an array, key count of an object; null is 0.', {
    acceptsMissing: true,
    acceptsNull: true,
  }),
  slice: def(slice, 1, 2, 'slice: start, length = 1', 'Part of text or an array.'),
  map: def(map, 1, 1, 'map: "path.in.element"', 'The value at a dotted path of every element.'),
  where: def(where, 1, 2, 'where: "path", value?', 'Elements whose path equals value (or is truthy).'),
  compact: def(compact, 0, 1, 'compact: "path"?', 'Drop null elements (or elements whose path is null).'),
  uniq: def(uniq, 0, 0, 'uniq', 'Drop repeated elements.'),
  sort: def(sort, 0, 1, 'sort: "path"?', 'Sort: numbers, then text; null last.'),
  sort_by: def(sortBy, 1, 1, 'sort_by: "path"', 'Sort by the value at a dotted path.'),
};
