import { orNull, payloadField, ref, textOrNull } from '../context-schema.js';
import { CALL_KEYS } from './context.js';

/** `call`: the CALL_KEYS the payload has, each typed as the payload types it. */
const call = {
  type: 'object',
  properties: Object.fromEntries(CALL_KEYS.map((key) => [key, ref(payloadField(key))])),
  required: ['id', 'status'],
  additionalProperties: false,
};

/** The named sources of `otonistarkSourceReaders` (context.ts), typed. */
export const otonistarkSourceSchemas = {
  call,
  campaign: orNull(ref('#/$defs/campaign')),
  transcript_text: textOrNull,
};
