import { renderRequest } from '@hookmap/core';
import { describe, expect, it } from 'vitest';
import { osvi } from '../src/index.js';
import { autoBody, samplePayload, variant } from './helpers.js';

const ALL = ['call_info', 'call_summary', 'data_capture', 'structured_output', 'call_trigger_data'];
const doc = samplePayload(osvi, 'doc-example');

describe('osvi', () => {
  it('defines the five documented sections, Call Info flattening its five fields', () => {
    expect(osvi.sections.map((section) => section.id)).toEqual(ALL);
    expect(osvi.sections[0]?.fields).toEqual([
      'call_log_id',
      'phone_number',
      'agent_name',
      'call_status',
      'call_type',
    ]);
  });

  it('gives back the doc payload exactly, key order included, with all five sections on', () => {
    expect(JSON.stringify(autoBody(osvi, doc, ALL))).toBe(JSON.stringify(doc));
    const request = renderRequest(
      { url: 'https://crm.test/calls', body: { mode: 'auto', sections: ALL } },
      doc,
      {
        provider: osvi,
      },
    );
    expect(JSON.stringify(request.body)).toBe(JSON.stringify(doc));
  });

  it('leaves out sections with no data', () => {
    const payload = samplePayload(osvi, 'summary-only-inferred') as Record<string, unknown>;
    expect(Object.keys(autoBody(osvi, payload, ALL))).toEqual([
      'call_log_id',
      'phone_number',
      'agent_name',
      'call_status',
      'call_type',
      'call_summary',
    ]);
    const emptyCapture = variant(osvi, 'doc-example', (p) => {
      p.data_capture = {};
      p.call_summary = '';
    });
    expect(osvi.sections[2]?.build(emptyCapture)).toBeNull();
    expect(osvi.sections[1]?.build(emptyCapture)).toBeNull();
    expect(autoBody(osvi, doc, ['call_summary'])).toEqual({
      call_summary: (doc as Record<string, unknown>).call_summary,
    });
  });

  it('builds the documented expression sources', () => {
    const context = osvi.buildContext(doc);
    expect(context.call_info).toEqual({
      call_log_id: '8de63236-e013-42dd-9d99-1be5521701d4',
      phone_number: '+919876543210',
      agent_name: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og',
      call_status: 'picked',
      call_type: 'outbound',
    });
    expect(context.call_trigger_data).toEqual({
      phone_number: '+919876543210',
      person_name: 'John Doe',
      crm_id: 'lead_42',
      campaign: 'june-renewals',
    });
    const partial = osvi.buildContext(samplePayload(osvi, 'summary-only-inferred'));
    expect(partial.data_capture).toBeNull();
    expect(partial.call_trigger_data).toBeNull();
  });

  it('resolves URL placeholders against call_trigger_data first', () => {
    const integration = {
      url: 'https://crm.test/leads/{{crm_id}}/calls?c={{campaign}}',
      body: { mode: 'auto' as const, sections: ['call_summary'] },
    };
    expect(renderRequest(integration, doc, { provider: osvi }).url).toBe(
      'https://crm.test/leads/lead_42/calls?c=june-renewals',
    );
    expect(osvi.urlScope).toBe('call_trigger_data');
  });

  it('derives common from what OSVI sends and nothing else', () => {
    const common = osvi.buildCommon(doc);
    expect(common).toMatchObject({
      event: 'post_call',
      id: '8de63236-e013-42dd-9d99-1be5521701d4',
      summary:
        'The customer confirmed their appointment for tomorrow at 10 AM and asked to receive a reminder SMS an hour before.',
      direction: 'outbound',
      status: 'picked',
      phone: '+919876543210',
      participants: [{ name: 'John Doe', email: null, phone: '+919876543210' }],
      fields: { customer_name: 'John Doe', appointment_confirmed: true, preferred_time: '10:00 AM' },
      started_at: null,
      duration_seconds: null,
      transcript_text: null,
    });
    expect(osvi.buildCommon(samplePayload(osvi, 'no-direction-trigger-data-inferred')).direction).toBeNull();
    expect(osvi.buildCommon(samplePayload(osvi, 'inbound-conditional-inferred')).direction).toBe('inbound');
    expect(osvi.buildCommon(samplePayload(osvi, 'legacy-webhook-url')).transcript_text).toMatch(
      /^Agent: Hello/,
    );
  });

  it('takes call_log_id as the idempotency key', () => {
    expect(osvi.idempotencyKey(doc)).toBe('8de63236-e013-42dd-9d99-1be5521701d4');
  });
});
