import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash } from '../src/persist.js';
import { checkIntegrationShape, docToIntegration, integrationToDoc, emptyDoc } from '../src/integration.js';

describe('share links', () => {
  it('round-trips the doc through the URL hash, unicode included', () => {
    const doc = { ...emptyDoc, name: 'Café → CRM ✓', templateText: '{"a": "{{ b }}"}' };
    const hash = encodeShareHash(doc);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(decodeShareHash(hash)).toEqual(doc);
  });

  it('ignores hashes that are not share links or are corrupt', () => {
    expect(decodeShareHash('#other')).toBeNull();
    expect(decodeShareHash('#s=%%%')).toBeNull();
  });
});

describe('doc ⇄ integration', () => {
  it('converts every body mode both ways', () => {
    const doc = {
      ...emptyDoc,
      headers: [
        { name: 'X-A', value: '1' },
        { name: ' ', value: 'ignored' },
      ],
      templateText: '{"x": 1}',
    };
    const result = docToIntegration(doc);
    expect(result.integration?.body).toEqual({ mode: 'template', template: { x: 1 } });
    expect(result.integration?.headers).toEqual({ 'X-A': '1' });
    const text = docToIntegration({
      ...doc,
      bodyMode: 'text',
      textTemplate: 'hi {{a}}',
      engine: 'handlebars',
    });
    expect(text.integration?.body).toEqual({
      mode: 'text',
      template: 'hi {{a}}',
      engine: 'handlebars',
      contentType: 'text/plain',
    });
    const back = integrationToDoc({ url: 'u', body: { mode: 'auto', sections: ['s1'] } }, doc);
    expect(back).toMatchObject({ url: 'u', bodyMode: 'auto', sections: ['s1'], method: 'POST', headers: [] });
  });

  it('carries the events filter both ways, and leaves it out when it is empty', () => {
    expect(docToIntegration(emptyDoc).integration).not.toHaveProperty('events');
    const filtered = docToIntegration({ ...emptyDoc, events: ['transcript.update'] }).integration;
    expect(filtered?.events).toEqual(['transcript.update']);
    expect(integrationToDoc({ url: 'u', events: ['bot.state_change'] }, emptyDoc).events).toEqual(['bot.state_change']);
    expect(integrationToDoc({ url: 'u' }, { ...emptyDoc, events: ['x'] }).events).toEqual([]);
    expect(docToIntegration({ ...emptyDoc, when: '  ' }).integration).not.toHaveProperty('when');
    expect(docToIntegration({ ...emptyDoc, when: " {{ a == 'b' }} " }).integration?.when).toBe("{{ a == 'b' }}");
    expect(integrationToDoc({ url: 'u', when: '{{ x }}' }, emptyDoc).when).toBe('{{ x }}');
  });

  it('reports an invalid JSON template instead of rendering it', () => {
    expect(docToIntegration({ ...emptyDoc, templateText: '{"x": }' }).error).toMatch(/not valid JSON/);
  });

  it('checks the shape of imported documents', () => {
    expect(checkIntegrationShape({ url: 'x', body: { mode: 'template', template: {} } })).toBeNull();
    expect(checkIntegrationShape([])).toMatch(/object/);
    expect(checkIntegrationShape({ url: 'x', method: 'FETCH' })).toMatch(/method/);
    expect(checkIntegrationShape({ url: 'x', body: { mode: 'xml' } })).toMatch(/body.mode/);
  });
});
