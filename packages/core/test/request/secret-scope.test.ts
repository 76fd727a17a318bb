/**
 * SPEC §6 and §10: `secrets.*` and `connection.*` are reachable only by naming them. A whole-context value
 * (`{{ $ }}`, `{{ $..* }}`, `payload`, a `$each`/`$merge` over the root, Handlebars `{{json this}}`, auto
 * mode) never carries them — in the body (three modes), headers and the URL — and a payload field of the
 * same name is never read in their place. One test per route: (where) × (whole-value form).
 */
import { describe, expect, it } from 'vitest';
import {
  renderRequest,
  serializeBody,
  type Integration,
  type IntegrationBody,
  type Provider,
} from '../../src/index.js';
import { exposesRoot } from '../../src/request/root-exposure.js';
import { osvi, osviReading, sample } from '../support/osvi.js';

const secrets = { TOKEN: 'sec-7f3a9c', BASE: 'https://good.example' };
const connection = { access_token: 'conn-91bd4e', instance_url: 'https://acme.my.example', expires_in: 3599 };
const VALUES = ['sec-7f3a9c', 'conn-91bd4e', 'acme.my.example'];

/** A payload that also carries fields named like the scopes, in the root and in OSVI's URL scope. */
const hostile = {
  ...sample,
  secrets: { TOKEN: 'payload-secret' },
  connection: { access_token: 'payload-connection' },
  call_trigger_data: {
    ...sample.call_trigger_data,
    secrets: { TOKEN: 'scope-secret' },
    connection: { access_token: 'scope-connection' },
  },
};

/** Everything a request would send, as text. */
function sent(integration: Integration, payload: unknown = sample, provider: Provider = osvi): string {
  const r = renderRequest(integration, payload, { provider, secrets, connection });
  return JSON.stringify({ url: r.url, headers: r.headers, body: serializeBody(r) ?? null });
}

/** Expressions whose value is the whole context (or all of it, flattened). */
const wholeForms = [
  '$',
  '$..*',
  '$.*',
  '$[*]',
  'payload',
  '$ | values',
  '$ | json',
  '$ | pick: "call_info", "payload"',
];

const url = 'https://x.io/hook';
const where: Array<[string, (expr: string) => Integration]> = [
  ['a JSON body, whole value', (e) => ({ url, body: { mode: 'template', template: { all: `{{ ${e} }}` } } })],
  ['a JSON body, embedded', (e) => ({ url, body: { mode: 'template', template: { all: `x {{ ${e} }}` } } })],
  ['a JSON body, object key', (e) => ({ url, body: { mode: 'template', template: { [`{{ ${e} }}`]: 1 } } })],
  ['a hookmap text body', (e) => ({ url, body: { mode: 'text', template: `all: {{ ${e} }}` } })],
  ['a header', (e) => ({ url, headers: { 'X-All': `{{ ${e} }}` } })],
  ['the URL query', (e) => ({ url: `https://x.io/hook?all={{ ${e} }}` })],
  ['the URL base', (e) => ({ url: `{{ ${e} }}/hook` })],
];

describe('whole-context values never carry secrets or connection values', () => {
  for (const [place, integrationFor] of where) {
    it.each(wholeForms)(`${place}: {{ %s }}`, (expr) => {
      for (const payload of [sample, hostile]) {
        const text = sent(integrationFor(expr), payload);
        for (const value of VALUES) expect(text).not.toContain(value);
      }
    });
  }

  it.each([
    ['$each over the root', { $each: '{{ $ }}', do: '{{ item }}' }],
    ['$each over every value of the root', { $each: '{{ $.* }}', as: 'v', do: '{{ v }}' }],
    ['$each over the keys of the root', { $each: '{{ $ | keys }}', as: 'k', do: '{{ k }}' }],
    ['$merge of the root', { $merge: ['{{ $ }}', { extra: 1 }] }],
    ['$let binding the root', { $let: { all: '{{ $ }}' }, in: { all: '{{ all }}', text: 'x {{ all }}' } }],
    ['$if returning the root', { $if: '{{ $ }}', then: '{{ $ }}' }],
  ])('a JSON body with %s', (_label, template) => {
    const body: IntegrationBody = { mode: 'template', template };
    for (const payload of [sample, hostile]) {
      const text = sent({ url, body }, payload);
      for (const value of VALUES) expect(text).not.toContain(value);
    }
  });

  it.each([
    '{{json this}}',
    '{{json @root}}',
    '{{{json this}}}',
    '{{#each this}}{{@key}}={{json this}};{{/each}}',
    '{{#each @root}}{{@key}};{{/each}}',
    '{{#with this}}{{json this}}{{/with}}',
    '{{json (values this)}}',
    '{{#each (keys this)}}{{this}};{{/each}}',
  ])('a Handlebars text body: %s', (template) => {
    for (const payload of [sample, hostile]) {
      const text = sent({ url, body: { mode: 'text', engine: 'handlebars', template } }, payload);
      for (const value of VALUES) expect(text).not.toContain(value);
    }
  });

  it('an auto body with every section on', () => {
    const body: IntegrationBody = { mode: 'auto', sections: osvi.sections.map((s) => s.id) };
    const text = sent({ url, body, headers: { A: '{{ $ }}' } }, hostile);
    for (const value of VALUES) expect(text).not.toContain(value);
  });

  it('a body that is the whole context leaves them out of its JSON text and of a structured clone', () => {
    const r = renderRequest({ url, body: { mode: 'template', template: '{{ $ }}' } }, sample, {
      provider: osvi,
      secrets,
      connection,
    });
    const copies = [
      serializeBody(r),
      JSON.stringify(structuredClone(r.body)),
      JSON.stringify(Object.keys(r.body as object)),
    ];
    for (const copy of copies) for (const value of VALUES) expect(copy).not.toContain(value);
    expect(copies[2]).toContain('call_log_id');
  });

  it('the keys of the root do not list them', () => {
    const r = renderRequest({ url, body: { mode: 'template', template: '{{ $ | keys }}' } }, sample, {
      provider: osvi,
      secrets,
      connection,
    });
    expect(r.body).not.toContain('secrets');
    expect(r.body).not.toContain('connection');
    expect(r.body).toContain('call_log_id');
  });
});

/** Both ways a context is built: the provider's whole buildContext, and its contextReader for the names used. */
describe.each([
  ['buildContext', osvi],
  ['contextReader', osviReading],
] as Array<[string, Provider]>)('with the provider’s %s', (_way, provider) => {
  describe('naming them is the only way in', () => {
    it.each([
      [
        'a JSON body',
        {
          url,
          body: {
            mode: 'template',
            template: { t: '{{ secrets.TOKEN }}', c: '{{ connection.access_token }}' },
          },
        },
      ],
      [
        'a JSON body through JSONPath',
        {
          url,
          body: {
            mode: 'template',
            template: { t: '{{ $.secrets.TOKEN }}', c: "{{ $['connection'].access_token }}" },
          },
        },
      ],
      [
        'a hookmap text body',
        { url, body: { mode: 'text', template: '{{ secrets.TOKEN }} {{ connection.access_token }}' } },
      ],
      [
        'a Handlebars text body',
        {
          url,
          body: {
            mode: 'text',
            engine: 'handlebars',
            template: '{{secrets.TOKEN}} {{connection.access_token}}',
          },
        },
      ],
      [
        'headers',
        { url, headers: { A: 'Bearer {{ secrets.TOKEN }}', B: 'Bearer {{ connection.access_token }}' } },
      ],
      [
        'the URL',
        { url: '{{ connection.instance_url }}/x?t={{ secrets.TOKEN }}&c={{ connection.access_token }}' },
      ],
    ] as Array<[string, Integration]>)('%s renders the named values', (_label, integration) => {
      for (const payload of [sample, hostile]) {
        const text = sent(integration, payload, provider);
        for (const value of VALUES.slice(0, 2)) expect(text).toContain(value);
        expect(text).not.toContain('payload-');
        expect(text).not.toContain('scope-');
      }
    });

    it('a connection value that is not a string keeps its type in a whole value', () => {
      const r = renderRequest(
        { url, body: { mode: 'template', template: { n: '{{ connection.expires_in }}' } } },
        sample,
        { connection },
      );
      expect(r.body).toEqual({ n: 3599 });
    });

    it('an entry of them can be passed on whole by naming the scope', () => {
      const r = renderRequest(
        { url, body: { mode: 'template', template: { all: '{{ secrets }}' } } },
        sample,
        {
          secrets: { A: 'x' },
        },
      );
      expect(r.body).toEqual({ all: { A: 'x' } });
    });
  });

  describe('connection.* never comes from the payload', () => {
    const integration: Integration = {
      url: 'https://x.io/{{ connection.access_token }}',
      headers: { Authorization: 'Bearer {{ connection.access_token }}' },
      body: {
        mode: 'template',
        template: { t: '{{ connection.access_token }}', u: '{{ $.connection.access_token }}' },
      },
    };

    it('without a connection, a payload field named connection is not read (root or URL scope)', () => {
      const r = renderRequest(integration, hostile, { provider, diagnostics: true });
      expect(JSON.stringify([r.url, r.headers, r.body])).not.toContain('payload-connection');
      expect(JSON.stringify([r.url, r.headers, r.body])).not.toContain('scope-connection');
      expect(r.diagnostics.filter((d) => d.code === 'H408').map((d) => d.path)).toEqual([
        '/headers/Authorization',
      ]);
    });

    it('without a provider too', () => {
      const r = renderRequest(integration, { connection: { access_token: 'payload-connection' } });
      expect(JSON.stringify([r.url, r.headers, r.body])).not.toContain('payload-connection');
    });

    it('with a connection, its values win everywhere', () => {
      const r = renderRequest(integration, hostile, { provider, connection });
      expect(r.url).toBe('https://x.io/conn-91bd4e');
      expect(r.headers.Authorization).toBe('Bearer conn-91bd4e');
      expect(r.body).toEqual({ t: 'conn-91bd4e', u: 'conn-91bd4e' });
    });
  });
});

describe('which documents can yield the context root (then the scope names are non-enumerable)', () => {
  const doc = (template: unknown): unknown => ({ url, body: { mode: 'template', template } });
  it.each([
    ['$', '{{ $ }}'],
    ['$..*', 'x {{ $..* }}'],
    ['a filter query', '{{ $[?(@.x)] }}'],
    ['$.* in a filter argument', '{{ a | default: $.* }}'],
    ['$ in a key', { '{{ $ | json }}': 1 }],
    ['$ as a $each source', { $each: '{{ $ }}', do: '{{ item }}' }],
    ['a template that does not parse', '{{ $ | }}'],
  ])('%s exposes it', (_label, template) => {
    expect(exposesRoot(doc(template))).toBe(true);
  });

  it.each([
    ['paths', { a: '{{ secrets.X }}', b: 'x {{ a.b[0] }}', c: { $each: '{{ list }}', do: '{{ item }}' } }],
    ['singular JSONPath', { a: '{{ $.a.b }}', b: "{{ $['x y'][0] }}", c: '{{ $.secrets.TOKEN }}' }],
    ['$ in literal text and directive keys', { $merge: [{ price: '$5' }], note: '\\{{ $ }}' }],
  ])('%s do not', (_label, template) => {
    expect(exposesRoot(doc(template))).toBe(false);
  });

  it('looks at every template: URL, headers, steps, results', () => {
    expect(exposesRoot({ url: 'https://x.io/{{ $ }}' })).toBe(true);
    expect(exposesRoot({ url, headers: { A: '{{ $..* }}' } })).toBe(true);
    expect(exposesRoot({ steps: [{ id: 'a', url, result: '{{ $ }}' }] })).toBe(true);
    expect(exposesRoot({ steps: [{ id: 'a', url, result: '{{ response.body }}' }] })).toBe(false);
  });

  it.each([
    ['this', '{{json this}}', true],
    ['.', '{{#each .}}x{{/each}}', true],
    ['@root', '{{json @root.common}}', true],
    ['../', '{{#each items}}{{../name}}{{/each}}', true],
    ['only named paths', '{{#each items}}{{json text}}{{/each}} {{secrets.A}} {{this.name}}', false],
  ])('a Handlebars body with %s: %s', (_label, template, exposes) => {
    expect(exposesRoot({ url, body: { mode: 'text', engine: 'handlebars', template } })).toBe(exposes);
  });
});
