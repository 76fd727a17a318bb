import { describe, expect, it } from 'vitest';
import { otonistark } from '../src/index.js';
import { autoBody, samplePayload, variant } from './helpers.js';

const doc = samplePayload(otonistark, 'doc-example');

describe('otonistark', () => {
  it('keeps the doc example verbatim, transcript array and lead included', () => {
    const payload = doc as Record<string, unknown>;
    expect(Array.isArray(payload.transcript)).toBe(true);
    expect(Object.keys(payload)[0]).toBe('id');
    expect(payload.lead).toMatchObject({ id: 789, campaign: { id: 456 } });
  });

  it('derives common from duration, customer_phone, timestamps and extracted variables', () => {
    expect(otonistark.buildCommon(doc)).toMatchObject({
      event: 'post_call',
      id: '12345',
      summary: 'Customer interested in product demo',
      started_at: '2025-01-15T10:30:00.000000Z',
      ended_at: '2025-01-15T10:32:05.000000Z',
      duration_seconds: 125,
      status: 'completed',
      phone: '+1234567890',
      direction: null,
      recording_url: 'https://call.otonistark.com.br/storage/recordings/call-12345.mp4',
      fields: {
        status: true,
        summary: 'Customer interested in product demo',
        lead_quality: 'high',
        next_action: 'schedule_demo',
      },
    });
  });

  it('turns the transcript into text whether it is a string or an array', () => {
    const fromString = otonistark.buildCommon(samplePayload(otonistark, 'transcript-string'));
    expect(fromString.transcript_text).toMatch(/^AI: Hello! This is Sarah from Autocalls/);
    // The array form prefers the vendor's formatted_transcript ...
    expect(otonistark.buildCommon(doc).transcript_text).toBe(
      (doc as Record<string, unknown>).formatted_transcript,
    );
    // ... and joins the utterances itself when there is none.
    const bare = variant(otonistark, 'doc-example', (p) => delete p.formatted_transcript);
    expect(otonistark.buildCommon(bare).transcript_text).toBe(
      [
        'AI: Hello! This is Sarah from OtoniStark. How are you today',
        "Customer: Hi, I'm doing well, thanks for calling.",
        "AI: I'm calling to tell you about our new product features.",
        'Customer: That sounds interesting, tell me more.',
      ].join('\n'),
    );
    expect(otonistark.buildContext(bare).transcript_text).toBe(otonistark.buildCommon(bare).transcript_text);
  });

  it('handles calls without a lead, without a recording and without phones', () => {
    const noLead = samplePayload(otonistark, 'transcript-string-no-lead-inferred');
    expect(otonistark.buildContext(noLead).campaign).toBeNull();
    expect(otonistark.buildCommon(noLead).recording_url).toBeNull();
    const noPhones = variant(
      otonistark,
      'transcript-array-lead-null-inferred',
      (p) => (p.customer_phone = null),
    );
    expect(otonistark.buildCommon(noPhones)).toMatchObject({ phone: null, participants: [] });
    const leadPhone = variant(otonistark, 'doc-example', (p) => (p.customer_phone = null));
    expect(otonistark.buildCommon(leadPhone).phone).toBe('+1234567890');
  });

  it('exposes call and campaign sources and input_variables as the URL scope', () => {
    const context = otonistark.buildContext(doc);
    expect(context.call).toMatchObject({ id: 12345, duration: 125, customer_phone: '+1234567890' });
    expect(context.campaign).toMatchObject({ name: 'Product Demo Campaign' });
    expect(otonistark.urlScope).toBe('input_variables');
    expect(context.input_variables).toEqual({ customer_name: 'John Doe', product_interest: 'Pro Plan' });
  });

  it('gives back every documented field with all sections on', () => {
    const all = otonistark.sections.map((section) => section.id);
    expect(autoBody(otonistark, doc, all)).toEqual(doc);
    expect(autoBody(otonistark, doc, ['call_info'])).toEqual({
      id: 12345,
      customer_phone: '+1234567890',
      assistant_phone: '+1987654321',
      duration: 125,
      status: 'completed',
      created_at: '2025-01-15T10:30:00.000000Z',
      finished_at: '2025-01-15T10:32:05.000000Z',
    });
    expect(
      otonistark.sections
        .find((s) => s.id === 'lead')
        ?.build(samplePayload(otonistark, 'transcript-array-lead-null-inferred')),
    ).toBeNull();
  });

  it('uses the call id as idempotency key', () => {
    expect(otonistark.idempotencyKey(doc)).toBe('12345');
  });
});
