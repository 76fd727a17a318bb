import type { JsonValue } from '@hookmap/core';
import { NOTE_HTML, TITLE } from '../starters/fragments.js';
import { templateIntegration } from '../starters/integration.js';
import {
  pipedriveActivityExample,
  pipedriveActivityResponse,
  pipedriveNoteExample,
  pipedriveNoteResponse,
} from './example.js';
import type { AuthOption, RateLimit, StarterContext, TargetDefinition } from '../types.js';
import { otonistarkActivity } from './providers.js';
import { activityPicklists, activitySchema, noteSchema } from './schema.js';
import type { CrmAuth } from '../auth.js';

/** OAuth2 by default (the relay connection "pipedrive"); an OAuth token set as secrets, or a personal API token (API_TOKEN). */
export const AUTH: CrmAuth = {
  default: 'connection',
  connection: 'pipedrive',
  secrets: {
    base: '{{secrets.PIPEDRIVE_API_DOMAIN}}',
    headers: { Authorization: 'Bearer {{secrets.PIPEDRIVE_ACCESS_TOKEN}}' },
    names: ['PIPEDRIVE_API_DOMAIN', 'PIPEDRIVE_ACCESS_TOKEN'],
  },
  oauth: {
    base: '{{ connection.api_domain }}',
    headers: { Authorization: 'Bearer {{ connection.access_token }}' },
    names: ['api_domain', 'access_token'],
  },
};
export const BASE = AUTH.oauth.base as string;
export const HEADERS = AUTH.oauth.headers;
export const SECRETS: string[] = [];
const AUTH_NOTE =
  'Auth: the relay connection "pipedrive" (OAuth2, preset pipedrive; "Authorization: Bearer {{ connection.access_token }}", connection.api_domain the api_domain of its token, e.g. https://acme.pipedrive.com). starterFlow(..., { auth: "secrets" }) reads PIPEDRIVE_API_DOMAIN and PIPEDRIVE_ACCESS_TOKEN instead; a personal API token goes in the x-api-token header (alternativeAuth, with the URL opening {{secrets.PIPEDRIVE_API_DOMAIN}}; what the official clients send since client-php 11.0.0, 2025-05-09; the api_token query parameter is the older form).';

export const API_TOKEN: AuthOption = {
  name: 'API token',
  headers: { 'x-api-token': '{{secrets.PIPEDRIVE_API_TOKEN}}' },
  secrets: ['PIPEDRIVE_API_DOMAIN', 'PIPEDRIVE_API_TOKEN'],
  note: 'A personal API token (Settings > Personal preferences > API) sent in the x-api-token header.',
};

/** Pipedrive token-based rate limiting: a burst limit per token in a rolling 2-second window, plus a daily budget per company. */
export const RATE_LIMIT: RateLimit = {
  requests: 20,
  perMs: 2_000,
  scope: 'token',
  source: 'Pipedrive "Rate limiting" (developers docs, core API concepts, updated 2026-09-17)',
  note: "Burst limit of the lowest plan (higher plans allow more per 2 s); each request also spends tokens from the company's daily budget (30,000 base tokens x plan multiplier x seats); POST /v1/notes and POST /api/v2/activities are low-cost writes.",
};

function activity(recordId: string): { [key: string]: JsonValue } {
  return {
    subject: `Call: ${TITLE}`,
    type: 'call',
    participants: [{ person_id: `{{ ${recordId} | integer }}`, primary: true }],
    due_date: "{{ (common.started_at ?? common.ended_at) | date: '%Y-%m-%d', 'UTC' | optional }}",
    due_time: "{{ (common.started_at ?? common.ended_at) | date: '%H:%M', 'UTC' | optional }}",
    duration: "{{ common.duration_seconds | date: '%H:%M', 'UTC' | optional }}",
    done: true,
    note: NOTE_HTML,
  };
}

export const pipedriveActivity: TargetDefinition = {
  id: 'pipedrive.activity',
  crm: 'pipedrive',
  name: 'Pipedrive activity (API v2)',
  method: 'POST',
  url: `${BASE}/api/v2/activities`,
  headers: HEADERS,
  secrets: SECRETS,
  auth: AUTH,
  schema: activitySchema,
  example: pipedriveActivityExample,
  docs: ['https://developers.pipedrive.com/docs/api/v1/Activities#addActivity'],
  notes: [
    'API v2: person_id is READ-ONLY; send participants: [{person_id, primary: true}] instead.',
    'done is a boolean in v2 (v1 used 0/1).',
    'due_date "YYYY-MM-DD", due_time UTC "HH:MM", duration "HH:MM".',
    'subject and type are optional (Pipedrive fills in defaults); type is one of the account\'s activity types (picklist "type").',
    AUTH_NOTE,
  ],
  starter: (context: StarterContext) =>
    templateIntegration(pipedriveActivity, activity(context.recordId), context),
  providerStarters: { otonistark: (context) => otonistarkActivity(pipedriveActivity, context.recordId) },
  response: pipedriveActivityResponse,
  rateLimit: RATE_LIMIT,
  picklists: activityPicklists,
  alternativeAuth: [API_TOKEN],
};

export const pipedriveNote: TargetDefinition = {
  id: 'pipedrive.note',
  crm: 'pipedrive',
  name: 'Pipedrive note',
  method: 'POST',
  url: `${BASE}/api/v1/notes`,
  headers: HEADERS,
  secrets: SECRETS,
  auth: AUTH,
  schema: noteSchema,
  example: pipedriveNoteExample,
  docs: ['https://developers.pipedrive.com/docs/api/v1/Notes#addNote'],
  notes: [
    'content (HTML) is required, plus at least one of deal_id, person_id, org_id, lead_id, project_id, task_id.',
    'pinned_to_{lead,deal,organization,person,project,task}_flag pin the note (0/1).',
    'Ids are integers except lead_id (a UUID).',
    AUTH_NOTE,
  ],
  starter: (context: StarterContext) =>
    templateIntegration(
      pipedriveNote,
      { content: NOTE_HTML, person_id: `{{ ${context.recordId} | integer }}` },
      context,
    ),
  providerStarters: {},
  response: pipedriveNoteResponse,
  rateLimit: RATE_LIMIT,
  alternativeAuth: [API_TOKEN],
};
