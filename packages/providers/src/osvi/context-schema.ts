import { orNull, ref } from '../context-schema.js';

const AUTO = '#/$defs/autoMode/properties/';
const LEGACY = '#/$defs/legacyWebhookUrl/properties/';

/** `call_info`: the Call Info keys the payload has, typed as either payload form types them. */
const callInfo = {
  type: 'object',
  properties: {
    call_log_id: ref(`${AUTO}call_log_id`),
    phone_number: ref(`${AUTO}phone_number`),
    agent_name: ref(`${AUTO}agent_name`),
    call_status: { anyOf: [ref(`${AUTO}call_status`), ref(`${LEGACY}call_status`)] },
    call_type: ref(`${AUTO}call_type`),
  },
  additionalProperties: false,
};

/** The named sources of `osviSourceReaders` (context.ts), typed. */
export const osviSourceSchemas = {
  call_info: callInfo,
  call_summary: orNull(ref(`${AUTO}call_summary`)),
  data_capture: orNull(ref(`${AUTO}data_capture`)),
  structured_output: orNull(ref(`${AUTO}structured_output`)),
  call_trigger_data: orNull(ref(`${AUTO}call_trigger_data`)),
};
