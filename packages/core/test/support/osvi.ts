/** The seed-004 OSVI sample payload and a small OSVI-shaped provider (URL scope, five Auto-mode sections). */
import type { JsonValue, Provider, ProviderSection } from '../../src/index.js';

export const sample = {
  call_log_id: '8de63236-e013-42dd-9d99-1be5521701d4',
  phone_number: '+919876543210',
  agent_name: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og',
  call_status: 'picked',
  call_type: 'outbound',
  call_summary:
    'The customer confirmed their appointment for tomorrow at 10 AM and asked to receive a reminder SMS an hour before.',
  data_capture: { customer_name: 'John Doe', appointment_confirmed: true, preferred_time: '10:00 AM' },
  structured_output: {
    intent: 'appointment_confirmation',
    appointment: { date: '2026-06-12', time: '10:00' },
  },
  call_trigger_data: {
    phone_number: '+919876543210',
    person_name: 'John Doe',
    crm_id: 'lead_42',
    campaign: 'june-renewals',
  },
};
type Payload = Record<string, JsonValue>;
const CALL_INFO = ['call_log_id', 'phone_number', 'agent_name', 'call_status', 'call_type'];

function section(id: string, fields: string[]): ProviderSection {
  return {
    id,
    name: id,
    description: id,
    fields,
    build(payload) {
      const p = payload as Payload;
      const out: Record<string, JsonValue> = {};
      for (const f of fields) if (p[f] !== undefined && p[f] !== null) out[f] = p[f] as JsonValue;
      return Object.keys(out).length > 0 ? out : null;
    },
  };
}

export const osvi: Provider = {
  id: 'osvi',
  name: 'OSVI',
  events: ['call.analyzed'],
  samples: [],
  schema: {},
  detect: () => true,
  buildContext(payload) {
    const p = payload as Payload;
    const callInfo = Object.fromEntries(CALL_INFO.filter((k) => k in p).map((k) => [k, p[k]]));
    return { ...p, call_info: callInfo, payload: p };
  },
  sections: [
    section('call_info', CALL_INFO),
    section('call_summary', ['call_summary']),
    section('data_capture', ['data_capture']),
    section('structured_output', ['structured_output']),
    section('call_trigger_data', ['call_trigger_data']),
  ],
  urlScope: 'call_trigger_data',
  idempotencyKey: (p) => (p as Payload)['call_log_id'] as string,
};

/** The names each `contextReader` call of `osviReading` was asked for, in order. */
export const readerCalls: string[][] = [];

/**
 * The same provider with a `contextReader`: the whole context's values for just the names asked for
 * (each call is recorded in `readerCalls`), as a provider's reader must give them.
 */
export const osviReading: Provider = {
  ...osvi,
  contextReader(names) {
    readerCalls.push([...names]);
    return (payload) => {
      const full = osvi.buildContext(payload);
      const out: Record<string, unknown> = {};
      for (const name of names) if (Object.hasOwn(full, name)) out[name] = full[name];
      return out;
    };
  },
};
