import { embed } from './types.js';

type Obj = Record<string, unknown>;
type Secrets = Record<string, string>;
/** A hand-written payload -> request function for one example (what renderRequest is compared with). */
export type HandRequest = (payload: unknown, secrets: Secrets) => unknown;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

function osviToHubspotCall(payload: unknown, secrets: Secrets): unknown {
  const p = payload as Obj;
  const capture = p.data_capture as Obj | undefined;
  const trigger = p.call_trigger_data as Obj | undefined;
  const output = p.structured_output as Obj | undefined;
  const crmId = trigger?.crm_id;
  const base = 'https://api.hubapi.com/crm/objects/2026-09/calls/';
  return {
    method: 'PATCH',
    url: crmId == null ? `${base}{{crm_id}}` : base + encodeURIComponent(embed(crmId)),
    headers: { Authorization: `Bearer ${secrets.HUBSPOT_TOKEN ?? ''}`, 'Content-Type': 'application/json' },
    body: {
      properties: {
        hs_call_title: `Call with ${embed(capture?.customer_name ?? trigger?.person_name)}`,
        hs_call_body:
          `<p>${htmlEscape(embed(p.call_summary))}</p><ul><li>Appointment confirmed: ` +
          `${capture?.appointment_confirmed ? 'yes' : 'no'}</li><li>Preferred time: ${embed(capture?.preferred_time)}` +
          `</li><li>Intent: ${embed(output?.intent)}</li></ul>`,
        hs_call_direction: typeof p.call_type === 'string' ? p.call_type.toUpperCase() : null,
        hs_call_status: 'COMPLETED',
        hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
        hs_call_to_number: p.phone_number ?? null,
      },
    },
  };
}

function isoDay(value: unknown): string | null {
  const time = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : Number.NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

function checklistLine(item: Obj | null): string {
  const status = item?.status as Obj | undefined;
  const assignee = item?.assignee as Obj | undefined;
  return `[${status?.completed ? 'x' : ' '}] ${embed(item?.text)} (${embed(assignee?.name)})`;
}

function otterToSalesforceTask(payload: unknown, secrets: Secrets): unknown {
  const data = (payload as Obj).data as Obj | undefined;
  const items = (data?.relationships as Obj | undefined)?.action_items;
  const lines = Array.isArray(items) ? items.map(checklistLine).join('\n') : '';
  return {
    method: 'POST',
    url: `${secrets.SALESFORCE_INSTANCE_URL ?? ''}/services/data/v68.0/sobjects/Task/`,
    headers: { Authorization: `Bearer ${secrets.SALESFORCE_ACCESS_TOKEN ?? ''}`, 'Content-Type': 'application/json' },
    body: {
      Subject: `Meeting: ${embed(data?.title)}`,
      Description: `${embed(data?.abstract_summary)}\n\nAction items:\n${lines}\n\nOtter notes: ${embed(data?.url)}`,
      ActivityDate: isoDay(data?.created_at),
      Status: 'Completed',
      Priority: 'Normal',
      TaskSubtype: 'Task',
    },
  };
}

/** Hand-written versions exist only for these examples; the others are timed alone. */
export const handWrittenExamples: Record<string, HandRequest> = {
  'osvi-to-hubspot-call': osviToHubspotCall,
  'otter-to-salesforce-task': otterToSalesforceTask,
};
