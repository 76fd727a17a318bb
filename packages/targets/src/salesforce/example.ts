import type { JsonValue, StepResponse } from '@hookmap/core';

/** Documented request bodies (research/crm), shown in the editor and checked against the schemas by the tests; and a realistic response of each target. */

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

const SALESFORCE_JSON = { 'content-type': 'application/json;charset=UTF-8' };

/** What Salesforce answers to a created Task (201). */
export const salesforceTaskResponse: StepResponse = {
  status: 201,
  headers: SALESFORCE_JSON,
  body: { id: '00T5e00000XyZaBEAV', success: true, errors: [] },
};

/** What Salesforce answers to an sObject Collections create (200, one result per record). */
export const salesforceTasksResponse: StepResponse = {
  status: 200,
  headers: SALESFORCE_JSON,
  body: [
    { id: '00T5e00000XyZaCEAV', success: true, errors: [] },
    { id: '00T5e00000XyZaDEAV', success: true, errors: [] },
  ],
};

/** What Salesforce answers to a created Event (201). */
export const salesforceEventResponse: StepResponse = {
  status: 201,
  headers: SALESFORCE_JSON,
  body: { id: '00U5e00000KlMnOEAV', success: true, errors: [] },
};
