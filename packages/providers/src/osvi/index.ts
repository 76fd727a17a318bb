import { attachPayloads, contextAssembler, combinedSchema, type HookmapProvider } from '../provider.js';
import { field, isRecord, text } from '../values.js';
import { osviCommon, osviSourceReaders } from './context.js';
import { eventSchemas, samplePayloads } from './json.generated.js';
import { contextSchemas } from '../context-schema.js';
import { osviSourceSchemas } from './context-schema.js';
import { osviSections } from './sections.js';

/** OSVI post-call webhooks have a call_log_id and none of the other providers' envelope keys. */
function detect(payload: unknown): boolean {
  if (!isRecord(payload) || text(payload.call_log_id) === null) return false;
  return !('trigger' in payload || 'eventType' in payload || 'data' in payload);
}

const context = contextAssembler(osviCommon, osviSourceReaders);
export const osvi: HookmapProvider = {
  id: 'osvi',
  name: 'OSVI voice agents',
  events: ['post_call'],
  samples: attachPayloads(samplePayloads, [
    {
      id: 'doc-example',
      name: 'Auto mode, all five sections (doc example)',
      event: 'post_call',
      source: 'seed 004 (docs.osvi.ai webhook example)',
    },
    {
      id: 'summary-only-inferred',
      name: 'Call Info + AI Summary only (inferred)',
      event: 'post_call',
      inferred: true,
      source: 'built from seed 004 section rules; values invented',
    },
    {
      id: 'inbound-conditional-inferred',
      name: 'Inbound, Data Extraction + conditional Structured Output, no summary (inferred)',
      event: 'post_call',
      inferred: true,
      source: 'built from seed 004 field docs (_matched_condition); values invented',
    },
    {
      id: 'no-direction-trigger-data-inferred',
      name: 'Direction unknown, nested Call Trigger Data (inferred)',
      event: 'post_call',
      inferred: true,
      source: 'built from seed 004 (call_type omitted when unknown, call_trigger_data.meta.campaign_id)',
    },
    {
      id: 'legacy-webhook-url',
      name: 'Older webhook_url payload (chat transcript)',
      event: 'post_call',
      source: 'research: older stored copy of docs.osvi.ai/api-reference/endpoint/webhook',
    },
  ]),
  schema: combinedSchema('osvi', 'OSVI webhook', eventSchemas),
  schemas: eventSchemas,
  contextSchemas: contextSchemas('osvi', eventSchemas, osviSourceSchemas),
  detect,
  buildContext: context.buildContext,
  contextReader: context.contextReader,
  buildCommon: osviCommon,
  sections: osviSections,
  urlScope: 'call_trigger_data',
  idempotencyKey: (payload) => text(field(payload, 'call_log_id')),
};
