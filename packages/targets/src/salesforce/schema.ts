import { SALESFORCE_ID, integer, object, oneOfValues, text } from '../schema-parts.js';
import type { JsonSchema } from '../types.js';

function recordId(description: string, hint: string): JsonSchema {
  return text(description, { pattern: SALESFORCE_ID, 'x-hint': `${hint} (a 15 or 18 character Salesforce id)` });
}

const TASK_FIELDS: { [key: string]: JsonSchema } = {
    Subject: text('Subject line shown in the activity timeline.', { maxLength: 255 }),
    Description: text('Comments (plain text).', { maxLength: 32000 }),
    WhoId: recordId('Contact (003...) or Lead (00Q...) the task is about.', 'Map the Salesforce Contact or Lead id'),
    WhatId: recordId('Account, Opportunity, Case... (001..., 006...) the task relates to.', 'Map the Salesforce record id'),
    OwnerId: recordId('User (005...) who owns the task.', 'Map the Salesforce User id'),
    ActivityDate: text('Due date: a DATE, not a date-time.', {
      format: 'date',
      'x-hint': `ActivityDate is a date "YYYY-MM-DD": "{{ common.started_at | date: '%Y-%m-%d', 'UTC' }}"`,
    }),
    Status: text('Picklist; "Completed" for a logged call (org-specific values).'),
    Priority: text('Picklist, e.g. "Normal" (org-specific values).'),
    TaskSubtype: oneOfValues('"Call" shows the task as a call.', ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn']),
    Type: text('Org picklist; may not contain "Call".'),
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
    IsReminderSet: { type: 'boolean', description: 'Whether a reminder is set.' },
};

const CUSTOM_FIELDS = {
  patternProperties: { '__c$': { type: ['string', 'number', 'boolean', 'null'] } },
  additionalProperties: false,
  'x-hint': 'Custom fields end in "__c"',
};

/** POST {instance}/services/data/vXX.X/sobjects/Task/ (a call logged as a completed Task). */
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
    allOrNone: { type: 'boolean', description: 'Roll back every record when one fails (default false).' },
    records: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: taskRecord,
      description: 'Tasks to create (1 to 200).',
      'x-hint': 'An empty list is rejected: guard the request or the template with $if when there may be nothing to create',
    },
  },
  ['records'],
  { additionalProperties: false },
);
