import type { Integration } from '@hookmap/core';
import { fieldLines } from '../starters/fragments.js';
import { templateIntegration } from '../starters/integration.js';
import type { TargetDefinition } from '../types.js';

type Preset = Pick<TargetDefinition, 'id' | 'name' | 'method' | 'url' | 'headers'>;

/** Otoni Stark: a done call activity with the extracted variables in the note. */
export function otonistarkActivity(preset: Preset, recordId: string): Integration {
  const template = {
    subject: 'Call: {{ input_variables.customer_name ?? customer_phone }}',
    type: 'call',
    participants: [{ person_id: `{{ ${recordId} | integer }}`, primary: true }],
    due_date: "{{ created_at | date: '%Y-%m-%d', 'UTC' }}",
    due_time: "{{ created_at | date: '%H:%M', 'UTC' }}",
    duration: "{{ duration | date: '%H:%M', 'UTC' }}",
    done: "{{ status == 'completed' }}",
    note: {
      $let: {
        lines: fieldLines(
          'extracted_variables',
          '<li>{{ key | html_escape }}: {{ value | html_escape }}</li>',
        ),
      },
      in: "<p>{{ extracted_variables.summary | html_escape }}</p><ul>{{ lines | join: '' }}</ul>",
    },
  };
  return templateIntegration(preset, template, {
    providerId: 'otonistark',
    name: 'Otoni Stark call to a Pipedrive call activity',
  });
}
