import { attachPayloads, contextAssembler, combinedSchema, type HookmapProvider } from '../provider.js';
import { dig, isRecord, text } from '../values.js';
import { otterCommon, otterSourceReaders } from './context.js';
import { eventSchemas, samplePayloads } from './json.generated.js';
import { contextSchemas } from '../context-schema.js';
import { otterSourceSchemas } from './context-schema.js';
import { otterSections } from './sections.js';

const DATA_MARKERS = [
  'abstract_summary',
  'process_status',
  'calendar_guests',
  'shared_emails',
  'conf_join_url',
  'relationships',
];

/** `data` holding a conversation id, plus Otter's `meta.webhook` or one of the conversation's own keys. */
function detect(payload: unknown): boolean {
  if (!isRecord(payload) || 'trigger' in payload || 'eventType' in payload) return false;
  const data = dig(payload, 'data');
  if (!isRecord(data) || text(data.id) === null) return false;
  return isRecord(dig(payload, 'meta', 'webhook')) || DATA_MARKERS.some((key) => key in data);
}

const context = contextAssembler(otterCommon, otterSourceReaders);
export const otter: HookmapProvider = {
  id: 'otter',
  name: 'Otter.ai',
  events: ['conversation_completed'],
  samples: attachPayloads(samplePayloads, [
    {
      id: 'doc-example',
      name: 'Channel webhook, notes under relationships (doc example)',
      event: 'conversation_completed',
      source: 'seed 000 (help.otter.ai Workspace Webhooks example payload)',
    },
    {
      id: 'data-transcript-inferred',
      name: 'Notes and transcript directly under data (partly inferred)',
      event: 'conversation_completed',
      inferred: true,
      source: 'research: meta and data through abstract_summary copied; the rest inferred',
    },
  ]),
  schema: combinedSchema('otter', 'Otter.ai webhook', eventSchemas),
  schemas: eventSchemas,
  contextSchemas: contextSchemas('otter', eventSchemas, otterSourceSchemas),
  detect,
  buildContext: context.buildContext,
  contextReader: context.contextReader,
  buildCommon: otterCommon,
  sections: otterSections,
  urlScope: 'conversation',
  idempotencyKey: (payload) => text(dig(payload, 'data', 'id')),
};
