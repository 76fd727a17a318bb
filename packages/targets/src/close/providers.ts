import type { Integration } from '@hookmap/core';
import { fieldLines } from '../starters/fragments.js';
import { placeholder, templateIntegration } from '../starters/integration.js';
import type { TargetDefinition } from '../types.js';

type Preset = Pick<TargetDefinition, 'id' | 'name' | 'method' | 'url' | 'headers'>;

/** OSVI: the AI summary and the structured output, on the lead named by the trigger data. */
export function osviNote(preset: Preset, recordId: string): Integration {
  const template = {
    lead_id: placeholder(recordId),
    note: {
      $let: { lines: fieldLines('data_capture', '{{ key }}: {{ value }}') },
      in: "{{ call_summary }}\n\n{{ lines | join: '\\n' }}\nStructured output: {{ structured_output | json }}",
    },
  };
  return templateIntegration(preset, template, {
    providerId: 'osvi',
    name: 'OSVI call outcome to a Close note',
  });
}

/** Attendee: one call per finished recording, its length from the bot's duration. */
export function attendeeCall(preset: Preset, recordId: string): Integration {
  const template = {
    lead_id: placeholder(recordId),
    direction: 'outbound',
    status: 'completed',
    duration: '{{ data.event_metadata.bot_duration_seconds | integer | optional }}',
    note_html:
      "<p><b>Meeting recorded</b></p><p>Attendee bot {{ bot_id }}: {{ data.event_type ?? data.new_state }} at {{ data.created_at | date: '%Y-%m-%d %H:%M', 'UTC' }} UTC.</p>",
  };
  return templateIntegration(preset, template, {
    providerId: 'attendee',
    name: 'Attendee recording ready: log a Close call',
  });
}
