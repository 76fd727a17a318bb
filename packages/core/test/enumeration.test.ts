/**
 * Issue #14 item 4, the language's side: secrets and connection values sit on the context as own
 * non-enumerable properties, which only a *named* lookup finds. Everything that enumerates (JSONPath `*`,
 * `..`, filters; Handlebars `#each`, `this`, `json`; the keys/values/json/omit filters) sees own
 * enumerable keys only. Also: match()/search() never backtrack on a user's pattern (SPEC §8).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';

const SECRET = 's3cr3t-value';

function context(): Record<string, unknown> {
  const ctx: Record<string, unknown> = { a: 1, nested: { b: [1, { c: 'x' }] } };
  Object.defineProperty(ctx, 'secrets', { value: { TOKEN: SECRET }, enumerable: false });
  Object.defineProperty(ctx, 'connection', { value: { access_token: SECRET }, enumerable: false });
  return ctx;
}

const render = (template: string): unknown => compile(template).render(context());

describe('JSONPath enumerates own enumerable keys only', () => {
  it.each([
    '{{ $..* }}',
    '{{ $.* }}',
    '{{ $[*] }}',
    '{{ $..TOKEN }}',
    '{{ $..[?@.TOKEN] }}',
    '{{ $[?@] }}',
    'all: {{ $..* }}',
    '{{ $ }}',
    '{{ $..access_token }}',
  ])('%s never shows a secret', (template) => {
    expect(JSON.stringify(render(template))).not.toContain(SECRET);
  });

  it('a named query reaches it', () => {
    expect(render('{{ $.secrets.TOKEN }}')).toBe(SECRET);
    expect(render("{{ $['connection']['access_token'] }}")).toBe(SECRET);
    expect(render('{{ $[?@.x == $.secrets.TOKEN] }}')).toEqual([]);
  });
});

describe('filters enumerate own enumerable keys only', () => {
  it.each([
    '{{ $ | keys }}',
    '{{ $ | values }}',
    '{{ $ | json }}',
    '{{ $ | omit: "a" }}',
    '{{ $ | string }}',
    'text {{ $ }}',
  ])('%s never shows a secret', (template) => {
    expect(JSON.stringify(render(template))).not.toContain(SECRET);
    expect(JSON.stringify(render(template))).not.toContain('secrets');
  });

  it('a named pick or path reaches it', () => {
    expect(render('{{ secrets.TOKEN }}')).toBe(SECRET);
    expect(render('{{ $ | pick: "secrets" }}')).toEqual({ secrets: { TOKEN: SECRET } });
  });
});

describe('match() and search() run in linear time', () => {
  it.each([
    ['(a+)+$', 'a'.repeat(30_000) + 'b'],
    ['(a|a)*c', 'a'.repeat(30_000)],
    ['(a*)*b', 'a'.repeat(30_000)],
  ])('%s on a hostile text answers at once', (pattern, text) => {
    const template = compile(`{{ $.xs[?match(@, '${pattern}') || search(@, '${pattern}')] }}`);
    const started = performance.now();
    expect(template.render({ xs: [text] })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('I-Regexp semantics: . is any character but \\n and \\r, classes, categories, quantifiers', () => {
    const t = compile(`{{ $.xs[?match(@, '\\\\p{Lu}[a-z]{2,3}.[0-9]?')] }}`);
    expect(t.render({ xs: ['Abc\u20281', 'abc', 'Abcd\n', 'Abcde', 'Ab'] })).toEqual(['Abc\u20281', 'Abcde']);
  });

  it('an invalid pattern (not I-Regexp) matches nothing', () => {
    expect(compile(`{{ $.xs[?search(@, '(?=a)')] }}`).render({ xs: ['a'] })).toEqual([]);
    expect(compile(`{{ $.xs[?search(@, '\\\\d')] }}`).render({ xs: ['1'] })).toEqual([]);
  });
});
