/**
 * SPEC §6: renderRequest — URL scope and encoding, headers and secrets, content types, methods, body modes.
 * Uses a small OSVI-shaped provider (support/osvi.ts) built from the seed-004 sample, so only core's logic is
 * under test. Handlebars text bodies are in request-handlebars.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderRequest, RequestError, serializeBody } from '../src/index.js';
import type { Integration } from '../src/index.js';
import { osvi, sample } from './support/osvi.js';
import { errorOf, thrownBy } from './support/errors.js';

const url = 'https://api.example.com/hook';

describe('URL', () => {
  it.each([
    ['a base URL from a placeholder that is not http(s)', '{{base}}/hook', { base: 'ftp://files.example' }],
    ['a templated host that cannot parse', 'https://{{host}}/hook', { host: 'bad host%' }],
    ['a templated scheme', '{{scheme}}://x.io/hook', { scheme: 'javascript' }],
    ['a literal non-http URL', 'mailto:someone@example.com', {}],
    ['a host without a path, then a templated port', 'https://x.io:{{port}}', { port: 'none' }],
  ])('reports %s as H406', (_label, template, payload) => {
    const r = renderRequest({ url: template }, payload, { diagnostics: true });
    expect(r.diagnostics.filter((d) => d.code === 'H406').map((d) => d.path)).toEqual(['/url']);
  });

  it.each([
    ['a base URL from a placeholder', '{{base}}/hook', { base: 'https://ok.example' }],
    [
      'any value in the path, query and fragment',
      'https://x.io/a/{{v}}?q={{v}}#{{v}}',
      { v: ':%/?#[]@ ü \u0000 ../..' },
    ],
    ['an unresolved path placeholder left as written', 'https://x.io/leads/{{missing}}', {}],
  ])('accepts %s (no H406, and the URL parses)', (_label, template, payload) => {
    const r = renderRequest({ url: template }, payload, { diagnostics: true });
    expect(r.diagnostics.filter((d) => d.code === 'H406')).toEqual([]);
    expect(new URL(r.url).protocol).toMatch(/^https?:$/);
  });

  it('reads secrets only from the options, even when the payload has a URL-scope field named secrets', () => {
    const payload = {
      ...sample,
      call_trigger_data: { ...sample.call_trigger_data, secrets: { TOKEN: 'from payload' } },
    };
    const r = renderRequest({ url: 'https://x.io/{{secrets.TOKEN}}/{{crm_id}}' }, payload, {
      provider: osvi,
      secrets: { TOKEN: 'real' },
    });
    expect(r.url).toBe('https://x.io/real/lead_42');
  });

  it('resolves against the provider URL scope first (the OSVI doc example)', () => {
    const r = renderRequest({ url: 'https://api.example.com/leads/{{crm_id}}/calls' }, sample, {
      provider: osvi,
    });
    expect(r.url).toBe('https://api.example.com/leads/lead_42/calls');
  });

  it('prefers the scope over the full context, then falls back to the context', () => {
    const payload = { ...sample, phone_number: '+10000000000' };
    const r = renderRequest({ url: 'https://x.io/{{phone_number}}/{{call_log_id}}' }, payload, {
      provider: osvi,
    });
    expect(r.url).toBe(`https://x.io/${encodeURIComponent('+919876543210')}/${sample.call_log_id}`);
  });

  it('leaves unresolved placeholders exactly as written and reports them', () => {
    const r = renderRequest({ url: 'https://x.io/{{ nope }}/<<other>>' }, sample, {
      provider: osvi,
      diagnostics: true,
    });
    expect(r.url).toBe('https://x.io/{{ nope }}/<<other>>');
    expect(r.diagnostics.filter((d) => d.code === 'H301').map((d) => d.path)).toEqual(['/url', '/url']);
  });

  it('percent-encodes substituted values', () => {
    const r = renderRequest(
      { url: 'https://x.io/leads/{{ id }}?q={{ q }}' },
      { id: 'a b/c?d#e', q: 'x&y=z' },
    );
    expect(r.url).toBe('https://x.io/leads/a%20b%2Fc%3Fd%23e?q=x%26y%3Dz');
  });

  it('a lone surrogate in a substituted value does not crash the render (URIError)', () => {
    const error = errorOf(() => renderRequest({ url: 'https://x.io/{{ s }}' }, { s: 'a\uD800b' }));
    if (error !== undefined) expect(error, String(error)).toBeInstanceOf(RequestError);
  });

  it('resolves against the payload when there is no provider', () => {
    expect(renderRequest({ url: 'https://x.io/{{ a.b }}' }, { a: { b: 7 } }).url).toBe('https://x.io/7');
  });
});

describe('headers and secrets', () => {
  it('renders header templates and takes secrets from the options', () => {
    const r = renderRequest(
      { url, headers: { Authorization: 'Bearer {{secrets.TOKEN}}', 'X-Call': '{{ call_log_id }}' } },
      sample,
      {
        provider: osvi,
        secrets: { TOKEN: 't0k' },
      },
    );
    expect(r.headers['Authorization']).toBe('Bearer t0k');
    expect(r.headers['X-Call']).toBe(sample.call_log_id);
  });

  it('never resolves secrets from the payload, in headers, URL or body', () => {
    const payload = { ...sample, secrets: { TOKEN: 'from-payload' } };
    const integration: Integration = {
      url: 'https://x.io/{{secrets.TOKEN}}',
      headers: { Authorization: 'Bearer {{secrets.TOKEN}}' },
      body: { mode: 'template', template: { t: '{{ secrets.TOKEN }}' } },
    };
    const r = renderRequest(integration, payload, { provider: osvi, diagnostics: true });
    expect(JSON.stringify([r.url, r.headers, r.body])).not.toContain('from-payload');
    expect(r.diagnostics.some((d) => d.code === 'H404')).toBe(true);
  });

  it('never resolves secrets from the URL scope either (the payload controls call_trigger_data)', () => {
    const payload = {
      ...sample,
      call_trigger_data: {
        ...sample.call_trigger_data,
        secrets: { BASE: 'https://evil.example', TOKEN: 'evil' },
      },
    };
    const integration: Integration = {
      url: '{{secrets.BASE}}/leads/{{secrets.TOKEN}}',
      headers: { A: '{{ secrets.TOKEN }}' },
    };
    const withSecrets = renderRequest(integration, payload, {
      provider: osvi,
      secrets: { BASE: 'https://good.example', TOKEN: 'good' },
    });
    expect(withSecrets.url).toBe('https://good.example/leads/good');
    const without = renderRequest(integration, payload, { provider: osvi });
    expect(without.url).not.toContain('evil');
  });

  it.each([
    '{{ (secrets.BASE) }}/x',
    '{{ crm_base ?? secrets.BASE }}/x',
    '{{ !crm_base ? secrets.BASE : crm_base }}/x',
    '{{ $.secrets.BASE }}/x',
    'https://x.io/?t={{ (secrets.TOKEN) }}',
    'https://x.io/?t={{ secrets.TOKEN | default: "" }}',
  ])('secrets in any expression form never come from the URL scope: %s', (template) => {
    const payload = {
      ...sample,
      call_trigger_data: {
        ...sample.call_trigger_data,
        secrets: { BASE: 'https://evil.example', TOKEN: 'evil' },
      },
    };
    const r = renderRequest({ url: template }, payload, {
      provider: osvi,
      secrets: { BASE: 'https://good.example', TOKEN: 'good' },
    });
    expect(r.url).not.toContain('evil');
  });

  it('refuses a NUL in a header value like CR and LF (RFC 9110 §5.5; fetch would throw when sending)', () => {
    const error = thrownBy(() => renderRequest({ url, headers: { 'X-Name': '{{ v }}' } }, { v: 'a\u0000b' }));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).code).toBe('H402');
  });

  it('refuses a header value with CR or LF after rendering', () => {
    for (const v of ['a\r\nX-Evil: 1', 'a\nb', 'a\rb']) {
      const error = thrownBy(() => renderRequest({ url, headers: { 'X-Name': '{{ v }}' } }, { v }));
      expect(error).toBeInstanceOf(RequestError);
      expect((error as RequestError).code).toBe('H402');
    }
  });
});

describe('methods and content types', () => {
  const template: Integration['body'] = { mode: 'template', template: { id: '{{ call_log_id }}' } };

  it('defaults to POST with a JSON body and Content-Type: application/json', () => {
    const r = renderRequest({ url, body: template }, sample, { provider: osvi });
    expect(r.method).toBe('POST');
    expect(r.body).toEqual({ id: sample.call_log_id });
    expect(Object.entries(r.headers).filter(([k]) => k.toLowerCase() === 'content-type')).toEqual([
      ['Content-Type', 'application/json'],
    ]);
  });

  it('JSON bodies always carry application/json, whatever the headers say', () => {
    const r = renderRequest({ url, headers: { 'content-type': 'text/plain' }, body: template }, sample, {
      provider: osvi,
    });
    const types = Object.entries(r.headers).filter(([k]) => k.toLowerCase() === 'content-type');
    expect(types.map(([, v]) => v)).toEqual(['application/json']);
  });

  it.each(['PUT', 'PATCH'] as const)('%s carries the body', (method) => {
    expect(renderRequest({ url, method, body: template }, sample, { provider: osvi }).body).toEqual({
      id: sample.call_log_id,
    });
  });

  it.each(['GET', 'DELETE'] as const)('%s carries no body', (method) => {
    const r = renderRequest({ url, method, body: template }, sample, { provider: osvi });
    expect(r.body).toBeUndefined();
    expect(serializeBody(r)).toBeUndefined();
  });

  it('serializeBody sends a text body as written even with a JSON content type (no double encoding)', () => {
    const text = '{"a": "{{ x }}"}';
    for (const contentType of ['application/json', 'application/vnd.api+json; charset=utf-8']) {
      const r = renderRequest({ url, body: { mode: 'text', template: text, contentType } }, { x: 1 });
      expect(r.body).toBe('{"a": "1"}');
      expect(serializeBody(r)).toBe('{"a": "1"}');
    }
  });

  it('serializeBody JSON-encodes a template body that renders to a string', () => {
    const r = renderRequest({ url, body: { mode: 'template', template: '{{ x }}' } }, { x: 'plain' });
    expect(serializeBody(r)).toBe('"plain"');
  });

  it('serializeBody writes JSON for JSON bodies and the string for text bodies', () => {
    const json = renderRequest({ url, body: { mode: 'template', template: { s: 'a"b' } } }, {});
    expect(serializeBody(json)).toBe('{"s":"a\\"b"}');
    const text = renderRequest({ url, body: { mode: 'text', template: 'Hi {{ n }}' } }, { n: 'Ann' });
    expect(serializeBody(text)).toBe('Hi Ann');
  });
});

describe('body modes', () => {
  it('template mode renders the OSVI doc example, reporting the missing field under /body/template', () => {
    const template = {
      customer_name: '{{data_capture.name}}',
      intent: '{{structured_output.intent}}',
      slot_date: '{{structured_output.appointment.date}}',
      phone: '{{call_info.phone_number}}',
      all_output: '{{structured_output}}',
      summary: '{{call_summary}}',
      source: 'osvi',
    };
    const r = renderRequest({ url, body: { mode: 'template', template } }, sample, {
      provider: osvi,
      diagnostics: true,
    });
    expect(r.body).toEqual({
      customer_name: null,
      intent: 'appointment_confirmation',
      slot_date: '2026-06-12',
      phone: '+919876543210',
      all_output: sample.structured_output,
      summary: sample.call_summary,
      source: 'osvi',
    });
    expect(r.diagnostics.find((d) => d.code === 'H301')?.path).toBe('/body/template/customer_name');
  });

  it('template mode honours the missing option', () => {
    const r = renderRequest(
      { url, body: { mode: 'template', template: { a: '{{ x }}', b: 1 } } },
      {},
      { missing: 'omit' },
    );
    expect(r.body).toEqual({ b: 1 });
  });

  it('auto mode with every section gives the sample payload back exactly', () => {
    const sections = osvi.sections.map((s) => s.id);
    expect(renderRequest({ url, body: { mode: 'auto', sections } }, sample, { provider: osvi }).body).toEqual(
      sample,
    );
  });

  it('auto mode includes only the enabled sections and leaves out empty ones', () => {
    const { data_capture: _dc, ...partial } = sample;
    const r = renderRequest(
      { url, body: { mode: 'auto', sections: ['call_summary', 'data_capture'] } },
      partial,
      { provider: osvi },
    );
    expect(r.body).toEqual({ call_summary: sample.call_summary });
  });

  it('auto mode rejects an unknown section and needs a provider', () => {
    const unknown = thrownBy(() =>
      renderRequest({ url, body: { mode: 'auto', sections: ['nope'] } }, sample, { provider: osvi }),
    );
    expect((unknown as RequestError).code).toBe('H403');
    const noProvider = thrownBy(() =>
      renderRequest({ url, body: { mode: 'auto', sections: ['call_info'] } }, sample),
    );
    expect((noProvider as RequestError).code).toBe('H407');
  });

  it('text mode renders a string with a text content type', () => {
    const r = renderRequest(
      { url, body: { mode: 'text', template: 'Call {{ id }}: {{ o }}' } },
      { id: 1, o: { a: 1 } },
    );
    expect(r.body).toBe('Call 1: {"a":1}');
    expect(r.headers['Content-Type']).toMatch(/^text\/plain/);
    const custom = renderRequest({ url, body: { mode: 'text', template: 'x', contentType: 'text/csv' } }, {});
    expect(custom.headers['Content-Type']).toBe('text/csv');
  });

  it('an invalid integration is H401', () => {
    const error = thrownBy(() => renderRequest({} as Integration, {}));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).code).toBe('H401');
  });
});
