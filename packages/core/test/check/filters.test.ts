import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  filterRegistry,
  filterSignatures,
  printType,
  render,
  type JsonValue,
  type Type,
} from '../../src/index.js';
import { applyFilter } from '../../src/check/apply-filter.js';
import { literal, type Type as T } from '../../src/check/type.js';
import {
  arrayType,
  booleanType,
  never,
  nullType,
  numberType,
  objectType,
  stringType,
  union,
} from '../../src/check/type.js';
import { valueIn } from '../support/membership.js';

/** The type of a value with its literals forgotten, as a schema would give it. */
function widen(v: unknown): T {
  if (v === null) return nullType();
  if (typeof v === 'boolean') return booleanType();
  if (typeof v === 'number') return numberType(Number.isInteger(v));
  if (typeof v === 'string') return stringType({ nonEmpty: v !== '' });
  if (Array.isArray(v))
    return arrayType(
      v.reduce<T>((t, x) => union(t, widen(x)), never()),
      v.length > 0,
    );
  const props = new Map(Object.entries(v as object).map(([k, x]) => [k, { type: widen(x), required: true }]));
  return objectType(props, null);
}

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    'now',
    '42',
    ' 7.5 ',
    'yes',
    'off',
    '+1 (415) 555-0100',
    '2025-07-31T12:30:00Z',
    '2025-07-31',
    '{"a":1}',
    'x,y',
  ),
  fc.integer({ min: -1e6, max: 1e13 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const element = fc.oneof(scalar, fc.record({ a: scalar, b: fc.record({ c: scalar }) }, { requiredKeys: [] }));
const input = fc.oneof(
  scalar,
  fc.array(element, { maxLength: 4 }),
  fc.record({ a: scalar, b: element }, { requiredKeys: [] }),
);

/** Arguments each filter is written with in practice (its signature in the docs). */
const ARGS: Record<string, fc.Arbitrary<unknown[]>> = {
  truncate: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('...', '', '…')),
  replace: fc.tuple(fc.constantFrom('a', ',', ''), fc.constantFrom('b', '')),
  append: fc.tuple(fc.constantFrom('!', '')),
  prepend: fc.tuple(fc.constantFrom('>', '')),
  split: fc.tuple(fc.constantFrom(',', '')),
  e164: fc.constantFrom([], ['1'], ['+44']),
  round: fc.constantFrom([], [0], [2]),
  plus: fc.tuple(fc.constantFrom(1, 2.5, '3')),
  minus: fc.tuple(fc.constantFrom(1, 2.5)),
  times: fc.tuple(fc.constantFrom(1000, 0.5)),
  divided_by: fc.tuple(fc.constantFrom(1000, 0, 3)),
  join: fc.constantFrom([], [', '], ['']),
  slice: fc.constantFrom([0], [-2, 2], [1, 3]),
  map: fc.constantFrom(['a'], ['b.c']),
  where: fc.constantFrom(['a'], ['a', 1], ['b.c', 'x']),
  compact: fc.constantFrom([], ['a']),
  sort: fc.constantFrom([], ['a']),
  sort_by: fc.constantFrom(['a'], ['b.c']),
  pick: fc.constantFrom(['a'], ['a', 'b'], ['z']),
  omit: fc.constantFrom(['a'], ['z']),
  default: fc.tuple(scalar),
  date: fc.constantFrom(['%Y-%m-%d'], ['%H:%M', 'Europe/Paris'], ['%s', 'UTC']),
  duration: fc.constantFrom([], ['mm:ss'], ['hh:mm'], ['x']),
};

describe('filter signatures', () => {
  it('exist for every registered filter but optional and required (which the checker handles itself)', () => {
    const names = Object.keys(filterRegistry)
      .filter((n) => n !== 'optional' && n !== 'required')
      .sort();
    expect(Object.keys(filterSignatures).sort()).toEqual(names);
  });

  it.each(Object.keys(filterSignatures))(
    '%s: what the filter gives is in its signature',
    (name) => {
      const def = filterRegistry[name]!;
      const args = ARGS[name] ?? fc.constant([]);
      fc.assert(
        fc.property(input, args, fc.boolean(), (value, argValues, literalInput) => {
          const context = {
            v: value as JsonValue,
            ...Object.fromEntries(argValues.map((a, i) => [`a${i}`, a as JsonValue])),
          };
          const call = argValues.length
            ? `v | ${name}: ${argValues.map((_, i) => `a${i}`).join(', ')}`
            : `v | ${name}`;
          const rendered = render(`{{ ${call} }}`, context) as unknown;
          const argTypes = argValues.map((a) => ({ type: literal(a), literal: { value: a } }));
          const inputType: Type = literalInput ? literal(value) : widen(value);
          const out = applyFilter(name, def, inputType, argTypes).type;
          // A whole value renders unresolved as null.
          const allowed = out.missing ? union(out, nullType()) : out;
          expect(
            valueIn(rendered, allowed),
            `${call} with v = ${JSON.stringify(value)} gave ${JSON.stringify(rendered)}, typed ${printType(out)}`,
          ).toBe(true);
        }),
        { numRuns: 150 },
      );
    },
    30_000,
  );

  it('reports a filter that can never take its input', () => {
    const out = applyFilter('upper', filterRegistry.upper!, objectType(new Map(), null), []);
    expect(out.rejected).toMatch(/upper works on text, not an object/);
    expect(printType(out.type)).toBe('null');
  });

  it('runs the filter itself on a few literals: an enum through upper stays an enum', () => {
    const out = applyFilter(
      'upper',
      filterRegistry.upper!,
      union(literal('inbound'), literal('outbound')),
      [],
    );
    expect(printType(out.type)).toBe('"INBOUND" | "OUTBOUND"');
  });
});
