import { describe, expect, it } from 'vitest';
import {
  checkIntegration,
  printType,
  typeAt,
  typeFromSchema,
  typeToSchema,
  type CheckProvider,
} from '../../src/index.js';

const event = (trigger: string, data: object): object => ({
  type: 'object',
  required: ['trigger', 'data', 'meta'],
  properties: {
    trigger: { const: trigger },
    data: { type: 'object', properties: data },
    meta: { type: 'object' },
    ref: { type: 'object', properties: { id: { type: 'string' } } },
  },
});

const bot: CheckProvider = {
  id: 'bot',
  name: 'Bot',
  events: ['state', 'words'],
  contextSchemas: {
    state: event('state', { new_state: { type: 'string' } }),
    words: event('words', { text: { type: 'string' } }),
  },
  urlScope: 'meta',
  sections: [{ id: 'info', fields: ['trigger', 'bot_id'] }],
};

const doc = (extra: object): object => ({ url: 'https://example.com/x', ...extra });

describe('checkIntegration', () => {
  it('checks every event without a filter, and only the listed ones with "events"', () => {
    expect(checkIntegration(doc({}), { provider: bot }).events).toEqual(['state', 'words']);
    expect(checkIntegration(doc({ events: ['words'] }), { provider: bot }).events).toEqual(['words']);
  });

  it('warns about an event the provider does not have (H510)', () => {
    const checked = checkIntegration(doc({ events: ['word'] }), { provider: bot });
    expect(checked.diagnostics).toEqual([
      expect.objectContaining({ code: 'H510', path: '/events/0', severity: 'warning' }),
      expect.objectContaining({ code: 'H510', path: '/events' }),
    ]);
  });

  it('leaves out the events whose context makes "when" always false', () => {
    const checked = checkIntegration(doc({ when: "{{ trigger == 'state' }}" }), { provider: bot });
    expect(checked.events).toEqual(['state']);
  });

  it('types the body against the events it is sent for only', () => {
    const body = { mode: 'template', template: { t: '{{ data.text }}' } };
    const all = checkIntegration(doc({ body }), { provider: bot });
    expect(all.diagnostics).toEqual([]);
    const state = checkIntegration(doc({ body, events: ['state'] }), { provider: bot });
    expect(state.diagnostics).toEqual([
      expect.objectContaining({
        code: 'H501',
        path: '/body/template/t',
        message: 'data has no "text" in the Bot schema, so data.text is null.',
      }),
    ]);
  });

  it('resolves URL placeholders in the URL scope first (SPEC §6)', () => {
    const url = 'https://example.com/{{ anything }}/{{ dta.x }}';
    const checked = checkIntegration({ url }, { provider: bot });
    // `meta` is a free-form object, so any name may resolve there.
    expect(checked.diagnostics).toEqual([]);
    const closed: CheckProvider = { ...bot, urlScope: 'ref' };
    expect(
      checkIntegration({ url }, { provider: closed }).diagnostics.map((d) => [d.code, d.path, d.suggestion]),
    ).toEqual([
      ['H501', '/url', undefined],
      ['H501', '/url', 'data'],
    ]);
  });

  it('checks headers and knows secrets, steps and connection', () => {
    const checked = checkIntegration(
      doc({
        headers: { A: 'Bearer {{ secrets.TOKEN }}', B: '{{ connection.access_token }}', C: '{{ dat.x }}' },
        connection: 'c',
        steps: [],
      }),
      { provider: bot },
    );
    expect(checked.diagnostics).toEqual([
      expect.objectContaining({ code: 'H501', path: '/headers/C', suggestion: 'data' }),
    ]);
  });

  it('gives no body for GET, a text body as text, and leaves Handlebars unchecked', () => {
    expect(
      checkIntegration(doc({ method: 'GET', body: { mode: 'template', template: {} } }), { provider: bot })
        .body,
    ).toBeNull();
    expect(
      checkIntegration(doc({ body: { mode: 'text', template: 'Hi {{ trigger }}' } }), { provider: bot }).body
        ?.kind,
    ).toBe('text');
    expect(
      checkIntegration(doc({ body: { mode: 'text', engine: 'handlebars', template: '{{x}}' } }), {
        provider: bot,
      }).body?.kind,
    ).toBe('unchecked');
  });

  it('types an auto body as the keys of its sections', () => {
    const body = checkIntegration(doc({ body: { mode: 'auto', sections: ['info'] } }), {
      provider: bot,
    }).body;
    expect(body?.kind === 'json' && printType(body.value.type)).toBe(
      '{ trigger?: unknown, bot_id?: unknown }',
    );
  });

  it('without a provider, every path is unknown and nothing is reported', () => {
    const checked = checkIntegration(
      doc({ body: { mode: 'template', template: { a: '{{ whatever.x }}' } } }),
    );
    expect(checked.diagnostics).toEqual([]);
  });

  it('skips strings that do not parse (validate reports them)', () => {
    const checked = checkIntegration(
      doc({ body: { mode: 'template', template: { a: '{{ data.text | }}', b: '{{ dta }}' } } }),
      { provider: bot },
    );
    expect(checked.diagnostics.map((d) => d.path)).toEqual(['/body/template/b']);
  });
});

describe('checkIntegration on a flow (SPEC §9)', () => {
  const flow = {
    provider: 'bot',
    steps: [
      {
        id: 'find',
        url: 'https://crm.example.com/search',
        body: { mode: 'template', template: { q: '{{ data.text }}' } },
        result: '{{ response.body.results[0].id }}',
      },
      {
        id: 'create',
        when: '{{ steps.find.result == null }}',
        url: 'https://crm.example.com/people',
        result: { id: '{{ response.status }}' },
      },
      {
        id: 'note',
        url: 'https://crm.example.com/notes',
        body: {
          mode: 'template',
          template: {
            who: '{{ steps.find.result ?? steps.create.result.id }}',
            ok: '{{ steps.create.skipped }}',
            typo: '{{ steps.find.resul }}',
          },
        },
      },
    ],
  };

  it('types steps.<id> of the earlier steps, results included, and response inside result', () => {
    const checked = checkIntegration(flow, { provider: bot });
    expect(checked.steps?.map((s) => s.id)).toEqual(['find', 'create', 'note']);
    const body = checked.body;
    if (body?.kind !== 'json') throw new Error('no body');
    expect(printType(body.value.type)).toBe('{ who: unknown, ok: boolean, typo: unknown }');
    expect(typeAt(flow, '/steps/2/body/template/who', 40, { provider: bot })?.text).toBe('integer | null');
    expect(checked.diagnostics).toEqual([
      expect.objectContaining({ code: 'H501', path: '/steps/2/body/template/typo', suggestion: 'result' }),
    ]);
  });
});

describe('typeAt (hover)', () => {
  const integration = doc({
    body: {
      mode: 'template',
      template: {
        list: { $each: '{{ data.text | split: " " }}', as: 'w', do: '{{ w | upper }}' },
        t: 'At {{ trigger }}',
      },
    },
  });

  it('answers the innermost expression at the offset, in its scope', () => {
    const info = typeAt(integration, '/body/template/list/do', 4, { provider: bot });
    expect(info).toMatchObject({
      expression: 'w',
      text: 'string',
      detail: 'string — Bot: w',
      start: 3,
      end: 4,
    });
    expect(typeAt(integration, '/body/template/list/do', 9, { provider: bot })?.text).toBe('string');
  });

  it('answers an embedded placeholder, and null outside placeholders', () => {
    expect(typeAt(integration, '/body/template/t', 8, { provider: bot })?.text).toBe('"state" | "words"');
    expect(typeAt(integration, '/body/template/t', 1, { provider: bot })).toBeNull();
  });
});

describe('types and schemas', () => {
  it('round-trips a type through its JSON Schema', () => {
    const schema = {
      type: 'object',
      required: ['a'],
      properties: {
        a: { enum: ['x', 'y'] },
        b: { type: ['integer', 'null'] },
        c: { type: 'array', items: { type: 'string', format: 'date-time' } },
      },
    };
    const type = typeFromSchema(schema);
    expect(printType(typeFromSchema(typeToSchema(type)), 2)).toBe(printType(type, 2));
    expect(printType(type, 2)).toBe('{ a: "x" | "y", b?: integer | null, c?: array<string> }');
  });

  it('keeps the requirements a schema sets under if/then, dependentRequired and anyOf of required', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } },
      dependentRequired: { a: ['b'] },
      anyOf: [{ required: ['a'] }, { required: ['c'] }],
      allOf: [{ if: { required: ['a'] }, then: { required: ['c'] } }],
    };
    expect(typeFromSchema(schema).object?.requirements).toEqual([
      { alternatives: [['a'], ['c']], when: [], otherwise: false },
      { alternatives: [['b']], when: [{ key: 'a', values: null }], otherwise: false },
      { alternatives: [['c']], when: [{ key: 'a', values: null }], otherwise: false },
    ]);
  });

  it('reads anyOf, allOf and $ref through $id', () => {
    const schema = {
      $id: 'https://example.com/root.json',
      $defs: { n: { type: 'number' } },
      anyOf: [
        { $ref: 'https://example.com/root.json#/$defs/n' },
        { allOf: [{ type: ['string', 'null'] }, { type: 'string', minLength: 1 }] },
      ],
    };
    expect(printType(typeFromSchema(schema))).toBe('string | number');
  });
});
