import type { JsonValue } from '@hookmap/core';
import { DESCRIPTION_TEXT, NOTE_HTML, TITLE, WHEN_ISO } from '../starters/fragments.js';
import { placeholder, templateIntegration } from '../starters/integration.js';
import {
  hubspotCallExample,
  hubspotCallResponse,
  hubspotCallUpdateResponse,
  hubspotNoteExample,
  hubspotNoteResponse,
} from './example.js';
import type { RateLimit, StarterContext, TargetDefinition } from '../types.js';
import { osviCallUpdate, otonistarkCall, otterNote } from './providers.js';
import { playableRecording } from './recording.js';
import { callSchema, callUpdateSchema, noteSchema } from './schema.js';
import type { CrmAuth } from '../auth.js';

/** HubSpot's date-versioned API (the /crm/v3 paths are unsupported from September 2027). */
export const HUBSPOT_API_VERSION = '2026-09';
export const HUBSPOT_OBJECTS = `https://api.hubapi.com/crm/objects/${HUBSPOT_API_VERSION}`;

/** A Service Key (or private-app token) as a secret by default; an OAuth app's tokens through the relay connection "hubspot". */
export const AUTH: CrmAuth = {
  default: 'secrets',
  connection: 'hubspot',
  secrets: {
    base: null,
    headers: { Authorization: 'Bearer {{secrets.HUBSPOT_TOKEN}}' },
    names: ['HUBSPOT_TOKEN'],
  },
  oauth: {
    base: null,
    headers: { Authorization: 'Bearer {{ connection.access_token }}' },
    names: ['access_token'],
  },
};
export const HEADERS = AUTH.secrets.headers;
const DOCS = [
  'https://developers.hubspot.com/docs/api-reference/latest/crm/activities/notes/guide',
  'https://developers.hubspot.com/docs/api-reference/latest/crm/activities/calls/guide',
  'https://developers.hubspot.com/docs/api-reference/legacy/migration-guide',
  'https://developers.hubspot.com/changelog/legacy-private-app-creation-sunset',
];
const AUTH_NOTE =
  'HUBSPOT_TOKEN is a Service Key (Settings > Integrations > Service Keys; it replaces legacy private apps, which cannot be created since 26 Oct 2026), or an existing legacy private-app token. An OAuth app\'s tokens come from the relay connection "hubspot" (preset hubspot): starterFlow(..., { auth: "connection" }) reads {{ connection.access_token }}.';
const VERSION_NOTE = `Sent to the date-versioned API (/crm/objects/${HUBSPOT_API_VERSION}/...); /crm/v3/objects/... still works until September 2027. From 2026-09 HubSpot enforces your portal's required-property rules on every create and update.`;

/** HubSpot API usage guidelines: burst limit per app per account (Free/Starter 100 per 10 s; Pro/Enterprise 190). */
export const RATE_LIMIT: RateLimit = {
  requests: 100,
  perMs: 10_000,
  scope: 'token',
  source:
    'HubSpot "API usage guidelines and limits" and changelog "Increasing our API limits" (read 2026-12)',
  note: 'Free/Starter: 100 requests per 10 s and 250,000 per day per app and account; Professional/Enterprise 190 per 10 s (650,000 / 1,000,000 per day); public OAuth apps 110 per 10 s per account.',
};

function association(recordId: string, typeId: number): JsonValue {
  return [
    {
      to: { id: placeholder(recordId) },
      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }],
    },
  ];
}

const CALL_PROPERTIES: { [key: string]: JsonValue } = {
  hs_timestamp: WHEN_ISO,
  hs_call_title: TITLE,
  hs_call_body: DESCRIPTION_TEXT,
  hs_call_duration: '{{ common.duration_seconds | times: 1000 | integer | string | optional }}',
  hs_call_direction: '{{ common.direction | upper | optional }}',
  hs_call_status: 'COMPLETED',
  hs_call_to_number: '{{ common.phone | optional }}',
  hs_call_recording_url: playableRecording('common.recording_url'),
};

/** The documented call's properties as an update (no timestamp, no associations). */
function callUpdateExample(): JsonValue {
  const { hs_timestamp: _timestamp, ...properties } = (
    hubspotCallExample as { properties: Record<string, JsonValue> }
  ).properties;
  return { properties };
}

export const hubspotNote: TargetDefinition = {
  id: 'hubspot.note',
  crm: 'hubspot',
  name: 'HubSpot note',
  method: 'POST',
  url: `${HUBSPOT_OBJECTS}/notes`,
  urlAlternatives: [
    'https://api.hubapi.com/crm/v3/objects/notes',
    'https://api.hubapi.com/crm/objects/{{version}}/notes',
  ],
  headers: HEADERS,
  secrets: ['HUBSPOT_TOKEN'],
  auth: AUTH,
  schema: noteSchema,
  example: hubspotNoteExample,
  docs: DOCS,
  notes: [
    'properties.hs_timestamp is required: ISO-8601 UTC text or epoch milliseconds as text.',
    'Every property value is text; hs_note_body holds HTML, at most 65,536 characters.',
    'HUBSPOT_DEFINED association type ids: 202 note to contact, 190 note to company, 214 note to deal, 228 note to ticket.',
    VERSION_NOTE,
    AUTH_NOTE,
  ],
  starter: (context: StarterContext) =>
    templateIntegration(
      hubspotNote,
      {
        properties: { hs_timestamp: WHEN_ISO, hs_note_body: NOTE_HTML },
        associations: association(context.recordId, 202),
      },
      context,
    ),
  providerStarters: { otter: (context) => otterNote(hubspotNote, context.recordId) },
  response: hubspotNoteResponse,
  rateLimit: RATE_LIMIT,
};

export const hubspotCall: TargetDefinition = {
  id: 'hubspot.call',
  crm: 'hubspot',
  name: 'HubSpot call',
  method: 'POST',
  url: `${HUBSPOT_OBJECTS}/calls`,
  urlAlternatives: [
    'https://api.hubapi.com/crm/v3/objects/calls',
    'https://api.hubapi.com/crm/objects/{{version}}/calls',
  ],
  headers: HEADERS,
  secrets: ['HUBSPOT_TOKEN'],
  auth: AUTH,
  schema: callSchema,
  example: hubspotCallExample,
  docs: DOCS,
  notes: [
    'properties.hs_timestamp is required: ISO-8601 UTC text or epoch milliseconds as text.',
    'hs_call_duration is in MILLISECONDS, sent as a string; every property value is text.',
    'hs_call_direction is INBOUND or OUTBOUND (upper case).',
    'hs_call_recording_url: an https URL of an .mp3 or .wav file (the only recordings HubSpot plays back).',
    'HUBSPOT_DEFINED association type ids: 194 call to contact, 182 call to company, 206 call to deal, 220 call to ticket.',
    'Built-in dispositions: connected f240bbac-87c9-4f6e-bf70-924b57d47db7, no answer 73a0d17f-1163-4015-bdd5-ec830791da20.',
    VERSION_NOTE,
    AUTH_NOTE,
  ],
  starter: (context: StarterContext) =>
    templateIntegration(
      hubspotCall,
      { properties: CALL_PROPERTIES, associations: association(context.recordId, 194) },
      context,
    ),
  providerStarters: { otonistark: (context) => otonistarkCall(hubspotCall, context.recordId) },
  response: hubspotCallResponse,
  rateLimit: RATE_LIMIT,
};

export const hubspotCallUpdate: TargetDefinition = {
  id: 'hubspot.call.update',
  crm: 'hubspot',
  name: 'HubSpot call (update an existing call)',
  method: 'PATCH',
  url: `${HUBSPOT_OBJECTS}/calls/{{crm_id}}`,
  urlAlternatives: [
    'https://api.hubapi.com/crm/v3/objects/calls/{{crm_id}}',
    'https://api.hubapi.com/crm/objects/{{version}}/calls/{{crm_id}}',
  ],
  headers: HEADERS,
  secrets: ['HUBSPOT_TOKEN'],
  auth: AUTH,
  schema: callUpdateSchema,
  example: callUpdateExample(),
  docs: DOCS,
  notes: [
    'Updates a call HubSpot already holds (e.g. one created when the call was dialled); its id goes in the URL.',
    'Only "properties" is accepted; nothing is required, at least one property must be sent.',
    'hs_call_duration is in MILLISECONDS, sent as a string; every property value is text.',
    VERSION_NOTE,
    AUTH_NOTE,
  ],
  starter: (context: StarterContext) => {
    const { hs_timestamp: _ignored, ...properties } = CALL_PROPERTIES;
    const url = `${HUBSPOT_OBJECTS}/calls/${placeholder(context.recordId)}`;
    return templateIntegration(hubspotCallUpdate, { properties }, { ...context, url });
  },
  providerStarters: { osvi: () => osviCallUpdate(hubspotCallUpdate) },
  response: hubspotCallUpdateResponse,
  rateLimit: RATE_LIMIT,
};
