import { DIGITS, object, oneOfValues, text } from '../schema-parts.js';
import type { JsonSchema } from '../types.js';

const ID_HINT = 'Zoho record ids are long digit strings; send them as text (they exceed JavaScript\'s safe integers)';

function lookup(description: string): JsonSchema {
  return object({ id: text('Record id.', { pattern: DIGITS, 'x-hint': ID_HINT }) }, ['id'], {
    description,
    'x-hint': 'A lookup is an object: {"id": "4150868000001234567"}',
  });
}

function records(record: JsonSchema): JsonSchema {
  return object({ data: { type: 'array', minItems: 1, maxItems: 100, items: record, description: 'Records to create (1 to 100).' } }, ['data'], {
    additionalProperties: false,
    'x-hint': 'Zoho wraps records in {"data": [ ... ]}',
  });
}

const parent = object(
  {
    module: object({ api_name: text('Module API name, e.g. "Contacts", "Leads", "Deals".', { minLength: 1 }) }, ['api_name']),
    id: text('Parent record id.', { pattern: DIGITS, 'x-hint': ID_HINT }),
  },
  ['module', 'id'],
  {
    description: 'Record the note belongs to.',
    'x-hint': 'In API v3+ Parent_Id is {"module": {"api_name": "Contacts"}, "id": "..."}; the string + se_module form is API v2 only',
  },
);

/** POST /crm/v8/Notes (v3+ shape). */
export const noteSchema: JsonSchema = records(
  object(
    {
      Note_Title: text('Title.'),
      Note_Content: text('Text of the note.', { minLength: 1 }),
      Parent_Id: parent,
      se_module: { description: 'API v2 only.', not: {}, 'x-hint': 'se_module is the API v2 form; v3+ puts the module in Parent_Id.module.api_name' },
    },
    ['Note_Content', 'Parent_Id'],
  ),
);

/** POST /crm/v8/Calls */
export const callSchema: JsonSchema = records(
  object(
    {
      Subject: text('Subject.', { minLength: 1 }),
      Call_Type: oneOfValues('Direction.', ['Outbound', 'Inbound', 'Missed'], { 'x-hint': 'Capitalised: "{{ common.direction | capitalize }}"' }),
      Call_Start_Time: text('Start, ISO-8601 with an offset and no fractions.', {
        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$',
        'x-hint': `Zoho wants "2025-07-31T12:30:00+00:00": "{{ common.started_at | date: '%Y-%m-%dT%H:%M:%S+00:00', 'UTC' }}"`,
      }),
      Call_Duration: text('Duration "mm:ss".', {
        pattern: '^[0-9]{1,4}:[0-5][0-9]$',
        'x-hint': `Text "mm:ss"; for calls under an hour: "{{ common.duration_seconds | date: '%M:%S', 'UTC' }}"`,
      }),
      Description: text('Description.'),
      Call_Result: text('Result picklist.'),
      Call_Purpose: text('Purpose picklist.'),
      Call_Agenda: text('Agenda.'),
      Who_Id: lookup('Contact the call is with.'),
      What_Id: lookup('Related record (set $se_module to its module).'),
      $se_module: text('Module of What_Id, e.g. "Deals".'),
      Owner: lookup('Owner (user).'),
    },
    ['Subject', 'Call_Type', 'Call_Start_Time'],
    {
      dependentRequired: { What_Id: ['$se_module'] },
      'x-hint': 'What_Id needs "$se_module" naming its module',
    },
  ),
);
