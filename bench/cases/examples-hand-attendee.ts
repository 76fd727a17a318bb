import { clock, embed, isoMs, toNumber } from './examples-hand-shared.js';
import type { HandRequest, Obj, Secrets } from './examples-hand-shared.js';

/** bot_duration_seconds of a bot.state_change delivery's data, as a number. */
function botSeconds(data: Obj | undefined): number | null {
  return toNumber((data?.event_metadata as Obj | undefined)?.bot_duration_seconds);
}

/** `hh:mm:ss` of the recording's length, empty when Attendee sent none. */
const length = (seconds: number | null): string => (seconds === null ? '' : clock(seconds));

function attendeeToCloseCall(payload: unknown, secrets: Secrets): unknown {
  const p = payload as Obj;
  const data = p.data as Obj | undefined;
  const seconds = botSeconds(data);
  const leftMs = isoMs(data?.created_at);
  const left = leftMs === null ? '' : new Date(leftMs).toISOString();
  return {
    method: 'POST',
    url: 'https://api.close.com/api/v1/activity/call/',
    headers: {
      Authorization: `Basic ${btoa(`${secrets.CLOSE_API_KEY ?? ''}:`)}`,
      'Content-Type': 'application/json',
    },
    body: {
      lead_id: (p.bot_metadata as Obj | undefined)?.crm_id ?? null,
      direction: 'outbound',
      status: 'completed',
      duration: seconds === null ? null : Math.trunc(seconds),
      note_html:
        `<p><b>Meeting recorded</b></p><p>Attendee bot ${embed(p.bot_id)} left the meeting at ` +
        `${left && `${left.slice(0, 10)} ${left.slice(11, 16)}`} UTC; recording and transcript are ready ` +
        'in Attendee.</p>',
    },
  };
}

function attendeeToHubspotNote(payload: unknown, secrets: Secrets): unknown {
  const p = payload as Obj;
  const metadata = p.bot_metadata as Obj | undefined;
  const data = p.data as Obj | undefined;
  const createdMs = isoMs(data?.created_at);
  const associations: unknown[] = [
    {
      to: { id: metadata?.crm_id ?? null },
      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }],
    },
  ];
  if (metadata?.deal_id)
    associations.push({
      to: { id: metadata.deal_id },
      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }],
    });
  return {
    method: 'POST',
    url: 'https://api.hubapi.com/crm/objects/2026-09/notes',
    headers: { Authorization: `Bearer ${secrets.HUBSPOT_TOKEN ?? ''}`, 'Content-Type': 'application/json' },
    body: {
      properties: {
        hs_timestamp: createdMs === null ? null : new Date(createdMs).toISOString(),
        hs_note_body:
          `<p><strong>Meeting recorded</strong></p><p>The Attendee bot ${embed(p.bot_id)} recorded ` +
          `${length(botSeconds(data))}; the recording and transcript are ready.</p>`,
      },
      associations,
    },
  };
}

function attendeeToPipedriveNote(payload: unknown, secrets: Secrets): unknown {
  const p = payload as Obj;
  const dealId = toNumber((p.bot_metadata as Obj | undefined)?.crm_id);
  return {
    method: 'POST',
    url: `${secrets.PIPEDRIVE_API_DOMAIN ?? ''}/api/v1/notes`,
    headers: { 'x-api-token': secrets.PIPEDRIVE_API_TOKEN ?? '', 'Content-Type': 'application/json' },
    body: {
      content:
        `<p><b>Meeting recorded</b><br>Attendee bot ${embed(p.bot_id)}, ${length(botSeconds(p.data as Obj | undefined))} ` +
        'long. Recording and transcript are ready.</p>',
      deal_id: dealId === null ? null : Math.trunc(dealId),
    },
  };
}

function attendeeToSalesforceEvent(payload: unknown, secrets: Secrets): unknown {
  const p = payload as Obj;
  const data = p.data as Obj | undefined;
  const seconds = botSeconds(data);
  const leftMs = isoMs(data?.created_at);
  return {
    method: 'POST',
    url: `${secrets.SALESFORCE_INSTANCE_URL ?? ''}/services/data/v68.0/sobjects/Event/`,
    headers: {
      Authorization: `Bearer ${secrets.SALESFORCE_ACCESS_TOKEN ?? ''}`,
      'Content-Type': 'application/json',
    },
    body: {
      Subject: 'Meeting recorded by Attendee',
      Description:
        `The Attendee bot ${embed(p.bot_id)} was in the meeting for ${length(seconds)}; the recording and ` +
        'transcript are ready in Attendee.',
      WhoId: (p.bot_metadata as Obj | undefined)?.crm_id ?? null,
      // The meeting started bot_duration_seconds before the bot left it (whole seconds, as `unix` gives).
      StartDateTime:
        leftMs === null || seconds === null
          ? null
          : new Date((Math.floor(leftMs / 1000) - seconds) * 1000).toISOString(),
      DurationInMinutes: seconds === null ? null : Math.ceil(seconds / 60),
      Type: 'Meeting',
      ShowAs: 'Busy',
    },
  };
}

export const attendeeExamples: Record<string, HandRequest> = {
  'attendee-to-close-call': attendeeToCloseCall,
  'attendee-to-hubspot-note': attendeeToHubspotNote,
  'attendee-to-pipedrive-note': attendeeToPipedriveNote,
  'attendee-to-salesforce-event': attendeeToSalesforceEvent,
};
