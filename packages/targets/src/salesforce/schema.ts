import { SALESFORCE_ID, boolean, integer, object, oneOfValues, text } from '../schema-parts.js';
import type { JsonSchema, Picklist } from '../types.js';

function recordId(description: string, hint: string, pattern = SALESFORCE_ID): JsonSchema {
  return text(description, { pattern, 'x-hint': `${hint} (a 15 or 18 character Salesforce id)` });
}

/** A Contact (key prefix 003) or a Lead (00Q): the only objects WhoId may name. */
const WHO_ID = '^(003|00Q)[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$';
const PICKLIST_HINT =
  'An org picklist: its values are set per org (configure them with the picklists option to check them here)';

function picklistField(description: string, examples: string[]): JsonSchema {
  return text(description, { maxLength: 40, examples, 'x-hint': PICKLIST_HINT });
}

const SOURCE =
  'Salesforce Object Reference (Winter \'27, API 68.0): Task / Event; default values from Salesforce Help "Activity fields"';
export const TASK_STATUS = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'];
export const TASK_PRIORITY = ['High', 'Normal', 'Low'];
export const ACTIVITY_TYPE = ['Call', 'Email', 'Meeting', 'Other'];

const WHO = recordId(
  'Contact (003...) or Lead (00Q...) the activity is about.',
  'WhoId must be a Contact (003...) or Lead (00Q...) id; put accounts, opportunities and cases in WhatId',
  WHO_ID,
);
const WHAT = recordId(
  'Account, Opportunity, Case... (001..., 006...) the activity relates to.',
  'Map the Salesforce record id',
);
const OWNER = recordId('User (005...) who owns the activity.', 'Map the Salesforce User id');

const TASK_FIELDS: { [key: string]: JsonSchema } = {
  Subject: text('Subject line shown in the activity timeline.', { maxLength: 255 }),
  Description: text('Comments (plain text).', { maxLength: 32000 }),
  WhoId: WHO,
  WhatId: WHAT,
  OwnerId: OWNER,
  ActivityDate: text('Due date: a DATE, not a date-time.', {
    format: 'date',
    'x-hint': `ActivityDate is a date "YYYY-MM-DD": "{{ common.started_at | date: '%Y-%m-%d', 'UTC' }}"`,
  }),
  Status: picklistField(
    'Picklist; "Completed" for a logged call or meeting (org-specific values).',
    TASK_STATUS,
  ),
  Priority: picklistField('Picklist, e.g. "Normal" (org-specific values).', TASK_PRIORITY),
  TaskSubtype: oneOfValues('"Call" shows the task as a call; a meeting is a "Task" (or an Event).', [
    'Task',
    'Email',
    'ListEmail',
    'Cadence',
    'Call',
    'LinkedIn',
  ]),
  Type: picklistField('Org picklist; may not contain "Call".', ACTIVITY_TYPE),
  CallType: oneOfValues('Call direction.', ['Inbound', 'Outbound', 'Internal'], {
    'x-hint': `Capitalised: "{{ common.direction | capitalize }}"`,
  }),
  CallDurationInSeconds: integer('Call duration in whole seconds.', {
    minimum: 0,
    'x-hint': 'Seconds as a number: "{{ common.duration_seconds | integer }}"',
  }),
  CallDisposition: text('Call result, free text.', { maxLength: 255 }),
  CallObject: text('Id of the call in the telephony system.', { maxLength: 255 }),
  ReminderDateTime: text('Reminder time.', { format: 'date-time' }),
  IsReminderSet: boolean('Whether a reminder is set.'),
};

const CUSTOM_FIELDS = {
  patternProperties: { __c$: { type: ['string', 'number', 'boolean', 'null'] } },
  additionalProperties: false,
  'x-hint': 'Custom fields end in "__c"',
};

/** POST {instance}/services/data/vXX.X/sobjects/Task/ (a call or meeting logged as a completed Task). */
export const taskSchema: JsonSchema = object(TASK_FIELDS, [], CUSTOM_FIELDS);

/** One record of an sObject Collections request: the Task fields plus `attributes.type`. */
const taskRecord: JsonSchema = object(
  {
    attributes: object({ type: { const: 'Task', description: 'sObject type.' } }, ['type'], {
      description: 'Record metadata.',
      'x-hint': 'Each record needs "attributes": {"type": "Task"}',
    }),
    ...TASK_FIELDS,
  },
  ['attributes', 'Subject'],
  CUSTOM_FIELDS,
);

/** POST {instance}/services/data/vXX.X/composite/sobjects (up to 200 Tasks in one request). */
export const tasksSchema: JsonSchema = object(
  {
    allOrNone: boolean('Roll back every record when one fails (default false).'),
    records: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: taskRecord,
      description: 'Tasks to create (1 to 200).',
      'x-hint':
        'An empty list is rejected: guard the request or the template with $if when there may be nothing to create',
    },
  },
  ['records'],
  { additionalProperties: false },
);

const DATE_TIME_HINT = 'ISO-8601 with a zone: "{{ common.started_at | iso }}"';

/** POST {instance}/services/data/vXX.X/sobjects/Event/ (a meeting). */
export const eventSchema: JsonSchema = object(
  {
    Subject: text('Subject shown in the calendar and activity timeline.', { maxLength: 255 }),
    Description: text('Comments (plain text).', { maxLength: 32000 }),
    WhoId: WHO,
    WhatId: WHAT,
    OwnerId: OWNER,
    StartDateTime: text('Start of a timed event.', { format: 'date-time', 'x-hint': DATE_TIME_HINT }),
    EndDateTime: text('End of a timed event (or send DurationInMinutes).', {
      format: 'date-time',
      'x-hint': DATE_TIME_HINT,
    }),
    ActivityDateTime: text('Start of a timed event (older name of StartDateTime).', {
      format: 'date-time',
      'x-hint': DATE_TIME_HINT,
    }),
    ActivityDate: text('Date of an all-day event.', { format: 'date' }),
    DurationInMinutes: integer('Length of a timed event in minutes (at most 14 days).', {
      minimum: 0,
      maximum: 20160,
      'x-hint':
        'Whole minutes: "{{ common.duration_seconds | divided_by: 60 | ceil }}"; an event lasts at most 14 days',
    }),
    IsAllDayEvent: boolean('An all-day event (ActivityDate, no times).'),
    Location: text('Where the meeting took place.'),
    ShowAs: oneOfValues('Calendar availability.', ['Busy', 'OutOfOffice', 'Free']),
    Type: picklistField('Org picklist, e.g. "Meeting".', ACTIVITY_TYPE),
    IsPrivate: boolean('Hidden from other users.'),
  },
  [],
  {
    ...CUSTOM_FIELDS,
    if: { properties: { IsAllDayEvent: { const: true } }, required: ['IsAllDayEvent'] },
    then: { required: ['ActivityDate'], 'x-hint': 'An all-day event needs ActivityDate "YYYY-MM-DD"' },
    else: {
      allOf: [
        {
          anyOf: [{ required: ['StartDateTime'] }, { required: ['ActivityDateTime'] }],
          'x-hint': 'A timed event needs its start: StartDateTime "{{ common.started_at | iso }}"',
        },
        {
          anyOf: [{ required: ['EndDateTime'] }, { required: ['DurationInMinutes'] }],
          'x-hint': 'A timed event needs EndDateTime or DurationInMinutes',
        },
      ],
    },
  },
);

function picklist(description: string, schemaPointers: string[], defaults: string[]): Picklist {
  return { schemaPointers, description, defaults, source: SOURCE };
}

const RECORD = '/properties/records/items/properties';

export const taskPicklists: Record<string, Picklist> = {
  Status: picklist('Task status.', ['/properties/Status'], TASK_STATUS),
  Priority: picklist('Task priority.', ['/properties/Priority'], TASK_PRIORITY),
  Type: picklist('Activity type.', ['/properties/Type'], ACTIVITY_TYPE),
};

export const tasksPicklists: Record<string, Picklist> = {
  Status: picklist('Task status.', [`${RECORD}/Status`], TASK_STATUS),
  Priority: picklist('Task priority.', [`${RECORD}/Priority`], TASK_PRIORITY),
  Type: picklist('Activity type.', [`${RECORD}/Type`], ACTIVITY_TYPE),
};

export const eventPicklists: Record<string, Picklist> = {
  Type: picklist('Activity type.', ['/properties/Type'], ACTIVITY_TYPE),
};
