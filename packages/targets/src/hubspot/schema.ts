import { DIGITS, integer, object, oneOfValues, text } from '../schema-parts.js';
import type { JsonSchema } from '../types.js';

/** Property values are strings in HubSpot's spec (SimplePublicObjectInput: additionalProperties string). */
const STRING_VALUES =
  'HubSpot property values are text (the API spec types every property value as a string)';

const TIMESTAMP: JsonSchema = {
  type: 'string',
  description: 'When the activity happened. Required on create.',
  anyOf: [{ format: 'date-time' }, { pattern: '^[0-9]{12,13}$' }],
  'x-hint': `HubSpot wants ISO-8601 UTC text ("2025-07-31T12:30:00.000Z") or epoch milliseconds as text (epoch seconds would land in 1970), e.g. "{{ common.started_at | iso }}" or "{{ common.started_at | unix_ms | string }}". ${STRING_VALUES}`,
};

const OWNER = text('HubSpot user (owner) id.', {
  pattern: DIGITS,
  'x-hint': 'HubSpot owner ids are numeric text, e.g. "12345678"',
});

const CUSTOM_PROPERTY: JsonSchema = {
  type: 'string',
  maxLength: 65536,
  'x-hint': `${STRING_VALUES}: convert with "| string", send "" to clear a value; custom properties must already exist in your portal`,
};

/** HubSpot's recording player plays .mp3 and .wav files served over https (calls guide). */
const PLAYABLE_RECORDING = '^https://[^?#]+\\.([mM][pP]3|[wW][aA][vV])([?#].*)?$';

/** HUBSPOT_DEFINED association type ids by the object the activity is associated with (associations v4 table). */
export type AssociationTable = Record<string, number>;

function typeRule(category: string | string[], then: JsonSchema): JsonSchema {
  const match: JsonSchema = Array.isArray(category) ? { enum: category } : { const: category };
  return { if: { properties: { associationCategory: match }, required: ['associationCategory'] }, then };
}

function associationType(table: AssociationTable): JsonSchema {
  const ids = Object.values(table);
  const listed = Object.entries(table)
    .map(([to, id]) => `${id} to ${to}`)
    .join(', ');
  const labels =
    "look the type up with GET /crm/associations/2026-09/{fromObjectType}/{toObjectType}/labels (it lists each type's category and typeId)";
  return object(
    {
      associationCategory: oneOfValues('Who defined the association type.', [
        'HUBSPOT_DEFINED',
        'USER_DEFINED',
        'INTEGRATOR_DEFINED',
        'WORK',
      ]),
      associationTypeId: integer('Association type id (its meaning depends on the category).', {
        'x-hint': `HUBSPOT_DEFINED ids: ${listed}`,
      }),
    },
    ['associationCategory', 'associationTypeId'],
    {
      allOf: [
        typeRule('HUBSPOT_DEFINED', {
          properties: {
            associationTypeId: {
              enum: ids,
              'x-hint': `A HUBSPOT_DEFINED type id names the object pair: ${listed}. For other objects (custom objects, labelled associations) use the category the labels API gives and ${labels}`,
            },
          },
        }),
        typeRule(['USER_DEFINED', 'INTEGRATOR_DEFINED'], {
          properties: {
            associationTypeId: {
              type: 'integer',
              minimum: 1,
              'x-hint': `A label's type id is a positive integer: ${labels}`,
            },
          },
        }),
        typeRule('WORK', {
          properties: {
            associationTypeId: {
              type: 'integer',
              minimum: 1,
              'x-hint': `HubSpot publishes no fixed WORK ids: ${labels} and send the typeId it gives for category WORK`,
            },
          },
        }),
      ],
    },
  );
}

export function associations(table: AssociationTable): JsonSchema {
  const to = object(
    {
      id: text('Id of the record to associate with.', {
        pattern: DIGITS,
        'x-hint': 'Map the HubSpot record id (numeric text), e.g. "{{ call_trigger_data.crm_id }}"',
      }),
    },
    ['id'],
  );
  return {
    type: 'array',
    description: 'Records the activity is attached to.',
    items: object(
      {
        to,
        types: {
          type: 'array',
          minItems: 1,
          items: associationType(table),
          description: 'Association types.',
        },
      },
      ['to', 'types'],
    ),
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
      hs_call_title: text('Call title.', { maxLength: 65536 }),
      hs_call_body: text('Call notes (HTML allowed).', { maxLength: 65536 }),
      hs_call_duration: text('Duration in MILLISECONDS, as text.', {
        pattern: DIGITS,
        'x-hint':
          'HubSpot wants milliseconds as a string: "{{ common.duration_seconds | times: 1000 | string }}"',
      }),
      hs_call_direction: oneOfValues('Call direction.', ['INBOUND', 'OUTBOUND'], {
        'x-hint': 'Use upper case: "{{ common.direction | upper }}"',
      }),
      hs_call_status: oneOfValues('Call status.', [
        'BUSY',
        'CALLING_CRM_USER',
        'CANCELED',
        'COMPLETED',
        'CONNECTING',
        'FAILED',
        'IN_PROGRESS',
        'MISSED',
        'NO_ANSWER',
        'QUEUED',
        'RINGING',
      ]),
      hs_call_disposition: text('Outcome GUID (connected f240bbac-87c9-4f6e-bf70-924b57d47db7).', {
        format: 'uuid',
        'x-hint':
          'Built-in outcomes: connected f240bbac-87c9-4f6e-bf70-924b57d47db7, no answer 73a0d17f-1163-4015-bdd5-ec830791da20, busy 9d9162e7-6cf3-4944-bf63-4dff82258764, left voicemail b2cf5968-551e-4856-9783-52b3da59a7d0',
      }),
      hs_call_from_number: text('Caller phone number.'),
      hs_call_to_number: text('Called phone number.'),
      hs_call_recording_url: text(
        'https URL of an .mp3 or .wav recording (the only files HubSpot plays back).',
        {
          format: 'uri',
          pattern: PLAYABLE_RECORDING,
          'x-hint':
            'HubSpot plays back only https:// URLs of .mp3 or .wav files; leave other recordings out (or link them in hs_call_body)',
        },
      ),
      hubspot_owner_id: OWNER,
    },
    required,
    { additionalProperties: CUSTOM_PROPERTY },
  );
}

export const NOTE_ASSOCIATIONS: AssociationTable = { contact: 202, company: 190, deal: 214, ticket: 228 };
export const CALL_ASSOCIATIONS: AssociationTable = { contact: 194, company: 182, deal: 206, ticket: 220 };

/** POST /crm/objects/2026-09/notes */
export const noteSchema: JsonSchema = object(
  { properties: noteProperties, associations: associations(NOTE_ASSOCIATIONS) },
  ['properties'],
  { additionalProperties: false },
);

/** POST /crm/objects/2026-09/calls */
export const callSchema: JsonSchema = object(
  { properties: callProperties(['hs_timestamp']), associations: associations(CALL_ASSOCIATIONS) },
  ['properties'],
  { additionalProperties: false },
);

/** PATCH /crm/objects/2026-09/calls/{callId}: properties only, none required. */
export const callUpdateSchema: JsonSchema = object(
  { properties: { ...callProperties([]), minProperties: 1 } },
  ['properties'],
  {
    additionalProperties: false,
    'x-hint': 'An update sends only "properties"; associations are made with the associations API',
  },
);
