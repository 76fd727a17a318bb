import { describe, expect, it } from 'vitest';
import { getProvider } from '@hookmap/providers';
import type { Integration, Provider } from '@hookmap/core';
import { renderAllOrOne } from '../src/worker/job.js';
import { locateRenderDiagnostic, previewSecrets } from '../src/worker/render.js';
import { evaluateExpression } from '../src/monaco/intelligence.js';
import { templateMarkers } from '../src/monaco/markers.js';

const osvi = getProvider('osvi') as unknown as Provider;
const sample = osvi.samples[0]!;

function job(integration: Integration, allSamples = false) {
  return {
    type: 'render' as const,
    id: 1,
    integration,
    providerId: 'osvi',
    payload: { kind: 'sample' as const, providerId: 'osvi', sampleId: sample.id },
    targetId: null,
    allSamples,
    expanded: [] as string[],
  };
}

describe('worker render job', () => {
  it('renders the full request and stands in for secrets', () => {
    const integration: Integration = {
      url: 'https://x.test/leads/{{crm_id}}',
      headers: { Authorization: 'Bearer {{secrets.TOKEN}}' },
      body: { mode: 'template', template: { name: '{{data_capture.customer_name}}' } },
    };
    expect(previewSecrets(integration)).toEqual({ TOKEN: '<TOKEN>' });
    // A secret the URL starts with stands for a URL, so it gets one (that can never resolve).
    expect(
      previewSecrets({ url: '{{secrets.SLACK_WEBHOOK_URL}}', headers: { A: '{{ secrets.K }}' } }),
    ).toEqual({
      SLACK_WEBHOOK_URL: 'https://secret.invalid/SLACK_WEBHOOK_URL',
      K: '<K>',
    });
    const reply = renderAllOrOne(job(integration), osvi, { value: sample.payload, error: null });
    expect(reply.failure).toBeNull();
    expect(reply.request?.url).toBe('https://x.test/leads/lead_42');
    expect(reply.request?.headers.Authorization).toBe('Bearer <TOKEN>');
    expect(JSON.parse(reply.request!.bodyText!)).toEqual({ name: 'John Doe' });
  });

  it('returns syntax diagnostics with template pointers instead of rendering', () => {
    const integration: Integration = {
      url: 'https://x.test',
      body: { mode: 'template', template: { a: { b: 'x {{ y | nope }}' } } },
    };
    const reply = renderAllOrOne(job(integration), osvi, { value: sample.payload, error: null });
    expect(reply.request).toBeNull();
    const d = reply.diagnostics.find((x) => x.code === 'H201');
    expect(d).toMatchObject({ field: 'body', path: '/a/b' });
  });

  it('underlines Handlebars text bodies: an unknown helper is an error at its name, and nothing renders', () => {
    const template = '{\n  "text": {{json common.title}},\n  "who": {{shout common.title}}\n}';
    const integration: Integration = {
      url: 'https://x.test',
      body: { mode: 'text', engine: 'handlebars', contentType: 'application/json', template },
    };
    const reply = renderAllOrOne(job(integration), osvi, { value: sample.payload, error: null });
    const errors = reply.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.field, d.code])).toEqual([['body', 'H405']]);
    expect(template.slice(errors[0]!.start, errors[0]!.end)).toBe('shout');
    expect(
      templateMarkers(template, reply.diagnostics, false).map((m) => template.slice(m.start, m.end)),
    ).toEqual(['shout']);
    expect(reply.request).toBeNull();
  });

  it("says when the integration's events leave the payload out (the relay would not send it)", () => {
    const attendee = getProvider('attendee') as unknown as Provider;
    const integration: Integration = {
      url: 'https://x.test',
      events: ['transcript.update'],
      body: { mode: 'template', template: { t: '{{trigger}}' } },
    };
    const of = (trigger: string) => {
      const payload = attendee.samples.find(
        (s) => (s.payload as { trigger?: string }).trigger === trigger,
      )!.payload;
      return renderAllOrOne({ ...job(integration), providerId: 'attendee' }, attendee, {
        value: payload,
        error: null,
      });
    };
    expect(of('bot.state_change').skipped).toBe(
      'This payload\'s event "bot.state_change" is not one the integration is sent for: the relay would not send it.',
    );
    expect(of('bot.state_change').request).not.toBeNull();
    expect(of('transcript.update').skipped).toBeNull();
    const conditional = renderAllOrOne(
      {
        ...job({ ...integration, events: [], when: "{{ trigger == 'chat_messages.update' }}" }),
        providerId: 'attendee',
      },
      attendee,
      {
        value: attendee.samples.find(
          (s) => (s.payload as { trigger?: string }).trigger === 'transcript.update',
        )!.payload,
        error: null,
      },
    );
    expect(conditional.skipped).toBe('"Only when" is false for this payload: the relay would not send it.');
    const broken = renderAllOrOne(
      { ...job({ ...integration, events: [], when: '{{ trigger == }}' }), providerId: 'attendee' },
      attendee,
      {
        value: {},
        error: null,
      },
    );
    // A broken condition is an error of the integration, not a reason to skip.
    expect(broken.skipped).toBeNull();
    expect(broken.diagnostics.filter((d) => d.field === 'when')).toEqual([
      expect.objectContaining({ severity: 'error', code: expect.stringMatching(/^H1/) }),
    ]);
  });

  it('runs every sample of the provider and flags nulls', () => {
    const integration: Integration = {
      url: 'https://x.test',
      body: { mode: 'template', template: { s: '{{call_summary}}' } },
    };
    const reply = renderAllOrOne(job(integration, true), osvi, { value: sample.payload, error: null });
    expect(reply.runs).toHaveLength(osvi.samples.length);
    expect(reply.runs!.every((run) => run.errors.length === 0)).toBe(true);
  });

  it('splits integration pointers into the part and the template path', () => {
    const d = { severity: 'warning' as const, code: 'H301' as const, message: 'm', start: 0, end: 1 };
    expect(locateRenderDiagnostic({ ...d, path: '/body/template/a/0' })).toMatchObject({
      field: 'body',
      path: '/a/0',
    });
    expect(locateRenderDiagnostic({ ...d, path: '/url' })).toMatchObject({ field: 'url' });
    expect(locateRenderDiagnostic({ ...d, path: '/headers/X-Y' })).toMatchObject({
      field: 'headers',
      header: 'X-Y',
    });
  });

  it('evaluates hovered expressions against the context', () => {
    const context = osvi.buildContext(sample.payload);
    expect(evaluateExpression('data_capture.customer_name | upper', context).value).toBe('JOHN DOE');
    expect(evaluateExpression('nope.x', context).value).toBeNull();
  });
});

describe('target hints follow the current provider', () => {
  it("names the provider's own record-id path, never OSVI's, in target-schema messages", async () => {
    const { starterIntegration } = await import('@hookmap/targets');
    const { renderOne } = await import('../src/worker/job.js');
    const attendee = getProvider('attendee') as unknown as Provider;
    const rendered = renderOne(
      starterIntegration('hubspot.call', 'attendee'),
      attendee,
      { value: attendee.samples[0]!.payload, error: null },
      'hubspot.call',
    );
    const text = rendered.targetDiagnostics.map((d) => `${d.message} ${d.suggestion ?? ''}`).join('\n');
    expect(text).toContain('bot_metadata.crm_id');
    expect(text).not.toContain('call_trigger_data');
  });
});

describe('large outputs', () => {
  it('shortens each long string on its own, keeps every other field, and expands one on request', async () => {
    const { renderPreview } = await import('../src/worker/render.js');
    const long = 'x'.repeat(260_000);
    const integration: Integration = {
      url: 'https://x.test',
      body: { mode: 'template', template: { transcript: '{{ t }}', after: { hs_timestamp: '{{ at }}' } } },
    };
    const payload = { t: long, at: '2026-01-01T00:00:00.000Z' };
    const shown = renderPreview(integration, payload, undefined).request!;
    expect(shown.truncated).toBe(false);
    expect(shown.shortened).toEqual([{ pointer: '/transcript', length: 260_000 }]);
    expect(shown.bodyText!.length).toBeLessThan(3_000);
    expect(JSON.parse(shown.bodyText!).after.hs_timestamp).toBe('2026-01-01T00:00:00.000Z');
    expect(JSON.parse(shown.bodyText!).transcript).toMatch(/^x{2000}… \(\+258,000 characters\)$/);
    const whole = renderPreview(integration, payload, undefined, new Set(['/transcript'])).request!;
    expect(whole.shortened).toEqual([]);
    expect(JSON.parse(whole.bodyText!).transcript).toBe(long);
  });
});

describe('one status model in the editor markers', () => {
  it('underlines target-schema problems at the template value that produces them', async () => {
    const { problemsOf } = await import('../src/status/problems.js');
    const text = '{\n  "properties": {\n    "hs_timestamp": "{{ nope }}"\n  }\n}';
    const integration: Integration = {
      url: 'https://x.test',
      body: { mode: 'template', template: JSON.parse(text) },
    };
    const reply = renderAllOrOne({ ...job(integration), targetId: 'hubspot.call' }, osvi, {
      value: sample.payload,
      error: null,
    });
    const markers = templateMarkers(text, problemsOf(reply), true);
    const target = markers.filter((m) => m.message.startsWith('Target schema at /properties/hs_timestamp'));
    expect(target.length).toBeGreaterThan(0);
    expect(text.slice(target[0]!.start, target[0]!.end)).toBe('"{{ nope }}"');
  });
});

describe('a new text body', () => {
  it.each(['hookmap', 'handlebars'] as const)(
    'starts with a %s example that renders for every sample of every provider',
    async (engine) => {
      const { textExample } = await import('../src/settings/text-example.js');
      const { renderOne } = await import('../src/worker/job.js');
      const { providers } = await import('@hookmap/providers');
      for (const provider of providers as unknown as Provider[]) {
        for (const s of provider.samples) {
          const integration: Integration = {
            url: 'https://x.test',
            body: { mode: 'text', engine, template: textExample(engine) },
          };
          const one = renderOne(integration, provider, { value: s.payload, error: null }, null);
          expect(one.failure, `${provider.id}/${s.id}`).toBeNull();
          expect(
            one.diagnostics.filter((d) => d.severity === 'error'),
            `${provider.id}/${s.id}`,
          ).toEqual([]);
          expect(one.request?.bodyText).toMatch(/^Meeting: /);
        }
      }
    },
  );
});
