import { integer, object, oneOfValues, readOnly, text } from '../schema-parts.js';
import type { JsonSchema } from '../types.js';

function closeId(prefix: string, what: string): JsonSchema {
  return text(`${what} id (${prefix}...).`, {
    pattern: `^${prefix}[A-Za-z0-9]+$`,
    'x-hint': `Map the Close ${what} id, which starts with "${prefix}"`,
  });
}

const DATE_TIME_HINT = 'ISO-8601 with a zone: "{{ common.started_at | iso }}"';

const shared = {
  lead_id: closeId('lead_', 'lead'),
  contact_id: closeId('cont_', 'contact'),
  user_id: closeId('user_', 'user'),
  note: text('Plain-text note.'),
  note_html: text('HTML note; wins over "note" when both are sent.'),
  date_created: text('When it was created.', { format: 'date-time', 'x-hint': DATE_TIME_HINT }),
  activity_at: text('When the activity happened (shown on the timeline).', {
    format: 'date-time',
    'x-hint': DATE_TIME_HINT,
  }),
  organization_id: closeId('orga_', 'organization'),
  created_by_id: closeId('user_', 'user'),
  custom_fields: { type: 'object', description: 'Custom activity fields by id or name.' },
};

/**
 * Call statuses: Close derives them from Twilio's call status values (and Plivo's for old calls) plus its own
 * "created" (Update a Call activity). Logged external calls default to "completed".
 */
export const CALL_STATUSES = [
  'created',
  'queued',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
  'timeout',
];

const E164 = '^\\+[1-9][0-9]{1,14}$';

/** POST /api/v1/activity/call/ (the create schema of "Log an external Call activity"). */
export const callSchema: JsonSchema = object(
  {
    ...shared,
    direction: oneOfValues('Call direction.', ['outbound', 'inbound'], {
      'x-hint': 'Lower case: "{{ common.direction | lower }}"',
    }),
    status: oneOfValues('Call status; defaults to "completed".', CALL_STATUSES, {
      'x-hint': 'A logged call is "completed" (the default); the others follow Twilio\'s call statuses',
    }),
    duration: integer('Duration in whole seconds (at most 604,800, one week).', {
      minimum: 0,
      maximum: 604800,
      'x-hint':
        'Seconds as a number: "{{ common.duration_seconds | integer }}"; Close accepts at most 604800 (one week)',
    }),
    phone: text("The other party's phone number in E.164.", {
      pattern: E164,
      'x-hint': 'E.164, e.g. "+16505551234": "{{ common.phone | e164 }}"',
    }),
    outcome_id: text('Call outcome (an outcome id of your organization, outcome_...).', {
      pattern: '^outcome_[A-Za-z0-9]+$',
      'x-hint': 'An outcome id from Settings > Outcomes or GET /api/v1/outcome/',
    }),
    recording_url: text('Recording; must be HTTPS.', {
      format: 'uri',
      pattern: '^https://',
      'x-hint': 'Close accepts only https:// recording URLs',
    }),
    voicemail_url: text('Voicemail recording.', { format: 'uri' }),
    conversation_type_id: text('Conversation type id.'),
    playbook_id: text('Playbook id.'),
    quality_info: text('Call quality information.'),
    source: text('Where the call was handled; a logged call is external.'),
    disposition: readOnly(
      "Set by Close's own dialer; not in the create schema.",
      "Send the call's result as outcome_id (an outcome of your organization); disposition is read-only",
    ),
    local_phone: readOnly(
      "Set by Close's own dialer; not in the create schema.",
      "local_phone is read-only; send the other party's number as phone",
    ),
    remote_phone: readOnly(
      "Set by Close's own dialer; not in the create schema.",
      "remote_phone is read-only; send the other party's number as phone",
    ),
  },
  ['lead_id'],
  { additionalProperties: false },
);

/** POST /api/v1/activity/note/ */
export const noteSchema: JsonSchema = object({ ...shared, title: text('Note title.') }, ['lead_id'], {
  additionalProperties: false,
  anyOf: [{ required: ['note'] }, { required: ['note_html'] }],
  'x-hint': 'Send the note text as "note" (plain) or "note_html"',
});
