import type { JsonValue } from '@hookmap/core';
import { DESCRIPTION_TEXT, NOTE_HTML, TITLE, WHEN_ISO } from '../starters/fragments.js';
import { placeholder, templateIntegration } from '../starters/integration.js';
import { hubspotCallExample, hubspotNoteExample } from './example.js';
import type { StarterContext, TargetDefinition } from '../types.js';
import { osviCallUpdate, otonistarkCall, otterNote } from './providers.js';
import { callSchema, callUpdateSchema, noteSchema } from './schema.js';

const HEADERS = { Authorization: 'Bearer {{secrets.HUBSPOT_TOKEN}}' };
const DOCS = [
  'https://developers.hubspot.com/docs/api/crm/notes',
  'https://developers.hubspot.com/docs/api/crm/calls',
];

function association(recordId: string, typeId: number): JsonValue {
  return [{ to: { id: placeholder(recordId) }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] }];
}

const CALL_PROPERTIES: { [key: string]: JsonValue } = {
  hs_timestamp: WHEN_ISO,
  hs_call_title: TITLE,
  hs_call_body: DESCRIPTION_TEXT,
  hs_call_duration: '{{ common.duration_seconds | times: 1000 | string | optional }}',
  hs_call_direction: '{{ common.direction | upper | optional }}',
  hs_call_status: 'COMPLETED',
  hs_call_to_number: '{{ common.phone | optional }}',
  hs_call_recording_url: '{{ common.recording_url | optional }}',
};

/** The documented call's properties as an update (no timestamp, no associations). */
function callUpdateExample(): JsonValue {
  const { hs_timestamp: _timestamp, ...properties } = (hubspotCallExample as { properties: Record<string, JsonValue> }).properties;
  return { properties };
}

export const hubspotNote: TargetDefinition = {
  id: 'hubspot.note',
  crm: 'hubspot',
  name: 'HubSpot note',
  method: 'POST',
  url: 'https://api.hubapi.com/crm/v3/objects/notes',
  headers: HEADERS,
  secrets: ['HUBSPOT_TOKEN'],
  schema: noteSchema,
  example: hubspotNoteExample,
  docs: DOCS,
  notes: [
    'properties.hs_timestamp is required: ISO-8601 UTC text or epoch milliseconds.',
    'hs_note_body holds HTML, at most 65,536 characters.',
    'Association type ids: 202 note to contact, 190 note to company, 214 note to deal.',
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
  providerStarters: { otter: () => otterNote(hubspotNote) },
};

export const hubspotCall: TargetDefinition = {
  id: 'hubspot.call',
  crm: 'hubspot',
  name: 'HubSpot call',
  method: 'POST',
  url: 'https://api.hubapi.com/crm/v3/objects/calls',
  headers: HEADERS,
  secrets: ['HUBSPOT_TOKEN'],
  schema: callSchema,
  example: hubspotCallExample,
  docs: DOCS,
  notes: [
    'properties.hs_timestamp is required: ISO-8601 UTC text or epoch milliseconds.',
    'hs_call_duration is in MILLISECONDS, sent as a string.',
    'hs_call_direction is INBOUND or OUTBOUND (upper case).',
    'Association type ids: 194 call to contact, 182 call to company, 206 call to deal.',
    'Built-in dispositions: connected f240bbac-87c9-4f6e-bf70-924b57d47db7, no answer 73a0d17f-1163-4015-bdd5-ec830791da20.',
  ],
  starter: (context: StarterContext) =>
    templateIntegration(
      hubspotCall,
      { properties: CALL_PROPERTIES, associations: association(context.recordId, 194) },
      context,
    ),
  providerStarters: { otonistark: () => otonistarkCall(hubspotCall) },
};

export const hubspotCallUpdate: TargetDefinition = {
  id: 'hubspot.call.update',
  crm: 'hubspot',
  name: 'HubSpot call (update an existing call)',
  method: 'PATCH',
  url: 'https://api.hubapi.com/crm/v3/objects/calls/{{crm_id}}',
  headers: HEADERS,
  secrets: ['HUBSPOT_TOKEN'],
  schema: callUpdateSchema,
  example: callUpdateExample(),
  docs: DOCS,
  notes: [
    'Updates a call HubSpot already holds (e.g. one created when the call was dialled); its id goes in the URL.',
    'Only "properties" is accepted; nothing is required, at least one property must be sent.',
    'hs_call_duration is in MILLISECONDS, sent as a string.',
  ],
  starter: (context: StarterContext) => {
    const { hs_timestamp: _ignored, ...properties } = CALL_PROPERTIES;
    const url = `https://api.hubapi.com/crm/v3/objects/calls/${placeholder(context.recordId)}`;
    return templateIntegration(hubspotCallUpdate, { properties }, { ...context, url });
  },
  providerStarters: { osvi: () => osviCallUpdate(hubspotCallUpdate) },
};
