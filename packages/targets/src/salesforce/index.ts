import type { JsonValue } from '@hookmap/core';
import {
  salesforceEventResponse,
  salesforceTaskExample,
  salesforceTaskResponse,
  salesforceTasksResponse,
} from './example.js';
import type { RateLimit, StarterContext, TargetDefinition } from '../types.js';
import { eventStarter, otterActionItems, otterTask } from './providers.js';
import {
  eventPicklists,
  eventSchema,
  taskPicklists,
  tasksPicklists,
  tasksSchema,
  taskSchema,
} from './schema.js';
import { actionItemTasks, activityTask } from './starters.js';
import { templateIntegration } from '../starters/integration.js';
import type { CrmAuth } from '../auth.js';

/** The current API version (Winter '27); older versions keep working and are accepted by validateRequest. */
export const SALESFORCE_API_VERSION = 'v68.0';
/** OAuth2 only: the relay connection "salesforce" by default; an access token and instance URL set as secrets otherwise. */
export const AUTH: CrmAuth = {
  default: 'connection',
  connection: 'salesforce',
  secrets: {
    base: '{{secrets.SALESFORCE_INSTANCE_URL}}',
    headers: { Authorization: 'Bearer {{secrets.SALESFORCE_ACCESS_TOKEN}}' },
    names: ['SALESFORCE_INSTANCE_URL', 'SALESFORCE_ACCESS_TOKEN'],
  },
  oauth: {
    base: '{{ connection.instance_url }}',
    headers: { Authorization: 'Bearer {{ connection.access_token }}' },
    names: ['instance_url', 'access_token'],
  },
};
const INSTANCE = AUTH.oauth.base as string;
export const BASE = `${INSTANCE}/services/data/${SALESFORCE_API_VERSION}`;
export const ANY_VERSION = `${INSTANCE}/services/data/{{version}}`;
export const HEADERS = AUTH.oauth.headers;
export const SECRETS: string[] = [];
const INSTANCE_NOTE =
  'Auth: the relay connection "salesforce" (OAuth2, preset salesforce); connection.instance_url is the instance_url of its token, e.g. https://acme.my.salesforce.com (inserted as is: a placeholder opening the URL is not percent-encoded). starterFlow(..., { auth: "secrets" }) reads SALESFORCE_INSTANCE_URL and SALESFORCE_ACCESS_TOKEN instead.';
const WHO_NOTE =
  'WhoId is a Contact (003...) or Lead (00Q...) id; accounts, opportunities and cases go in WhatId.';
const PICKLIST_NOTE =
  "Status, Priority and Type are org picklists: pass your org's values as validateBody's picklists option to check them.";

/** Salesforce limits: a rolling 24-hour request allocation per org, no per-second limit. */
export const RATE_LIMIT: RateLimit = {
  requests: 100_000,
  perMs: 86_400_000,
  scope: 'account',
  concurrency: 25,
  source:
    'Salesforce Developer Limits and Allocations Quick Reference, "API Request Limits and Allocations" (Winter \'27)',
  note: 'Enterprise Edition: 100,000 + 1,000 per user license per rolling 24 hours (Developer Edition 15,000); at most 25 concurrent long-running (20 s or more) requests in production.',
};

export const salesforceTask: TargetDefinition = {
  id: 'salesforce.task',
  crm: 'salesforce',
  name: 'Salesforce Task (call or meeting)',
  method: 'POST',
  url: `${BASE}/sobjects/Task/`,
  urlAlternatives: [`${ANY_VERSION}/sobjects/Task/`],
  headers: HEADERS,
  secrets: SECRETS,
  auth: AUTH,
  schema: taskSchema,
  example: salesforceTaskExample,
  docs: [
    'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm',
  ],
  notes: [
    INSTANCE_NOTE,
    'Success is 201 {"id","errors":[],"success":true}.',
    'ActivityDate is a DATE (YYYY-MM-DD), not a date-time.',
    'A call: TaskSubtype "Call", CallDurationInSeconds an integer, CallType Inbound, Outbound or Internal. A meeting is not a call: TaskSubtype "Task", or use salesforce.event.',
    WHO_NOTE,
    'Description is a textarea of at most 32,000 characters; Subject at most 255.',
    PICKLIST_NOTE,
  ],
  starter: (context: StarterContext) => templateIntegration(salesforceTask, activityTask(context), context),
  providerStarters: {
    otter: (context) =>
      templateIntegration(salesforceTask, otterTask(context.recordId), {
        providerId: 'otter',
        name: 'Otter meeting to Salesforce Task',
      }),
  },
  response: salesforceTaskResponse,
  rateLimit: RATE_LIMIT,
  picklists: taskPicklists,
};

export const salesforceTasks: TargetDefinition = {
  id: 'salesforce.tasks',
  crm: 'salesforce',
  name: 'Salesforce Tasks (one per action item)',
  method: 'POST',
  url: `${BASE}/composite/sobjects`,
  urlAlternatives: [`${ANY_VERSION}/composite/sobjects`],
  headers: HEADERS,
  secrets: SECRETS,
  auth: AUTH,
  schema: tasksSchema,
  example: {
    allOrNone: false,
    records: [{ attributes: { type: 'Task' }, ...(salesforceTaskExample as Record<string, JsonValue>) }],
  },
  docs: [
    'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_create.htm',
  ],
  notes: [
    'sObject Collections: up to 200 records in one request, each with "attributes": {"type": "Task"}.',
    'allOrNone false (default) keeps the Tasks that succeed when one fails; the response is one {id, success, errors} per record.',
    'An empty "records" list is rejected: a provider without action items cannot use this target.',
    'Task fields as in salesforce.task (ActivityDate a date, Subject at most 255 characters).',
    WHO_NOTE,
    PICKLIST_NOTE,
  ],
  // Without action items there is nothing to send (an empty list is rejected): the integration leaves such payloads out.
  starter: (context: StarterContext) => ({
    ...templateIntegration(salesforceTasks, actionItemTasks(context.recordId), context),
    when: '{{ common.action_items[0] != null }}',
  }),
  providerStarters: {
    otter: (context) =>
      templateIntegration(salesforceTasks, otterActionItems(context.recordId), {
        providerId: 'otter',
        name: 'Otter action items to Salesforce Tasks',
      }),
  },
  response: salesforceTasksResponse,
  rateLimit: RATE_LIMIT,
  picklists: tasksPicklists,
};

export const salesforceEvent: TargetDefinition = {
  id: 'salesforce.event',
  crm: 'salesforce',
  name: 'Salesforce Event (meeting)',
  method: 'POST',
  url: `${BASE}/sobjects/Event/`,
  urlAlternatives: [`${ANY_VERSION}/sobjects/Event/`],
  headers: HEADERS,
  secrets: SECRETS,
  auth: AUTH,
  schema: eventSchema,
  example: {
    Subject: 'Meeting: product launch',
    Description: 'Discussed next steps for the launch.',
    WhoId: '003XXXXXXXXXXXXXXX',
    StartDateTime: '2025-07-31T12:00:00.000Z',
    EndDateTime: '2025-07-31T12:45:00.000Z',
    Type: 'Meeting',
    ShowAs: 'Busy',
  },
  docs: [
    'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_event.htm',
  ],
  notes: [
    INSTANCE_NOTE,
    'A meeting is an Event: StartDateTime plus EndDateTime or DurationInMinutes (at most 14 days), or IsAllDayEvent true with ActivityDate.',
    'The starter sends DurationInMinutes 0 when the provider sends no duration (the event marks the start; adjust its length in Salesforce).',
    WHO_NOTE,
    "Type is an org picklist: pass your org's values as validateBody's picklists option to check it.",
  ],
  starter: (context: StarterContext) =>
    templateIntegration(salesforceEvent, eventStarter(context.recordId), context),
  providerStarters: {},
  response: salesforceEventResponse,
  rateLimit: RATE_LIMIT,
  picklists: eventPicklists,
};
