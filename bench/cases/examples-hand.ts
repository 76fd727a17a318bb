import { embed, htmlEscape, pad2, utcDate } from './examples-hand-shared.js';
import type { HandRequest, Obj, Secrets } from './examples-hand-shared.js';
import { attendeeExamples } from './examples-hand-attendee.js';
import { slackExamples } from './examples-hand-slack.js';

export type { HandRequest } from './examples-hand-shared.js';

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
  const time =
    typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : Number.NaN;
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
    hs_call_disposition: completed
      ? 'f240bbac-87c9-4f6e-bf70-924b57d47db7'
      : '73a0d17f-1163-4015-bdd5-ec830791da20',
    hs_call_from_number: p.assistant_phone ?? null,
    hs_call_to_number: p.customer_phone ?? null,
  };
  // HubSpot plays back only https .mp3/.wav recordings; any other link stays in the body.
  const recording = typeof p.recording_url === 'string' ? p.recording_url : '';
  const extension = (recording.split('?')[0] ?? '').split('.').pop()?.toLowerCase();
  if (recording.startsWith('https://') && (extension === 'mp3' || extension === 'wav'))
    properties.hs_call_recording_url = recording;
  return {
    method: 'POST',
    url: 'https://api.hubapi.com/crm/objects/2026-09/calls',
    headers: { Authorization: `Bearer ${secrets.HUBSPOT_TOKEN ?? ''}`, 'Content-Type': 'application/json' },
    body: {
      properties,
      associations: [
        {
          to: { id: input?.crm_id ?? null },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }],
        },
      ],
    },
  };
}

function osviToZohoNote(payload: unknown, secrets: Secrets): unknown {
  const p = payload as Obj;
  const capture = p.data_capture as Obj | undefined;
  const trigger = p.call_trigger_data as Obj | undefined;
  return {
    method: 'POST',
    url: `${secrets.ZOHO_API_DOMAIN ?? ''}/crm/v8/Notes`,
    headers: {
      Authorization: `Zoho-oauthtoken ${secrets.ZOHO_ACCESS_TOKEN ?? ''}`,
      'Content-Type': 'application/json',
    },
    body: {
      data: [
        {
          Note_Title: `Call with ${embed(capture?.customer_name ?? trigger?.person_name ?? p.phone_number)}`,
          Note_Content:
            `${embed(p.call_summary)}\n\nAppointment confirmed: ${capture?.appointment_confirmed ? 'yes' : 'no'}\n` +
            `Preferred time: ${embed(capture?.preferred_time ?? 'not given')}`,
          Parent_Id: { module: { api_name: 'Leads' }, id: trigger?.crm_id ?? null },
        },
      ],
    },
  };
}

function osviToCloseNote(payload: unknown, secrets: Secrets): unknown {
  const p = payload as Obj;
  const trigger = p.call_trigger_data as Obj | undefined;
  const output = p.structured_output as Obj | undefined;
  const appointment = output?.appointment as Obj | undefined;
  return {
    method: 'POST',
    url: 'https://api.close.com/api/v1/activity/note/',
    headers: {
      Authorization: `Basic ${btoa(`${secrets.CLOSE_API_KEY ?? ''}:`)}`,
      'Content-Type': 'application/json',
    },
    body: {
      lead_id: trigger?.crm_id ?? null,
      note:
        `${embed(p.call_summary)}\n\nIntent: ${embed(output?.intent)}\nAppointment: ${embed(appointment?.date)} ` +
        `${embed(appointment?.time)}\nCampaign: ${embed(trigger?.campaign)}`,
    },
  };
}

function otonistarkToZohoCall(payload: unknown, secrets: Secrets): unknown {
  const p = payload as Obj;
  const input = p.input_variables as Obj | undefined;
  const extracted = p.extracted_variables as Obj | undefined;
  const started = utcDate(p.created_at);
  const seconds = typeof p.duration === 'number' ? Math.trunc(p.duration) : null;
  const call: Obj = {
    Subject: `AI call: ${embed(input?.customer_name)}`,
    Call_Type: 'Outbound',
    Call_Start_Time: started ? `${started.toISOString().slice(0, 19)}+00:00` : null,
    Description: `${embed(extracted?.summary)}. Next action: ${embed(extracted?.next_action)}.`,
    Call_Result: extracted?.lead_quality === 'high' ? 'Interested' : 'Not interested',
    Who_Id: { id: input?.crm_id ?? null },
  };
  // A call without a duration leaves Call_Duration out (Zoho wants "mm:ss" text or nothing).
  if (seconds !== null)
    call.Call_Duration = `${seconds < 600 ? '0' : ''}${Math.floor(seconds / 60)}:${pad2(seconds % 60)}`;
  return {
    method: 'POST',
    url: `${secrets.ZOHO_API_DOMAIN ?? ''}/crm/v8/Calls`,
    headers: {
      Authorization: `Zoho-oauthtoken ${secrets.ZOHO_ACCESS_TOKEN ?? ''}`,
      'Content-Type': 'application/json',
    },
    body: { data: [call] },
  };
}

function otonistarkToPipedriveActivity(payload: unknown, secrets: Secrets): unknown {
  const p = payload as Obj;
  const input = p.input_variables as Obj | undefined;
  const extracted = p.extracted_variables as Obj | undefined;
  const started = utcDate(p.created_at)?.toISOString() ?? null;
  const duration = typeof p.duration === 'number' ? Math.floor(p.duration) : null;
  const personId = Number.parseInt(embed(input?.crm_id), 10);
  return {
    method: 'POST',
    url: `${secrets.PIPEDRIVE_API_DOMAIN ?? ''}/api/v2/activities`,
    headers: {
      Authorization: `Bearer ${secrets.PIPEDRIVE_ACCESS_TOKEN ?? ''}`,
      'Content-Type': 'application/json',
    },
    body: {
      subject: `Call: ${embed(input?.customer_name)} (${embed(input?.product_interest)})`,
      type: 'call',
      participants: [{ person_id: Number.isNaN(personId) ? null : personId, primary: true }],
      due_date: started?.slice(0, 10) ?? null,
      due_time: started?.slice(11, 16) ?? null,
      duration:
        duration === null
          ? null
          : `${pad2(Math.floor(duration / 3600) % 24)}:${pad2(Math.floor(duration / 60) % 60)}`,
      done: p.status === 'completed',
      note:
        `<p>${htmlEscape(embed(extracted?.summary))}.</p><p>Lead quality: ${embed(extracted?.lead_quality)}. ` +
        `Next action: ${embed(extracted?.next_action)}.</p><p><a href="${embed(p.recording_url)}">Recording</a></p>`,
    },
  };
}

/**
 * Every single-request example's hand-written builder (flow examples, several requests with assumed
 * responses, have none). An example without one is timed alone.
 */
export const handWrittenExamples: Record<string, HandRequest> = {
  ...attendeeExamples,
  'osvi-to-close-note': osviToCloseNote,
  'osvi-to-hubspot-call': osviToHubspotCall,
  'osvi-to-zoho-note': osviToZohoNote,
  'otonistark-to-hubspot-call': otonistarkToHubspotCall,
  'otonistark-to-pipedrive-activity': otonistarkToPipedriveActivity,
  'otonistark-to-zoho-call': otonistarkToZohoCall,
  ...slackExamples,
};
