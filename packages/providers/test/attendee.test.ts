import { describe, expect, it } from 'vitest';
import { attendee } from '../src/index.js';
import { autoBody, samplePayload } from './helpers.js';

const completed = samplePayload(attendee, 'post_processing_completed');

describe('attendee', () => {
  it('has a sample for each of the eight triggers', () => {
    expect(attendee.events).toHaveLength(8);
    for (const trigger of attendee.events) {
      expect(
        attendee.samples.some((sample) => (sample.payload as Record<string, unknown>).trigger === trigger),
      ).toBe(true);
    }
  });

  it('uses the trigger as common.event and the new state as status', () => {
    expect(attendee.buildCommon(completed)).toMatchObject({
      event: 'bot.state_change',
      id: 'bot_3hfP8aQ2LmZx9WkT',
      status: 'ended',
      duration_seconds: 1835,
      fields: { event_type: 'post_processing_completed', new_state: 'ended', old_state: 'post_processing' },
    });
    expect(attendee.buildCommon(samplePayload(attendee, 'meeting_ended'))).toMatchObject({
      status: 'post_processing',
      duration_seconds: null,
      fields: { event_type: 'meeting_ended' },
    });
  });

  it('turns a transcript.update utterance into transcript_text', () => {
    expect(attendee.buildCommon(samplePayload(attendee, 'transcript_update'))).toMatchObject({
      event: 'transcript.update',
      transcript_text: "Jane Doe: Let's schedule the follow-up demo for next Tuesday.",
      participants: [{ name: 'Jane Doe', email: null, phone: null }],
    });
  });

  it('names the trigger data as a source and merges bot/calendar metadata', () => {
    const utterance = attendee.buildContext(samplePayload(attendee, 'transcript_update'));
    expect(utterance.utterance).toMatchObject({ speaker_name: 'Jane Doe' });
    expect(utterance.metadata).toEqual({ crm_deal_id: '12345' });
    expect(utterance).not.toHaveProperty('chat_message');
    const calendar = attendee.buildContext(samplePayload(attendee, 'calendar_disconnected'));
    expect(calendar.calendar_sync).toMatchObject({ state: 'disconnected' });
    expect(calendar.metadata).toEqual({ user_id: '42' });
    expect(attendee.buildCommon(samplePayload(attendee, 'calendar_disconnected'))).toMatchObject({
      id: 'cal_Lk12Jh34Gf56Ds78',
      status: 'disconnected',
    });
    expect(attendee.buildContext(samplePayload(attendee, 'bot_log_warning')).log_entry).toMatchObject({
      level: 'warning',
    });
    expect(attendee.buildContext(samplePayload(attendee, 'meeting_ended')).metadata).toBeNull();
    expect(attendee.urlScope).toBe('metadata');
  });

  it('adds no trigger source for unknown or inherited trigger names', () => {
    for (const trigger of ['constructor', '__proto__', 'bot.unknown']) {
      const payload = { ...(completed as Record<string, unknown>), trigger };
      expect(Object.keys(attendee.buildContext(payload)).sort()).toEqual(
        [...Object.keys(payload), 'metadata', 'payload', 'common'].sort(),
      );
    }
  });

  it('gives back every non-null envelope field with all sections on', () => {
    const all = attendee.sections.map((section) => section.id);
    expect(autoBody(attendee, completed, all)).toEqual(completed);
    expect(autoBody(attendee, samplePayload(attendee, 'meeting_ended'), ['bot'])).toEqual({
      bot_id: 'bot_3hfP8aQ2LmZx9WkT',
    });
    expect(attendee.sections.find((s) => s.id === 'calendar')?.build(completed)).toBeNull();
  });

  it('uses idempotency_key and verifies signatures', async () => {
    expect(attendee.idempotencyKey(completed)).toBe('3f1c2a6e-8a4b-4c1e-9f0a-2b7d5e6c9a01');
    expect(typeof attendee.verify).toBe('function');
  });
});
