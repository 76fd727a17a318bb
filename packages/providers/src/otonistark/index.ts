import { idText } from '../common.js';
import { attachPayloads, contextAssembler, combinedSchema, type HookmapProvider } from '../provider.js';
import { field, isRecord } from '../values.js';
import { otonistarkCommon, otonistarkSourceReaders } from './context.js';
import { eventSchemas, samplePayloads } from './json.generated.js';
import { contextSchemas } from '../context-schema.js';
import { otonistarkSourceSchemas } from './context-schema.js';
import { otonistarkSections } from './sections.js';

const MARKERS = [
  'extracted_variables',
  'input_variables',
  'customer_phone',
  'assistant_phone',
  'formatted_transcript',
];

/** A numeric call id plus at least one of the post-call webhook's own keys. */
function detect(payload: unknown): boolean {
  if (!isRecord(payload) || typeof payload.id !== 'number') return false;
  if ('trigger' in payload || 'eventType' in payload || 'call_log_id' in payload) return false;
  return MARKERS.some((key) => key in payload);
}

const context = contextAssembler(otonistarkCommon, otonistarkSourceReaders);
export const otonistark: HookmapProvider = {
  id: 'otonistark',
  name: 'Otoni Stark voice AI',
  events: ['post_call'],
  samples: attachPayloads(samplePayloads, [
    {
      id: 'doc-example',
      name: 'Campaign call, transcript array, with lead (doc example)',
      event: 'post_call',
      source: 'seed 002 (Otoni Stark post-call webhook example)',
    },
    {
      id: 'transcript-string',
      name: 'Transcript as a string, with lead (older docs)',
      event: 'post_call',
      source: 'research: docs.autocalls.ai post-call webhook example (same page template)',
    },
    {
      id: 'transcript-array-lead-null-inferred',
      name: 'Transcript array, lead null, no recording (partly inferred)',
      event: 'post_call',
      inferred: true,
      source:
        'research: docs.famulor.io example; second utterance, formatted_transcript and lead=null inferred',
    },
    {
      id: 'transcript-string-no-lead-inferred',
      name: 'Short call, transcript string, no lead key, no recording (inferred)',
      event: 'post_call',
      inferred: true,
      source: 'built from seed 002 field docs (lead and recording_url are optional); values invented',
    },
  ]),
  schema: combinedSchema('otonistark', 'Otoni Stark webhook', eventSchemas),
  schemas: eventSchemas,
  contextSchemas: contextSchemas('otonistark', eventSchemas, otonistarkSourceSchemas),
  detect,
  buildContext: context.buildContext,
  contextReader: context.contextReader,
  buildCommon: otonistarkCommon,
  sections: otonistarkSections,
  urlScope: 'input_variables',
  idempotencyKey: (payload) => idText(field(payload, 'id')),
};
