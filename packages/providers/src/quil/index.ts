import { attachPayloads, contextAssembler, combinedSchema, type HookmapProvider } from '../provider.js';
import { dig, field, isRecord, text } from '../values.js';
import { quilCommon, quilSourceReaders } from './context.js';
import { eventSchemas, samplePayloads } from './json.generated.js';
import { contextSchemas } from '../context-schema.js';
import { quilSourceSchemas } from './context-schema.js';
import { quilSections } from './sections.js';

/** An `eventType` plus `data.meeting`: the Quil / CoRecruit envelope. */
function detect(payload: unknown): boolean {
  return isRecord(payload) && text(payload.eventType) !== null && isRecord(dig(payload, 'data', 'meeting'));
}

const context = contextAssembler(quilCommon, quilSourceReaders);
export const quil: HookmapProvider = {
  id: 'quil',
  name: 'Quil / CoRecruit',
  events: ['meeting.completed'],
  samples: attachPayloads(samplePayloads, [
    {
      id: 'doc-example',
      name: 'Meeting completed, assets beside data (doc example)',
      event: 'meeting.completed',
      source: 'seed 001 sample JSON (its two code blocks joined)',
    },
    {
      id: 'inline-notes-inferred',
      name: 'Assets under data, two inline notes (inferred)',
      event: 'meeting.completed',
      inferred: true,
      source: 'research: field names from seed 001 and an integrator controller; values invented',
    },
    {
      id: 'database-notes-url-inferred',
      name: 'databaseNotes as a URL, no recording (inferred)',
      event: 'meeting.completed',
      inferred: true,
      source: 'research: an integrator treats databaseNotes as possibly a URL; synthetic',
    },
  ]),
  schema: combinedSchema('quil', 'Quil / CoRecruit webhook', eventSchemas),
  schemas: eventSchemas,
  contextSchemas: contextSchemas('quil', eventSchemas, quilSourceSchemas),
  detect,
  buildContext: context.buildContext,
  contextReader: context.contextReader,
  buildCommon: quilCommon,
  sections: quilSections,
  urlScope: 'meeting',
  idempotencyKey: (payload) => text(field(payload, 'id')),
};
