import { filterRegistry } from '../filters/index.js';
import type { FilterDef } from '../filters/types.js';
import { filterSignatures, type ArgType } from './filters.js';
import { describeKinds, hasOtherKinds, restrict } from './kinds.js';
import { hasValue, literal, missing, never, nullType, union, unknown, type Type } from './type.js';

export interface FilterOutcome {
  type: Type;
  /** Set when no value of the input is one the filter works on: it always gives null. */
  rejected: string | null;
}

/** Filters whose result depends on the clock ("now"): never evaluated on literals. */
const CLOCK = new Set(['date', 'iso', 'unix', 'unix_ms']);
const MAX_LITERALS = 16;

/**
 * The type a filter gives for an input type, as `compile/filter-call.ts` runs it: unresolved and null
 * input pass through untouched unless the filter takes them (`acceptsMissing` / `acceptsNull`); a value
 * of a kind the filter does not work on gives null; literal input is run through the filter itself.
 */
export function applyFilter(name: string, def: FilterDef, input: Type, args: ArgType[]): FilterOutcome {
  const signature = Object.prototype.hasOwnProperty.call(filterSignatures, name)
    ? filterSignatures[name]
    : undefined;
  // A custom filter (CompileOptions.filters, even one named like a built-in) has no signature: its result is unknown.
  if (!signature || def !== filterRegistry[name])
    return { type: passThrough(input, def, unknown()), rejected: null };
  const taken: Type = {
    ...input,
    missing: input.missing && !!def.acceptsMissing,
    null: input.null && !!def.acceptsNull,
  };
  const accepted = union(restrict(taken, signature.accepts), {
    ...never(),
    missing: taken.missing,
    null: taken.null && signature.accepts.includes('null'),
  });
  let out = passThrough(input, def, never());
  if (hasOtherKinds(taken, signature.accepts)) out = union(out, nullType());
  if (hasValue(accepted) || accepted.missing) {
    const exact = literalResult(name, def, accepted, args);
    out = union(out, exact ?? signature.output(accepted, args));
    if (!exact && signature.mayFail?.(accepted, args)) out = union(out, nullType());
    if (!exact && !signature.anyArgs && args.some((a) => a.literal === null)) out = union(out, nullType());
  }
  const rejected =
    !hasValue(accepted) && !accepted.missing && hasValue({ ...taken, null: false })
      ? `${name} works on ${signature.expects}, not ${describeKinds({ ...taken, null: false, missing: false })}`
      : null;
  return { type: out, rejected };
}

/** What the filter leaves untouched: unresolved and null input it does not take. */
function passThrough(input: Type, def: FilterDef, out: Type): Type {
  let t = out;
  if (input.missing && !def.acceptsMissing) t = union(t, missing());
  if (input.null && !def.acceptsNull) t = union(t, nullType());
  if (input.unknown && !def.acceptsNull) t = union(t, nullType());
  return t;
}

/** Input that is a few known scalars, with literal arguments: run the filter on each (it is pure). */
function literalResult(name: string, def: FilterDef, input: Type, args: ArgType[]): Type | null {
  if (CLOCK.has(name) || input.unknown || input.array || input.object || args.some((a) => a.literal === null))
    return null;
  const values: unknown[] = [];
  if (input.missing) values.push(undefined);
  if (input.null) values.push(null);
  if (input.true) values.push(true);
  if (input.false) values.push(false);
  for (const facet of [input.number, input.string]) {
    if (!facet) continue;
    if (facet.values === null) return null;
    values.push(...facet.values);
  }
  if (values.length === 0 || values.length > MAX_LITERALS) return null;
  let out = never();
  for (const v of values) {
    try {
      const r = def.fn(v, ...args.map((a) => (a.literal as { value: unknown }).value));
      out = union(
        out,
        r === undefined ? missing() : typeof r === 'number' && !Number.isFinite(r) ? nullType() : literal(r),
      );
    } catch {
      out = union(out, nullType());
    }
  }
  return out;
}
