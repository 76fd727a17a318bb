import type { JsonValue, StepResponse } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests; and a realistic response of each target. */

export const hubspotNoteExample: JsonValue = {
  properties: {
    hs_timestamp: '2025-07-31T12:30:00.000Z',
    hs_note_body: '<p><strong>Call summary</strong></p><p>Customer interested in product demo.</p>',
    hubspot_owner_id: '12345678',
  },
  associations: [
    {
      to: {
        id: '101',
      },
      types: [
        {
          associationCategory: 'HUBSPOT_DEFINED',
          associationTypeId: 202,
        },
      ],
    },
    {
      to: {
        id: '5001',
      },
      types: [
        {
          associationCategory: 'HUBSPOT_DEFINED',
          associationTypeId: 214,
        },
      ],
    },
  ],
};

export const hubspotCallExample: JsonValue = {
  properties: {
    hs_timestamp: '2025-07-31T12:30:00.000Z',
    hs_call_title: 'AI call: product demo follow-up',
    hs_call_body: 'Customer interested in product demo. Next action: schedule_demo.',
    hs_call_duration: '125000',
    hs_call_direction: 'OUTBOUND',
    hs_call_status: 'COMPLETED',
    hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
    hs_call_from_number: '+1987654321',
    hs_call_to_number: '+1234567890',
    hs_call_recording_url: 'https://example.com/recordings/call-12345.mp3',
    hubspot_owner_id: '12345678',
  },
  associations: [
    {
      to: {
        id: '101',
      },
      types: [
        {
          associationCategory: 'HUBSPOT_DEFINED',
          associationTypeId: 194,
        },
      ],
    },
  ],
};

const HUBSPOT_JSON = { 'content-type': 'application/json;charset=utf-8' };
const HUBSPOT_TIMES = {
  createdAt: '2025-07-31T12:31:03.118Z',
  updatedAt: '2025-07-31T12:31:03.118Z',
  archived: false,
};

/** What HubSpot answers to a created note (201, the engagement with its id). */
export const hubspotNoteResponse: StepResponse = {
  status: 201,
  headers: HUBSPOT_JSON,
  body: {
    id: '91235412011',
    properties: {
      hs_createdate: '2025-07-31T12:31:03.118Z',
      hs_lastmodifieddate: '2025-07-31T12:31:03.118Z',
      hs_object_id: '91235412011',
      hs_timestamp: '2025-07-31T12:30:00Z',
    },
    ...HUBSPOT_TIMES,
  },
};

/** What HubSpot answers to a created call (201). */
export const hubspotCallResponse: StepResponse = {
  status: 201,
  headers: HUBSPOT_JSON,
  body: {
    id: '91235412044',
    properties: {
      hs_createdate: '2025-07-31T12:31:03.118Z',
      hs_lastmodifieddate: '2025-07-31T12:31:03.118Z',
      hs_object_id: '91235412044',
      hs_timestamp: '2025-07-31T12:30:00Z',
    },
    ...HUBSPOT_TIMES,
  },
};

/** What HubSpot answers to an updated call (200). */
export const hubspotCallUpdateResponse: StepResponse = { ...hubspotCallResponse, status: 200 };
