import { DESCRIPTION_TEXT, NOTE_HTML } from '../starters/fragments.js';
import { placeholder, templateIntegration } from '../starters/integration.js';
import { closeCallExample, closeNoteExample } from './example.js';
import type { StarterContext, TargetDefinition } from '../types.js';
import { attendeeCall, osviNote } from './providers.js';
import { callSchema, noteSchema } from './schema.js';

const HEADERS = { Authorization: 'Basic {{ secrets.CLOSE_API_KEY | append: ":" | base64 }}' };
const NOTES = [
  'Auth: HTTP Basic with the API key as user name and an empty password. The header template builds base64("<api key>:") from CLOSE_API_KEY with the append and base64 filters.',
];
const DOCS = ['https://developer.close.com/resources/activities/call/', 'https://developer.close.com/resources/activities/note/'];

export const closeCall: TargetDefinition = {
  id: 'close.call',
  crm: 'close',
  name: 'Close call',
  method: 'POST',
  url: 'https://api.close.com/api/v1/activity/call/',
  headers: HEADERS,
  secrets: ['CLOSE_API_KEY'],
  schema: callSchema,
  example: closeCallExample,
  docs: DOCS,
  notes: [
    'lead_id is required.',
    'duration is an integer number of seconds; direction is outbound or inbound; status defaults to completed.',
    'recording_url must be https.',
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
        phone: '{{ common.phone | optional }}',
        note_html: NOTE_HTML,
        recording_url: '{{ common.recording_url | optional }}',
      },
      context,
    ),
  providerStarters: { attendee: () => attendeeCall(closeCall) },
};

export const closeNote: TargetDefinition = {
  id: 'close.note',
  crm: 'close',
  name: 'Close note',
  method: 'POST',
  url: 'https://api.close.com/api/v1/activity/note/',
  headers: HEADERS,
  secrets: ['CLOSE_API_KEY'],
  schema: noteSchema,
  example: closeNoteExample,
  docs: DOCS,
  notes: ['lead_id is required, with note (plain text) or note_html.', ...NOTES],
  starter: (context: StarterContext) =>
    templateIntegration(closeNote, { lead_id: placeholder(context.recordId), note: DESCRIPTION_TEXT }, context),
  providerStarters: { osvi: () => osviNote(closeNote) },
};
