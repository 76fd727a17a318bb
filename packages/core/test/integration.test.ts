/** validateIntegration and integrationSchema (SPEC §6): the integration document itself. */
import { describe, expect, it } from 'vitest';
import { integrationSchema, validateIntegration } from '../src/index.js';

const at = (doc: unknown): Array<[string, string]> => validateIntegration(doc).map((d) => [d.code, d.path]);

describe('validateIntegration', () => {
  it('accepts the SPEC §6 example', () => {
    const doc = {
      name: 'HubSpot call log',
      method: 'POST',
      url: 'https://api.example.com/leads/{{crm_id}}/calls',
      headers: { Authorization: 'Bearer {{secrets.HUBSPOT_TOKEN}}' },
      body: { mode: 'auto', sections: ['call_info', 'call_summary'] },
      active: true,
    };
    expect(validateIntegration(doc)).toEqual([]);
  });

  it('accepts every body mode', () => {
    expect(at({ url: 'https://x.io', body: { mode: 'template', template: { a: '{{ b }}' } } })).toEqual([]);
    expect(
      at({ url: 'https://x.io', body: { mode: 'text', template: 'Hi', contentType: 'text/plain' } }),
    ).toEqual([]);
    expect(
      at({ url: 'https://x.io', body: { mode: 'text', template: 'Hi {{x}}', engine: 'handlebars' } }),
    ).toEqual([]);
  });

  it.each([
    ['not an object', 'text', ''],
    ['null', null, ''],
    ['no url', {}, '/url'],
    ['an unknown method', { url: 'https://x.io', method: 'FETCH' }, '/method'],
    ['an unknown body mode', { url: 'https://x.io', body: { mode: 'xml' } }, '/body/mode'],
    ['auto mode without sections', { url: 'https://x.io', body: { mode: 'auto' } }, '/body/sections'],
    ['a non-text header', { url: 'https://x.io', headers: { A: 5 } }, '/headers/A'],
    [
      'a header name with CR/LF',
      { url: 'https://x.io', headers: { 'X-A\r\nX-B': 'v' } },
      '/headers/X-A\r\nX-B',
    ],
    ['a non-boolean active', { url: 'https://x.io', active: 'yes' }, '/active'],
  ])('reports %s as H401 at its pointer', (_label, doc, pointer) => {
    expect(at(doc)).toContainEqual(['H401', pointer]);
    expect(validateIntegration(doc).every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports template syntax problems inside the document with full pointers (assumption: one check for editor and CLI)', () => {
    const doc = {
      url: 'https://x.io/{{ a',
      headers: { A: '{{ }}' },
      body: { mode: 'template', template: { a: { b: '{{ x | uper }}' } } },
    };
    expect(at(doc)).toEqual(
      expect.arrayContaining([
        ['H101', '/url'],
        ['H102', '/headers/A'],
        ['H201', '/body/template/a/b'],
      ]),
    );
  });
});

describe('integrationSchema', () => {
  it('is a draft 2020-12 object schema requiring url, with the five methods', () => {
    const schema = integrationSchema as unknown as {
      $schema?: string;
      type?: string;
      required?: readonly string[];
      properties?: Record<string, { enum?: readonly string[] }>;
    };
    expect(schema.$schema).toContain('2020-12');
    expect(schema.type).toBe('object');
    expect(schema.required).toContain('url');
    expect([...(schema.properties?.['method']?.enum ?? [])].sort()).toEqual([
      'DELETE',
      'GET',
      'PATCH',
      'POST',
      'PUT',
    ]);
    expect(() => JSON.stringify(integrationSchema)).not.toThrow();
  });
});
