import type { JsonValue } from '@hookmap/core';
import { DESCRIPTION_TEXT, TITLE } from '../starters/fragments.js';
import { placeholder } from '../starters/integration.js';

/** Otter: the meeting as a completed Task (not a call), its action items listed with their owners and state. */
export function otterTask(recordId: string): JsonValue {
  return {
    Subject: 'Meeting: {{ data.title }}',
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
    WhoId: `{{ ${recordId} | optional }}`,
    ActivityDate: "{{ data.created_at | date: '%Y-%m-%d', 'UTC' }}",
    Status: 'Completed',
    Priority: 'Normal',
    TaskSubtype: 'Task',
  };
}

/** Otter: every action item as a Task, with its assignee and the meeting it came from (and the person it is about). */
export function otterActionItems(recordId: string): JsonValue {
  return {
    allOrNone: false,
    records: {
      $each: '{{ data.relationships.action_items }}',
      as: 'item',
      do: {
        attributes: { type: 'Task' },
        Subject: '{{ item.text | truncate: 255 }}',
        Description:
          'Action item from the Otter meeting "{{ data.title }}" ({{ data.url }}), assigned to {{ item.assignee.name }} <{{ item.assignee.email }}>.',
        Status: "{{ item.status.completed ? 'Completed' : 'Not Started' }}",
        Priority: 'Normal',
        TaskSubtype: 'Task',
        WhoId: `{{ ${recordId} | optional }}`,
        ActivityDate: "{{ data.created_at | date: '%Y-%m-%d', 'UTC' }}",
      },
    },
  };
}

/**
 * A meeting as an Event: start from the provider (else the render time), length from its duration in whole
 * minutes, 0 when the provider sends none.
 */
export function eventStarter(recordId: string): JsonValue {
  return {
    Subject: `Meeting: ${TITLE}`,
    Description: DESCRIPTION_TEXT,
    WhoId: placeholder(recordId),
    StartDateTime: "{{ common.started_at ?? common.ended_at ?? 'now' | iso }}",
    DurationInMinutes: '{{ common.duration_seconds ?? 0 | divided_by: 60 | ceil }}',
    Type: 'Meeting',
    ShowAs: 'Busy',
  };
}
