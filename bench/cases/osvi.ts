import sample from './osvi-sample.json' with { type: 'json' };
import { copies, embed } from './types.js';
import type { BenchCase } from './types.js';

type Obj = Record<string, unknown>;
type Payload = typeof sample;

/**
 * The OSVI expression context (SPEC §7): the payload's own fields, the named sources, `payload`.
 * Built here so the benchmark does not depend on @hookmap/providers.
 */
export function osviContext(payload: Payload): Obj {
  const { call_log_id, phone_number, agent_name, call_status, call_type } = payload;
  // Plain stores, as @hookmap/providers builds contexts: `{ ...payload, more }` makes V8 give some
  // copies their own hidden class, so "identical" rotating copies would not be identical to V8.
  const context: Obj = {};
  for (const key of Object.keys(payload)) context[key] = payload[key as keyof Payload];
  context.call_info = { call_log_id, phone_number, agent_name, call_status, call_type };
  context.payload = payload;
  return context;
}

/** The Custom Template of seed 004, verbatim, plus an embedded-text field and a boolean. */
const hookmap = {
  customer_name: '{{data_capture.name}}',
  intent: '{{structured_output.intent}}',
  slot_date: '{{structured_output.appointment.date}}',
  phone: '{{call_info.phone_number}}',
  all_output: '{{structured_output}}',
  summary: '{{call_summary}}',
  source: 'osvi',
  note: 'Call {{call_info.call_log_id}} with {{call_trigger_data.person_name}} ({{call_info.phone_number}})',
  confirmed: '{{data_capture.appointment_confirmed}}',
};

const handlebarsFields = {
  ...hookmap,
  all_output: '{{json structured_output}}',
};

const handlebarsJson =
  '{"customer_name":{{json data_capture.name}},"intent":{{json structured_output.intent}},' +
  '"slot_date":{{json structured_output.appointment.date}},"phone":{{json call_info.phone_number}},' +
  '"all_output":{{json structured_output}},"summary":{{json call_summary}},"source":"osvi",' +
  '"note":"Call {{jstr call_info.call_log_id}} with {{jstr call_trigger_data.person_name}} ' +
  '({{jstr call_info.phone_number}})","confirmed":{{json data_capture.appointment_confirmed}} }';

/** Mustache's escape function is set to JSON escaping (see contenders/mustache.ts). */
const mustache =
  '{"customer_name":{{#data_capture.name}}"{{data_capture.name}}"{{/data_capture.name}}' +
  '{{^data_capture.name}}null{{/data_capture.name}},"intent":"{{structured_output.intent}}",' +
  '"slot_date":"{{structured_output.appointment.date}}","phone":"{{call_info.phone_number}}",' +
  '"all_output":{{structured_output}},"summary":"{{call_summary}}","source":"osvi",' +
  '"note":"Call {{call_info.call_log_id}} with {{call_trigger_data.person_name}} ({{call_info.phone_number}})",' +
  '"confirmed":{{data_capture.appointment_confirmed}}}';

const liquid =
  '{"customer_name":{{ data_capture.name | json | default: "null" }},' +
  '"intent":{{ structured_output.intent | json }},"slot_date":{{ structured_output.appointment.date | json }},' +
  '"phone":{{ call_info.phone_number | json }},"all_output":{{ structured_output | json }},' +
  '"summary":{{ call_summary | json }},"source":"osvi",' +
  '"note":{% capture note %}Call {{ call_info.call_log_id }} with {{ call_trigger_data.person_name }} ' +
  '({{ call_info.phone_number }}){% endcapture %}{{ note | json }},' +
  '"confirmed":{{ data_capture.appointment_confirmed | json }}}';

const jsone = {
  customer_name: { $if: "'name' in data_capture", then: { $eval: 'data_capture.name' }, else: null },
  intent: { $eval: 'structured_output.intent' },
  slot_date: { $eval: 'structured_output.appointment.date' },
  phone: { $eval: 'call_info.phone_number' },
  all_output: { $eval: 'structured_output' },
  summary: { $eval: 'call_summary' },
  source: 'osvi',
  note: 'Call ${call_info.call_log_id} with ${call_trigger_data.person_name} (${call_info.phone_number})',
  confirmed: { $eval: 'data_capture.appointment_confirmed' },
};

const jsonata = `{
  "customer_name": $exists(data_capture.name) ? data_capture.name : null,
  "intent": structured_output.intent,
  "slot_date": structured_output.appointment.date,
  "phone": call_info.phone_number,
  "all_output": structured_output,
  "summary": call_summary,
  "source": "osvi",
  "note": "Call " & call_info.call_log_id & " with " & call_trigger_data.person_name & " (" & call_info.phone_number & ")",
  "confirmed": data_capture.appointment_confirmed
}`;

/** What a careful engineer writes by hand: optional chaining, null for anything missing. */
export function osviHandWritten(context: object): unknown {
  const ctx = context as Obj;
  const info = ctx.call_info as Obj | undefined;
  const output = ctx.structured_output as Obj | undefined;
  const capture = ctx.data_capture as Obj | undefined;
  const trigger = ctx.call_trigger_data as Obj | undefined;
  return {
    customer_name: capture?.name ?? null,
    intent: output?.intent ?? null,
    slot_date: (output?.appointment as Obj | undefined)?.date ?? null,
    phone: info?.phone_number ?? null,
    all_output: output ?? null,
    summary: ctx.call_summary ?? null,
    source: 'osvi',
    note: `Call ${embed(info?.call_log_id)} with ${embed(trigger?.person_name)} (${embed(info?.phone_number)})`,
    confirmed: capture?.appointment_confirmed ?? null,
  };
}

export const osviCase: BenchCase = {
  id: 'a-osvi',
  title: '(a) OSVI doc template + embedded text + boolean, OSVI sample',
  contexts: (count) => copies(sample, count).map(osviContext),
  handWritten: osviHandWritten,
  templates: { hookmap, handlebarsFields, handlebarsJson, mustache, liquid, jsone, jsonata },
  unsupported: {},
};
