/// <reference types="node" />
/**
 * Security regressions (STYLE #8): prototype pollution, inherited-property access, unsafe evaluation,
 * resource exhaustion (deep payloads and templates, loops, output blow-up) and super-linear string work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, render, RenderError, TemplateError } from '../src/index.js';
import type { JsonValue } from '../src/index.js';
import { prototypeSnapshot, toPlainJson } from './support/json.js';
import { errorOf } from './support/errors.js';
import { expectClean, nested, stripComments, within } from './support/guards.js';

const before = prototypeSnapshot();
describe('prototype pollution', () => {
  it('a templated key that renders to __proto__ does not change the output prototype', () => {
    for (const k of ['__proto__', 'constructor', 'prototype']) {
      const out = render({ '{{ k }}': { polluted: true }, other: 1 }, { k });
      expectClean(out);
      expect((out as Record<string, unknown>)['other']).toBe(1);
    }
  });

  it('a literal __proto__ key in a template is plain data', () => {
    const template = JSON.parse('{"__proto__": {"polluted": true}, "a": "{{ a }}"}') as JsonValue;
    const out = render(template, { a: 1 });
    expectClean(out);
    expect((out as Record<string, unknown>)['a']).toBe(1);
  });

  it('$merge of objects with own __proto__ keys (from JSON.parse) does not pollute', () => {
    const context = JSON.parse('{"evil": {"__proto__": {"polluted": true}, "a": 1}}') as Record<
      string,
      JsonValue
    >;
    for (const template of [
      { $merge: ['{{ evil }}', { b: 2 }] },
      { $merge: [{ b: 2 }, '{{ evil }}'] },
      { $merge: ['{{ evil }}', '{{ evil }}', { b: 2 }] },
    ]) {
      const out = render(template, context) as Record<string, unknown>;
      expectClean(out);
      expect(out['a']).toBe(1);
      expect(out['b']).toBe(2);
    }
  });

  it('$let and $each cannot bind __proto__ into a scope that leaks', () => {
    const templates = [
      '{"$let": {"__proto__": {"polluted": 1}}, "in": "{{ polluted }}"}',
      '{"$each": "{{ xs }}", "as": "__proto__", "do": "{{ polluted }}"}',
      '{"$each": "{{ xs }}", "as": "constructor", "do": "{{ constructor }}"}',
    ];
    for (const text of templates) {
      const template = JSON.parse(text) as JsonValue;
      const error = errorOf(() => compile(template));
      if (error !== undefined) {
        expect(error).toBeInstanceOf(TemplateError);
        continue;
      }
      const out = render(template, { xs: [{ polluted: 1 }] });
      expectClean(out);
    }
  });

  it('filters do not reach or write inherited properties', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as JsonValue;
    expectClean(render('{{ s | parse_json }}', { s: '{"__proto__": {"polluted": true}}' }));
    expect(JSON.stringify(render('{{ o | pick: "__proto__", "constructor" }}', { o: {} }))).toBe('{}');
    expectClean(render('{{ o | omit: "a" }}', { o: raw }));
    expect(render('{{ xs | map: "constructor" }}', { xs: [{}, []] })).toStrictEqual([null, null]);
    // an own "__proto__" key (from JSON.parse) is plain data; only inherited ones must stay out of reach
    expect(render('{{ xs | map: "__proto__" }}', { xs: [{}, { a: 1 }] })).toStrictEqual([null, null]);
    expect(render('{{ xs | map: "constructor.prototype" }}', { xs: [{}] })).toStrictEqual([null]);
    expectClean(render('{{ xs | map: "__proto__" }}', { xs: [raw] }));
    expect(render('{{ xs | where: "constructor.name", "Object" }}', { xs: [{}] })).toStrictEqual([]);
    expect(toPlainJson(render('{{ xs | sort_by: "__proto__" }}', { xs: [{ a: 2 }, { a: 1 }] }))).toHaveLength(
      2,
    );
    expect(render('{{ o | keys }}', { o: {} })).toStrictEqual([]);
  });
});

describe('inherited properties are never reached', () => {
  const context = { a: {}, s: 'text', xs: [1] };
  it.each([
    '{{ a.constructor.prototype }}',
    '{{ constructor.constructor }}',
    '{{ a["constructor"]["prototype"] }}',
    '{{ a.__proto__ }}',
    '{{ s.constructor }}',
    '{{ xs.constructor }}',
    '{{ xs.push }}',
    '{{ $.a.constructor }}',
    '{{ $.a.__proto__ }}',
  ])('%s is null', (template) => {
    expect(render(template, context)).toBeNull();
  });

  it('descendant JSONPath queries find no inherited names', () => {
    expect(render('{{ $..constructor }}', context)).toStrictEqual([]);
    expect(render('{{ $..__proto__ }}', context)).toStrictEqual([]);
  });
});

describe('no native evaluation', () => {
  it('JSONPath filter expressions cannot run code', () => {
    const g = globalThis as Record<string, unknown>;
    const attacks = [
      "{{ $..[?(@.constructor.constructor('globalThis.__pwned = 1')())] }}",
      "{{ $.a[?(@.b == 1 && this.constructor.constructor('globalThis.__pwned = 1')())] }}",
      "{{ $.a[?(@property.constructor.constructor('globalThis.__pwned = 1')())] }}",
      '{{ $.a[?(globalThis.__pwned = 1)] }}',
      '{{ $.a[?(process.exit(1))] }}',
    ];
    for (const attack of attacks) {
      const error = errorOf(() => render(attack, { a: [{ b: 1 }] }));
      if (error !== undefined)
        expect(error instanceof TemplateError || error instanceof RenderError).toBe(true);
      expect(g['__pwned']).toBeUndefined();
    }
  });

  it('the source never uses eval, new Function or Function()', () => {
    const src = fileURLToPath(new URL('../src', import.meta.url));
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.[cm]?[jt]s$/.test(f),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = stripComments(readFileSync(join(src, file), 'utf8'));
      expect(code, file).not.toMatch(/\beval\s*\(/);
      expect(code, file).not.toMatch(/\bnew\s+Function\b/);
      expect(code, file).not.toMatch(/(^|[^.\w$])Function\s*\(/);
      expect(code, file).not.toMatch(/eval\s*:\s*['"]native['"]/);
    }
  });
});

describe('resource limits hold with default settings', () => {
  it('a payload 10 000 levels deep is H306, not a stack overflow', () => {
    const deepObject = nested(10_000, (v) => ({ a: v }));
    const deepArray = nested(10_000, (v) => [v]);
    for (const [template, context] of [
      ['{{ a }}', deepObject],
      ['x {{ a }}', deepObject],
      ['{{ deep.a }}', { x: 1, deep: deepObject }],
      ['{{ d | json }}', { d: deepArray }],
      [{ $each: '{{ d }}', do: '{{ item }}' }, { d: deepArray }],
    ] as Array<[JsonValue, JsonValue]>) {
      const error = errorOf(() => render(template, context as Record<string, JsonValue>));
      expect(error).toBeInstanceOf(RenderError);
      expect((error as RenderError).code).toBe('H306');
    }
  });

  it.each([
    '{{ s | parse_json }}',
    'x {{ s | parse_json }}',
    '{{ s | parse_json | json }}',
    '{{ s | parse_json | size }}',
  ])('values made deep by parse_json cannot overflow the stack: %s', (template) => {
    const s = '['.repeat(100_000) + ']'.repeat(100_000);
    const error = errorOf(() => render(template, { s }));
    if (error !== undefined) expect(error, String(error)).toBeInstanceOf(RenderError);
  });

  it('a template 10 000 levels deep is H205, not a stack overflow', () => {
    for (const template of [
      nested(10_000, (v) => ({ a: v }), '{{ a }}'),
      nested(10_000, (v) => [v]),
      nested(10_000, (v) => ({ $if: '{{ a }}', then: v })),
      nested(10_000, (v) => ({ $each: '{{ a }}', do: v })),
    ]) {
      const error = errorOf(() => compile(template));
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).code).toBe('H205');
    }
  });

  it.each([
    ['10 000 parentheses', '{{ ' + '('.repeat(10_000) + 'a' + ')'.repeat(10_000) + ' }}'],
    ['50 000 negations', '{{ ' + '!'.repeat(50_000) + 'a }}'],
    ['5 000 chained ternaries', '{{ ' + 'a ? b : '.repeat(5_000) + 'c }}'],
    ['20 000 chained ??', '{{ ' + 'a ?? '.repeat(20_000) + 'b }}'],
    ['20 000 chained ||', '{{ ' + 'a || '.repeat(20_000) + 'b }}'],
    ['20 000 chained ==', '{{ ' + 'a == '.repeat(20_000) + 'b }}'],
    ['20 000 chained filters', '{{ a' + ' | upper'.repeat(20_000) + ' }}'],
    ['50 000 indexes', '{{ a' + '[0]'.repeat(50_000) + ' }}'],
    ['50 000 members', '{{ a' + '.b'.repeat(50_000) + ' }}'],
  ])('%s compile or throw TemplateError, never a RangeError', (_label, source) => {
    const error = errorOf(() => compile(source));
    if (error !== undefined) expect(error, String(error)).toBeInstanceOf(TemplateError);
  });

  it('a huge $each is H304', () => {
    const xs = Array.from({ length: 100_001 }, (_, i) => i);
    const error = errorOf(() => render({ $each: '{{ xs }}', do: '{{ item }}' }, { xs }));
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).code).toBe('H304');
  });

  it('nested $each blow-up is H304', () => {
    const xs = Array.from({ length: 1_000 }, (_, i) => i);
    const template = { $each: '{{ xs }}', do: { $each: '{{ xs }}', do: { $each: '{{ xs }}', do: 1 } } };
    const error = errorOf(() => render(template, { xs }));
    expect((error as RenderError).code).toBe('H304');
  });

  it('output blow-up is H305, through loops, text and keys', () => {
    const big = 'x'.repeat(1_000);
    const xs = Array.from({ length: 12_000 }, (_, i) => i);
    const keys = Object.fromEntries(xs.map((i) => [`{{ big }}${i}`, 1]));
    for (const template of [
      { $each: '{{ xs }}', do: '{{ big }}' },
      '{{ big }}'.repeat(12_000),
      keys,
    ] as JsonValue[]) {
      const error = errorOf(() => render(template, { xs, big }));
      expect(error).toBeInstanceOf(RenderError);
      expect((error as RenderError).code).toBe('H305');
    }
  });

  it('output blow-up through every directive is H305', () => {
    const xs = Array.from({ length: 20_000 }, (_, i) => i);
    const big = { s: 'x'.repeat(1_000) };
    for (const template of [
      { $each: '{{ xs }}', do: { $merge: ['{{ big }}'] } },
      { $each: '{{ xs }}', do: { $merge: '{{ bigs }}' } },
      { $each: '{{ xs }}', do: { $let: { b: '{{ big }}' }, in: '{{ b }}' } },
      { $each: '{{ xs }}', do: { $if: '{{ big }}', then: '{{ big }}' } },
      { $each: '{{ xs }}', do: '{{ big | pick: "s" }}' },
    ] as JsonValue[]) {
      const error = errorOf(() => render(template, { xs, big, bigs: [big] }));
      expect(error, JSON.stringify(template)).toBeInstanceOf(RenderError);
      expect((error as RenderError).code).toBe('H305');
    }
  });

  it('a template over 1 MiB is H204', () => {
    const error = errorOf(() => compile({ text: 'y'.repeat(1024 * 1024 + 1) }));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).code).toBe('H204');
  });
});

describe('string work stays linear (no backtracking regular expressions)', () => {
  const many = 'a'.repeat(200_000);
  const cases: Array<[string, Record<string, JsonValue>]> = [
    ['{{ s | trim }}', { s: ' '.repeat(100_000) + 'x' + ' '.repeat(100_000) }],
    ['{{ s | trim }}', { s: ' \t'.repeat(100_000) + '!' }],
    ["{{ s | replace: 'a', 'aa' }}", { s: many }],
    ["{{ s | replace: '(a+)+$', 'x' }}", { s: many + '!' }],
    ["{{ s | replace: 'aab', 'x' }}", { s: many }],
    ["{{ s | split: 'a' | size }}", { s: many }],
    ["{{ s | split: 'aaab' }}", { s: many }],
    ['{{ s | e164 }}', { s: '1'.repeat(200_000) + 'x' }],
    ['{{ s | e164 }}', { s: '+' + ' ('.repeat(100_000) }],
    ["{{ s | date: '%Y' }}", { s: '2025-'.repeat(40_000) }],
    ["{{ s | date: '%Y' }}", { s: '2025-01-01T' + '0'.repeat(200_000) }],
    ['{{ s | iso }}', { s: '9'.repeat(200_000) }],
    ['{{ s | number }}', { s: '1'.repeat(100_000) + 'x' }],
    ['{{ s | boolean }}', { s: ' '.repeat(200_000) + 'y' }],
    ['{{ s | html_escape | size }}', { s: '<&"'.repeat(100_000) }],
    ['{{ s | url_encode | size }}', { s: 'é '.repeat(100_000) }],
    ['{{ s | base64 | size }}', { s: 'é'.repeat(200_000) }],
    ['{{ s | capitalize | size }}', { s: many }],
    ['{{ s | truncate: 100000 | size }}', { s: many }],
    ['{{ s | parse_json }}', { s: '{"a":'.repeat(50_000) }],
  ];
  it.each(cases.map(([t, c], i) => [i, t, c] as const))('#%i %s', (_i, template, context) => {
    within(2_000, () => render(template, context));
  });

  it('the scanner stays linear on delimiter-heavy text', () => {
    for (const source of [
      '{{'.repeat(100_000),
      '\\{{'.repeat(100_000),
      "{{ '".repeat(50_000),
      '<<'.repeat(100_000),
      '{'.repeat(200_000),
      '}}'.repeat(100_000),
      '{{ a }}'.repeat(50_000),
    ]) {
      within(2_000, () => errorOf(() => compile(source)));
    }
  });
});

afterAll(() => {
  expect(prototypeSnapshot()).toStrictEqual(before);
  expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined();
});
