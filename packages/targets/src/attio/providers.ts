import type { Integration } from '@hookmap/core';
import { placeholder, templateIntegration } from '../starters/integration.js';
import type { TargetDefinition } from '../types.js';

type Preset = Pick<TargetDefinition, 'id' | 'name' | 'method' | 'url' | 'headers'>;

/** Quil (assets inside `data` or beside it): each database note as a markdown section, then the recording and transcript links. */
export function quilNote(preset: Preset, recordId: string): Integration {
  const template = {
    data: {
      parent_object: 'people',
      parent_record_id: placeholder(recordId),
      title: '{{ data.meeting.name }} ({{ data.meeting.atsRecordName }})',
      format: 'markdown',
      content: {
        $let: { assets: '{{ data.assets ?? assets }}' },
        in: {
          $let: {
            notes: { $each: '{{ assets.databaseNotes }}', as: 'n', do: '## {{ n.name }}\n{{ n.note }}' },
          },
          in: "{{ notes | join: '\\n\\n' }}\n\n[Recording]({{ assets.recordingUrl }}) | [Transcript]({{ assets.transcriptionUrl }})",
        },
      },
      created_at: '{{ data.meeting.startTime | iso | optional }}',
    },
  };
  return templateIntegration(preset, template, {
    providerId: 'quil',
    name: 'Quil meeting notes to an Attio note',
  });
}
