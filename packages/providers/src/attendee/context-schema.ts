import { payloadField, ref } from '../context-schema.js';
import { DATA_SOURCE_BY_TRIGGER } from './context.js';

/** The named sources of `attendeeSources` (context.ts) for one trigger: `metadata` and the trigger's `data`. */
export function attendeeSourceSchemas(event: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = { metadata: { type: ['object', 'null'] } };
  const name = DATA_SOURCE_BY_TRIGGER[event];
  if (name) out[name] = ref(payloadField('data'));
  return out;
}
