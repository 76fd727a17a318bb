import type { Integration, JsonValue } from '@hookmap/core';
import { fieldLines } from '../starters/fragments.js';
import { templateIntegration } from '../starters/integration.js';
import { playableRecording } from './recording.js';
import type { TargetDefinition } from '../types.js';

/** Provider-specific HubSpot starters: each reads the provider's own fields where they beat `common`. */

type Preset = Pick<TargetDefinition, 'id' | 'name' | 'method' | 'url' | 'headers'>;

const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';

function association(expression: string, typeId: number): JsonValue {
  return [
    {
      to: { id: `{{ ${expression} }}` },
      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }],
    },
  ];
}

/** OSVI: the call HubSpot created at dial time (its id in `crm_id`) updated with the outcome and captured data. */
export function osviCallUpdate(preset: Preset): Integration {
  const template = {
    properties: {
      hs_call_title:
        'Call with {{ data_capture.customer_name ?? call_trigger_data.person_name ?? call_info.phone_number }}',
      hs_call_body: {
        $let: {
          lines: fieldLines('data_capture', '<li>{{ key | html_escape }}: {{ value | html_escape }}</li>'),
        },
        in: "<p>{{ call_summary | html_escape }}</p><ul>{{ lines | join: '' }}</ul>",
      },
      hs_call_direction: '{{ call_info.call_type | upper | optional }}',
      hs_call_status: 'COMPLETED',
      hs_call_disposition: CONNECTED,
      hs_call_to_number: '{{ call_info.phone_number | optional }}',
    },
  };
  return templateIntegration(preset, template, {
    providerId: 'osvi',
    name: 'OSVI call outcome onto the HubSpot call record',
  });
}

/** Otoni Stark: numbers, extracted variables and the recording on a new call, associated with the contact. */
export function otonistarkCall(preset: Preset, recordId: string): Integration {
  const template = {
    properties: {
      hs_timestamp: '{{ created_at | iso }}',
      hs_call_title: 'AI call: {{ input_variables.customer_name ?? customer_phone }}',
      hs_call_body:
        '{{ extracted_variables.summary }}. Next action: {{ extracted_variables.next_action ?? "none" }}.{{ recording_url ? "\\nRecording: " : "" }}{{ recording_url }}',
      hs_call_duration: '{{ duration | times: 1000 | integer | string }}',
      hs_call_direction: "{{ lead ? 'OUTBOUND' : 'INBOUND' }}",
      hs_call_status: "{{ status == 'completed' ? 'COMPLETED' : 'FAILED' }}",
      hs_call_disposition: `{{ status == 'completed' ? '${CONNECTED}' : '${NO_ANSWER}' }}`,
      hs_call_from_number: '{{ assistant_phone | optional }}',
      hs_call_to_number: '{{ customer_phone | optional }}',
      hs_call_recording_url: playableRecording('recording_url'),
    },
    associations: association(recordId, 194),
  };
  return templateIntegration(preset, template, {
    providerId: 'otonistark',
    name: 'Otoni Stark call to a HubSpot call',
  });
}

/** Otter: summary, action items with owners and state, and the insights, as an HTML note. */
export function otterNote(preset: Preset, recordId: string): Integration {
  const template = {
    properties: {
      hs_timestamp: '{{ data.created_at | iso }}',
      hs_note_body: {
        $let: {
          items: {
            $each: '{{ data.relationships.action_items }}',
            as: 'item',
            do: "<li>{{ item.status.completed ? '[done] ' : '' }}{{ item.text | html_escape }} ({{ item.assignee.name | html_escape }})</li>",
          },
          insights: {
            $each: '{{ data.relationships.insights }}',
            as: 'insight',
            do: "<p><strong>{{ insight.topic | html_escape }}</strong></p><ul><li>{{ insight.text | join: '\\n' | html_escape | replace: '\\n', '</li><li>' }}</li></ul>",
          },
        },
        in: "<p><strong>{{ data.title | html_escape }}</strong></p><p>{{ data.abstract_summary | html_escape }}</p><p><strong>Action items</strong></p><ul>{{ items | join: '' }}</ul>{{ insights | join: '' }}<p><a href=\"{{ data.url }}\">Otter notes</a></p>",
      },
    },
    associations: association(recordId, 202),
  };
  return templateIntegration(preset, template, {
    providerId: 'otter',
    name: 'Otter meeting notes to a HubSpot note',
  });
}
