import type { ArrayFacet, NumberFacet, ObjectFacet, Prop, StringFacet, Type } from './type.js';

/**
 * The values both types allow (JSON Schema `allOf`, and a schema's own keywords beside an `anyOf`).
 * Exact for kinds, literals and object members; an approximation only in keeping the looser of two
 * differing formats.
 */
export function meet(a: Type, b: Type): Type {
  if (a.unknown) return { ...b, missing: a.missing && b.missing };
  if (b.unknown) return { ...a, missing: a.missing && b.missing };
  return {
    missing: a.missing && b.missing,
    null: a.null && b.null,
    true: a.true && b.true,
    false: a.false && b.false,
    number: meetNumber(a.number, b.number),
    string: meetString(a.string, b.string),
    array: meetArray(a.array, b.array),
    object: meetObject(a.object, b.object),
    unknown: false,
  };
}

function common<T>(a: T[] | null, b: T[] | null): T[] | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.filter((v) => b.includes(v));
}

function meetNumber(a: NumberFacet | null, b: NumberFacet | null): NumberFacet | null {
  if (!a || !b) return null;
  const values = common(a.values, b.values);
  return values && values.length === 0 ? null : { integer: a.integer || b.integer, values };
}

function meetString(a: StringFacet | null, b: StringFacet | null): StringFacet | null {
  if (!a || !b) return null;
  const values = common(a.values, b.values);
  return values && values.length === 0
    ? null
    : { values, nonEmpty: a.nonEmpty || b.nonEmpty, format: a.format ?? b.format, dates: a.dates || b.dates };
}

function meetArray(a: ArrayFacet | null, b: ArrayFacet | null): ArrayFacet | null {
  if (!a || !b) return null;
  return { items: meet(a.items, b.items), nonEmpty: a.nonEmpty || b.nonEmpty };
}

function meetObject(a: ObjectFacet | null, b: ObjectFacet | null): ObjectFacet | null {
  if (!a || !b) return null;
  const props = new Map<string, Prop>();
  for (const [k, p] of a.props) {
    const q = b.props.get(k);
    const other = q ? q.type : b.rest;
    props.set(k, { type: other ? meet(p.type, other) : p.type, required: p.required || !!q?.required });
  }
  for (const [k, q] of b.props) {
    if (!props.has(k)) props.set(k, { type: a.rest ? meet(q.type, a.rest) : q.type, required: q.required });
  }
  const rest = a.rest && b.rest ? meet(a.rest, b.rest) : null;
  const requirements = [...(a.requirements ?? []), ...(b.requirements ?? [])];
  return {
    props,
    rest,
    documented: a.documented || b.documented,
    ...(requirements.length ? { requirements } : {}),
  };
}
