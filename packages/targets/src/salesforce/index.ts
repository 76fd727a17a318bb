import type { JsonValue } from '@hookmap/core';
import { DESCRIPTION_TEXT, TITLE, WHEN_DATE } from '../starters/fragments.js';
import { placeholder, templateIntegration } from '../starters/integration.js';
import { salesforceTaskExample } from './example.js';
import type { StarterContext, TargetDefinition } from '../types.js';
import { tasksSchema, taskSchema } from './schema.js';

function callTask(recordId: string): { [key: string]: JsonValue } {
  return {
    Subject: `Call: ${TITLE}`,
    Description: DESCRIPTION_TEXT,
    WhoId: placeholder(recordId),
    ActivityDate: WHEN_DATE,
    Status: 'Completed',
    Priority: 'Normal',
    TaskSubtype: 'Call',
    CallType: '{{ common.direction | capitalize | optional }}',
    CallDurationInSeconds: '{{ common.duration_seconds | integer | optional }}',
    CallObject: '{{ common.id | optional }}',
  };
}

/** Otter: the meeting as a completed Task, its action items listed with their owners and state. */
const otterTask: JsonValue = {
  Subject: '{{ data.title }}',
  Description: {
    $let: {
      items: {
        $each: '{{ data.relationships.action_items }}',
        as: 'item',
        do: "[{{ item.status.completed ? 'x' : ' ' }}] {{ item.text }} ({{ item.assignee.name }})",
      },
    },
    in: "{{ data.abstract_summary }}\n\nAction items:\n{{ items | join: '\\n' }}\n\nOtter notes: {{ data.url }}",
  },
  WhoId: '{{ common.fields.crm_id | optional }}',
  ActivityDate: "{{ data.created_at | date: '%Y-%m-%d', 'UTC' }}",
  Status: 'Completed',
  Priority: 'Normal',
  TaskSubtype: 'Call',
  CallObject: '{{ data.id }}',
};

export const salesforceTask: TargetDefinition = {
  id: 'salesforce.task',
  crm: 'salesforce',
  name: 'Salesforce Task (call)',
  method: 'POST',
  url: '{{secrets.SALESFORCE_INSTANCE_URL}}/services/data/v62.0/sobjects/Task/',
  headers: { Authorization: 'Bearer {{secrets.SALESFORCE_ACCESS_TOKEN}}' },
  secrets: ['SALESFORCE_INSTANCE_URL', 'SALESFORCE_ACCESS_TOKEN'],
  schema: taskSchema,
  example: salesforceTaskExample,
  docs: ['https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm'],
  notes: [
    'SALESFORCE_INSTANCE_URL is the instance_url of your OAuth token, e.g. https://acme.my.salesforce.com (inserted as is: a placeholder opening the URL is not percent-encoded).',
    'Success is 201 {"id","errors":[],"success":true}.',
    'ActivityDate is a DATE (YYYY-MM-DD), not a date-time.',
    'CallDurationInSeconds is an integer; CallType is Inbound, Outbound or Internal.',
    'TaskSubtype "Call" makes the task show as a call; Type is an org picklist and may not contain "Call".',
    'Description is a textarea of at most 32,000 characters.',
  ],
  starter: (context: StarterContext) => templateIntegration(salesforceTask, callTask(context.recordId), context),
  providerStarters: {
    otter: () => templateIntegration(salesforceTask, otterTask, { providerId: 'otter', name: 'Otter meeting to Salesforce Task' }),
  },
};

const BASE = '{{secrets.SALESFORCE_INSTANCE_URL}}/services/data/v62.0';

/** One Task per action item, open or completed as the provider marks it. */
function actionItemTasks(recordId: string): JsonValue {
  return {
    allOrNone: false,
    records: {
      $each: '{{ common.action_items }}',
      as: 'item',
      do: {
        attributes: { type: 'Task' },
        Subject: '{{ item.text | truncate: 255 }}',
        Description: "From {{ common.provider }}: {{ common.title ?? 'call' }}{{ item.assignee ? '\\nAssignee: ' : '' }}{{ item.assignee }}{{ common.url ? '\\n' : '' }}{{ common.url }}",
        Status: "{{ item.done ? 'Completed' : 'Not Started' }}",
        Priority: 'Normal',
        TaskSubtype: 'Task',
        WhoId: `{{ ${recordId} | optional }}`,
        ActivityDate: WHEN_DATE,
      },
    },
  };
}

/** Otter: every action item as a Task, with its assignee and the meeting it came from. */
const otterActionItems: JsonValue = {
  allOrNone: false,
  records: {
    $each: '{{ data.relationships.action_items }}',
    as: 'item',
    do: {
      attributes: { type: 'Task' },
      Subject: '{{ item.text | truncate: 255 }}',
      Description: 'Action item from the Otter meeting "{{ data.title }}" ({{ data.url }}), assigned to {{ item.assignee.name }} <{{ item.assignee.email }}>.',
      Status: "{{ item.status.completed ? 'Completed' : 'Not Started' }}",
      Priority: 'Normal',
      TaskSubtype: 'Task',
      ActivityDate: "{{ data.created_at | date: '%Y-%m-%d', 'UTC' }}",
    },
  },
};

export const salesforceTasks: TargetDefinition = {
  id: 'salesforce.tasks',
  crm: 'salesforce',
  name: 'Salesforce Tasks (one per action item)',
  method: 'POST',
  url: `${BASE}/composite/sobjects`,
  headers: { Authorization: 'Bearer {{secrets.SALESFORCE_ACCESS_TOKEN}}' },
  secrets: ['SALESFORCE_INSTANCE_URL', 'SALESFORCE_ACCESS_TOKEN'],
  schema: tasksSchema,
  example: { allOrNone: false, records: [{ attributes: { type: 'Task' }, ...(salesforceTaskExample as Record<string, JsonValue>) }] },
  docs: ['https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_create.htm'],
  notes: [
    'sObject Collections: up to 200 records in one request, each with "attributes": {"type": "Task"}.',
    'allOrNone false (default) keeps the Tasks that succeed when one fails; the response is one {id, success, errors} per record.',
    'An empty "records" list is rejected: a provider without action items cannot use this target.',
    'Task fields as in salesforce.task (ActivityDate a date, Subject at most 255 characters).',
  ],
  starter: (context: StarterContext) => templateIntegration(salesforceTasks, actionItemTasks(context.recordId), context),
  providerStarters: {
    otter: () => templateIntegration(salesforceTasks, otterActionItems, { providerId: 'otter', name: 'Otter action items to Salesforce Tasks' }),
  },
};
