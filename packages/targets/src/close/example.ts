import type { JsonValue, StepResponse } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests; and a realistic response of each target. */

export const closeCallExample: JsonValue = {
  lead_id: 'lead_abc123',
  contact_id: 'cont_def456',
  direction: 'outbound',
  status: 'completed',
  duration: 125,
  phone: '+1234567890',
  note_html: '<p>Customer interested in product demo.</p>',
  recording_url: 'https://example.com/recordings/call-12345.mp3',
};

export const closeNoteExample: JsonValue = {
  lead_id: 'lead_abc123',
  note_html: '<p><b>Meeting summary</b></p><p>Discussed next steps for the launch.</p>',
};

const CLOSE_JSON = { 'content-type': 'application/json' };
const CLOSE_ACTIVITY = {
  lead_id: 'lead_4Vc0Kr7mPq2wXs9TbJd1Ea',
  date_created: '2025-07-31T12:31:03.118000+00:00',
  organization_id: 'orga_XbVPx5fFbKlYTz9PW5Ih1XDhViV10YihIaEgMEb6fVW',
};

/** What Close answers to a logged call (200 with the activity). */
export const closeCallResponse: StepResponse = {
  status: 200,
  headers: CLOSE_JSON,
  body: {
    id: 'acti_3fZaB7Kd1Qm9Lx2VwYtR0c',
    _type: 'Call',
    direction: 'outbound',
    status: 'completed',
    ...CLOSE_ACTIVITY,
  },
};

/** What Close answers to a created note (200). */
export const closeNoteResponse: StepResponse = {
  status: 200,
  headers: CLOSE_JSON,
  body: { id: 'acti_9kLmN2pQr4StU6vWx8YzA1', _type: 'Note', ...CLOSE_ACTIVITY },
};
