import { ref } from '../context-schema.js';

/** The named sources of `quilSourceReaders` (context.ts), typed. */
export const quilSourceSchemas = {
  meeting: ref('#/$defs/meeting'),
  organization: ref('#/$defs/organization'),
  assets: { anyOf: [{ allOf: [ref('#/$defs/assets'), { type: 'object' }] }, { type: 'null' }] },
  notes: { type: ['object', 'null'], additionalProperties: { type: ['string', 'null'] } },
  notes_url: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }] },
};
