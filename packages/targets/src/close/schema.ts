import { integer, object, oneOfValues, text } from '../schema-parts.js';
import type { JsonSchema } from '../types.js';

function closeId(prefix: string, what: string): JsonSchema {
  return text(`${what} id (${prefix}...).`, {
    pattern: `^${prefix}[A-Za-z0-9]+$`,
    'x-hint': `Map the Close ${what} id, which starts with "${prefix}"`,
  });
}

const shared = {
  lead_id: closeId('lead_', 'lead'),
  contact_id: closeId('cont_', 'contact'),
  user_id: closeId('user_', 'user'),
  note: text('Plain-text note.'),
  note_html: text('HTML note; wins over "note" when both are sent.'),
  date_created: text('When it happened.', { format: 'date-time' }),
};

/** POST /api/v1/activity/call/ */
export const callSchema: JsonSchema = object(
  {
    ...shared,
    direction: oneOfValues('Call direction.', ['outbound', 'inbound'], { 'x-hint': 'Lower case: "{{ common.direction | lower }}"' }),
    status: text('Call status; defaults to "completed".'),
    duration: integer('Duration in whole seconds.', { minimum: 0, 'x-hint': 'Seconds as a number: "{{ common.duration_seconds | integer }}"' }),
    phone: text('The other party\'s phone number.'),
    local_phone: text('Your side\'s phone number.'),
    remote_phone: text('The other party\'s phone number.'),
    disposition: text('Call outcome.'),
    recording_url: text('Recording; must be HTTPS.', {
      format: 'uri',
      pattern: '^https://',
      'x-hint': 'Close accepts only https:// recording URLs',
    }),
  },
  ['lead_id'],
  { additionalProperties: false },
);

/** POST /api/v1/activity/note/ */
export const noteSchema: JsonSchema = object(
  { ...shared, title: text('Note title.') },
  ['lead_id'],
  {
    additionalProperties: false,
    anyOf: [{ required: ['note'] }, { required: ['note_html'] }],
    'x-hint': 'Send the note text as "note" (plain) or "note_html"',
  },
);
