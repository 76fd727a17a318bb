import { DIGITS, object, oneOfValues, text } from '../schema-parts.js';
import type { JsonSchema, Picklist } from '../types.js';

const ID_HINT =
  "Zoho record ids are long digit strings; send them as text (they exceed JavaScript's safe integers)";
const RECORD = '/properties/data/items/properties';

function lookup(
  description: string,
  hint = 'A lookup is an object: {"id": "4150868000001234567"}',
): JsonSchema {
  return object({ id: text('Record id.', { pattern: DIGITS, 'x-hint': ID_HINT }) }, ['id'], {
    description,
    'x-hint': hint,
  });
}

function records(record: JsonSchema): JsonSchema {
  return object(
    {
      data: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: record,
        description: 'Records to create (1 to 100).',
      },
    },
    ['data'],
    {
      additionalProperties: false,
      'x-hint': 'Zoho wraps records in {"data": [ ... ]}',
    },
  );
}

/** A module is named by its API name or by its id (Zoho v8 Create Notes). */
const module: JsonSchema = object(
  {
    api_name: text('Module API name, e.g. "Contacts", "Leads", "Deals".', { minLength: 1 }),
    id: text('Module id.', { pattern: DIGITS, 'x-hint': ID_HINT }),
  },
  [],
  {
    anyOf: [{ required: ['api_name'] }, { required: ['id'] }],
    'x-hint': 'Name the module by {"api_name": "Contacts"} or by its id {"id": "4150868000000002175"}',
  },
);

const parent = object(
  {
    module,
    id: text('Parent record id.', { pattern: DIGITS, 'x-hint': ID_HINT }),
  },
  ['module', 'id'],
  {
    description: 'Record the note belongs to.',
    'x-hint':
      'In API v3+ Parent_Id is {"module": {"api_name": "Contacts"}, "id": "..."}; the string + se_module form is API v2 only',
  },
);

/** POST /crm/v8/Notes (v3+ shape). */
export const noteSchema: JsonSchema = records(
  object(
    {
      Note_Title: text('Title.'),
      Note_Content: text('Text of the note.', { minLength: 1 }),
      Parent_Id: parent,
      se_module: {
        description: 'API v2 only.',
        not: {},
        'x-hint': 'se_module is the API v2 form; v3+ puts the module in Parent_Id.module.api_name',
      },
    },
    ['Note_Content', 'Parent_Id'],
  ),
);

const PICKLIST_HINT =
  'A picklist of your org: Zoho adds an unknown value to the picklist; configure the values with the picklists option to catch typos';
const DURATION_HINT = `Text "mm:ss", minutes not wrapped at the hour (3725 s is "62:05"): {"$let": {"s": "{{ common.duration_seconds | integer }}"}, "in": "{{ s < 600 ? '0' : '' }}{{ s | divided_by: 60 | floor }}:{{ s | date: '%S', 'UTC' }}"}`;

/** A completed call (Inbound, or Outbound not scheduled) needs its duration (Kaizen #38: INVALID_DATA otherwise). */
const COMPLETED_CALL: JsonSchema = {
  if: {
    properties: { Call_Type: { enum: ['Inbound', 'Outbound'] } },
    required: ['Call_Type'],
    not: { properties: { Outbound_Call_Status: { const: 'Scheduled' } }, required: ['Outbound_Call_Status'] },
  },
  then: {
    required: ['Call_Duration'],
    'x-hint': `Zoho rejects a completed call without Call_Duration. ${DURATION_HINT}`,
  },
};

/** A lead goes in What_Id with "$se_module": "Leads"; such a call has no contact (Who_Id is Contacts only). */
const LEAD_CALL: JsonSchema = {
  if: { properties: { $se_module: { const: 'Leads' } }, required: ['$se_module'] },
  then: {
    properties: {
      Who_Id: {
        not: {},
        'x-hint':
          'A call about a lead has no contact: drop Who_Id, the lead is What_Id with "$se_module": "Leads"',
      },
    },
  },
};

/** POST /crm/v8/Calls */
export const callSchema: JsonSchema = records(
  object(
    {
      Subject: text('Subject.', { minLength: 1 }),
      Call_Type: oneOfValues('Direction.', ['Outbound', 'Inbound', 'Missed'], {
        'x-hint': 'Capitalised: "{{ common.direction | capitalize }}"',
      }),
      Call_Start_Time: text(
        'Start, ISO-8601 with an offset and no fractions; not in the future for a completed call.',
        {
          pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$',
          'x-hint': `Zoho wants "2025-07-31T12:30:00+00:00": "{{ common.started_at | date: '%Y-%m-%dT%H:%M:%S+00:00', 'UTC' }}"`,
        },
      ),
      Call_Duration: text(
        'Duration "mm:ss" (minutes keep counting past the hour); required for a completed call.',
        {
          pattern: '^[0-9]{1,4}:[0-5][0-9]$',
          'x-hint': DURATION_HINT,
        },
      ),
      Outbound_Call_Status: text('"Completed" for a logged call, "Scheduled" for a planned one.', {
        examples: ['Completed', 'Scheduled'],
      }),
      Description: text('Description.'),
      Call_Result: text('Result picklist.', { examples: ['Interested'], 'x-hint': PICKLIST_HINT }),
      Call_Purpose: text('Purpose picklist.', {
        examples: ['Prospective', 'Administrative'],
        'x-hint': PICKLIST_HINT,
      }),
      Call_Agenda: text('Agenda.'),
      Who_Id: lookup(
        'Contact the call is with (Contacts only).',
        'Who_Id is a Contacts lookup {"id": "..."}; a Lead goes in What_Id with "$se_module": "Leads"',
      ),
      What_Id: lookup('Related record: a lead, account, deal... (set $se_module to its module).'),
      $se_module: text('Module of What_Id: "Leads" for a lead, else "Accounts", "Deals"...', {
        minLength: 1,
      }),
      Owner: lookup('Owner (user).'),
    },
    ['Subject', 'Call_Type', 'Call_Start_Time'],
    {
      dependentRequired: { What_Id: ['$se_module'] },
      allOf: [COMPLETED_CALL, LEAD_CALL],
      'x-hint': 'What_Id needs "$se_module" naming its module ("Leads" for a lead)',
    },
  ),
);

const PICKLIST_SOURCE =
  'Zoho CRM Kaizen #38 "Calls API" (picklists; a new value is added to the list) and v8 Insert Records (Calls)';

export const callPicklists: Record<string, Picklist> = {
  Call_Result: {
    schemaPointers: [`${RECORD}/Call_Result`],
    description: 'Call result.',
    defaults: [],
    source: PICKLIST_SOURCE,
  },
  Call_Purpose: {
    schemaPointers: [`${RECORD}/Call_Purpose`],
    description: 'Call purpose.',
    defaults: [],
    source: PICKLIST_SOURCE,
  },
};
