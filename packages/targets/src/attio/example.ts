import type { JsonValue, StepResponse } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests; and a realistic response of each target. */

export const attioNoteExample: JsonValue = {
  data: {
    parent_object: 'people',
    parent_record_id: '891dcbfc-9141-415d-9b2a-2238a6cc012d',
    title: 'Call summary - product demo follow-up',
    format: 'markdown',
    content: '## Summary\nCustomer interested in product demo.\n\n## Action items\n- Schedule demo',
    created_at: '2025-07-31T12:30:00.000000000Z',
  },
};

/** What Attio answers to a created note (200 with the note). */
export const attioNoteResponse: StepResponse = {
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: {
    data: {
      id: {
        workspace_id: '14beef7a-99f7-4534-a87e-70b564330a4c',
        note_id: 'ff3f3bd4-40f4-4f80-8187-cd02385af424',
      },
      parent_object: 'people',
      parent_record_id: '891dcbfc-9141-415d-9b2a-2238a6cc012d',
      title: 'product launch meeting',
      created_at: '2025-07-31T12:31:03.118000000Z',
    },
  },
};
