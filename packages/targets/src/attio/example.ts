import type { JsonValue } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests. */

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
