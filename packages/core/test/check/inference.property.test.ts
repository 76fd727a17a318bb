import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkIntegration,
  filterRegistry,
  printType,
  render,
  validate,
  type CheckProvider,
  type JsonValue,
} from '../../src/index.js';
import { expressionArb, identifier, json, templateArb } from '../support/arbitraries.js';
import { valueIn } from '../support/membership.js';

/** Numbers a payload really carries: epoch milliseconds and arithmetic on them stay finite (README: assumptions). */
function bounded(v: JsonValue): JsonValue {
  if (typeof v === 'number') return Math.max(-1e12, Math.min(1e12, v));
  if (Array.isArray(v)) return v.map(bounded);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bounded(x)]));
  return v;
}

/** The exact JSON Schema of a value: its kinds and keys, every key required. */
function schemaOf(v: JsonValue): Record<string, unknown> {
  if (v === null) return { type: 'null' };
  if (typeof v === 'boolean') return { type: 'boolean' };
  if (typeof v === 'number') return { type: Number.isInteger(v) ? 'integer' : 'number' };
  if (typeof v === 'string') return { type: 'string' };
  if (Array.isArray(v)) return { type: 'array', items: v.length ? { anyOf: v.map(schemaOf) } : {} };
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, schemaOf(x)])),
    required: Object.keys(v),
  };
}

const context = fc
  .record({
    a: json,
    b: json,
    s: fc.string({ maxLength: 12 }),
    n: fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    ),
    arr: fc.array(json, { maxLength: 4 }),
    obj: fc.dictionary(fc.constantFrom('k', 'x', 'y'), json),
  })
  .map((c) => bounded(c as JsonValue) as Record<string, JsonValue>);

/** Two payloads of one provider, possibly of different shapes: the schema is either's. */
const contexts = fc.tuple(context, context, fc.dictionary(identifier, json, { maxKeys: 2 }));

const filterNames = Object.keys(filterRegistry).filter((n) => n !== 'required' && n !== 'optional');
const expr = expressionArb(filterNames);

function provider(schemas: Record<string, unknown>[]): CheckProvider {
  return { id: 'test', name: 'Test', events: ['e'], contextSchemas: { e: { anyOf: schemas } } };
}

describe('inference is sound: every rendered value is in its inferred type', () => {
  it('for whole-value expressions', () => {
    fc.assert(
      fc.property(contexts, expr, fc.boolean(), ([c1, c2, extra], e, second) => {
        const ctx = second ? { ...c2, ...(bounded(extra as JsonValue) as object) } : c1;
        const template = `{{ ${e} }}`;
        fc.pre(validate(template).length === 0);
        const checked = checkIntegration(
          { url: 'https://x', body: { mode: 'template', template } },
          { provider: provider([schemaOf(c1), schemaOf(ctx as JsonValue)]) },
        );
        const body = checked.body;
        if (body?.kind !== 'json') throw new Error('no body');
        const value = render(template, ctx) as unknown;
        expect(
          valueIn(value, body.value.type),
          `${template} gave ${JSON.stringify(value)}, typed ${printType(body.value.type, 3)}`,
        ).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('for templates with directives, keys and text', () => {
    fc.assert(
      fc.property(context, templateArb(expr), (ctx, template) => {
        fc.pre(validate(template).length === 0);
        const checked = checkIntegration(
          { url: 'https://x', body: { mode: 'template', template } },
          { provider: provider([schemaOf(ctx)]) },
        );
        const body = checked.body;
        if (body?.kind !== 'json') throw new Error('no body');
        const value = render(template, ctx) as unknown;
        const ok =
          valueIn(value, body.value.type) ||
          (body.value.omittable && (value === null || value === undefined));
        expect(
          ok,
          `${JSON.stringify(template)} gave ${JSON.stringify(value)}, typed ${printType(body.value.type, 4)}`,
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
