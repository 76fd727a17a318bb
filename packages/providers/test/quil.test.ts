import { describe, expect, it } from 'vitest';
import { quil } from '../src/index.js';
import { autoBody, samplePayload, variant } from './helpers.js';

const doc = samplePayload(quil, 'doc-example');

describe('quil', () => {
  it('keeps the doc sample verbatim: its two code blocks joined, assets beside data', () => {
    const payload = doc as Record<string, unknown>;
    expect(Object.keys(payload)).toEqual(['id', 'eventType', 'createdAt', 'data', 'assets']);
  });

  it('reads assets beside data (doc sample) and under data (doc table) alike', () => {
    const moved = variant(quil, 'doc-example', (p) => {
      (p.data as Record<string, unknown>).assets = p.assets;
      delete p.assets;
    });
    expect(quil.buildCommon(moved)).toEqual(quil.buildCommon(doc));
    expect(quil.buildContext(moved).assets).toEqual(quil.buildContext(doc).assets);
    expect(autoBody(quil, moved, ['assets', 'notes'])).toEqual(autoBody(quil, doc, ['assets', 'notes']));
  });

  it('takes the summary from the databaseNotes entry named "summary"', () => {
    expect(quil.buildCommon(doc)).toMatchObject({
      event: 'meeting.completed',
      id: 'mtg_01H2J3K4L',
      title: 'Project Sync: Q4 Roadmap',
      summary: 'Discussed budget and timeline for the upcoming launch.',
      started_at: '2025-10-10T10:23:27.000Z',
      owner: { name: 'Alex Rivers', email: null },
      phone: '+12345678900',
      participants: [{ name: null, email: null, phone: '+12345678900' }],
      recording_url: 'https://api.provider.com/v1/recordings/abc123.mp4',
      transcript_text: null,
    });
    const inline = quil.buildCommon(samplePayload(quil, 'inline-notes-inferred'));
    expect(inline.fields).toEqual({
      Summary: 'Candidate has 7 years of Go/Postgres experience; open to hybrid; notice period 4 weeks.',
      Compensation: 'Current base 165k; target 185k.',
    });
  });

  it('handles databaseNotes given as a URL', () => {
    const payload = samplePayload(quil, 'database-notes-url-inferred');
    const context = quil.buildContext(payload);
    expect(context.notes).toBeNull();
    expect(context.notes_url).toBe('https://assets.example.com/meetings/mtg_8f3c2a92/database-notes.json');
    expect(quil.buildCommon(payload)).toMatchObject({ summary: null, fields: {}, recording_url: null });
    expect(autoBody(quil, payload, ['notes'])).toEqual({ databaseNotes: context.notes_url });
  });

  it('sorts participant identifiers into phone, email or name', () => {
    const mixed = variant(quil, 'doc-example', (p) => {
      ((p.data as Record<string, unknown>).meeting as Record<string, unknown>).participants = [
        'ana@example.com',
        'user_123',
        '+44 20 7946 0958',
      ];
    });
    expect(quil.buildCommon(mixed).participants).toEqual([
      { name: null, email: 'ana@example.com', phone: null },
      { name: 'user_123', email: null, phone: null },
      { name: null, email: null, phone: '+44 20 7946 0958' },
    ]);
    expect(quil.buildCommon(mixed).phone).toBe('+44 20 7946 0958');
  });

  it('flattens the meeting section and scopes URLs to the meeting', () => {
    expect(autoBody(quil, doc, ['event', 'meeting'])).toEqual({
      id: 'evt_789456123',
      eventType: 'meeting.completed',
      createdAt: 1765198584697,
      meetingId: 'mtg_01H2J3K4L',
      meetingName: 'Project Sync: Q4 Roadmap',
      startTime: '2025-10-10T10:23:27.000Z',
      ownerName: 'Alex Rivers',
      participants: ['+12345678900'],
      atsRecordName: 'First Last',
      isPrivate: false,
    });
    expect(quil.urlScope).toBe('meeting');
    expect(quil.buildContext(doc).meeting).toMatchObject({ atsRecordName: 'First Last' });
  });

  it('uses the event id as idempotency key', () => {
    expect(quil.idempotencyKey(doc)).toBe('evt_789456123');
  });
});
