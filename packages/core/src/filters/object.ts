import { setOwn } from '../evaluate/paths.js';
import { stringify } from '../evaluate/text.js';
import { def, expectText, FilterTypeError, typeName, type FilterDef } from './types.js';

const hasOwn = Object.prototype.hasOwnProperty;

function expectObject(name: string, v: unknown): Record<string, unknown> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  throw new FilterTypeError(`${name} expects an object, got ${typeName(v)}`);
}
function keys(v: unknown): string[] {
  return Object.keys(expectObject('keys', v));
}
function values(v: unknown): unknown[] {
  const o = expectObject('values', v);
  return Object.keys(o).map((k) => o[k]);
}
function pick(v: unknown, ...names: unknown[]): Record<string, unknown> {
  const o = expectObject('pick', v);
  const out: Record<string, unknown> = {};
  for (const n of names) {
    const key = expectText('pick', n);
    if (hasOwn.call(o, key)) setOwn(out, key, o[key]);
  }
  return out;
}
function omit(v: unknown, ...names: unknown[]): Record<string, unknown> {
  const o = expectObject('omit', v);
  const drop = new Set(names.map((n) => expectText('omit', n)));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o)) if (!drop.has(key)) setOwn(out, key, o[key]);
  return out;
}
/** Fallback for null, unresolved and empty text (false and 0 are kept). */
function fallback(v: unknown, value: unknown): unknown {
  return v === undefined || v === null || v === '' ? value : v;
}
/** Unresolved is `null` too, so a JSON text body never gets a hole; `json: 2` indents (as LiquidJS's space). */
function json(v: unknown, space: unknown = 0): string {
  if (v === undefined) return 'null';
  if (space === 0) return stringify(v);
  if (typeof space !== 'number' || !Number.isInteger(space) || space < 0 || space > 10)
    throw new FilterTypeError('json: the indent is a whole number from 0 to 10');
  return stringify(v, space);
}
function parseJson(v: unknown): unknown {
  if (typeof v !== 'string') throw new FilterTypeError(`parse_json expects text, got ${typeName(v)}`);
  let value: unknown;
  try {
    value = JSON.parse(v, (_key, x: unknown) => {
      if (typeof x === 'number' && !Number.isFinite(x))
        throw new FilterTypeError('parse_json: a number is too large for JSON');
      return x;
    });
  } catch (e) {
    if (e instanceof FilterTypeError) throw e;
    throw new FilterTypeError(`parse_json: not valid JSON (${(e as Error).message})`);
  }
  return value;
}

export const objectFilters: Record<string, FilterDef> = {
  keys: def(keys, 0, 0, 'keys', 'Keys of an object.'),
  values: def(values, 0, 0, 'values', 'Values of an object.'),
  pick: def(pick, 1, 64, 'pick: "key", ...', 'Object with only the named keys.'),
  omit: def(omit, 1, 64, 'omit: "key", ...', 'Object without the named keys.'),
  default: def(fallback, 1, 1, 'default: value', 'Value to use when null, unresolved or "".', {
    acceptsMissing: true,
    acceptsNull: true,
  }),
  json: def(
    json,
    0,
    1,
    'json: indent = 0',
    'JSON text of a value, compact unless an indent is given (null when unresolved).',
    { acceptsNull: true, acceptsMissing: true },
  ),
  parse_json: def(parseJson, 0, 0, 'parse_json', 'Parse JSON text into a value.'),
};

export { expectObject };
