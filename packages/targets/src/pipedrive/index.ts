import type { JsonValue } from '@hookmap/core';
import { NOTE_HTML, TITLE } from '../starters/fragments.js';
import { templateIntegration } from '../starters/integration.js';
import { pipedriveActivityExample, pipedriveNoteExample } from './example.js';
import type { StarterContext, TargetDefinition } from '../types.js';
import { otonistarkActivity } from './providers.js';
import { activitySchema, noteSchema } from './schema.js';

const BASE = '{{secrets.PIPEDRIVE_API_DOMAIN}}';
const HEADERS = { Authorization: 'Bearer {{secrets.PIPEDRIVE_ACCESS_TOKEN}}' };
const SECRETS = ['PIPEDRIVE_API_DOMAIN', 'PIPEDRIVE_ACCESS_TOKEN'];
const AUTH_NOTE =
  'Auth: OAuth "Authorization: Bearer <token>" (shown here) or an api_token query parameter. PIPEDRIVE_API_DOMAIN is the api_domain of the OAuth token, e.g. https://acme.pipedrive.com.';

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
  schema: activitySchema,
  example: pipedriveActivityExample,
  docs: ['https://developers.pipedrive.com/docs/api/v1/Activities#addActivity'],
  notes: [
    'API v2: person_id is READ-ONLY; send participants: [{person_id, primary: true}] instead.',
    'done is a boolean in v2 (v1 used 0/1).',
    'due_date "YYYY-MM-DD", due_time UTC "HH:MM", duration "HH:MM".',
    AUTH_NOTE,
  ],
  starter: (context: StarterContext) => templateIntegration(pipedriveActivity, activity(context.recordId), context),
  providerStarters: { otonistark: () => otonistarkActivity(pipedriveActivity) },
};

export const pipedriveNote: TargetDefinition = {
  id: 'pipedrive.note',
  crm: 'pipedrive',
  name: 'Pipedrive note',
  method: 'POST',
  url: `${BASE}/api/v1/notes`,
  headers: HEADERS,
  secrets: SECRETS,
  schema: noteSchema,
  example: pipedriveNoteExample,
  docs: ['https://developers.pipedrive.com/docs/api/v1/Notes#addNote'],
  notes: [
    'content (HTML) is required, plus at least one of deal_id, person_id, org_id, lead_id, project_id.',
    'Ids are integers except lead_id (a UUID).',
    AUTH_NOTE,
  ],
  starter: (context: StarterContext) =>
    templateIntegration(pipedriveNote, { content: NOTE_HTML, person_id: `{{ ${context.recordId} | integer }}` }, context),
  providerStarters: {},
};

