import { DIGITS, integer, object, oneOfValues, text } from '../schema-parts.js';
import type { JsonSchema } from '../types.js';

const TIMESTAMP: JsonSchema = {
  description: 'When the activity happened. Required on create.',
  anyOf: [
    { type: 'string', format: 'date-time' },
    { type: 'string', pattern: '^[0-9]{12,13}$' },
    { type: 'integer', minimum: 100000000000 },
  ],
  'x-hint':
    'HubSpot wants ISO-8601 UTC text ("2025-07-31T12:30:00.000Z") or epoch milliseconds (epoch seconds would land in 1970), e.g. "{{ common.started_at | iso }}" or "{{ common.started_at | unix_ms }}"',
};

const OWNER = text('HubSpot user (owner) id.', {
  pattern: DIGITS,
  'x-hint': 'HubSpot owner ids are numeric text, e.g. "12345678"',
});

const CUSTOM_PROPERTY: JsonSchema = {
  type: ['string', 'number', 'boolean', 'null'],
  'x-hint': 'HubSpot property values are scalars; custom properties must already exist in your portal',
};

export function associations(typeIds: Record<string, number>): JsonSchema {
  const hint = `Association type ids: ${Object.entries(typeIds).map(([to, id]) => `${id} to ${to}`).join(', ')}`;
  const type = object(
    {
      associationCategory: oneOfValues('Who defined the association type.', ['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
      associationTypeId: integer('Association type id.', { 'x-hint': hint }),
    },
    ['associationCategory', 'associationTypeId'],
  );
  const to = object(
    { id: text('Id of the record to associate with.', { pattern: DIGITS, 'x-hint': 'Map the HubSpot record id (numeric text), e.g. "{{ call_trigger_data.crm_id }}"' }) },
    ['id'],
  );
  return {
    type: 'array',
    description: 'Records the activity is attached to.',
    items: object({ to, types: { type: 'array', minItems: 1, items: type, description: 'Association types.' } }, ['to', 'types']),
  };
}

export const noteProperties = object(
  {
    hs_timestamp: TIMESTAMP,
    hs_note_body: text('Note text (HTML allowed).', { maxLength: 65536 }),
    hubspot_owner_id: OWNER,
    hs_attachment_ids: text('Attachment ids separated by semicolons.'),
  },
  ['hs_timestamp'],
  { additionalProperties: CUSTOM_PROPERTY },
);

function callProperties(required: string[]): JsonSchema {
  return object(
    {
      hs_timestamp: TIMESTAMP,
      hs_call_title: text('Call title.'),
      hs_call_body: text('Call notes (HTML allowed).', { maxLength: 65536 }),
      hs_call_duration: text('Duration in MILLISECONDS, as text.', {
        pattern: DIGITS,
        'x-hint': 'HubSpot wants milliseconds as a string: "{{ common.duration_seconds | times: 1000 | string }}"',
      }),
      hs_call_direction: oneOfValues('Call direction.', ['INBOUND', 'OUTBOUND'], {
        'x-hint': 'Use upper case: "{{ common.direction | upper }}"',
      }),
      hs_call_status: oneOfValues(
        'Call status.',
        ['BUSY', 'CALLING_CRM_USER', 'CANCELED', 'COMPLETED', 'CONNECTING', 'FAILED', 'IN_PROGRESS', 'MISSED', 'NO_ANSWER', 'QUEUED', 'RINGING'],
      ),
      hs_call_disposition: text('Outcome GUID (connected f240bbac-87c9-4f6e-bf70-924b57d47db7).', {
        format: 'uuid',
        'x-hint': 'Built-in outcomes: connected f240bbac-87c9-4f6e-bf70-924b57d47db7, no answer 73a0d17f-1163-4015-bdd5-ec830791da20, busy 9d9162e7-6cf3-4944-bf63-4dff82258764, left voicemail b2cf5968-551e-4856-9783-52b3da59a7d0',
      }),
      hs_call_from_number: text('Caller phone number.'),
      hs_call_to_number: text('Called phone number.'),
      hs_call_recording_url: text('URL of an .mp3/.wav recording.', { format: 'uri', pattern: '^https?://' }),
      hubspot_owner_id: OWNER,
    },
    required,
    { additionalProperties: CUSTOM_PROPERTY },
  );
}

/** POST /crm/v3/objects/notes */
export const noteSchema: JsonSchema = object(
  { properties: noteProperties, associations: associations({ contact: 202, company: 190, deal: 214 }) },
  ['properties'],
  { additionalProperties: false },
);

/** POST /crm/v3/objects/calls */
export const callSchema: JsonSchema = object(
  { properties: callProperties(['hs_timestamp']), associations: associations({ contact: 194, company: 182, deal: 206 }) },
  ['properties'],
  { additionalProperties: false },
);

/** PATCH /crm/v3/objects/calls/{callId}: properties only, none required. */
export const callUpdateSchema: JsonSchema = object(
  { properties: { ...callProperties([]), minProperties: 1 } },
  ['properties'],
  { additionalProperties: false, 'x-hint': 'An update sends only "properties"; associations are made with the associations API' },
);
