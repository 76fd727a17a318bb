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

/** Hand-written versions exist only for these examples; the others are timed alone. */
export const handWrittenExamples: Record<string, HandRequest> = {
  'osvi-to-hubspot-call': osviToHubspotCall,
  'otonistark-to-hubspot-call': otonistarkToHubspotCall,
};
