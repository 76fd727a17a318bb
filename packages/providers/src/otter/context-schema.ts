import { orNull, payloadField, ref, textOrNull } from '../context-schema.js';

const topics = orNull(ref('#/$defs/topics'));

/** The named sources of `otterSourceReaders` (context.ts), typed. */
export const otterSourceSchemas = {
  conversation: ref(payloadField('data')),
  webhook: orNull(ref(payloadField('meta', 'webhook'))),
  summary: orNull(ref(payloadField('data', 'abstract_summary'))),
  action_items: { type: 'array', items: ref('#/$defs/actionItem') },
  insights: topics,
  outline: topics,
  transcript_text: textOrNull,
  guests: ref(payloadField('data', 'calendar_guests')),
};
