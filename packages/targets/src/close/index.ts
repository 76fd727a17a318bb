import { DESCRIPTION_TEXT, NOTE_HTML } from '../starters/fragments.js';
import { placeholder, templateIntegration } from '../starters/integration.js';
import { closeCallExample, closeCallResponse, closeNoteExample, closeNoteResponse } from './example.js';
import type { RateLimit, StarterContext, TargetDefinition } from '../types.js';
import { attendeeCall, osviNote } from './providers.js';
import { callSchema, noteSchema } from './schema.js';
import type { CrmAuth } from '../auth.js';

/** An API key (HTTP Basic) as a secret by default; an OAuth app's tokens (Bearer) through the relay connection "close". */
export const AUTH: CrmAuth = {
  default: 'secrets',
  connection: 'close',
  secrets: {
    base: null,
    headers: { Authorization: 'Basic {{ secrets.CLOSE_API_KEY | append: ":" | base64 }}' },
    names: ['CLOSE_API_KEY'],
  },
  oauth: {
    base: null,
    headers: { Authorization: 'Bearer {{ connection.access_token }}' },
    names: ['access_token'],
  },
};
export const HEADERS = AUTH.secrets.headers;
const NOTES = [
  'Auth: HTTP Basic with the API key as user name and an empty password. The header template builds base64("<api key>:") from CLOSE_API_KEY with the append and base64 filters. An OAuth app sends "Authorization: Bearer <access token>" instead: starterFlow(..., { auth: "connection" }) reads it from the relay connection "close" (preset close).',
];
const DOCS = [
  'https://developer.close.com/api/resources/activities/calls/create',
  'https://developer.close.com/api/resources/activities/calls/update',
  'https://developer.close.com/resources/activities/note/',
];

/** Close rate limits: per endpoint group, per API key, with the organization allowed three times the per-key rate. */
export const RATE_LIMIT: RateLimit = {
  requests: 20,
  perMs: 1_000,
  scope: 'token',
  source: 'Close API "Rate Limits" (developer.close.com/api/overview/rate-limits), read 2026-12',
  note: 'Limits are per endpoint group (POST /activity/* is one group); the organization-wide limit is three times the per-key one. Close answers 429 with rate_reset seconds to wait; the documented example is 20 requests per second per key.',
};

export const closeCall: TargetDefinition = {
  id: 'close.call',
  crm: 'close',
  name: 'Close call',
  method: 'POST',
  url: 'https://api.close.com/api/v1/activity/call/',
  headers: HEADERS,
  secrets: ['CLOSE_API_KEY'],
  auth: AUTH,
  schema: callSchema,
  example: closeCallExample,
  docs: DOCS,
  notes: [
    'lead_id is required.',
    'duration is an integer number of seconds, at most 604,800; direction is outbound or inbound; status is one of the documented call statuses and defaults to completed.',
    'The result of the call is outcome_id (an outcome of your organization); disposition, local_phone and remote_phone are not in the create schema.',
    'activity_at (when it happened), phone (E.164), custom_fields and recording_url (https only) are known.',
    'note_html wins over note when both are sent.',
    ...NOTES,
  ],
  starter: (context: StarterContext) =>
    templateIntegration(
      closeCall,
      {
        lead_id: placeholder(context.recordId),
        direction: "{{ common.direction ?? 'outbound' }}",
        status: 'completed',
        duration: '{{ common.duration_seconds | integer | optional }}',
        phone: '{{ common.phone | e164 | optional }}',
        note_html: NOTE_HTML,
        recording_url: '{{ common.recording_url | optional }}',
      },
      context,
    ),
  providerStarters: { attendee: (context) => attendeeCall(closeCall, context.recordId) },
  response: closeCallResponse,
  rateLimit: RATE_LIMIT,
};

export const closeNote: TargetDefinition = {
  id: 'close.note',
  crm: 'close',
  name: 'Close note',
  method: 'POST',
  url: 'https://api.close.com/api/v1/activity/note/',
  headers: HEADERS,
  secrets: ['CLOSE_API_KEY'],
  auth: AUTH,
  schema: noteSchema,
  example: closeNoteExample,
  docs: DOCS,
  notes: ['lead_id is required, with note (plain text) or note_html.', ...NOTES],
  starter: (context: StarterContext) =>
    templateIntegration(
      closeNote,
      { lead_id: placeholder(context.recordId), note: DESCRIPTION_TEXT },
      context,
    ),
  providerStarters: { osvi: (context) => osviNote(closeNote, context.recordId) },
  response: closeNoteResponse,
  rateLimit: RATE_LIMIT,
};
