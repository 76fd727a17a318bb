/**
 * Property tests (fast-check): path lookups return values unchanged, rendering never throws without
 * `missing: 'error'`, output is always JSON, and nothing pollutes the built-in prototypes.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, filters, render, RenderError, TemplateError } from '../src/index.js';
import type { JsonValue, MissingPolicy } from '../src/index.js';
import {
  asText,
  expressionArb,
  jsonContext,
  pathsOf,
  sampleContext,
  templateArb,
} from './support/arbitraries.js';
import { prototypeSnapshot, toPlainJson } from './support/json.js';

const before = prototypeSnapshot();
const RUNS = 120;

describe('{{path}} returns every value unchanged', () => {
  it('whole value: deep-equal and same type', () => {
    fc.assert(
      fc.property(jsonContext, (context) => {
        for (const [path, value] of pathsOf(context)) {
          expect(toPlainJson(render(`{{${path}}}`, context)), path).toStrictEqual(toPlainJson(value));
          expect(toPlainJson(render({ v: `<< ${path} >>` }, context)), path).toStrictEqual({
            v: toPlainJson(value),
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('embedded: written as text by SPEC §3 rule 2', () => {
    fc.assert(
      fc.property(jsonContext, (context) => {
        for (const [path, value] of pathsOf(context, 15)) {
          expect(render(`[{{ ${path} }}]`, context), path).toBe(`[${asText(value)}]`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the context is not modified by rendering', () => {
    fc.assert(
      fc.property(jsonContext, (context) => {
        const copy = structuredClone(context);
        for (const [path] of pathsOf(context, 10))
          render({ v: `{{ ${path} | sort }}`, w: `{{ ${path} }}` }, context);
        expect(context).toStrictEqual(copy);
      }),
      { numRuns: 100 },
    );
  });
});

describe('random templates', () => {
  const names = Object.keys(filters).filter((n) => n !== 'required');
  const template = templateArb(expressionArb(names));
  const policies: Array<MissingPolicy | undefined> = [undefined, 'null', 'omit', 'keep'];
  let compiled = 0;
  let rejected = 0;

  it('never throw while rendering without missing: error, and always give JSON', () => {
    fc.assert(
      fc.property(template, sampleContext, fc.constantFrom(...policies), (source, context, missing) => {
        let t;
        try {
          t = compile(source);
        } catch (error) {
          // random filter arities can be wrong; that must be a TemplateError, nothing else
          expect(error).toBeInstanceOf(TemplateError);
          rejected++;
          return;
        }
        compiled++;
        const options = missing === undefined ? {} : { missing };
        const { value, diagnostics } = t.renderWithDiagnostics(context, options);
        const plain = toPlainJson(value);
        expect(JSON.parse(JSON.stringify(plain))).toStrictEqual(plain);
        expect(toPlainJson(t.render(context, options))).toStrictEqual(plain);
        for (const d of diagnostics) {
          expect(['error', 'warning', 'info']).toContain(d.severity);
          expect(d.code).toMatch(/^H\d{3}$/);
        }
      }),
      { numRuns: 300 },
    );
    // the generator must mostly produce compilable templates, or the property says little
    expect(compiled).toBeGreaterThan(75);
    expect(compiled + rejected).toBe(300);
  });

  it('with missing: error throw only RenderError H301, never anything else', () => {
    fc.assert(
      fc.property(template, sampleContext, (source, context) => {
        let t;
        try {
          t = compile(source);
        } catch {
          return;
        }
        try {
          toPlainJson(t.render(context, { missing: 'error' }));
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(RenderError);
          expect((error as RenderError).code).toBe('H301');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('give the same output for the same input (render is pure)', () => {
    fc.assert(
      fc.property(template, sampleContext, (source, context) => {
        let t;
        try {
          t = compile(source);
        } catch {
          return;
        }
        expect(toPlainJson(t.render(context))).toStrictEqual(toPlainJson(t.render(structuredClone(context))));
      }),
      { numRuns: 150 },
    );
  });
});

describe('no prototype pollution', () => {
  const danger = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'a');
  const dangerousContext = fc
    .dictionary(
      danger,
      fc.oneof(fc.constant({ polluted: true }), fc.dictionary(danger, fc.constant({ polluted: 1 }))),
    )
    .map((o) => JSON.parse(JSON.stringify({ k: '__proto__', o })) as Record<string, JsonValue>)
    .map((c) => ({ ...c, raw: JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as JsonValue }));
  const dangerousTemplate = fc.constantFrom<JsonValue>(
    { '{{ k }}': { polluted: true } },
    { '{{ k }}': '{{ o }}' },
    { $merge: ['{{ o }}', '{{ raw }}', { a: 2 }] },
    { $merge: ['{{ raw }}'] },
    { $let: { x: '{{ raw }}' }, in: { '{{ k }}': '{{ x }}' } },
    { $each: '{{ o }}', do: { '{{ k }}': '{{ item }}' } },
    ['{{ o.__proto__ }}', '{{ o.constructor.prototype }}', '{{ raw.__proto__.polluted }}'],
    '{{ raw | pick: "__proto__" }}',
    '{{ raw | omit: "a" }}',
    '{{ raw | json | parse_json }}',
    { v: '{{ o | keys }}', w: '{{ o | values }}' },
  );

  it('templated keys, $merge, $let and filters never reach Object.prototype', () => {
    fc.assert(
      fc.property(dangerousTemplate, dangerousContext, (source, context) => {
        const out = compile(source).render(context);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        if (out !== null && typeof out === 'object') {
          const proto: unknown = Object.getPrototypeOf(out);
          expect(proto === null || proto === Object.prototype || proto === Array.prototype).toBe(true);
        }
        toPlainJson(out);
      }),
      { numRuns: 200 },
    );
  });

  afterAll(() => {
    expect(prototypeSnapshot()).toStrictEqual(before);
  });
});
