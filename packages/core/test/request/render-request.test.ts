import { describe, expect, it } from 'vitest';
import {
  Codes,
  renderRequest,
  RequestError,
  serializeBody,
  validateIntegration,
  type Integration,
  type Provider,
} from '../../src/index.js';

const payload = {
  call_log_id: 'c-1',
  phone_number: '+919876543210',
  call_summary: 'Confirmed <b>tomorrow</b>.',
  data_capture: { customer_name: 'John Doe' },
  call_trigger_data: { crm_id: 'lead 42/x', phone_number: '+1' },
};

/** A small OSVI-like provider: URL scope call_trigger_data, two sections. */
const provider: Provider = {
  id: 'fake',
  name: 'Fake',
  events: ['post_call'],
  samples: [],
  schema: {},
  detect: () => true,
  buildContext: (p) => ({
    ...(p as object),
    payload: p,
    call_info: { phone_number: (p as typeof payload).phone_number },
  }),
  sections: [
    {
      id: 'info',
      name: 'Info',
      description: '',
      fields: ['call_log_id'],
      build: (p) => ({ call_log_id: (p as typeof payload).call_log_id }),
    },
    {
      id: 'summary',
      name: 'Summary',
      description: '',
      fields: ['call_summary'],
      build: (p) =>
        (p as { call_summary?: string }).call_summary
          ? { call_summary: (p as typeof payload).call_summary }
          : null,
    },
  ],
  urlScope: 'call_trigger_data',
  idempotencyKey: (p) => (p as typeof payload).call_log_id,
};

const errorOf = (fn: () => unknown): RequestError => {
  try {
    fn();
  } catch (e) {
    return e as RequestError;
  }
  throw new Error('expected an error');
};

describe('renderRequest: method and body presence', () => {
  it('defaults to POST with a JSON body and Content-Type', () => {
    const r = renderRequest(
      { url: 'https://x.test/a', body: { mode: 'template', template: { s: '{{ call_summary }}' } } },
      payload,
    );
    expect(r.method).toBe('POST');
    expect(r.body).toEqual({ s: payload.call_summary });
    expect(r.headers['Content-Type']).toBe('application/json');
  });

  it.each(['GET', 'DELETE'] as const)('%s carries no body and no Content-Type', (method) => {
    const r = renderRequest(
      {
        method,
        url: 'https://x.test/a',
        headers: { 'content-type': 'application/json' },
        body: { mode: 'template', template: { a: 1 } },
      },
      payload,
    );
    expect(r.body).toBeUndefined();
    expect(Object.keys(r.headers).map((k) => k.toLowerCase())).not.toContain('content-type');
    expect(serializeBody(r)).toBeUndefined();
  });

  it('JSON bodies always carry application/json, replacing a user spelling', () => {
    const r = renderRequest(
      {
        url: 'https://x.test',
        headers: { 'content-type': 'text/plain' },
        body: { mode: 'template', template: { a: 1 } },
      },
      payload,
    );
    expect(r.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(serializeBody(r)).toBe('{"a":1}');
  });
});

describe('renderRequest: URL', () => {
  it('resolves in the provider URL scope first, then the context, percent-encoding values', () => {
    const r = renderRequest(
      { url: 'https://x.test/leads/{{crm_id}}/calls?p={{ phone_number }}&id={{call_log_id}}' },
      payload,
      { provider },
    );
    expect(r.url).toBe('https://x.test/leads/lead%2042%2Fx/calls?p=%2B1&id=c-1');
  });

  it('leaves unresolved placeholders exactly as written and reports them', () => {
    const r = renderRequest({ url: 'https://x.test/{{ nope }}/{{crm_id}}' }, payload, { diagnostics: true });
    expect(r.url).toBe('https://x.test/{{ nope }}/{{crm_id}}');
    expect(r.diagnostics.filter((d) => d.code === Codes.UNRESOLVED).map((d) => d.reference)).toEqual([
      'nope',
      'crm_id',
    ]);
  });

  it('inserts a leading placeholder as the base URL, unencoded', () => {
    const r = renderRequest({ url: '{{secrets.BASE}}/services/data/v61.0/sobjects/Task/' }, payload, {
      secrets: { BASE: 'https://acme.my.salesforce.com' },
      diagnostics: true,
    });
    expect(r.url).toBe('https://acme.my.salesforce.com/services/data/v61.0/sobjects/Task/');
    expect(r.diagnostics).toEqual([]);
  });

  it('flags a URL that is not http(s)', () => {
    const r = renderRequest({ url: '{{secrets.BASE}}/x' }, payload, {
      secrets: { BASE: 'javascript:alert(1)' },
      diagnostics: true,
    });
    expect(r.diagnostics.map((d) => d.code)).toContain(Codes.INVALID_URL);
  });
});

describe('renderRequest: headers and secrets', () => {
  it('templates headers and takes secrets only from the options', () => {
    const hostile = { ...payload, secrets: { TOKEN: 'from-payload' } };
    const r = renderRequest(
      {
        url: 'https://x.test',
        headers: { Authorization: 'Bearer {{secrets.TOKEN}}', 'X-Call': '{{call_log_id}}' },
      },
      hostile,
      {
        secrets: { TOKEN: 's3cret' },
      },
    );
    expect(r.headers).toEqual({ Authorization: 'Bearer s3cret', 'X-Call': 'c-1' });
    const none = renderRequest(
      { url: 'https://x.test', headers: { Authorization: 'Bearer {{secrets.TOKEN}}' } },
      hostile,
      { diagnostics: true },
    );
    expect(none.headers.Authorization).toBe('Bearer ');
    expect(none.diagnostics[0]).toMatchObject({ code: Codes.MISSING_SECRET, path: '/headers/Authorization' });
  });

  it('refuses a header value with CR or LF after rendering', () => {
    const err = errorOf(() =>
      renderRequest(
        { url: 'https://x.test', headers: { 'X-Name': '{{ name }}' } },
        { name: 'a\r\nSet-Cookie: x=1' },
      ),
    );
    expect(err).toBeInstanceOf(RequestError);
    expect(err).toMatchObject({ code: Codes.HEADER_INJECTION, path: '/headers/X-Name' });
  });
});

describe('renderRequest: body modes', () => {
  it('auto mode merges enabled sections in provider order and leaves out empty ones', () => {
    const integration: Integration = {
      url: 'https://x.test',
      body: { mode: 'auto', sections: ['summary', 'info'] },
    };
    expect(renderRequest(integration, payload, { provider }).body).toEqual({
      call_log_id: 'c-1',
      call_summary: payload.call_summary,
    });
    const { call_summary: _drop, ...noSummary } = payload;
    expect(renderRequest(integration, noSummary, { provider }).body).toEqual({ call_log_id: 'c-1' });
  });

  it('auto mode names unknown sections and needs a provider', () => {
    expect(
      errorOf(() =>
        renderRequest({ url: 'https://x.test', body: { mode: 'auto', sections: ['infos'] } }, payload, {
          provider,
        }),
      ),
    ).toMatchObject({
      code: Codes.UNKNOWN_SECTION,
      path: '/body/sections/0',
    });
    expect(
      errorOf(() =>
        renderRequest({ url: 'https://x.test', body: { mode: 'auto', sections: ['info'] } }, payload),
      ),
    ).toMatchObject({
      code: Codes.NO_PROVIDER,
    });
  });

  it('template mode applies the missing policy and prefixes diagnostics with /body/template', () => {
    const integration: Integration = {
      url: 'https://x.test',
      body: { mode: 'template', template: { a: '{{ nope }}', b: 1 } },
    };
    const r = renderRequest(integration, payload, { missing: 'omit', diagnostics: true });
    expect(r.body).toEqual({ b: 1 });
    expect(r.diagnostics[0]).toMatchObject({ code: Codes.UNRESOLVED, path: '/body/template/a' });
  });

  it('text mode renders a string with its content type', () => {
    const r = renderRequest(
      {
        url: 'https://x.test',
        body: {
          mode: 'text',
          template: 'Call {{ call_log_id }}: {{ data_capture }}',
          contentType: 'text/markdown',
        },
      },
      payload,
    );
    expect(r.body).toBe('Call c-1: {"customer_name":"John Doe"}');
    expect(r.headers['Content-Type']).toBe('text/markdown');
    expect(serializeBody(r)).toBe(r.body);
  });

  it('handlebars text mode has core filters as helpers, blocks, and escapes only for HTML', () => {
    const template =
      '{{upper data_capture.customer_name}}|{{#if call_summary}}{{truncate call_summary 12}}{{else}}none{{/if}}|' +
      '{{#each items}}{{@index}}:{{this}}{{#unless @last}},{{/unless}}{{/each}}|{{call_summary}}';
    const data = { ...payload, items: ['a', 'b'] };
    const plain = renderRequest(
      { url: 'https://x.test', body: { mode: 'text', engine: 'handlebars', template } },
      data,
    );
    expect(plain.body).toBe('JOHN DOE|Confirmed...|0:a,1:b|Confirmed <b>tomorrow</b>.');
    const html = renderRequest(
      {
        url: 'https://x.test',
        body: {
          mode: 'text',
          engine: 'handlebars',
          template: '{{call_summary}} {{{call_summary}}}',
          contentType: 'text/html',
        },
      },
      data,
    );
    expect(html.body).toBe('Confirmed &lt;b&gt;tomorrow&lt;/b&gt;. Confirmed <b>tomorrow</b>.');
  });

  it('handlebars partials and unknown helpers are clear errors', () => {
    expect(
      errorOf(() =>
        renderRequest(
          { url: 'https://x.test', body: { mode: 'text', engine: 'handlebars', template: '{{> p}}' } },
          payload,
        ),
      ),
    ).toMatchObject({
      code: Codes.HANDLEBARS_ERROR,
    });
    const err = errorOf(() =>
      renderRequest(
        {
          url: 'https://x.test',
          body: { mode: 'text', engine: 'handlebars', template: '{{shout call_summary}}' },
        },
        payload,
      ),
    );
    expect(err.message).toContain('shout');
  });

  it('reuses the prepared integration across payloads', () => {
    const integration: Integration = {
      url: 'https://x.test',
      body: { mode: 'template', template: { id: '{{ call_log_id }}' } },
    };
    expect(renderRequest(integration, { call_log_id: 'a' }).body).toEqual({ id: 'a' });
    expect(renderRequest(integration, { call_log_id: 'b' }).body).toEqual({ id: 'b' });
  });
});

describe('invalid integrations name the field', () => {
  it.each([
    [{ url: 'https://x.test', method: 'FETCH' }, '/method', 'FETCH'],
    [{ method: 'POST' }, '/url', 'url'],
    [{ url: 'https://x.test', body: { mode: 'json' } }, '/body/mode', 'json'],
    [{ url: 'https://x.test', body: { mode: 'template' } }, '/body/template', 'template'],
    [{ url: 'https://x.test', headers: { 'Bad Header': 'x' } }, '/headers/Bad Header', 'header name'],
  ])('%j', (doc, path, mentions) => {
    const problems = validateIntegration(doc);
    expect(problems[0]).toMatchObject({ code: Codes.INVALID_INTEGRATION, path });
    expect(problems[0]?.message).toContain(mentions);
    const err = errorOf(() => renderRequest(doc as Integration, payload));
    expect(err).toMatchObject({ code: Codes.INVALID_INTEGRATION, path });
  });

  it('a template syntax error points into the body template', () => {
    const err = errorOf(() =>
      renderRequest(
        { url: 'https://x.test', body: { mode: 'template', template: { a: { b: '{{ x | nope }}' } } } },
        payload,
      ),
    );
    expect(err).toMatchObject({ code: Codes.UNKNOWN_FILTER, path: '/body/template/a/b' });
  });
});

describe('header values HTTP cannot carry', () => {
  it('checks every text a placeholder inserts into a header, render after render of one document', () => {
    const doc: Integration = {
      url: 'https://x.test',
      headers: {
        Authorization: 'Bearer {{ secrets.T }}',
        'X-Pair': '{{ a }}-{{ b }}',
        'X-Lit': 'a\nb {{ a }}',
      },
    };
    const only = (name: string): Integration => ({ ...doc, headers: { [name]: doc.headers![name]! } });
    const auth = only('Authorization');
    const pair = only('X-Pair');
    for (const [token, bad] of [
      ['t-1', false],
      ['t-1\r\nX-Evil: 1', true],
      ['t-1', false],
      ['t-2\u0000', true],
      ['café', false],
      ['李', true],
    ] as const) {
      const render = () => renderRequest(auth, {}, { secrets: { T: token } });
      if (bad)
        expect(errorOf(render), token).toMatchObject({
          code: Codes.HEADER_INJECTION,
          path: '/headers/Authorization',
        });
      else expect(render().headers.Authorization).toBe(`Bearer ${token}`);
    }
    expect(renderRequest(pair, { a: 'x', b: 7 }).headers['X-Pair']).toBe('x-7');
    expect(errorOf(() => renderRequest(pair, { a: 'x', b: 'y\nz' }))).toMatchObject({
      path: '/headers/X-Pair',
    });
    // A value that is not text goes in as JSON text, whose line breaks are escaped: nothing to refuse.
    expect(renderRequest(pair, { a: ['\n'], b: 1 }).headers['X-Pair']).toBe('["\\n"]-1');
    expect(renderRequest(pair, { b: 1 }, { diagnostics: true }).headers['X-Pair']).toBe('-1');
    // Literal text with a line break is refused too, whatever the values.
    expect(errorOf(() => renderRequest(only('X-Lit'), { a: 'ok' }))).toMatchObject({
      path: '/headers/X-Lit',
    });
  });

  it('refuses characters outside Latin-1 with a hint to encode them', () => {
    const err = errorOf(() =>
      renderRequest({ url: 'https://x.test', headers: { 'X-Caller': '{{ name }}' } }, { name: '李雷' }),
    );
    expect(err).toMatchObject({ code: Codes.HEADER_INJECTION, path: '/headers/X-Caller' });
    expect(err.message).toContain('url_encode');
    const ok = renderRequest(
      { url: 'https://x.test', headers: { 'X-Caller': '{{ name | url_encode }}', 'X-Latin': 'café' } },
      { name: '李雷' },
    );
    expect(ok.headers).toEqual({ 'X-Caller': '%E6%9D%8E%E9%9B%B7', 'X-Latin': 'café' });
  });
});

describe('renderRequest: diagnostics only when asked for', () => {
  const integration: Integration = {
    url: '{{ base }}/leads/{{ nope }}',
    headers: { Authorization: 'Bearer {{ secrets.TOKEN }}' },
    body: { mode: 'template', template: { a: '{{ missing }}', b: 'x {{ also_missing }}' } },
  };

  it('collects nothing by default, and renders the same request', () => {
    const fast = renderRequest(integration, { base: 'ftp://x' });
    const slow = renderRequest(integration, { base: 'ftp://x' }, { diagnostics: true });
    expect(fast.diagnostics).toEqual([]);
    expect(slow.diagnostics.map((d) => [d.code, d.path])).toEqual([
      [Codes.UNRESOLVED, '/url'],
      [Codes.INVALID_URL, '/url'],
      [Codes.MISSING_SECRET, '/headers/Authorization'],
      [Codes.UNRESOLVED, '/body/template/a'],
      [Codes.UNRESOLVED, '/body/template/b'],
    ]);
    const { diagnostics: _a, ...fastRequest } = fast;
    const { diagnostics: _b, ...slowRequest } = slow;
    expect(fastRequest).toEqual(slowRequest);
  });

  it("missing: 'error' still throws without diagnostics", () => {
    expect(() => renderRequest(integration, { base: 'https://x' }, { missing: 'error' })).toThrow(
      /missing|nope/,
    );
  });
});
