import type { JsonValue } from '@hookmap/core';
import { TargetCodes } from '../../src/index.js';
import type { ValidateOptions } from '../../src/index.js';

/**
 * One bad body per rule of issue #16: the body breaks exactly that rule, and the diagnostic at `path` has `code`
 * and a message naming the rule (`rule`) and the fix (`fix`).
 */
export interface RuleCase {
  rule: string;
  target: string;
  body: JsonValue;
  options?: ValidateOptions;
  code: string;
  path: string;
  /** What the message says the rule is. */
  names: RegExp;
  /** What the message says to do. */
  fix: RegExp;
}

const NOW = '2026-12-01T12:00:00Z';

const zohoCall = (record: Record<string, JsonValue>): JsonValue => ({
  data: [
    {
      Subject: 'Call',
      Call_Type: 'Outbound',
      Call_Start_Time: '2025-07-31T12:30:00+00:00',
      Call_Duration: '02:05',
      ...record,
    },
  ],
});
const hubspotCall = (
  properties: Record<string, JsonValue>,
  types: JsonValue[] = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }],
): JsonValue => ({
  properties: { hs_timestamp: '2025-07-31T12:30:00.000Z', ...properties },
  associations: [{ to: { id: '101' }, types }],
});
const attioNote = (created_at: string): JsonValue => ({
  data: {
    parent_object: 'people',
    parent_record_id: '891dcbfc-9141-415d-9b2a-2238a6cc012d',
    title: 't',
    format: 'plaintext',
    content: 'c',
    created_at,
  },
});
const section = (text: string): JsonValue => ({ type: 'section', text: { type: 'mrkdwn', text } });

export const ruleCases: RuleCase[] = [
  // Zoho calls
  {
    rule: 'zoho: Call_Duration is mm:ss, minutes not wrapped at the hour',
    target: 'zoho.call',
    body: zohoCall({ Call_Duration: '01:02:05' }),
    code: TargetCodes.PATTERN,
    path: '/data/0/Call_Duration',
    names: /mm:ss.*not wrapped at the hour/,
    fix: /62:05.*divided_by: 60 \| floor/,
  },
  {
    rule: 'zoho: a completed call needs Call_Duration',
    target: 'zoho.call',
    body: zohoCall({ Call_Duration: null }),
    code: TargetCodes.TYPE,
    path: '/data/0/Call_Duration',
    names: /mm:ss/,
    fix: /divided_by: 60/,
  },
  {
    rule: 'zoho: a completed call needs Call_Duration (absent)',
    target: 'zoho.call',
    body: { data: [{ Subject: 'Call', Call_Type: 'Inbound', Call_Start_Time: '2025-07-31T12:30:00+00:00' }] },
    code: TargetCodes.REQUIRED,
    path: '/data/0/Call_Duration',
    names: /rejects a completed call without Call_Duration/,
    fix: /"mm:ss"/,
  },
  {
    rule: 'zoho: a Lead goes in What_Id with $se_module Leads, not Who_Id',
    target: 'zoho.call',
    body: zohoCall({
      Who_Id: { id: '4150868000001234567' },
      What_Id: { id: '4150868000007654321' },
      $se_module: 'Leads',
    }),
    code: TargetCodes.READ_ONLY,
    path: '/data/0/Who_Id',
    names: /call about a lead has no contact/,
    fix: /What_Id with "\$se_module": "Leads"/,
  },
  {
    rule: 'zoho: What_Id needs $se_module',
    target: 'zoho.call',
    body: zohoCall({ What_Id: { id: '4150868000007654321' } }),
    code: TargetCodes.REQUIRED,
    path: '/data/0/$se_module',
    names: /required when What_Id is sent/,
    fix: /"Leads" for a lead/,
  },
  {
    rule: 'zoho: a note module is named by api_name or id',
    target: 'zoho.note',
    body: { data: [{ Note_Content: 'c', Parent_Id: { module: {}, id: '4150868000001234567' } }] },
    code: TargetCodes.ALTERNATIVES,
    path: '/data/0/Parent_Id/module',
    names: /needs at least one of api_name, id/,
    fix: /by its id/,
  },
  {
    rule: 'zoho: a completed call does not start in the future',
    target: 'zoho.call',
    body: zohoCall({ Call_Start_Time: '2027-01-01T10:00:00+00:00' }),
    options: { now: NOW },
    code: TargetCodes.RANGE,
    path: '/data/0/Call_Start_Time',
    names: /in the future.*rule zoho\.call\.completed-start-not-in-future/,
    fix: /Map when the call started/,
  },
  // HubSpot
  {
    rule: 'hubspot: recording URLs are https',
    target: 'hubspot.call',
    body: hubspotCall({ hs_call_recording_url: 'http://example.com/a.mp3' }),
    code: TargetCodes.PATTERN,
    path: '/properties/hs_call_recording_url',
    names: /only https:\/\/ URLs of \.mp3 or \.wav/,
    fix: /leave other recordings out/,
  },
  {
    rule: 'hubspot: only .mp3 and .wav recordings play back',
    target: 'hubspot.call',
    body: hubspotCall({ hs_call_recording_url: 'https://example.com/a.mp4' }),
    code: TargetCodes.PATTERN,
    path: '/properties/hs_call_recording_url',
    names: /\.mp3 or \.wav/,
    fix: /link them in hs_call_body/,
  },
  {
    rule: 'hubspot: HUBSPOT_DEFINED call association ids',
    target: 'hubspot.call',
    body: hubspotCall({}, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }]),
    code: TargetCodes.ENUM,
    path: '/associations/0/types/0/associationTypeId',
    names: /194 to contact, 182 to company, 206 to deal, 220 to ticket/,
    fix: /labels API/,
  },
  {
    rule: 'hubspot: HUBSPOT_DEFINED note association ids',
    target: 'hubspot.note',
    body: {
      properties: { hs_timestamp: '2025-07-31T12:30:00.000Z' },
      associations: [
        { to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] },
      ],
    },
    code: TargetCodes.ENUM,
    path: '/associations/0/types/0/associationTypeId',
    names: /202 to contact, 190 to company, 214 to deal, 228 to ticket/,
    fix: /labels/,
  },
  {
    rule: 'hubspot: WORK association ids are positive type ids from the labels API',
    target: 'hubspot.call',
    body: hubspotCall({}, [{ associationCategory: 'WORK', associationTypeId: 0 }]),
    code: TargetCodes.RANGE,
    path: '/associations/0/types/0/associationTypeId',
    names: /no fixed WORK ids/,
    fix: /\/crm\/associations\/2026-09\/.*labels/,
  },
  {
    rule: 'hubspot: property values are strings',
    target: 'hubspot.call',
    body: hubspotCall({ hs_call_duration: '125000', my_custom_score: 7 }),
    code: TargetCodes.TYPE,
    path: '/properties/my_custom_score',
    names: /property values are text/,
    fix: /\| string/,
  },
  // Close calls
  {
    rule: 'close: status is one of the documented call statuses',
    target: 'close.call',
    body: { lead_id: 'lead_1', status: 'done' },
    code: TargetCodes.ENUM,
    path: '/status',
    names: /"completed" \(the default\)/,
    fix: /Twilio's call statuses/,
  },
  {
    rule: 'close: disposition is not in the create schema',
    target: 'close.call',
    body: { lead_id: 'lead_1', disposition: 'answered' },
    code: TargetCodes.READ_ONLY,
    path: '/disposition',
    names: /must not be sent/,
    fix: /outcome_id/,
  },
  {
    rule: 'close: local_phone is not in the create schema',
    target: 'close.call',
    body: { lead_id: 'lead_1', local_phone: '+16505551234' },
    code: TargetCodes.READ_ONLY,
    path: '/local_phone',
    names: /read-only/,
    fix: /as phone/,
  },
  {
    rule: 'close: remote_phone is not in the create schema',
    target: 'close.call',
    body: { lead_id: 'lead_1', remote_phone: '+16505551234' },
    code: TargetCodes.READ_ONLY,
    path: '/remote_phone',
    names: /read-only/,
    fix: /as phone/,
  },
  {
    rule: 'close: duration is at most 604800 seconds',
    target: 'close.call',
    body: { lead_id: 'lead_1', duration: 604801 },
    code: TargetCodes.RANGE,
    path: '/duration',
    names: /<= 604800/,
    fix: /at most 604800 \(one week\)/,
  },
  {
    rule: 'close: outcome_id names an outcome',
    target: 'close.call',
    body: { lead_id: 'lead_1', outcome_id: 'connected' },
    code: TargetCodes.PATTERN,
    path: '/outcome_id',
    names: /wrong form/,
    fix: /Settings > Outcomes/,
  },
  // Attio notes
  {
    rule: 'attio: created_at is not in the future',
    target: 'attio.note',
    body: attioNote('2027-01-01T00:00:00.000000000Z'),
    options: { now: NOW },
    code: TargetCodes.RANGE,
    path: '/data/created_at',
    names: /is in the future \(now is 2026-12-01T12:00:00\.000Z\).*rule attio\.note\.created-at-range/,
    fix: /leave created_at out/,
  },
  {
    rule: 'attio: created_at is not before 1970',
    target: 'attio.note',
    body: attioNote('1969-12-31T23:59:59Z'),
    options: { now: NOW },
    code: TargetCodes.RANGE,
    path: '/data/created_at',
    names: /before 1970.*rule attio\.note\.created-at-range/,
    fix: /Map when the meeting happened/,
  },
  // Slack
  {
    rule: 'slack: text is at most 40,000 characters',
    target: 'slack.message',
    body: { text: 'x'.repeat(40001) },
    code: TargetCodes.LENGTH,
    path: '/text',
    names: /at most 40000 characters/,
    fix: /truncates text past 40,000/,
  },
  {
    rule: 'slack: at most 50 blocks',
    target: 'slack.message',
    body: { text: 't', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) },
    code: TargetCodes.LENGTH,
    path: '/blocks',
    names: /at most 50 items/,
    fix: /\.$/,
  },
  {
    rule: 'slack: section text is at most 3,000 characters',
    target: 'slack.message',
    body: { text: 't', blocks: [section('x'.repeat(3001))] },
    code: TargetCodes.LENGTH,
    path: '/blocks/0/text/text',
    names: /at most 3000 characters/,
    fix: /truncate: 3000/,
  },
  {
    rule: 'slack: about 13,000 characters of text across all blocks',
    target: 'slack.message',
    body: { text: 't', blocks: Array.from({ length: 5 }, () => section('x'.repeat(2900))) },
    code: TargetCodes.LENGTH,
    path: '/blocks',
    names: /14500 characters.*rule slack\.message\.blocks-text-total/,
    fix: /Truncate the long parts/,
  },
  {
    rule: 'slack: unescaped <!channel> in mrkdwn pings everyone (warning)',
    target: 'slack.message',
    body: { text: 't', blocks: [section('Summary: tell <!channel> now')] },
    code: TargetCodes.BROADCAST,
    path: '/blocks/0/text/text',
    names: /contains <!channel>.*rule slack\.message\.unescaped-broadcast/,
    fix: /escape it: "\| slack_escape"/,
  },
  // Salesforce
  {
    rule: 'salesforce: WhoId is a Contact or Lead id',
    target: 'salesforce.task',
    body: { Subject: 'Call', WhoId: '001XXXXXXXXXXXXXXX' },
    code: TargetCodes.PATTERN,
    path: '/WhoId',
    names: /Contact \(003\.\.\.\) or Lead \(00Q\.\.\.\)/,
    fix: /WhatId/,
  },
  {
    rule: 'salesforce: a timed Event needs its length',
    target: 'salesforce.event',
    body: { Subject: 'Meeting', StartDateTime: '2025-07-31T12:00:00Z' },
    code: TargetCodes.ALTERNATIVES,
    path: '',
    names: /needs at least one of EndDateTime, DurationInMinutes/,
    fix: /needs EndDateTime or DurationInMinutes/,
  },
  {
    rule: 'salesforce: an Event lasts at most 14 days',
    target: 'salesforce.event',
    body: { Subject: 'Meeting', StartDateTime: '2025-07-31T12:00:00Z', DurationInMinutes: 20161 },
    code: TargetCodes.RANGE,
    path: '/DurationInMinutes',
    names: /<= 20160/,
    fix: /at most 14 days/,
  },
  {
    rule: 'salesforce: Subject is at most 255 characters',
    target: 'salesforce.task',
    body: { Subject: 'x'.repeat(256) },
    code: TargetCodes.LENGTH,
    path: '/Subject',
    names: /at most 255 characters/,
    fix: /\.$/,
  },
  // Picklists (per-account configured)
  {
    rule: 'picklist: Salesforce Status from the account configuration',
    target: 'salesforce.task',
    body: { Subject: 'Call', Status: 'Done' },
    options: { picklists: { Status: ['Open', 'Completed'] } },
    code: TargetCodes.ENUM,
    path: '/Status',
    names: /must be one of "Open", "Completed"; got "Done"/,
    fix: /Status is a picklist of this account/,
  },
  {
    rule: 'picklist: Salesforce Status in every record of a collection',
    target: 'salesforce.tasks',
    body: { records: [{ attributes: { type: 'Task' }, Subject: 'a', Priority: 'Urgent' }] },
    options: { picklists: { Priority: ['High', 'Normal', 'Low'] } },
    code: TargetCodes.ENUM,
    path: '/records/0/Priority',
    names: /must be one of "High", "Normal", "Low"/,
    fix: /picklist of this account/,
  },
  {
    rule: 'picklist: Zoho Call_Purpose',
    target: 'zoho.call',
    body: zohoCall({ Call_Purpose: 'Prospectin' }),
    options: { picklists: { Call_Purpose: ['Prospecting', 'Demo'] } },
    code: TargetCodes.ENUM,
    path: '/data/0/Call_Purpose',
    names: /must be one of "Prospecting", "Demo"/,
    fix: /Call_Purpose is a picklist of this account/,
  },
  {
    rule: 'picklist: Pipedrive activity type',
    target: 'pipedrive.activity',
    body: { subject: 'Call', type: 'phone' },
    options: { picklists: { type: ['call', 'meeting'] } },
    code: TargetCodes.ENUM,
    path: '/type',
    names: /must be one of "call", "meeting"/,
    fix: /type is a picklist of this account/,
  },
  {
    rule: 'picklist: a name the target does not know',
    target: 'pipedrive.activity',
    body: { subject: 'Call' },
    options: { picklists: { Status: ['x'] } },
    code: TargetCodes.OPTIONS,
    path: '',
    names: /Picklist "Status" is not one/,
    fix: /its picklists are type/,
  },
  {
    rule: 'options: now must be a date',
    target: 'attio.note',
    body: attioNote('2025-07-31T12:30:00Z'),
    options: { now: 'yesterday' },
    code: TargetCodes.OPTIONS,
    path: '',
    names: /is not a date/,
    fix: /Pass a Date, epoch milliseconds or ISO text/,
  },
];
