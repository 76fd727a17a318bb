/** integrationTemplates: the one walker over an integration's templates (single request or flow). */
import { describe, expect, it } from 'vitest';
import { integrationTemplates } from '../../src/index.js';

const list = (doc: unknown) => [...integrationTemplates(doc)].map((t) => [t.pointer, t.kind, t.step]);

describe('integrationTemplates', () => {
  it('yields every template of a single request with its pointer and kind, in document order', () => {
    const doc = {
      url: 'https://x.io/{{ id }}',
      when: '{{ ok }}',
      headers: { 'A/B': '{{ a }}', 'X~Y': 'x' },
      body: { mode: 'template', template: { a: '{{ a }}' } },
    };
    expect(list(doc)).toEqual([
      ['/url', 'url', undefined],
      ['/when', 'when', undefined],
      ['/headers/A~1B', 'header', undefined],
      ['/headers/X~0Y', 'header', undefined],
      ['/body/template', 'body', undefined],
    ]);
    expect([...integrationTemplates(doc)][4]?.template).toEqual({ a: '{{ a }}' });
  });

  it('tells hookmap text bodies from Handlebars ones; auto bodies have no template', () => {
    expect(list({ url: 'u', body: { mode: 'text', template: 't' } })).toEqual([
      ['/url', 'url', undefined],
      ['/body/template', 'text', undefined],
    ]);
    expect(list({ url: 'u', body: { mode: 'text', template: 't', engine: 'handlebars' } })).toEqual([
      ['/url', 'url', undefined],
      ['/body/template', 'handlebars', undefined],
    ]);
    expect(list({ url: 'u', body: { mode: 'auto', sections: ['a'] } })).toEqual([['/url', 'url', undefined]]);
  });

  it("walks a flow: its own when and headers, then each step's when, url, headers, body and result", () => {
    const flow = {
      when: '{{ a }}',
      headers: { Authorization: 'Bearer {{ connection.access_token }}' },
      steps: [
        { id: 'find', url: 'https://x.io/find', result: '{{ response.body.id }}' },
        {
          id: 'note',
          when: '{{ steps.find.result }}',
          url: 'https://x.io/n',
          headers: { X: 'y' },
          body: { mode: 'template', template: {} },
          result: { id: '{{ response.body.id }}' },
        },
      ],
    };
    expect(list(flow)).toEqual([
      ['/when', 'when', undefined],
      ['/headers/Authorization', 'header', undefined],
      ['/steps/0/url', 'url', 0],
      ['/steps/0/result', 'result', 0],
      ['/steps/1/when', 'when', 1],
      ['/steps/1/url', 'url', 1],
      ['/steps/1/headers/X', 'header', 1],
      ['/steps/1/body/template', 'body', 1],
      ['/steps/1/result', 'result', 1],
    ]);
  });

  it('skips what is not a template in an invalid document instead of failing', () => {
    expect(list(null)).toEqual([]);
    expect(
      list({
        url: 5,
        headers: { A: 1 },
        body: { mode: 'text', template: 3 },
        steps: [null, 'x', { url: 'u' }],
      }),
    ).toEqual([['/steps/2/url', 'url', 2]]);
  });
});
