import type { JsonValue } from '@hookmap/core';
import { ACTION_ITEMS_TEXT, TITLE } from '../starters/fragments.js';
import { placeholder, templateIntegration } from '../starters/integration.js';
import { attioNoteExample, attioNoteResponse } from './example.js';
import type { RateLimit, StarterContext, TargetDefinition } from '../types.js';
import { quilNote } from './providers.js';
import { createdAtRange } from './rules.js';
import { noteSchema } from './schema.js';
import type { CrmAuth } from '../auth.js';

/** An access token as a secret by default; an OAuth app's tokens through the relay connection "attio". */
export const AUTH: CrmAuth = {
  default: 'secrets',
  connection: 'attio',
  secrets: {
    base: null,
    headers: { Authorization: 'Bearer {{secrets.ATTIO_TOKEN}}' },
    names: ['ATTIO_TOKEN'],
  },
  oauth: {
    base: null,
    headers: { Authorization: 'Bearer {{ connection.access_token }}' },
    names: ['access_token'],
  },
};

/** Attio rate limiting: 100 read and 25 write requests per second across the API. */
export const RATE_LIMIT: RateLimit = {
  requests: 25,
  perMs: 1_000,
  scope: 'token',
  source: 'Attio REST API guide "Rate limiting" (docs.attio.com/rest-api/guides/rate-limiting), read 2026-12',
  note: 'Writes (creating a note): 25 per second; reads 100 per second. A 429 carries Retry-After (a date, usually the next second).',
};

function note(recordId: string): JsonValue {
  return {
    data: {
      parent_object: 'people',
      parent_record_id: placeholder(recordId),
      title: TITLE,
      format: 'markdown',
      content: {
        $let: {
          actions: ACTION_ITEMS_TEXT,
          link: {
            $if: '{{ common.url }}',
            then: '\n\n[Open in {{ common.provider }}]({{ common.url }})',
            else: '',
          },
        },
        in: "## Summary\n{{ common.summary ?? '' }}{{ actions }}{{ link }}",
      },
      created_at: '{{ (common.ended_at ?? common.started_at) | iso | optional }}',
    },
  };
}

export const attioNote: TargetDefinition = {
  id: 'attio.note',
  crm: 'attio',
  name: 'Attio note',
  method: 'POST',
  url: 'https://api.attio.com/v2/notes',
  headers: AUTH.secrets.headers,
  secrets: ['ATTIO_TOKEN'],
  auth: AUTH,
  schema: noteSchema,
  example: attioNoteExample,
  docs: ['https://docs.attio.com/rest-api/endpoint-reference/notes/create-a-note'],
  notes: [
    'The note is wrapped in "data".',
    'Send all five of parent_object, parent_record_id, title, format (plaintext | markdown) and content.',
    'Optional created_at (not in the future, not before 1970; validateBody checks it against its now option) and meeting_id. Token scopes: note:read-write, object_configuration:read, record_permission:read. ATTIO_TOKEN is an access token; an OAuth app\'s tokens come from the relay connection "attio" (preset attio) with starterFlow(..., { auth: "connection" }).',
  ],
  starter: (context: StarterContext) => templateIntegration(attioNote, note(context.recordId), context),
  providerStarters: { quil: (context) => quilNote(attioNote, context.recordId) },
  response: attioNoteResponse,
  rateLimit: RATE_LIMIT,
  rules: [createdAtRange],
};
