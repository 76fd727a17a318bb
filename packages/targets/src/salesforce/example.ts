import type { JsonValue } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests. */

export const salesforceTaskExample: JsonValue = {
  Subject: 'Call: product demo follow-up',
  Description: 'Customer interested in product demo.\n\nTranscript: https://example.com/t/12345',
  WhoId: '003XXXXXXXXXXXXXXX',
  WhatId: '006XXXXXXXXXXXXXXX',
  ActivityDate: '2025-07-31',
  Status: 'Completed',
  Priority: 'Normal',
  TaskSubtype: 'Call',
  Type: 'Call',
  CallType: 'Outbound',
  CallDurationInSeconds: 125,
  CallDisposition: 'Connected - demo requested',
  OwnerId: '005XXXXXXXXXXXXXXX',
};
