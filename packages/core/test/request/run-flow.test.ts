/**
 * SPEC §9 runFlow with an injected fetch (the cases in flows/*.json run it too): what is sent, bodies read
 * up to a limit and parsed by content type, onStep before the next send, failures, resuming. Plus what
 * renderFlow shares with renderRequest: errors and diagnostics with the step's pointer, events/when.
 */
import { describe, expect, it } from 'vitest';
import {
  FlowError,
  RenderError,
  RequestError,
  isFlow,
  leftOutBy,
  renderFlow,
  renderRequest,
  runFlow,
  type Flow,
  type FlowFetch,
  type FlowStepResult,
  type Integration,
} from '../../src/index.js';
import { osvi, sample } from '../support/osvi.js';

const U = 'https://crm.example/api';

interface Call {
  url: string;
  init: Parameters<FlowFetch>[1];
}

/** A fetch answering with real `Response` objects, in order, recording every call. */
function fetchOf(...responses: Array<Response | Error>): { fetch: FlowFetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FlowFetch = async (url, init) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error('unexpected call');
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, calls };
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const lookup: Flow = {
  headers: { Authorization: 'Bearer {{ secrets.TOKEN }}' },
  steps: [
    {
      id: 'find',
      method: 'GET',
      url: `${U}/people?email={{ email }}`,
      result: '{{ response.body.results[0].id }}',
    },
    {
      id: 'create',
      when: '{{ steps.find.result == null }}',
      url: `${U}/people`,
      body: { mode: 'template', template: { email: '{{ email }}' } },
      result: '{{ response.body.id }}',
    },
    {
      id: 'note',
      url: `${U}/notes`,
      body: { mode: 'text', template: 'for {{ steps.find.result ?? steps.create.result }}' },
    },
  ],
};

describe('runFlow', () => {
  it('sends each step that runs with its rendered method, URL, headers and body, never following redirects', async () => {
    const { fetch, calls } = fetchOf(
      json({ results: [] }),
      json({ id: 'P7' }, 201),
      new Response(null, { status: 204 }),
    );
    const result = await runFlow(lookup, { email: 'a@b.example' }, { fetch, secrets: { TOKEN: 't' } });
    expect(calls.map((c) => [c.init.method, c.url, c.init.body])).toEqual([
      ['GET', `${U}/people?email=a%40b.example`, undefined],
      ['POST', `${U}/people`, '{"email":"a@b.example"}'],
      ['POST', `${U}/notes`, 'for P7'],
    ]);
    expect(
      calls.every((c) => c.init.redirect === 'manual' && c.init.headers.Authorization === 'Bearer t'),
    ).toBe(true);
    expect(calls[1]?.init.headers['Content-Type']).toBe('application/json');
    expect(calls[2]?.init.headers['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(result.stoppedAt).toBeUndefined();
    expect(result.steps.map((s) => [s.id, s.response?.status, s.result])).toEqual([
      ['find', 200, null],
      ['create', 201, 'P7'],
      ['note', 204, undefined],
    ]);
    expect(result.steps[2]?.response?.body).toBeNull();
  });

  it('stops at a status the step does not accept: that step is recorded, nothing after it is sent', async () => {
    const { fetch, calls } = fetchOf(
      json({ results: [{ id: 'P1' }] }),
      json({ message: 'rate limited' }, 429),
    );
    const result = await runFlow(lookup, { email: 'a@b.example' }, { fetch });
    expect(calls).toHaveLength(2);
    expect(result.steps.map((s) => [s.id, s.skipped, s.accepted])).toEqual([
      ['find', false, true],
      ['create', true, undefined],
      ['note', false, false],
    ]);
    expect(result).toMatchObject({ stoppedAt: 'note', stopReason: 'not-accepted' });
    expect(result.steps[2]?.response?.body).toEqual({ message: 'rate limited' });
  });

  it('calls onStep after every step, awaited before the next send', async () => {
    const events: string[] = [];
    const { fetch } = fetchOf(json({ results: [{ id: 'P1' }] }), new Response('ok'));
    const inner: FlowFetch = async (url, init) => {
      events.push(`send ${url.split('/').pop()}`);
      return fetch(url, init);
    };
    const onStep = async (step: FlowStepResult): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`recorded ${step.id}${step.skipped ? ' (skipped)' : ''}`);
    };
    await runFlow(lookup, { email: 'x' }, { fetch: inner, onStep });
    expect(events).toEqual([
      'send people?email=x',
      'recorded find',
      'recorded create (skipped)',
      'send notes',
      'recorded note',
    ]);
  });

  it('a fetch that throws rejects with a FlowError holding every step so far; the URL stays out of the message', async () => {
    const { fetch } = fetchOf(json({ results: [{ id: 'P1' }] }), new TypeError('fetch failed'));
    const error = await runFlow(lookup, { email: 'x' }, { fetch, secrets: { TOKEN: 't' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FlowError);
    expect(error).toBeInstanceOf(RequestError);
    const e = error as FlowError;
    expect([e.code, e.path, e.stepId]).toEqual(['H410', '/steps/2', 'note']);
    expect(e.message).toContain('fetch failed');
    expect(e.message).not.toContain(U);
    expect(e.cause).toBeInstanceOf(TypeError);
    expect(e.flow.steps.map((s) => s.id)).toEqual(['find', 'create', 'note']);
    expect(e.flow).toMatchObject({ stoppedAt: 'note', stopReason: 'error' });
    expect(e.flow.steps[2]?.request?.url).toBe(`${U}/notes`);
  });

  it('resumes after recorded steps without sending them again', async () => {
    const { fetch, calls } = fetchOf(new Response('ok'));
    const recorded: FlowStepResult[] = [
      {
        id: 'find',
        skipped: false,
        response: { status: 200, headers: {}, body: { results: [] } },
        accepted: true,
        result: null,
      },
      {
        id: 'create',
        skipped: false,
        response: { status: 201, headers: {}, body: { id: 'P9' } },
        accepted: true,
        result: 'P9',
      },
    ];
    const result = await runFlow(lookup, { email: 'x' }, { fetch, resume: recorded });
    expect(calls.map((c) => c.init.body)).toEqual(['for P9']);
    expect(result.steps.map((s) => [s.id, s.resumed ?? false])).toEqual([
      ['find', true],
      ['create', true],
      ['note', false],
    ]);
  });

  it('reads a streamed body up to maxResponseBytes, then cuts it, keeps it as text and says so', async () => {
    const big = JSON.stringify({ results: [{ id: 'P1', pad: 'x'.repeat(5000) }] });
    const flow: Flow = { steps: [{ id: 'a', url: U, result: '{{ response.body }}' }] };
    const { fetch } = fetchOf(new Response(big, { headers: { 'content-type': 'application/json' } }));
    const result = await runFlow(flow, {}, { fetch, maxResponseBytes: 1000 });
    const response = result.steps[0]?.response;
    expect(response?.truncated).toBe(true);
    expect(response?.body).toBe(big.slice(0, 1000));
    const whole = await runFlow(flow, {}, { ...fetchOf(json({ ok: 1 })), maxResponseBytes: 1000 });
    expect(whole.steps[0]?.response).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { ok: 1 },
    });
  });

  it('reads a multi-byte body split across chunks, and cuts by bytes', async () => {
    const chunks = [new Uint8Array([0xe2, 0x82]), new Uint8Array([0xac, 0x41])]; // "€A" split inside "€"
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    const flow: Flow = { steps: [{ id: 'a', url: U }] };
    const { fetch } = fetchOf(new Response(stream));
    expect((await runFlow(flow, {}, { fetch })).steps[0]?.response?.body).toBe('€A');
    const cut = await runFlow(flow, {}, { ...fetchOf(new Response('€€€')), maxResponseBytes: 6 });
    expect(cut.steps[0]?.response).toMatchObject({ body: '€€', truncated: true });
  });

  it('passes the signal on to fetch', async () => {
    const { fetch, calls } = fetchOf(new Response(''));
    const controller = new AbortController();
    await runFlow({ steps: [{ id: 'a', url: U }] }, {}, { fetch, signal: controller.signal });
    expect(calls[0]?.init.signal).toBe(controller.signal);
  });

  it('takes header names in lower case and keeps a header called __proto__ as a plain entry', async () => {
    const response = {
      status: 200,
      headers: { forEach: (cb: (v: string, k: string) => void) => (cb('v', 'X-Odd'), cb('p', '__proto__')) },
      text: async () => '',
    };
    const result = await runFlow({ steps: [{ id: 'a', url: U }] }, {}, { fetch: async () => response });
    const headers = result.steps[0]?.response?.headers as Record<string, string>;
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(Object.keys(headers)).toEqual(['x-odd', '__proto__']);
  });
});

describe('flows and single requests share one request renderer', () => {
  it('errors carry the pointer of the step: template syntax, header injection, missing: error, auto without a provider', () => {
    const syntax = {
      steps: [
        { id: 'a', url: U },
        { id: 'b', url: U, headers: { X: '{{ a. }}' } },
      ],
    };
    expect(caught(() => renderFlow(syntax, {}))).toMatchObject({
      name: 'TemplateError',
      path: '/steps/1/headers/X',
    });
    const injection = { steps: [{ id: 'a', url: U, headers: { X: '{{ v }}' } }] };
    expect(caught(() => renderFlow(injection, { v: 'a\r\nb' }))).toMatchObject({
      code: 'H402',
      path: '/steps/0/headers/X',
    });
    const strict = {
      steps: [
        { id: 'a', url: U },
        { id: 'b', url: U, body: { mode: 'template' as const, template: { x: '{{ nope }}' } } },
      ],
    };
    const e = caught(() => renderFlow(strict, {}, { missing: 'error', responses: { a: { status: 200 } } }));
    expect(e).toBeInstanceOf(RenderError);
    expect(e).toMatchObject({ code: 'H301', path: '/steps/1/body/template/x' });
    const auto = { steps: [{ id: 'a', url: U, body: { mode: 'auto' as const, sections: ['call_info'] } }] };
    expect(caught(() => renderFlow(auto, {}))).toMatchObject({ code: 'H407', path: '/steps/0/body' });
    const hb = {
      steps: [
        {
          id: 'a',
          url: U,
          body: { mode: 'text' as const, engine: 'handlebars' as const, template: '{{> partial}}' },
        },
      ],
    };
    expect(caught(() => renderFlow(hb, {}))).toMatchObject({ code: 'H405', path: '/steps/0/body/template' });
  });

  it('renders a step exactly as renderRequest renders the same request (provider URL scope, auto body)', () => {
    const request: Integration = {
      url: 'https://x.io/leads/{{ crm_id }}?p={{ phone_number }}',
      headers: { 'X-Id': '{{ call_log_id }}' },
      body: { mode: 'auto', sections: ['call_info', 'data_capture'] },
    };
    const flow: Flow = { steps: [{ id: 'only', ...request } as Flow['steps'][number]] };
    const single = renderRequest(request, sample, { provider: osvi });
    const step = renderFlow(flow, sample, { provider: osvi }).steps[0]?.request;
    expect(step).toEqual(single);
  });

  it('diagnostics are collected per step when asked, with pointers into the flow', () => {
    const flow: Flow = {
      steps: [
        { id: 'a', url: `${U}/{{ nope }}`, result: '{{ response.body.missing }}' },
        { id: 'b', when: '{{ steps.a.status == 200 && other }}', url: U, headers: { K: '{{ secrets.K }}' } },
      ],
    };
    const off = renderFlow(flow, {}, { responses: { a: { status: 200, body: {} } } });
    expect(off.steps.flatMap((s) => s.request?.diagnostics ?? [])).toEqual([]);
    const on = renderFlow(
      flow,
      { other: 1 },
      { diagnostics: true, responses: { a: { status: 200, body: {} } } },
    );
    expect(on.steps.map((s) => s.request?.diagnostics.map((d) => [d.code, d.path]))).toEqual([
      [
        ['H301', '/steps/0/url'],
        ['H301', '/steps/0/result'],
      ],
      [['H404', '/steps/1/headers/K']],
    ]);
  });

  it('renderRequest refuses a flow and renderFlow a single request, each naming the other', () => {
    expect(caught(() => renderRequest(lookup as unknown as Integration, {}))).toMatchObject({
      code: 'H401',
      path: '/steps',
    });
    expect(caught(() => renderFlow({ url: U } as unknown as Flow, {}))).toMatchObject({
      code: 'H401',
      path: '/steps',
    });
    expect([isFlow(lookup), isFlow({ url: U })]).toEqual([true, false]);
  });

  it("an integration's events and when filter apply to a flow as to a single request", () => {
    const provider = {
      ...osvi,
      buildContext: (p: unknown) => ({ ...osvi.buildContext(p), common: { event: 'call.analyzed' } }),
    };
    const flow: Flow = { ...lookup, when: "{{ call_status == 'picked' }}", events: ['call.analyzed'] };
    expect(leftOutBy(flow, sample, provider)).toBeNull();
    expect(leftOutBy(flow, { ...sample, call_status: 'missed' }, provider)).toEqual({ by: 'when' });
    expect(leftOutBy({ ...flow, events: ['other'] }, sample, provider)).toEqual({
      by: 'events',
      event: 'call.analyzed',
    });
  });

  it('compiles a flow once per document object: a second render does not re-validate', () => {
    const flow: Flow = { steps: [{ id: 'a', url: `${U}/{{ x }}` }] };
    renderFlow(flow, { x: 1 });
    (flow.steps[0] as { url: string }).url = 'not checked again';
    expect(renderFlow(flow, { x: 2 }).steps[0]?.request?.url).toBe(`${U}/2`);
  });
});

function caught(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}
