/**
 * SPEC §6: renderRequest — URL scope and encoding, headers and secrets, content types, methods, body modes.
 * Uses a small OSVI-shaped provider built here from the seed-004 sample, so only core's logic is under test.
 */
import { describe, expect, it } from 'vitest';
import { renderRequest, RequestError, serializeBody } from '../src/index.js';
import type { Integration, JsonValue, Provider, ProviderSection } from '../src/index.js';

const sample = {
  call_log_id: '8de63236-e013-42dd-9d99-1be5521701d4',
  phone_number: '+919876543210',
  agent_name: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og',
  call_status: 'picked',
  call_type: 'outbound',
  call_summary:
    'The customer confirmed their appointment for tomorrow at 10 AM and asked to receive a reminder SMS an hour before.',
  data_capture: { customer_name: 'John Doe', appointment_confirmed: true, preferred_time: '10:00 AM' },
  structured_output: {
    intent: 'appointment_confirmation',
    appointment: { date: '2026-06-12', time: '10:00' },
  },
  call_trigger_data: {
    phone_number: '+919876543210',
    person_name: 'John Doe',
    crm_id: 'lead_42',
    campaign: 'june-renewals',
  },
};
type Payload = Record<string, JsonValue>;
const CALL_INFO = ['call_log_id', 'phone_number', 'agent_name', 'call_status', 'call_type'];

function section(id: string, fields: string[]): ProviderSection {
  return {
    id,
    name: id,
    description: id,
    fields,
    build(payload) {
      const p = payload as Payload;
      const out: Record<string, JsonValue> = {};
      for (const f of fields) if (p[f] !== undefined && p[f] !== null) out[f] = p[f] as JsonValue;
      return Object.keys(out).length > 0 ? out : null;
    },
  };
}

const osvi: Provider = {
  id: 'osvi',
  name: 'OSVI',
  events: ['call.analyzed'],
  samples: [],
  schema: {},
  detect: () => true,
  buildContext(payload) {
    const p = payload as Payload;
    const callInfo = Object.fromEntries(CALL_INFO.filter((k) => k in p).map((k) => [k, p[k]]));
    return { ...p, call_info: callInfo, payload: p };
  },
  sections: [
    section('call_info', CALL_INFO),
    section('call_summary', ['call_summary']),
    section('data_capture', ['data_capture']),
    section('structured_output', ['structured_output']),
    section('call_trigger_data', ['call_trigger_data']),
  ],
  urlScope: 'call_trigger_data',
  idempotencyKey: (p) => (p as Payload)['call_log_id'] as string,
};

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const url = 'https://api.example.com/hook';

describe('URL', () => {
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
    const r = renderRequest({ url: 'https://x.io/{{ nope }}/<<other>>' }, sample, { provider: osvi });
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
    const error = (() => {
      try {
        renderRequest({ url: 'https://x.io/{{ s }}' }, { s: 'a\uD800b' });
        return undefined;
      } catch (e) {
        return e;
      }
    })();
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
    const r = renderRequest(integration, payload, { provider: osvi });
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
    const r = renderRequest({ url, body: { mode: 'template', template } }, sample, { provider: osvi });
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
