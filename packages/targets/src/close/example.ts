import type { JsonValue } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests. */

export const closeCallExample: JsonValue = {
  lead_id: 'lead_abc123',
  contact_id: 'cont_def456',
  direction: 'outbound',
  status: 'completed',
  duration: 125,
  phone: '+1234567890',
  note_html: '<p>Customer interested in product demo.</p>',
  recording_url: 'https://example.com/recordings/call-12345.mp3',
};

export const closeNoteExample: JsonValue = {
  lead_id: 'lead_abc123',
  note_html: '<p><b>Meeting summary</b></p><p>Discussed next steps for the launch.</p>',
};
