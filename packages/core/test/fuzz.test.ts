/**
 * Parser fuzzing: arbitrary strings either compile or throw TemplateError — never another error, never a hang.
 * compile() and validate() must agree: a template that throws has at least one error diagnostic with that code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, RenderError, TemplateError, validate } from '../src/index.js';
import type { JsonValue } from '../src/index.js';

const MAX_COMPILE_MS = 1000;

/** Single characters and fragments that stress the scanner, lexer and parser. */
const fragments = fc.constantFrom(
  '{',
  '}',
  '<',
  '>',
  '{{',
  '}}',
  '<<',
  '>>',
  '}}}',
  '\\',
  '\\{{',
  '\\<<',
  '|',
  '$',
  '.',
  '..',
  '[',
  ']',
  '(',
  ')',
  "'",
  '"',
  '?',
  ':',
  '!',
  '=',
  '==',
  '!=',
  '&&',
  '||',
  '??',
  '<=',
  '>=',
  ',',
  '-',
  '*',
  '@',
  '#',
  '%',
  ' ',
  '\n',
  '\t',
  '0',
  '1',
  '-1',
  '1e3',
  'a',
  'b',
  '_x',
  'true',
  'null',
  'item',
  'loop',
  '__proto__',
  'constructor',
  ' | upper',
  ' | truncate: 3',
  ' | replace: ',
  ' | uper',
  ' | date: ',
  '$..',
  '$.a[*]',
  '[?(@.',
  '@.x',
  '[0]',
  '[-1]',
  "['k']",
  '["k k"]',
  'é',
  '😀',
  '\u0000',
  '\u2028',
);
const delimiterHeavy = fc.string({ unit: fragments, maxLength: 40 });
const wrapped = fc.string({ unit: fragments, maxLength: 25 }).map((s) => `{{ ${s} }}`);
const wrappedAngles = fc.string({ unit: fragments, maxLength: 25 }).map((s) => `x << ${s} >> y`);
const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const asciiText = fc.string({ unit: 'grapheme-ascii', maxLength: 60 });
const sources = fc.oneof(delimiterHeavy, wrapped, wrappedAngles, anyText, asciiText);

function timedCompile(source: JsonValue): { error: unknown; ms: number; ok: boolean } {
  const started = performance.now();
  try {
    compile(source);
    return { error: undefined, ms: performance.now() - started, ok: true };
  } catch (error) {
    return { error, ms: performance.now() - started, ok: false };
  }
}

function checkSource(source: JsonValue): void {
  const { error, ms, ok } = timedCompile(source);
  expect(ms, `compile took ${ms.toFixed(0)} ms for ${JSON.stringify(source)}`).toBeLessThan(MAX_COMPILE_MS);
  const diagnostics = validate(source);
  expect(Array.isArray(diagnostics)).toBe(true);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (ok) {
    expect(errors, `validate reports errors for a template that compiles: ${JSON.stringify(source)}`).toEqual(
      [],
    );
    return;
  }
  expect(error, `non-TemplateError for ${JSON.stringify(source)}: ${String(error)}`).toBeInstanceOf(
    TemplateError,
  );
  const te = error as TemplateError;
  expect(te.code).toMatch(/^H[12]\d\d$/);
  expect(typeof te.path).toBe('string');
  expect(te.start).toBeGreaterThanOrEqual(0);
  expect(te.end).toBeGreaterThanOrEqual(te.start);
  expect(
    errors.map((d) => d.code),
    `validate misses ${te.code} for ${JSON.stringify(source)}`,
  ).toContain(te.code);
}

describe('parser fuzz', () => {
  it('string templates compile or throw TemplateError, quickly, and validate agrees', () => {
    fc.assert(
      fc.property(sources, (s) => checkSource(s)),
      { numRuns: 1000 },
    );
  });

  it('the same strings as object keys and nested values', () => {
    fc.assert(
      fc.property(sources, sources, (k, v) => checkSource({ [k]: v, list: [v, { inner: k }] })),
      { numRuns: 300 },
    );
  });

  it('JSONPath-looking expressions compile or throw TemplateError', () => {
    const query = fc.string({ unit: fragments, maxLength: 20 }).map((s) => `{{ $${s} }}`);
    fc.assert(
      fc.property(query, (s) => checkSource(s)),
      { numRuns: 300 },
    );
  });

  it('whatever compiles renders or throws RenderError, nothing else', () => {
    const context = { a: { x: [1, 'two'] }, b: 'text', item: null, k: 'k k' };
    fc.assert(
      fc.property(sources, (s) => {
        let t;
        try {
          t = compile(s);
        } catch {
          return;
        }
        for (const missing of ['null', 'omit', 'keep', 'error'] as const) {
          try {
            t.renderWithDiagnostics(context, { missing });
          } catch (error) {
            expect(error, `${String(error)} for ${JSON.stringify(s)}`).toBeInstanceOf(RenderError);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('directive-shaped objects with random values compile or throw TemplateError', () => {
    const value = fc.oneof(sources, fc.constant(null), fc.integer(), fc.constant([]), fc.constant({}));
    const directive = fc.oneof(
      fc.record({ $if: value, then: value }, { requiredKeys: [] }),
      fc.record({ $each: value, as: value, do: value }, { requiredKeys: [] }),
      fc.record({ $merge: fc.oneof(value, fc.array(value, { maxLength: 3 })) }, { requiredKeys: [] }),
      fc.record(
        { $let: fc.oneof(value, fc.dictionary(fc.string(), value)), in: value },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(directive, (d) => checkSource(d as JsonValue)),
      { numRuns: 300 },
    );
  });
});
