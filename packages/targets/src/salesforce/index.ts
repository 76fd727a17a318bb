import type { JsonValue } from '@hookmap/core';
import { DESCRIPTION_TEXT, TITLE, WHEN_DATE } from '../starters/fragments.js';
import { placeholder, templateIntegration } from '../starters/integration.js';
import type { StarterContext, TargetDefinition } from '../types.js';
import { taskSchema } from './schema.js';

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
