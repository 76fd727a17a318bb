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

/** Liquid's `truncate: n`: at most n characters, the ellipsis included (null stays null). */
function truncate(value: unknown, n: number): string | null {
  if (value === null || value === undefined) return null;
  const text = embed(value);
  return text.length <= n ? text : `${text.slice(0, n - 3)}...`;
}

function otterToSalesforceTasks(payload: unknown, secrets: Secrets): unknown {
  const data = (payload as Obj).data as Obj | undefined;
  const items = (data?.relationships as Obj | undefined)?.action_items;
  const meeting = `Action item from the Otter meeting "${embed(data?.title)}" (${embed(data?.url)}), assigned to `;
  const day = isoDay(data?.created_at);
  const records = (Array.isArray(items) ? items : items == null ? [] : [items]).map((value: unknown) => {
    const item = value as Obj | null;
    const assignee = item?.assignee as Obj | undefined;
    return {
      attributes: { type: 'Task' },
      Subject: truncate(item?.text, 255),
      Description: `${meeting}${embed(assignee?.name)} <${embed(assignee?.email)}>.`,
      Status: (item?.status as Obj | undefined)?.completed ? 'Completed' : 'Not Started',
      Priority: 'Normal',
      TaskSubtype: 'Task',
      ActivityDate: day,
    };
  });
  return {
    method: 'POST',
    url: `${secrets.SALESFORCE_INSTANCE_URL ?? ''}/services/data/v68.0/composite/sobjects`,
    headers: { Authorization: `Bearer ${secrets.SALESFORCE_ACCESS_TOKEN ?? ''}`, 'Content-Type': 'application/json' },
    body: { allOrNone: false, records },
  };
}

function isoTime(value: unknown): string | null {
  const time = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : Number.NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function otonistarkToHubspotCall(payload: unknown, secrets: Secrets): unknown {
  const p = payload as Obj;
  const input = p.input_variables as Obj | undefined;
  const extracted = p.extracted_variables as Obj | undefined;
  const completed = p.status === 'completed';
  const properties: Obj = {
    hs_timestamp: isoTime(p.created_at),
    hs_call_title: `AI call: ${embed(input?.product_interest)} for ${embed(input?.customer_name)}`,
    hs_call_body:
      `${embed(extracted?.summary)}. Next action: ${embed(extracted?.next_action)}. ` +
      `Lead quality: ${embed(extracted?.lead_quality)}.${p.recording_url ? ' Recording: ' : ''}${embed(p.recording_url)}`,
    hs_call_duration: typeof p.duration === 'number' ? String(p.duration * 1000) : '',
    hs_call_direction: p.lead ? 'OUTBOUND' : 'INBOUND',
    hs_call_status: completed ? 'COMPLETED' : 'FAILED',
    hs_call_disposition: completed ? 'f240bbac-87c9-4f6e-bf70-924b57d47db7' : '73a0d17f-1163-4015-bdd5-ec830791da20',
    hs_call_from_number: p.assistant_phone ?? null,
    hs_call_to_number: p.customer_phone ?? null,
  };
  // HubSpot plays back only https .mp3/.wav recordings; any other link stays in the body.
  const recording = typeof p.recording_url === 'string' ? p.recording_url : '';
  const extension = (recording.split('?')[0] ?? '').split('.').pop()?.toLowerCase();
  if (recording.startsWith('https://') && (extension === 'mp3' || extension === 'wav')) properties.hs_call_recording_url = recording;
  return {
    method: 'POST',
    url: 'https://api.hubapi.com/crm/objects/2026-09/calls',
    headers: { Authorization: `Bearer ${secrets.HUBSPOT_TOKEN ?? ''}`, 'Content-Type': 'application/json' },
    body: {
      properties,
      associations: [
        { to: { id: input?.crm_id ?? null }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] },
      ],
    },
  };
}

function quilToAttioNote(payload: unknown, secrets: Secrets): unknown {
  const data = (payload as Obj).data as Obj | undefined;
  const meeting = data?.meeting as Obj | undefined;
  const assets = data?.assets as Obj | undefined;
  const list = assets?.databaseNotes;
  const notes = (Array.isArray(list) ? list : list == null ? [] : [list]).map((value: unknown) => {
    const note = value as Obj | null;
    return `## ${embed(note?.name)}\n${embed(note?.note)}`;
  });
  return {
    method: 'POST',
    url: 'https://api.attio.com/v2/notes',
    headers: { Authorization: `Bearer ${secrets.ATTIO_TOKEN ?? ''}`, 'Content-Type': 'application/json' },
    body: {
      data: {
        parent_object: 'people',
        parent_record_id: '891dcbfc-9141-415d-9b2a-2238a6cc012d',
        title: `${embed(meeting?.name)} (${embed(meeting?.atsRecordName)})`,
        format: 'markdown',
        content:
          `${notes.join('\n\n')}\n\n[Recording](${embed(assets?.recordingUrl)}) | ` +
          `[Transcript](${embed(assets?.transcriptionUrl)})`,
        created_at: meeting?.startTime ?? null,
      },
    },
  };
}

/** Hand-written versions exist only for these examples; the others are timed alone. */
export const handWrittenExamples: Record<string, HandRequest> = {
  'osvi-to-hubspot-call': osviToHubspotCall,
  'otter-to-salesforce-task': otterToSalesforceTask,
  'otter-to-salesforce-tasks': otterToSalesforceTasks,
  'otonistark-to-hubspot-call': otonistarkToHubspotCall,
  'quil-to-attio-note': quilToAttioNote,
};
