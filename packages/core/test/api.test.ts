/**
 * The public API around the language: the filter registry, custom filters, compile-once/render-many,
 * validate() collecting every problem, diagnostics offsets, lineColumn, limits through options.
 */
import { describe, expect, it } from 'vitest';
import { compile, filters, render, RenderError, TemplateError, validate } from '../src/index.js';
import { lineColumn } from '../src/tooling.js';
import type { FilterFn, JsonValue } from '../src/index.js';
import { toPlainJson } from './support/json.js';
import { thrownBy } from './support/errors.js';

const SPEC_FILTERS = (
  'upper lower capitalize trim truncate replace split join first last size slice map where compact uniq sort ' +
  'sort_by keys values pick omit default json parse_json string number integer boolean round floor ceil abs plus ' +
  'minus times divided_by date iso unix unix_ms url_encode base64 html_escape e164 optional required'
).split(' ');

describe('filter registry', () => {
  it('holds every filter named in SPEC §4', () => {
    const missing = SPEC_FILTERS.filter((name) => typeof filters[name] !== 'function');
    expect(missing).toEqual([]);
  });

  it('cannot be changed from outside', () => {
    expect(() => {
      (filters as Record<string, FilterFn>)['upper'] = () => 'hacked';
    }).toThrow();
    expect(render('{{ s | upper }}', { s: 'a' })).toBe('A');
  });
});

describe('custom filters', () => {
  const shout: FilterFn = (v, times) => String(v) + '!'.repeat(typeof times === 'number' ? times : 1);

  it('are merged over the built-ins and receive their arguments', () => {
    const t = compile({ a: '{{ s | shout }}', b: '{{ s | shout: 3 | upper }}' }, { filters: { shout } });
    expect(t.render({ s: 'hi' })).toEqual({ a: 'hi!', b: 'HI!!!' });
  });

  it('do not leak into the global registry', () => {
    compile('{{ s | shout }}', { filters: { shout } });
    const error = thrownBy(() => compile('{{ s | shout }}'));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).code).toBe('H201');
  });

  it('that throw give null and a warning, not a failed render', () => {
    const boom: FilterFn = () => {
      throw new Error('boom');
    };
    const { value, diagnostics } = compile(
      { v: '{{ s | boom }}' },
      { filters: { boom } },
    ).renderWithDiagnostics({ s: 1 });
    expect(value).toEqual({ v: null });
    expect(diagnostics.some((d) => d.path === '/v' && d.severity !== 'info')).toBe(true);
  });

  it.each([
    ['undefined', () => undefined],
    ['NaN', () => NaN],
    ['Infinity', () => Infinity],
    ['a function', () => () => 1],
  ] as Array<[string, FilterFn]>)('that return %s still give JSON output', (_label, fn) => {
    const out = compile({ v: '{{ s | odd }}', w: 'x{{ s | odd }}' }, { filters: { odd: fn } }).render({
      s: 1,
    });
    expect(() => toPlainJson(out)).not.toThrow();
  });
});

describe('compile once, render many', () => {
  it('keeps the source and renders different contexts independently', () => {
    const source = { name: '{{ n }}', tags: { $each: '{{ xs }}', do: '#{{ item }}' } };
    const t = compile(source);
    expect(t.source).toEqual(source);
    expect(t.render({ n: 'a', xs: [1] })).toEqual({ name: 'a', tags: ['#1'] });
    expect(t.render({ n: 'b', xs: [] })).toEqual({ name: 'b', tags: [] });
    expect(t.render({})).toEqual({ name: null, tags: [] });
  });

  it('works with frozen templates and frozen contexts (nothing is mutated)', () => {
    const deepFreeze = <T>(v: T): T => {
      if (v !== null && typeof v === 'object') {
        for (const child of Object.values(v)) deepFreeze(child);
        Object.freeze(v);
      }
      return v;
    };
    const template = deepFreeze({ a: '{{ xs | sort }}', b: { $merge: ['{{ o }}', { z: 1 }] } }) as JsonValue;
    const context = deepFreeze({ xs: [3, 1, 2], o: { y: 2 } });
    expect(render(template, context)).toEqual({ a: [1, 2, 3], b: { y: 2, z: 1 } });
  });
});

describe('validate', () => {
  it('returns every problem at once, with pointers', () => {
    const diagnostics = validate({ a: '{{', b: '{{ x | uper }}', c: { $each: '{{ xs }}' }, d: ['ok {{ }}'] });
    const byPath = Object.fromEntries(diagnostics.map((d) => [d.path, d.code]));
    expect(byPath).toMatchObject({ '/a': 'H101', '/b': 'H201', '/c': 'H203', '/d/0': 'H102' });
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('returns several problems inside one string', () => {
    const codes = validate('{{ a | uper }} and {{ b | lowr }}').map((d) => d.code);
    expect(codes).toEqual(['H201', 'H201']);
  });

  it('carries the suggestion for an unknown filter', () => {
    const [d] = validate('{{ a | uper }}');
    expect(d?.suggestion).toBe('upper');
  });

  it('returns no errors for a good template and respects the delimiter option', () => {
    expect(
      validate({ a: '{{ x | upper }}', b: { $if: '{{ y }}', then: 1 } }).filter(
        (d) => d.severity === 'error',
      ),
    ).toEqual([]);
    expect(validate('<< x', { delimiters: 'braces' })).toEqual([]);
    expect(validate('<< x', { delimiters: 'angles' }).map((d) => d.code)).toEqual(['H101']);
  });
});

describe('diagnostics point at the placeholder', () => {
  it('an unresolved embedded reference has offsets inside its string', () => {
    const source = 'Hi {{ name }}!';
    const { diagnostics } = compile({ v: source }).renderWithDiagnostics({});
    const d = diagnostics.find((x) => x.code === 'H301');
    expect(d?.path).toBe('/v');
    expect(source.slice(d?.start, d?.end)).toContain('name');
  });

  it('an unresolved reference in a key is flagged as a key', () => {
    const { diagnostics } = compile({ 'k_{{ x }}': 1 }).renderWithDiagnostics({});
    expect(diagnostics.find((d) => d.code === 'H301')?.key).toBe(true);
  });

  it('missing: error throws a RenderError that names the reference', () => {
    const error = thrownBy(() => render({ a: '{{ lead.email }}' }, {}, { missing: 'error' }));
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).reference).toBe('lead.email');
  });
});

describe('limits through options', () => {
  const loop = { $each: '{{ xs }}', do: 1 };

  it('render options can raise the iteration limit', () => {
    const xs = Array.from({ length: 100_001 }, () => 0);
    expect((render(loop, { xs }, { limits: { maxIterations: 200_000 } }) as unknown[]).length).toBe(100_001);
  });

  it('limits given to compile apply when rendering (they are part of CompileOptions)', () => {
    const error = thrownBy(() => compile(loop, { limits: { maxIterations: 2 } }).render({ xs: [1, 2, 3] }));
    expect((error as RenderError).code).toBe('H304');
  });
});

describe('lineColumn', () => {
  it('is 1-based', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('non-JSON values in a context object (e.g. built by code, not parsed)', () => {
  const values: Array<[string, unknown]> = [
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a bigint', 10n],
    ['undefined', undefined],
    ['a Date', new Date(0)],
    ['a Map', new Map([['a', 1]])],
    ['NaN', NaN],
    ['Infinity', -Infinity],
  ];
  const template = {
    whole: '{{ x }}',
    embedded: 'x{{ x }}',
    list: ['{{ x }}', { $each: '{{ xs }}', do: '{{ item }}' }],
    json: '{{ x | json }}',
    fallback: '{{ x | default: 1 }}',
  };
  it.each(values)('%s never reaches the output as non-JSON', (_label, x) => {
    const out = render(template, { x, xs: [x] });
    expect(() => toPlainJson(out)).not.toThrow();
    expect(Object.keys(out as object)).toEqual(Object.keys(template));
  });
});
