import { object, oneOfValues, text } from '../schema-parts.js';
import type { JsonSchema } from '../types.js';

const note = object(
  {
    parent_object: text('Object slug or id: "people", "companies", "deals", ...', { minLength: 1 }),
    parent_record_id: text('Record the note belongs to.', {
      format: 'uuid',
      'x-hint': 'Attio record ids are UUIDs',
    }),
    title: text('Note title (plain text).'),
    format: oneOfValues('How "content" is written.', ['plaintext', 'markdown']),
    content: text('Note body in the chosen format.'),
    created_at: text('When the note was taken: not in the future, not before 1970.', { format: 'date-time' }),
    meeting_id: { type: ['string', 'null'], format: 'uuid', description: 'Attio meeting to link, or null.' },
  },
  ['parent_object', 'parent_record_id', 'title', 'format', 'content'],
  { additionalProperties: false },
);

/** POST /v2/notes */
export const noteSchema: JsonSchema = object({ data: note }, ['data'], {
  additionalProperties: false,
  'x-hint': 'Attio wraps the note in {"data": {...}}',
});
