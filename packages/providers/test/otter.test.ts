import { describe, expect, it } from 'vitest';
import { otter } from '../src/index.js';
import { autoBody, samplePayload, variant } from './helpers.js';

const doc = samplePayload(otter, 'doc-example');
const flat = samplePayload(otter, 'data-transcript-inferred');

describe('otter', () => {
  it('derives common from the doc example (notes under data.relationships)', () => {
    const common = otter.buildCommon(doc);
    expect(common).toMatchObject({
      event: 'conversation_completed',
      id: 'conversation_id',
      title: 'product launch meeting',
      started_at: '2025-07-31T12:00:00Z',
      ended_at: null,
      owner: { name: 'Jane Doe', email: 'jane@test.com' },
      participants: [{ name: 'John Doe', email: 'john@test.com', phone: null }],
      url: 'https://otter.ai/u/conversation_id',
      action_items: [
        {
          text: 'Follow up with the sales team about launch messaging and prepare customer-facing materials',
          assignee: 'Jane Doe',
          done: true,
        },
        {
          text: 'Coordinate with marketing to finalize launch timeline and promotional assets',
          assignee: 'John Doe',
          done: false,
        },
      ],
    });
    expect(common.summary).toMatch(/^This meeting discussed the next steps/);
    expect(common.transcript_text).toMatch(/^Jane Doe 00:00\nAlright everyone/);
    expect(common.fields['Next Steps']).toMatch(/^# \*\*Launch Preparation Plan/);
  });

  it('reads the transcript at data.transcript.content as well', () => {
    const common = otter.buildCommon(flat);
    expect(common.transcript_text).toBe(
      'Jane Doe 0:00\nThanks for joining...\nJohn Doe 0:05\nHappy to be here.',
    );
    expect(common.action_items).toEqual([
      { text: 'Send the launch checklist to John', assignee: 'Jane Doe', done: null },
    ]);
    expect(common.fields).toEqual({});
  });

  it('copes with owners without a name and URLs wrapped in angle brackets', () => {
    const odd = variant(otter, 'doc-example', (p) => {
      const data = p.data as Record<string, unknown>;
      data.owner = { id: 'u', first_name: 'Jane', last_name: 'Doe', email: 'jane@test.com' };
      data.url = '<https://otter.ai/u/abc>';
      delete p.meta;
    });
    expect(otter.buildCommon(odd)).toMatchObject({
      owner: { name: 'Jane Doe', email: 'jane@test.com' },
      url: 'https://otter.ai/u/abc',
      event: 'conversation_completed',
    });
    expect(otter.detect(odd)).toBe(true);
  });

  it('exposes conversation, webhook and the notes wherever Otter put them', () => {
    for (const payload of [doc, flat]) {
      const context = otter.buildContext(payload);
      expect(context.conversation).toBe((payload as Record<string, unknown>).data);
      expect((context.webhook as Record<string, unknown>).event).toBe('conversation_completed');
      expect(Array.isArray(context.action_items)).toBe(true);
      expect(Array.isArray(context.insights)).toBe(true);
      expect(typeof context.transcript_text).toBe('string');
    }
    expect(otter.urlScope).toBe('conversation');
  });

  it('flattens conversation info and keeps each block of notes in its own section', () => {
    expect(autoBody(otter, doc, ['conversation_info'])).toEqual({
      conversation_id: 'conversation_id',
      title: 'product launch meeting',
      url: 'https://otter.ai/u/conversation_id',
      created_at: '2025-07-31T12:00:00Z',
      owner_name: 'Jane Doe',
      owner_email: 'jane@test.com',
      conf_join_url: 'https://calendar_meeting_url.com',
    });
    const body = autoBody(otter, flat, ['transcript', 'custom_prompt', 'insights']);
    expect(Object.keys(body)).toEqual(['insights', 'outline', 'transcript']);
  });

  it('uses the conversation id as idempotency key', () => {
    expect(otter.idempotencyKey(doc)).toBe('conversation_id');
  });
});
