import type { JsonValue, StepResponse } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests; and a realistic response of each target. */

export const zohoNoteExample: JsonValue = {
  data: [
    {
      Note_Title: 'Call summary',
      Note_Content: 'Customer interested in product demo.',
      Parent_Id: {
        module: {
          api_name: 'Contacts',
        },
        id: '4150868000001234567',
      },
    },
  ],
};

export const zohoCallExample: JsonValue = {
  data: [
    {
      Subject: 'AI call: product demo follow-up',
      Call_Type: 'Outbound',
      Call_Start_Time: '2025-07-31T12:30:00+00:00',
      Call_Duration: '02:05',
      Description: 'Customer interested in product demo.',
      Call_Result: 'Interested',
      Who_Id: {
        id: '4150868000001234567',
      },
      What_Id: {
        id: '4150868000007654321',
      },
      $se_module: 'Deals',
    },
  ],
};

const ZOHO_JSON = { 'content-type': 'application/json;charset=UTF-8' };
const ZOHO_ACTOR = { name: 'Patricia Boyle', id: '4150868000000225013' };

function zohoAdded(id: string): StepResponse {
  const details = {
    Modified_Time: '2025-07-31T12:31:03+00:00',
    Modified_By: ZOHO_ACTOR,
    Created_Time: '2025-07-31T12:31:03+00:00',
    id,
    Created_By: ZOHO_ACTOR,
  };
  return {
    status: 201,
    headers: ZOHO_JSON,
    body: { data: [{ code: 'SUCCESS', details, message: 'record added', status: 'success' }] },
  };
}

/** What Zoho answers to a created note (201, one entry per record). */
export const zohoNoteResponse: StepResponse = zohoAdded('4150868000003456789');

/** What Zoho answers to a created call (201). */
export const zohoCallResponse: StepResponse = zohoAdded('4150868000004567890');
