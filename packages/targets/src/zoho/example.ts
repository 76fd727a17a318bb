import type { JsonValue } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests. */

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
