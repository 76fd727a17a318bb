import type { JsonValue } from '@hookmap/core';
import { minutesSeconds } from '../starters/duration.js';
import { DESCRIPTION_TEXT, TITLE, fieldLines } from '../starters/fragments.js';
import { placeholder, templateIntegration } from '../starters/integration.js';
import { zohoCallExample, zohoCallResponse, zohoNoteExample, zohoNoteResponse } from './example.js';
import type { RateLimit, StarterContext, TargetDefinition } from '../types.js';
import { completedCallStart } from './rules.js';
import type { CrmAuth } from '../auth.js';
import { callPicklists, callSchema, noteSchema } from './schema.js';

/**
 * OAuth2 only (tokens last an hour): the relay connection "zoho" by default. The API host is the token answer's
 * api_domain (https://www.zohoapis.com, .eu, .in, .com.au, ...): `{{ connection.api_domain }}`, or the secret
 * ZOHO_API_DOMAIN with secrets.
 */
export const AUTH: CrmAuth = {
  default: 'connection',
  connection: 'zoho',
  secrets: {
    base: '{{secrets.ZOHO_API_DOMAIN}}',
    headers: { Authorization: 'Zoho-oauthtoken {{secrets.ZOHO_ACCESS_TOKEN}}' },
    names: ['ZOHO_API_DOMAIN', 'ZOHO_ACCESS_TOKEN'],
  },
  oauth: {
    base: '{{ connection.api_domain }}',
    headers: { Authorization: 'Zoho-oauthtoken {{ connection.access_token }}' },
    names: ['api_domain', 'access_token'],
  },
};
export const API = `${AUTH.oauth.base as string}/crm/v8`;
export const HEADERS = AUTH.oauth.headers;
export const SECRETS: string[] = [];
const DOCS = [
  'https://www.zoho.com/crm/developer/docs/api/v8/create-notes.html',
  'https://www.zoho.com/crm/developer/docs/api/v8/insert-records.html',
  'https://help.zoho.com/portal/en/community/topic/kaizen-38-calls-api',
];
const DC_NOTE =
  'Auth: the relay connection "zoho" (OAuth2, preset zoho; tokens last an hour, the relay refreshes them). connection.api_domain is the api_domain of its token answer (https://www.zohoapis.com, .eu, .in, .com.au, ...). starterFlow(..., { auth: "secrets" }) reads ZOHO_API_DOMAIN and ZOHO_ACCESS_TOKEN instead.';
/** Zoho rejects an empty note: the description, else a line saying the provider sent no summary. */
const NOTE_TEXT: JsonValue = {
  $let: { text: DESCRIPTION_TEXT },
  in: {
    $if: '{{ text }}',
    then: '{{ text }}',
    else: 'No summary was sent with this {{ common.provider }} event ({{ common.event }}).',
  },
};
const START = "{{ common.started_at ?? common.ended_at ?? 'now' | date: '%Y-%m-%dT%H:%M:%S+00:00', 'UTC' }}";

/** Zoho CRM API limits: credits per rolling 24 hours per org (1 per insert call of up to 100 records) and a concurrency cap. */
export const RATE_LIMIT: RateLimit = {
  requests: 5_000,
  perMs: 86_400_000,
  scope: 'account',
  concurrency: 5,
  source: 'Zoho CRM v8 "API Limits" (credits per 24-hour window, concurrency per org and app), read 2026-12',
  note: 'Free edition floor: 5,000 credits per 24 h and 5 concurrent calls; Standard 50,000 + 250 per user (10 concurrent), Professional 50,000 + 500 per user, Enterprise 50,000 + 1,000 per user.',
};

function call(recordId: string): JsonValue {
  return {
    data: [
      {
        Subject: `Call: ${TITLE}`,
        Call_Type: "{{ common.direction == 'inbound' ? 'Inbound' : 'Outbound' }}",
        Call_Start_Time: START,
        // Zoho requires a completed call's duration; a provider that reports none (OSVI) logs 00:00, as the Salesforce Event starter logs 0 minutes.
        Call_Duration: minutesSeconds('common.duration_seconds', '00:00'),
        Description: DESCRIPTION_TEXT,
        Who_Id: { id: placeholder(recordId) },
      },
    ],
  };
}

/** OSVI: the AI summary plus every Data Extraction field as "name: value" lines, on the lead of the trigger data. */
function osviNote(context: StarterContext): JsonValue {
  return {
    data: [
      {
        Note_Title: 'Call with {{ call_trigger_data.person_name ?? call_info.phone_number }}',
        Note_Content: {
          $let: { lines: fieldLines('data_capture', '{{ key }}: {{ value }}') },
          in: "{{ call_summary }}\n\n{{ lines | join: '\\n' }}",
        },
        Parent_Id: { module: { api_name: context.record ?? 'Leads' }, id: placeholder(context.recordId) },
      },
    ],
  };
}

/** Otoni Stark: start, exact mm:ss duration and the extracted summary, with the contact from the input variables. */
function otonistarkCall(recordId: string): JsonValue {
  return {
    data: [
      {
        Subject: 'AI call: {{ input_variables.customer_name ?? customer_phone }}',
        Call_Type: "{{ lead ? 'Outbound' : 'Inbound' }}",
        Call_Start_Time: "{{ created_at | date: '%Y-%m-%dT%H:%M:%S+00:00', 'UTC' }}",
        Call_Duration: minutesSeconds('duration'),
        Description: '{{ extracted_variables.summary }}',
        Who_Id: { id: placeholder(recordId) },
      },
    ],
  };
}

export const zohoNote: TargetDefinition = {
  id: 'zoho.note',
  crm: 'zoho',
  name: 'Zoho CRM note (API v3+)',
  method: 'POST',
  url: `${API}/Notes`,
  headers: HEADERS,
  secrets: SECRETS,
  auth: AUTH,
  schema: noteSchema,
  example: zohoNoteExample,
  docs: DOCS,
  notes: [
    'Records go in {"data": [...]}.',
    'v3+ shape: Parent_Id is {"module": {"api_name": "Contacts"}, "id": "..."} (or the module by id: {"module": {"id": "..."}}); v2 used a string plus se_module.',
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
            Note_Content: NOTE_TEXT,
            Parent_Id: { module: { api_name: 'Contacts' }, id: placeholder(context.recordId) },
          },
        ],
      },
      context,
    ),
  providerStarters: {
    osvi: (context) =>
      templateIntegration(zohoNote, osviNote(context), {
        providerId: 'osvi',
        name: 'OSVI call summary and captured data to a Zoho note',
      }),
  },
  response: zohoNoteResponse,
  rateLimit: RATE_LIMIT,
};

export const zohoCall: TargetDefinition = {
  id: 'zoho.call',
  crm: 'zoho',
  name: 'Zoho CRM call',
  method: 'POST',
  url: `${API}/Calls`,
  headers: HEADERS,
  secrets: SECRETS,
  auth: AUTH,
  schema: callSchema,
  example: zohoCallExample,
  docs: DOCS,
  notes: [
    'Records go in {"data": [...]}.',
    'Call_Duration is text "mm:ss" with the minutes not wrapped at the hour (3725 s is "62:05"); required for a completed call (Inbound, or Outbound not Scheduled).',
    'Call_Start_Time is ISO-8601 with an offset ("2025-07-31T12:30:00+00:00"); a completed call cannot start in the future.',
    'Who_Id is a Contacts lookup {"id"}; a Lead goes in What_Id with "$se_module": "Leads" (and no Who_Id). What_Id always needs "$se_module".',
    'Call_Result and Call_Purpose are org picklists (Zoho adds unknown values): pass yours as the picklists option to check them.',
    DC_NOTE,
  ],
  starter: (context: StarterContext) => templateIntegration(zohoCall, call(context.recordId), context),
  providerStarters: {
    otonistark: (context) =>
      templateIntegration(zohoCall, otonistarkCall(context.recordId), {
        providerId: 'otonistark',
        name: 'Otoni Stark call to a Zoho CRM call',
      }),
  },
  response: zohoCallResponse,
  rateLimit: RATE_LIMIT,
  picklists: callPicklists,
  rules: [completedCallStart],
};
