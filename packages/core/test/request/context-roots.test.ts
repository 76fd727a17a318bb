/**
 * renderRequest and flows build a context holding only the names a document's templates can read
 * (context-roots.ts): which names those are, and that a render cannot tell the difference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  filters,
  renderFlow,
  renderRequest,
  type Flow,
  type Integration,
  type JsonValue,
  type MissingPolicy,
} from '../../src/index.js';
import { contextRoots } from '../../src/request/context-roots.js';
import { expressionArb, sampleContext, templateArb } from '../support/arbitraries.js';
import { osviReading, readerCalls, sample } from '../support/osvi.js';

const url = 'https://x.test/hook';
const body = (template: JsonValue): Integration => ({ url, body: { mode: 'template', template } });

describe('contextRoots', () => {
  it.each<[string, unknown, string[] | null]>([
    [
      'plain paths, filters and operators',
      body({ a: '{{ a.b | default: c }}', d: '{{ e ? f : g[0] }}' }),
      ['a', 'c', 'e', 'f', 'g'],
    ],
    ['object keys and embedded text', body({ 'k{{ key }}': 'x {{ x }} y {{ y.z }}' }), ['key', 'x', 'y']],
    ['angle delimiters', body({ a: '<< left >>' }), ['left']],
    [
      'singular JSONPath',
      body({ a: '{{ $.one.two }}', b: "{{ $['two'][0] }}", c: '{{ $[0] }}' }),
      ['one', 'two'],
    ],
    [
      'the URL, headers and a when',
      { url: '{{ secrets.BASE }}/{{ id }}', when: '{{ ok }}', headers: { A: '{{ h }}' } },
      ['secrets', 'id', 'ok', 'h'],
    ],
    [
      'names bound by $let and $each are listed too',
      body({ $each: '{{ items }}', as: 'it', do: '{{ it.x }}' }),
      ['items', 'it'],
    ],
    [
      'a Handlebars body',
      {
        url,
        body: {
          mode: 'text',
          engine: 'handlebars',
          template: '{{#each items}}{{name}} {{@index}}{{/each}} {{this.t}}',
        },
      },
      ['each', 'items', 'name', 't'],
    ],
    [
      'a Handlebars literal where a path goes',
      { url, body: { mode: 'text', engine: 'handlebars', template: '{{"first name"}} {{[last name]}}' } },
      ['first name', 'last name'],
    ],
    [
      'flow steps and results',
      { url, steps: [{ id: 's', url: '{{ u }}', result: '{{ response.body.id }}' }] },
      ['u', 'response'],
    ],
    ['no templates at all', body({ a: 1 }), []],
  ])('%s', (_label, doc, roots) => {
    const got = contextRoots(doc);
    expect(got === null ? null : [...got].sort()).toEqual(roots === null ? null : [...roots].sort());
  });

  it.each<[string, unknown]>([
    ['the whole context', body({ a: '{{ $ }}' })],
    ['a descendant query', body({ a: '{{ $..id }}' })],
    ['a wildcard', body({ a: '{{ $.* }}' })],
    ['a filter query', body({ a: '{{ $[?@.x] }}' })],
    ['Handlebars this', { url, body: { mode: 'text', engine: 'handlebars', template: '{{json this}}' } }],
    [
      'Handlebars ../',
      { url, body: { mode: 'text', engine: 'handlebars', template: '{{#with a}}{{../b}}{{/with}}' } },
    ],
    ['Handlebars @root', { url, body: { mode: 'text', engine: 'handlebars', template: '{{@root.a}}' } }],
    ['a template that does not parse', body({ a: '{{ a | }}' })],
    ['a template that does not scan', body({ a: '{{ a' })],
  ])('%s: null (the whole context)', (_label, doc) => {
    expect(contextRoots(doc)).toBeNull();
  });
});

/** Renders one way, or the error's code. */
function outcome(render: () => unknown): unknown {
  try {
    return render();
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) };
  }
}

describe('a render cannot tell the restricted context from the whole one', () => {
  const names = Object.keys(filters).filter((n) => n !== 'now' && n !== 'today');
  const template = templateArb(expressionArb(names));
  const policies: Array<MissingPolicy | undefined> = [undefined, 'null', 'omit', 'keep', 'error'];

  it('random templates over random payloads, every missing policy, with and without diagnostics', () => {
    let restricted = 0;
    fc.assert(
      fc.property(
        template,
        sampleContext,
        fc.constantFrom(...policies),
        fc.boolean(),
        (t, payload, missing, diagnostics) => {
          const doc = body(t);
          if (contextRoots(doc) !== null) restricted++;
          // A `when` reading the root forces the whole context; renderRequest does not evaluate it.
          const whole = { ...doc, when: '{{ $ | size }}' };
          const options = { secrets: { K: 'v' }, diagnostics, ...(missing ? { missing } : {}) };
          expect(outcome(() => renderRequest(doc, payload, options))).toEqual(
            outcome(() => renderRequest(whole, payload, options)),
          );
        },
      ),
      { numRuns: 400 },
    );
    expect(restricted).toBeGreaterThan(100);
  });

  it('a provider reader is asked once per document, for the names read plus its URL scope, never a scope name', () => {
    readerCalls.length = 0;
    const doc: Integration = {
      url: '{{ secrets.BASE }}/{{ crm_id }}',
      headers: { A: '{{ connection.token }}' },
      body: { mode: 'template', template: { s: '{{ call_summary }}', i: '{{ call_info.agent_name }}' } },
    };
    const first = renderRequest(doc, sample, { provider: osviReading, secrets: { BASE: 'https://b.test' } });
    renderRequest(doc, sample, { provider: osviReading, secrets: { BASE: 'https://b.test' } });
    expect(readerCalls).toHaveLength(1);
    expect([...(readerCalls[0] ?? [])].sort()).toEqual([
      'call_info',
      'call_summary',
      'call_trigger_data',
      'crm_id',
    ]);
    expect(first.url).toBe(`https://b.test/${sample.call_trigger_data.crm_id}`);
    expect(first.body).toEqual({ s: sample.call_summary, i: sample.agent_name });
  });

  it('a fixed URL needs no URL scope: the reader is not asked for it', () => {
    readerCalls.length = 0;
    const doc: Integration = { url, body: { mode: 'template', template: { s: '{{ call_summary }}' } } };
    expect(renderRequest(doc, sample, { provider: osviReading }).body).toEqual({ s: sample.call_summary });
    expect(readerCalls).toEqual([['call_summary']]);
  });

  it('flows too: steps and response stay the flow’s own', () => {
    const flow: Flow = {
      steps: [
        {
          id: 'find',
          method: 'GET',
          url: 'https://x.test/find?q={{ call_summary | url_encode }}',
          result: '{{ response.body.id }}',
        },
        {
          id: 'write',
          url: 'https://x.test/write/{{ steps.find.result }}',
          body: { mode: 'template', template: { n: '{{ agent_name }}' } },
        },
      ],
    };
    const responses = { find: { status: 200, headers: {}, body: { id: 'c-1' } } };
    const restricted = renderFlow(flow, sample, { provider: osviReading, responses });
    const whole = renderFlow({ ...flow, when: '{{ $ | size }}' }, sample, {
      provider: osviReading,
      responses,
    });
    expect(restricted).toEqual(whole);
    expect(restricted.steps[1]?.request?.url).toBe('https://x.test/write/c-1');
  });
});
