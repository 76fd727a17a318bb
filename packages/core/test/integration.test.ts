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
  const schema = integrationSchema as unknown as {
    $schema?: string;
    type?: string;
    oneOf?: Array<{ required?: string[] }>;
    properties?: Record<string, { enum?: readonly string[]; maxItems?: number }>;
    $defs?: Record<
      string,
      {
        required?: string[];
        properties?: Record<string, { pattern?: string }>;
        additionalProperties?: boolean;
      }
    >;
  };

  it('is a draft 2020-12 object schema: a request (url) or a flow (steps), with the five methods', () => {
    expect(schema.$schema).toContain('2020-12');
    expect(schema.type).toBe('object');
    expect(schema.oneOf?.map((s) => s.required)).toEqual([['url'], ['steps']]);
    expect([...(schema.properties?.['method']?.enum ?? [])].sort()).toEqual([
      'DELETE',
      'GET',
      'PATCH',
      'POST',
      'PUT',
    ]);
    expect(() => JSON.stringify(integrationSchema)).not.toThrow();
  });

  it('describes steps as validateIntegration checks them: 1–10, id pattern, no unknown keys', () => {
    expect(schema.properties?.['steps']?.maxItems).toBe(10);
    const step = schema.$defs?.['step'];
    expect(step?.required).toEqual(['id', 'url']);
    expect(step?.additionalProperties).toBe(false);
    const id = new RegExp(step?.properties?.['id']?.pattern ?? '');
    expect(['find', 'find_2', 'Find', '2nd', 'a-b'].map((s) => id.test(s))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(Object.keys(step?.properties ?? {}).sort()).toEqual([
      'accept',
      'body',
      'headers',
      'id',
      'method',
      'name',
      'result',
      'url',
      'when',
    ]);
  });
});
