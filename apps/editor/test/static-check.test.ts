/** SPEC §11 in the editor: static problems are part of the one status model, with or without a sample field. */
import { describe, expect, it } from 'vitest';
import type { Integration, Provider } from '@hookmap/core';
import { getProvider } from '@hookmap/providers';
import { renderOne } from '../src/worker/job.js';

const otter = getProvider('otter') as unknown as Provider;
const sample = otter.samples[0]!.payload;
const integration = (template: Record<string, unknown>): Integration =>
  ({
    provider: 'otter',
    method: 'POST',
    url: 'https://crm.invalid/notes',
    body: { mode: 'template', template },
  }) as Integration;

describe('static type problems in the preview', () => {
  it('warns of a path no Otter payload has, with a did-you-mean, placed on the body field', () => {
    const rendered = renderOne(
      integration({ title: '{{ data.titel }}' }),
      otter,
      { value: sample, error: null },
      null,
    );
    const h501 = rendered.diagnostics.find((d) => d.code === 'H501');
    expect(h501).toMatchObject({ field: 'body', path: '/title', severity: 'warning' });
    expect(h501?.message).toContain('Did you mean "title"');
  });

  it('reports a filter that can never work as an error, whatever the sample holds', () => {
    const rendered = renderOne(
      integration({ title: '{{ data | upper }}' }),
      otter,
      { value: {}, error: null },
      null,
    );
    expect(rendered.diagnostics.find((d) => d.code === 'H502')).toMatchObject({
      field: 'body',
      path: '/title',
      severity: 'error',
    });
  });

  it('says nothing for a correct template, and waits for templates that do not compile', () => {
    expect(
      renderOne(
        integration({ title: '{{ data.title }}' }),
        otter,
        { value: sample, error: null },
        null,
      ).diagnostics.filter((d) => d.code.startsWith('H5')),
    ).toEqual([]);
    const broken = renderOne(
      integration({ title: '{{ data.titel ' }),
      otter,
      { value: sample, error: null },
      null,
    );
    expect(broken.diagnostics.some((d) => d.code.startsWith('H5'))).toBe(false);
  });
});

describe('static target checks mark incompatible source → target pairs', () => {
  const call = (template: Record<string, unknown>): Integration =>
    ({
      ...integration(template),
      url: 'https://api.hubapi.com/crm/objects/2026-09/calls',
      target: 'hubspot.call',
    }) as Integration;

  it('an object mapped into a HubSpot text property is an error on that row, before any sample renders', () => {
    const rendered = renderOne(
      call({ properties: { hs_timestamp: '{{ data.created_at }}', hs_call_body: '{{ data.owner }}' } }),
      otter,
      { value: null, error: 'no sample yet' },
      'hubspot.call',
    );
    const marks = rendered.diagnostics.filter((d) => /^H50[3-9]$/.test(d.code));
    expect(marks.find((d) => d.path === '/properties/hs_call_body')).toMatchObject({
      field: 'body',
      severity: 'error',
      code: 'H503',
    });
  });

  it('does not say it twice when the rendered body is flagged at the same field', () => {
    const rendered = renderOne(
      call({ properties: { hs_timestamp: '{{ data.created_at }}', hs_call_body: '{{ data.owner }}' } }),
      otter,
      { value: sample, error: null },
      'hubspot.call',
    );
    const atField = [...rendered.diagnostics, ...rendered.targetDiagnostics].filter(
      (d) => d.path === '/properties/hs_call_body' && d.severity === 'error',
    );
    expect(atField).toHaveLength(1);
  });
});
