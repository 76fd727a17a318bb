/** SPEC §6 text bodies with `engine: "handlebars"`: escaping rules, core filters as helpers, safety and limits. */
import { describe, expect, it } from 'vitest';
import { renderRequest } from '../src/index.js';
import type { Integration } from '../src/index.js';
import { thrownBy } from './support/errors.js';

const url = 'https://api.example.com/hook';

describe('handlebars text bodies', () => {
  const hb = (template: string, contentType?: string): Integration => ({
    url,
    body: { mode: 'text', engine: 'handlebars', template, ...(contentType ? { contentType } : {}) },
  });

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
