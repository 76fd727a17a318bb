import type { JsonValue, StepResponse } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests; and a realistic response of each target. */

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

const PIPEDRIVE_JSON = { 'content-type': 'application/json; charset=utf-8' };

/** What Pipedrive answers to a created activity (API v2: 200 with the activity). */
export const pipedriveActivityResponse: StepResponse = {
  status: 200,
  headers: PIPEDRIVE_JSON,
  body: {
    success: true,
    data: {
      id: 8251,
      subject: 'Call: product launch meeting',
      type: 'call',
      done: true,
      participants: [{ person_id: 146680, primary: true }],
      add_time: '2025-07-31T12:31:03Z',
    },
  },
};

/** What Pipedrive answers to a created note (API v1: 201 with the note). */
export const pipedriveNoteResponse: StepResponse = {
  status: 201,
  headers: PIPEDRIVE_JSON,
  body: {
    success: true,
    data: {
      id: 5127,
      person_id: 146680,
      content: '<p>Meeting notes</p>',
      add_time: '2025-07-31 12:31:03',
      active_flag: true,
    },
  },
};
