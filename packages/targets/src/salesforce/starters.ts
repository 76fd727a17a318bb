import type { JsonValue } from '@hookmap/core';
import { DESCRIPTION_TEXT, TITLE, WHEN_DATE } from '../starters/fragments.js';
import { placeholder } from '../starters/integration.js';
import type { StarterContext } from '../types.js';

/** Providers whose events are meetings, not phone calls: a meeting is never filed with TaskSubtype "Call". */
export const MEETING_PROVIDERS = ['otter', 'quil', 'attendee'];
const IS_MEETING = `{{ ${MEETING_PROVIDERS.map((id) => `common.provider == '${id}'`).join(' || ')} }}`;

function shared(recordId: string): { [key: string]: JsonValue } {
  return {
    Description: DESCRIPTION_TEXT,
    WhoId: placeholder(recordId),
    ActivityDate: WHEN_DATE,
    Status: 'Completed',
    Priority: 'Normal',
  };
}

const MEETING: { [key: string]: JsonValue } = { Subject: `Meeting: ${TITLE}`, TaskSubtype: 'Task' };
const CALL: { [key: string]: JsonValue } = {
  Subject: `Call: ${TITLE}`,
  TaskSubtype: 'Call',
  CallType: '{{ common.direction | capitalize | optional }}',
  CallDurationInSeconds: '{{ common.duration_seconds | integer | optional }}',
  CallObject: '{{ common.id | optional }}',
};

/** A completed Task: a call for call providers, a plain Task for meeting providers (decided by `common.provider` when the provider is not known yet). */
export function activityTask(context: StarterContext): JsonValue {
  const base = shared(context.recordId);
  if (context.providerId)
    return { ...base, ...(MEETING_PROVIDERS.includes(context.providerId) ? MEETING : CALL) };
  return { $merge: [base, { $if: IS_MEETING, then: MEETING, else: CALL }] };
}

/** One Task per action item, open or completed as the provider marks it. */
export function actionItemTasks(recordId: string): JsonValue {
  return {
    allOrNone: false,
    records: {
      $each: '{{ common.action_items }}',
      as: 'item',
      do: {
        attributes: { type: 'Task' },
        Subject: '{{ item.text | truncate: 255 }}',
        Description:
          "From {{ common.provider }}: {{ common.title ?? 'call' }}{{ item.assignee ? '\\nAssignee: ' : '' }}{{ item.assignee }}{{ common.url ? '\\n' : '' }}{{ common.url }}",
        Status: "{{ item.done ? 'Completed' : 'Not Started' }}",
        Priority: 'Normal',
        TaskSubtype: 'Task',
        WhoId: `{{ ${recordId} | optional }}`,
        ActivityDate: WHEN_DATE,
      },
    },
  };
}
