import type { JsonValue } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests. */

export const pipedriveActivityExample: JsonValue = {
  subject: 'Call: product demo follow-up',
  type: 'call',
  owner_id: 21844844,
  deal_id: 1024,
  org_id: 77,
  participants: [
    {
      person_id: 146680,
      primary: true,
    },
  ],
  due_date: '2025-07-31',
  due_time: '12:30',
  duration: '00:02',
  done: true,
  note: '<p>Customer interested in product demo.</p>',
};

export const pipedriveNoteExample: JsonValue = {
  content: '<p><b>Call summary</b><br>Customer interested in product demo.</p>',
  person_id: 146680,
  deal_id: 1024,
};
