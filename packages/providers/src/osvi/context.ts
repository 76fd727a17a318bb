import { emptyCommon, person, type CommonView } from '../common.js';
import { field, pickPresent, record, text, type JsonRecord } from '../values.js';
import type { SourceReaders } from '../sources.js';

/** The Call Info fields, in OSVI's order. */
export const CALL_INFO_KEYS = [
  'call_log_id',
  'phone_number',
  'agent_name',
  'call_status',
  'call_type',
] as const;

/** OSVI's expression sources (seed 004), each the payload's value or null when the call did not send it. */
export const osviSourceReaders: SourceReaders = {
  call_info: (payload) => pickPresent(payload, CALL_INFO_KEYS),
  call_summary: (payload) => field(payload, 'call_summary') ?? null,
  data_capture: (payload) => field(payload, 'data_capture') ?? null,
  structured_output: (payload) => field(payload, 'structured_output') ?? null,
  call_trigger_data: (payload) => field(payload, 'call_trigger_data') ?? null,
};

export function osviCommon(payload: unknown): CommonView {
  const common = emptyCommon('osvi', 'post_call');
  const trigger = record(field(payload, 'call_trigger_data'));
  const callType = field(payload, 'call_type');
  common.id = text(field(payload, 'call_log_id'));
  common.summary = text(field(payload, 'call_summary'));
  common.direction = callType === 'inbound' || callType === 'outbound' ? callType : null;
  common.status = text(field(payload, 'call_status'));
  common.phone = text(field(payload, 'phone_number')) ?? text(trigger?.phone_number);
  const name = text(trigger?.person_name);
  if (common.phone !== null || name !== null) common.participants = [person(name, null, common.phone)];
  // The older webhook_url payload carried the transcript as `chat`.
  common.transcript_text = text(field(payload, 'chat'));
  common.fields = { ...(record(field(payload, 'data_capture')) ?? ({} as JsonRecord)) };
  return common;
}
