import type { JsonValue } from '@hookmap/core';
import { DESCRIPTION_TEXT, TITLE, fieldLines } from '../starters/fragments.js';
import { placeholder, templateIntegration } from '../starters/integration.js';
import { zohoCallExample, zohoNoteExample } from './example.js';
import type { StarterContext, TargetDefinition } from '../types.js';
import { callSchema, noteSchema } from './schema.js';

const HEADERS = { Authorization: 'Zoho-oauthtoken {{secrets.ZOHO_ACCESS_TOKEN}}' };
const DOCS = ['https://www.zoho.com/crm/developer/docs/api/v8/create-notes.html', 'https://www.zoho.com/crm/developer/docs/api/v8/insert-records.html'];
const DC_NOTE = 'Use the API domain of your data centre (www.zohoapis.com, .eu, .in, .com.au, ...).';

function call(recordId: string): JsonValue {
  return {
    data: [
      {
        Subject: `Call: ${TITLE}`,
        Call_Type: "{{ common.direction == 'inbound' ? 'Inbound' : 'Outbound' }}",
        Call_Start_Time: "{{ (common.started_at ?? common.ended_at) | date: '%Y-%m-%dT%H:%M:%S+00:00', 'UTC' }}",
        Call_Duration: "{{ common.duration_seconds | date: '%M:%S', 'UTC' | optional }}",
        Description: DESCRIPTION_TEXT,
        Who_Id: { id: placeholder(recordId) },
      },
    ],
  };
}

/** OSVI: the AI summary plus every Data Extraction field as "name: value" lines. */
const osviNote: JsonValue = {
  data: [
    {
      Note_Title: 'Call with {{ call_trigger_data.person_name ?? call_info.phone_number }}',
      Note_Content: {
        $let: { lines: fieldLines('data_capture', '{{ key }}: {{ value }}') },
        in: "{{ call_summary }}\n\n{{ lines | join: '\\n' }}",
      },
      Parent_Id: { module: { api_name: 'Leads' }, id: '{{ call_trigger_data.crm_id }}' },
    },
  ],
};

/** Otoni Stark: start, exact mm:ss duration and the extracted summary, with the contact from the input variables. */
const otonistarkCall: JsonValue = {
  data: [
    {
      Subject: 'AI call: {{ input_variables.customer_name ?? customer_phone }}',
      Call_Type: "{{ lead ? 'Outbound' : 'Inbound' }}",
      Call_Start_Time: "{{ created_at | date: '%Y-%m-%dT%H:%M:%S+00:00', 'UTC' }}",
      Call_Duration: "{{ duration | date: '%M:%S', 'UTC' }}",
      Description: '{{ extracted_variables.summary }}',
      Who_Id: { id: '{{ input_variables.crm_id }}' },
    },
  ],
};

export const zohoNote: TargetDefinition = {
  id: 'zoho.note',
  crm: 'zoho',
  name: 'Zoho CRM note (API v3+)',
  method: 'POST',
  url: 'https://www.zohoapis.com/crm/v8/Notes',
  headers: HEADERS,
  secrets: ['ZOHO_ACCESS_TOKEN'],
  schema: noteSchema,
  example: zohoNoteExample,
  docs: DOCS,
  notes: [
    'Records go in {"data": [...]}.',
    'v3+ shape: Parent_Id is {"module": {"api_name": "Contacts"}, "id": "..."}; v2 used a string plus se_module.',
    'Alternatively POST /crm/v8/{Module}/{record_id}/Notes.',
    DC_NOTE,
  ],
  starter: (context: StarterContext) =>
    templateIntegration(
      zohoNote,
      {
        data: [
          {
            Note_Title: TITLE,
            Note_Content: DESCRIPTION_TEXT,
            Parent_Id: { module: { api_name: 'Contacts' }, id: placeholder(context.recordId) },
          },
        ],
      },
      context,
    ),
  providerStarters: {
    osvi: () => templateIntegration(zohoNote, osviNote, { providerId: 'osvi', name: 'OSVI call summary and captured data to a Zoho note' }),
  },
};

export const zohoCall: TargetDefinition = {
  id: 'zoho.call',
  crm: 'zoho',
  name: 'Zoho CRM call',
  method: 'POST',
  url: 'https://www.zohoapis.com/crm/v8/Calls',
  headers: HEADERS,
  secrets: ['ZOHO_ACCESS_TOKEN'],
  schema: callSchema,
  example: zohoCallExample,
  docs: DOCS,
  notes: [
    'Records go in {"data": [...]}.',
    'Call_Duration is text "mm:ss"; Call_Start_Time is ISO-8601 with an offset ("2025-07-31T12:30:00+00:00").',
    'Who_Id is the contact lookup {"id"}; What_Id needs "$se_module" (e.g. "Deals").',
    'Field set partly from memory in the research notes: verify against your org.',
    DC_NOTE,
  ],
  starter: (context: StarterContext) => templateIntegration(zohoCall, call(context.recordId), context),
  providerStarters: {
    otonistark: () => templateIntegration(zohoCall, otonistarkCall, { providerId: 'otonistark', name: 'Otoni Stark call to a Zoho CRM call' }),
  },
};
