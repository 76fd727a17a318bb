import { DATE_FORMATS, readsAsDate } from './dates.js';

/**
 * The static types of hookmap values: a set of JSON values, plus "unresolved" (`missing`). One facet per
 * JSON kind, so a union is a facet-by-facet join and every operation stays linear in the type's size.
 * Types are immutable once built; builders return fresh objects.
 */

export interface StringFacet {
  /** The only values possible (an enum or literals), or null for any text. */
  values: string[] | null;
  /** Never "" (a `minLength` of 1, a date-time format, or text the provider drops when empty). */
  nonEmpty: boolean;
  /** A JSON Schema `format` every value has, e.g. "date-time". */
  format: string | null;
  /** Every value is text the date filters read: a date-time or date format, or literals such as "now". */
  dates: boolean;
}

export interface NumberFacet {
  integer: boolean;
  values: number[] | null;
}

export interface ArrayFacet {
  items: Type;
  nonEmpty: boolean;
}

export interface Prop {
  type: Type;
  /** Always present when the object is. */
  required: boolean;
}

export interface ObjectFacet {
  props: Map<string, Prop>;
  /** The type of any other key, or null when no other key can exist. */
  rest: Type | null;
  /**
   * The schema lists the keys its vendor documents (it has `properties` and no `additionalProperties`):
   * another key is possible, but reading one is reported as an unknown path.
   */
  documented: boolean;
  /**
   * Keys the schema requires only under a condition (`if`/`then`, `dependentRequired`) or as alternatives
   * (`anyOf` of `required`). The targets check warns when a template may meet none of the alternatives
   * while the condition may hold.
   */
  requirements?: Requirement[];
}

/** One requirement: met when every key of one alternative is present. */
export interface Requirement {
  alternatives: string[][];
  /** It applies only when these conditions (an `if` of `const`/`enum` members) hold, or fail (`else`). */
  when: Condition[];
  /** True for an `else`: it applies when the conditions do not all hold. */
  otherwise: boolean;
}

/** `key` is present, with one of `values` when they are listed. */
export interface Condition {
  key: string;
  values: unknown[] | null;
}

export interface Type {
  /** Unresolved: a missing key, a wrong type on the way, an index out of range. */
  missing: boolean;
  null: boolean;
  true: boolean;
  false: boolean;
  number: NumberFacet | null;
  string: StringFacet | null;
  array: ArrayFacet | null;
  object: ObjectFacet | null;
  /** Any JSON value at all: the schema says nothing. */
  unknown: boolean;
}

const EMPTY: Type = Object.freeze({
  missing: false,
  null: false,
  true: false,
  false: false,
  number: null,
  string: null,
  array: null,
  object: null,
  unknown: false,
}) as Type;

function make(parts: Partial<Type>): Type {
  return { ...EMPTY, ...parts };
}

export const never = (): Type => make({});
export const unknown = (): Type => make({ unknown: true });
export const missing = (): Type => make({ missing: true });
export const nullType = (): Type => make({ null: true });
export const booleanType = (): Type => make({ true: true, false: true });
export const literalBoolean = (value: boolean): Type => make(value ? { true: true } : { false: true });
export const numberType = (integer = false, values: number[] | null = null): Type =>
  make({ number: { integer, values } });
export const stringType = (facet: Partial<StringFacet> = {}): Type => {
  const format = facet.format ?? null;
  const dates =
    facet.dates ??
    ((format !== null && DATE_FORMATS.has(format)) || (!!facet.values && facet.values.every(readsAsDate)));
  return make({ string: { values: facet.values ?? null, nonEmpty: facet.nonEmpty ?? false, format, dates } });
};
export const arrayType = (items: Type, nonEmpty = false): Type => make({ array: { items, nonEmpty } });
export const objectType = (props: Map<string, Prop>, rest: Type | null, documented = false): Type =>
  make({ object: { props, rest, documented } });

/** The type of a JSON literal written in a template or a schema's `const`. */
export function literal(value: unknown): Type {
  if (value === null) return nullType();
  if (typeof value === 'boolean') return literalBoolean(value);
  if (typeof value === 'number') return numberType(Number.isInteger(value), [value]);
  if (typeof value === 'string') return stringType({ values: [value], nonEmpty: value !== '' });
  if (Array.isArray(value))
    return arrayType(
      value.reduce<Type>((t, v) => union(t, literal(v)), never()),
      value.length > 0,
    );
  if (typeof value === 'object') {
    const props = new Map<string, Prop>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      props.set(k, { type: literal(v), required: true });
    return objectType(props, null);
  }
  return unknown();
}

function mergeValues<T>(a: T[] | null, b: T[] | null): T[] | null {
  if (a === null || b === null) return null;
  const out = [...a];
  for (const v of b) if (!out.includes(v)) out.push(v);
  // A long list of literals says little more than its kind, and would slow every later join.
  return out.length > 64 ? null : out;
}

function joinString(a: StringFacet | null, b: StringFacet | null): StringFacet | null {
  if (!a || !b) return a ?? b;
  return {
    values: mergeValues(a.values, b.values),
    nonEmpty: a.nonEmpty && b.nonEmpty,
    format: a.format === b.format ? a.format : null,
    dates: a.dates && b.dates,
  };
}

function joinNumber(a: NumberFacet | null, b: NumberFacet | null): NumberFacet | null {
  if (!a || !b) return a ?? b;
  return { integer: a.integer && b.integer, values: mergeValues(a.values, b.values) };
}

function joinArray(a: ArrayFacet | null, b: ArrayFacet | null): ArrayFacet | null {
  if (!a || !b) return a ?? b;
  return { items: union(a.items, b.items), nonEmpty: a.nonEmpty && b.nonEmpty };
}

/** A key one side lacks: that side's `rest` may hold it, or it is absent there. */
function joinObject(a: ObjectFacet | null, b: ObjectFacet | null): ObjectFacet | null {
  if (!a || !b) return a ?? b;
  const props = new Map<string, Prop>();
  const side = (from: ObjectFacet, other: ObjectFacet): void => {
    for (const [k, p] of from.props) {
      if (props.has(k)) continue;
      const q = other.props.get(k);
      if (q) props.set(k, { type: union(p.type, q.type), required: p.required && q.required });
      else props.set(k, { type: other.rest ? union(p.type, other.rest) : p.type, required: false });
    }
  };
  side(a, b);
  side(b, a);
  const rest = a.rest && b.rest ? union(a.rest, b.rest) : (a.rest ?? b.rest);
  const requirements = [...(a.requirements ?? []), ...(b.requirements ?? [])];
  return {
    props,
    rest,
    documented: a.documented && b.documented,
    ...(requirements.length ? { requirements } : {}),
  };
}

/** Every value either type may have. */
export function union(a: Type, b: Type): Type {
  if (a === b) return a;
  return {
    missing: a.missing || b.missing,
    null: a.null || b.null,
    true: a.true || b.true,
    false: a.false || b.false,
    number: joinNumber(a.number, b.number),
    string: joinString(a.string, b.string),
    array: joinArray(a.array, b.array),
    object: joinObject(a.object, b.object),
    unknown: a.unknown || b.unknown,
  };
}

export function unionAll(types: Type[]): Type {
  return types.reduce(union, never());
}

export function isNever(t: Type): boolean {
  return !t.missing && !hasValue(t);
}

/** Some JSON value (not only unresolved) is possible. */
export function hasValue(t: Type): boolean {
  return t.unknown || t.null || t.true || t.false || !!t.number || !!t.string || !!t.array || !!t.object;
}

/** Null or unresolved is possible. */
export function maybeNullish(t: Type): boolean {
  return t.missing || t.null || t.unknown;
}

/** The type without null and unresolved. */
export function nonNullish(t: Type): Type {
  return { ...t, missing: false, null: false };
}

/** Could be falsy: null, unresolved, false, 0, "" (NaN never reaches a template: JSON has none). */
export function maybeFalsy(t: Type): boolean {
  if (t.unknown || t.missing || t.null || t.false) return true;
  if (t.number && (t.number.values === null || t.number.values.includes(0))) return true;
  return !!t.string && !t.string.nonEmpty && (t.string.values === null || t.string.values.includes(''));
}

/** Could be truthy. */
export function maybeTruthy(t: Type): boolean {
  if (t.unknown || t.true || t.array || t.object) return true;
  if (t.number && (t.number.values === null || t.number.values.some((v) => v !== 0))) return true;
  return !!t.string && (t.string.values === null || t.string.values.some((v) => v !== ''));
}

/** The values of `t` that are truthy. */
export function truthyPart(t: Type): Type {
  const number =
    t.number &&
    (t.number.values === null
      ? t.number
      : nonEmptyList(
          t.number.values.filter((v) => v !== 0),
          t.number,
        ));
  let string = t.string;
  if (string) {
    string =
      string.values === null
        ? { ...string, nonEmpty: true }
        : nonEmptyList(
            string.values.filter((v) => v !== ''),
            string,
          );
  }
  return { ...t, missing: false, null: false, false: false, number, string };
}

/** The values of `t` that are falsy. */
export function falsyPart(t: Type): Type {
  const out = make({ missing: t.missing, null: t.null, false: t.false, unknown: false });
  const empty: StringFacet = { values: [''], nonEmpty: false, format: null, dates: false };
  if (t.unknown)
    return make({
      missing: t.missing,
      null: true,
      false: true,
      number: { integer: true, values: [0] },
      string: empty,
    });
  if (t.number && (t.number.values === null || t.number.values.includes(0)))
    out.number = { integer: true, values: [0] };
  if (t.string && !t.string.nonEmpty && (t.string.values === null || t.string.values.includes(''))) {
    out.string = empty;
  }
  return out;
}

function nonEmptyList<F extends { values: unknown[] | null }>(values: F['values'], facet: F): F | null {
  return values && values.length === 0 ? null : { ...facet, values };
}

/** The single literal value a type stands for, if it has exactly one. */
export function singleLiteral(t: Type): { value: string | number | boolean | null } | null {
  if (t.unknown || t.missing || t.array || t.object) return null;
  const found: (string | number | boolean | null)[] = [];
  if (t.null) found.push(null);
  if (t.true) found.push(true);
  if (t.false) found.push(false);
  if (t.number) {
    if (t.number.values === null) return null;
    found.push(...t.number.values);
  }
  if (t.string) {
    if (t.string.values === null) return null;
    found.push(...t.string.values);
  }
  return found.length === 1 ? { value: found[0] as string | number | boolean | null } : null;
}

/** Unresolved reads as null (a whole value under the default `missing: 'null'`, a `$let` binding read back). */
export function resolvedOrNull(t: Type): Type {
  return t.missing ? { ...t, missing: false, null: true } : t;
}
