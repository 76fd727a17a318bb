/** SPEC §6 text bodies with `engine: "handlebars"`: escaping rules, core filters as helpers, safety and limits. */
import { describe, expect, it } from 'vitest';
import { renderRequest, validateHandlebars } from '../src/index.js';
import type { Integration } from '../src/index.js';
import { compileHandlebars } from '../src/request/handlebars.js';
import { thrownBy } from './support/errors.js';

const url = 'https://api.example.com/hook';
const hb = (template: string, contentType?: string): Integration => ({
  url,
  body: { mode: 'text', engine: 'handlebars', template, ...(contentType ? { contentType } : {}) },
});

describe('handlebars text bodies', () => {
  it('escape HTML only for HTML or XML content types', () => {
    const context = { name: '<b>&"' };
    expect(renderRequest(hb('{{name}}'), context).body).toBe('<b>&"');
    expect(renderRequest(hb('{{name}}', 'text/html'), context).body).toBe('&lt;b&gt;&amp;&quot;');
    expect(renderRequest(hb('<x>{{name}}</x>', 'application/xml'), context).body).toBe(
      '<x>&lt;b&gt;&amp;&quot;</x>',
    );
    expect(renderRequest(hb('{{{name}}}', 'text/html'), context).body).toBe('<b>&"');
  });

  it('offer the core filters as helpers', () => {
    const r = renderRequest(hb('{{upper name}} {{truncate s 5}} {{date t "%Y"}}'), {
      name: 'ann',
      s: 'abcdefgh',
      t: '2025-01-01T00:00:00Z',
    });
    expect(r.body).toBe('ANN ab... 2025');
  });

  it('support each with @index', () => {
    expect(renderRequest(hb('{{#each xs}}{{@index}}={{this}};{{/each}}'), { xs: ['a', 'b'] }).body).toBe(
      '0=a;1=b;',
    );
  });

  it('never reach inherited properties', () => {
    const template =
      '[{{constructor}}][{{constructor.constructor}}][{{__proto__}}][{{lookup this "constructor"}}]' +
      '[{{#with constructor}}{{name}}{{/with}}][{{this.constructor.name}}][{{#with __proto__}}{{toString}}{{/with}}]';
    expect(renderRequest(hb(template), { a: 1 }).body).toBe('[][][][][][][]');
  });

  it('output blow-up through nested each is a limit error (H305), not 16 MB of text', () => {
    const xs = Array.from({ length: 400 }, (_, i) => i);
    const error = thrownBy(() =>
      renderRequest(hb('{{#each xs}}{{#each ../xs}}{{../../big}}{{/each}}{{/each}}'), {
        xs,
        big: 'y'.repeat(100),
      }),
    );
    expect(['H304', 'H305']).toContain((error as { code?: string }).code);
  });
});

describe('handlebars template limits', () => {
  it.each([
    ['{{#if a}}', '{{/if}}'],
    ['{{#with a}}', '{{/with}}'],
    ['{{#each a}}', '{{/each}}'],
  ])('%s nested 2 500 deep is refused within a second (maxDepth), not parsed for seconds', (open, close) => {
    const template = open.repeat(2_500) + 'x' + close.repeat(2_500);
    const started = performance.now();
    const error = thrownBy(() => renderRequest(hb(template), { a: { a: 1 } }));
    const ms = performance.now() - started;
    expect(['H205', 'H405']).toContain((error as { code?: string }).code);
    expect(ms).toBeLessThan(1_000);
  });

  it('blocks nested within maxDepth still work', () => {
    const template = '{{#if a}}'.repeat(30) + 'x' + '{{/if}}'.repeat(30);
    expect(renderRequest(hb(template), { a: 1 }).body).toBe('x');
  });
});

describe('validateHandlebars: every refusal with the offsets of its culprit', () => {
  const culprit = (source: string) => {
    const [d, ...rest] = validateHandlebars(source);
    expect(rest).toEqual([]);
    expect(d?.code).toBe('H405');
    return source.slice(d?.start, d?.end);
  };

  it('a valid template has no diagnostics', () => {
    expect(validateHandlebars('Hi {{name}}{{#each items}} {{upper this}}{{/each}}')).toEqual([]);
  });

  it('an unknown helper is underlined by its name', () => {
    expect(culprit('line one\n  {{shout name}} and more')).toBe('shout');
  });

  it('a partial is underlined whole', () => {
    expect(culprit('x {{> card}} y')).toBe('{{> card}}');
  });

  it('mismatched blocks point at the closing tag', () => {
    const source = 'a\n{{#each xs}}{{/if}}';
    const d = validateHandlebars(source)[0];
    expect(d?.message).toMatch(/each doesn't match if/);
    expect(source.slice(d?.start, d?.end)).toContain('each');
  });

  it('a parse error points into the line the parser names', () => {
    const source = 'first line\nsecond {{ name }\nthird';
    const d = validateHandlebars(source)[0];
    expect(d?.message).toMatch(/^Handlebars template does not parse: Parse error on line 2/);
    expect(d?.start).toBeGreaterThanOrEqual(source.indexOf('second'));
    expect(d?.end).toBeLessThanOrEqual(source.indexOf('third'));
  });

  it('an unclosed block at the end says so', () => {
    const source = 'Hello {{#if a}} x';
    const d = validateHandlebars(source)[0];
    expect(d?.code).toBe('H405');
    expect(d?.end).toBeLessThanOrEqual(source.length);
    expect(d?.start).toBeGreaterThanOrEqual(0);
  });

  it('renderRequest refuses with the same offsets', () => {
    const source = 'ok {{nope 1}}';
    const error = thrownBy(() => renderRequest(hb(source), {})) as {
      code?: string;
      start?: number;
      end?: number;
      path?: string;
    };
    expect(error.code).toBe('H405');
    expect(error.path).toBe('/body/template');
    expect(source.slice(error.start, error.end)).toBe('nope');
  });

  it('blocks nested past the limit are located too', () => {
    const source = '{{#if a}}'.repeat(70) + '{{/if}}'.repeat(70);
    const [d] = validateHandlebars(source);
    expect(d?.code).toBe('H205');
    expect(d?.start).toBeGreaterThan(0);
  });
});

describe('handlebars.js 4.x semantics (issue #14; outputs as handlebars.js 4.7 renders them)', () => {
  const text = (template: string, context: unknown) => renderRequest(hb(template), context).body;

  it.each([
    ['{{^done}}open{{/done}}', { done: true }, ''],
    ['{{^done}}open{{/done}}', { done: false }, 'open'],
    ['{{#items}}{{name}};{{/items}}', { items: [{ name: 'a' }, { name: 'b' }] }, 'a;b;'],
    ['{{#vip}}VIP {{name}}{{/vip}}', { vip: true, name: 'Ann' }, 'VIP Ann'],
    ['{{#n}}x{{.}}{{else}}none{{/n}}', { n: 0 }, 'x0'],
    ['{{#if n}}y{{else}}n{{/if}}', { n: 0 }, 'n'],
    ['{{#if n includeZero=true}}y{{else}}n{{/if}}', { n: 0 }, 'y'],
    ['{{"first name"}}', { 'first name': 'Ann' }, 'Ann'],
    ['{{{{raw}}}}{{x}}{{{{/raw}}}}', { x: 1, raw: true }, '{{x}}'],
    [
      '{{items}} {{obj}} {{items.length}} {{s.length}}',
      { items: [1, [2, null]], obj: { a: 1 }, s: 'abc' },
      '1,2, [object Object] 2 3',
    ],
    ['{{#each xs}}{{#if ok}}{{../title}}{{/if}}{{/each}}', { title: 'T', xs: [{ ok: 1 }] }, 'T'],
    ['{{json obj}}', { obj: { a: [1] } }, '{"a":[1]}'],
  ])('%s with %j renders %j', (template, context, expected) => {
    expect(text(template, context)).toBe(expected);
  });

  it.each([
    '{{#upper name}}x{{/upper}}',
    '{{if a}}',
    '{{#if a b}}x{{/if}}',
    '{{helperMissing}}',
    '{{upper name n=1}}',
    '{{(upper a).b}}',
  ])('%s is refused at compile time with H405', (template) => {
    expect((thrownBy(() => renderRequest(hb(template), { a: 1 })) as { code?: string }).code).toBe('H405');
  });

  it('secrets on the context (own, not enumerable) are found by name only', () => {
    // The interpreter itself, on a context shaped as renderRequest gives it (issue #14 item 4).
    const context: Record<string, unknown> = { a: 1 };
    Object.defineProperty(context, 'secrets', { value: { TOKEN: 'hidden' }, enumerable: false });
    const render = (template: string) => compileHandlebars(template, false)(context);
    for (const template of [
      '{{json this}}',
      '{{#each this}}{{@key}}={{json this}};{{/each}}',
      '{{this}}',
      '{{json @root}}',
      '{{#with this}}{{json .}}{{/with}}',
      '{{keys this}}',
      '{{values this}}',
    ]) {
      expect(render(template)).not.toContain('hidden');
      expect(render(template)).not.toContain('secrets');
    }
    expect(render('{{secrets.TOKEN}} {{lookup secrets "TOKEN"}} {{lookup this "secrets"}}')).toBe(
      'hidden hidden [object Object]',
    );
  });
});
