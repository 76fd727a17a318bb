import { boolean, integer, object, readOnly, text } from '../schema-parts.js';
import type { JsonSchema, Picklist } from '../types.js';

const HH_MM = '^[0-9]{2}:[0-9]{2}$';

/** The activity types a new Pipedrive account starts with (keys; accounts add and rename their own). */
export const ACTIVITY_TYPES = ['call', 'meeting', 'task', 'deadline', 'email', 'lunch'];
const ID_HINT = 'Pipedrive ids are integers: "{{ ... | integer }}"';

function id(description: string): JsonSchema {
  return integer(description, { minimum: 1, 'x-hint': ID_HINT });
}

const participant = object(
  { person_id: id('Person id.'), primary: boolean('The primary participant.') },
  ['person_id'],
  { additionalProperties: false },
);

/** POST /api/v2/activities */
export const activitySchema: JsonSchema = object(
  {
    subject: text('Activity subject (Pipedrive fills in a default when absent).'),
    type: text(
      'Activity type key, e.g. "call" or "meeting" (an account setting; Pipedrive fills in a default when absent).',
      {
        examples: ACTIVITY_TYPES,
        'x-hint':
          'Activity types are configured per account (Settings > Activities); pass yours as the picklists option "type" to check them',
      },
    ),
    owner_id: id('User who owns the activity.'),
    deal_id: id('Deal the activity belongs to.'),
    lead_id: text('Lead the activity belongs to.', { format: 'uuid' }),
    org_id: id('Organization the activity belongs to.'),
    project_id: id('Project the activity belongs to.'),
    person_id: readOnly(
      'Read-only in API v2.',
      'person_id is read-only in Pipedrive API v2: send "participants": [{"person_id": 123, "primary": true}] instead',
    ),
    participants: { type: 'array', description: 'People taking part.', items: participant },
    due_date: text('Due date.', {
      format: 'date',
      'x-hint': `"YYYY-MM-DD": "{{ common.started_at | date: '%Y-%m-%d', 'UTC' }}"`,
    }),
    due_time: text('Due time, UTC "HH:MM".', {
      pattern: HH_MM,
      'x-hint': `UTC "HH:MM": "{{ common.started_at | date: '%H:%M', 'UTC' }}"`,
    }),
    duration: text('Duration "HH:MM".', {
      pattern: HH_MM,
      'x-hint': `"HH:MM"; for calls under a day: "{{ common.duration_seconds | date: '%H:%M', 'UTC' }}"`,
    }),
    busy: boolean('Marks the time busy in the calendar.'),
    done: boolean('Whether the activity is done.', { 'x-hint': 'API v2 takes true/false, not 0/1' }),
    note: text('Note (HTML).'),
    public_description: text('Description visible to attendees.'),
    priority: integer('Priority id.'),
    location: object({ value: text('Address.') }),
    attendees: {
      type: 'array',
      description: 'External attendees.',
      items: object(
        { email: text('Email.', { format: 'email' }), name: text('Name.'), person_id: id('Person id.') },
        ['email'],
      ),
    },
  },
  [],
  { additionalProperties: false },
);

const ONE_PARENT = ['deal_id', 'person_id', 'org_id', 'lead_id', 'project_id', 'task_id'];

function pinned(parent: string): JsonSchema {
  return {
    enum: [0, 1],
    description: `Pin the note to the ${parent} (0/1).`,
    'x-hint': 'Pipedrive pin flags are the numbers 0 or 1',
  };
}

/** POST /api/v1/notes */
export const noteSchema: JsonSchema = object(
  {
    content: text('Note content (HTML).', { minLength: 1 }),
    deal_id: id('Deal the note is attached to.'),
    person_id: id('Person the note is attached to.'),
    org_id: id('Organization the note is attached to.'),
    lead_id: text('Lead the note is attached to.', { format: 'uuid' }),
    project_id: id('Project the note is attached to.'),
    task_id: id('Task the note is attached to.'),
    user_id: id('Author.'),
    add_time: text('Creation time, UTC "YYYY-MM-DD HH:MM:SS".', {
      pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$',
    }),
    pinned_to_lead_flag: pinned('lead'),
    pinned_to_deal_flag: pinned('deal'),
    pinned_to_organization_flag: pinned('organization'),
    pinned_to_person_flag: pinned('person'),
    pinned_to_project_flag: pinned('project'),
    pinned_to_task_flag: pinned('task'),
  },
  ['content'],
  {
    additionalProperties: false,
    anyOf: ONE_PARENT.map((key) => ({ required: [key] })),
    'x-hint': `A note must be attached to at least one of ${ONE_PARENT.join(', ')}`,
  },
);

export const activityPicklists: Record<string, Picklist> = {
  type: {
    schemaPointers: ['/properties/type'],
    description: 'Activity type key (Settings > Activities; GET /v1/activityTypes lists them).',
    defaults: ACTIVITY_TYPES,
    source: 'Pipedrive API reference, ActivityTypes (GET /v1/activityTypes) and Activities v2 (read 2026-12)',
  },
};
