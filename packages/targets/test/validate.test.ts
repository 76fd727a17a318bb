import { describe, expect, it } from 'vitest';
import { TargetCodes, targets, validateBody } from '../src/index.js';

const hubspotCall = {
  properties: {
    hs_timestamp: '2025-07-31T12:30:00.000Z',
    hs_call_title: 'AI call',
    hs_call_duration: '125000',
    hs_call_direction: 'OUTBOUND',
  },
  associations: [
    { to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] },
  ],
};

function only(targetId: string, body: unknown) {
  return validateBody(targetId, body).map((d) => ({ code: d.code, path: d.path, severity: d.severity }));
}

describe('validateBody', () => {
  it.each(targets.map((t) => [t.id, t] as const))('accepts the documented %s body', (_id, target) => {
    expect(validateBody(target.id, target.example)).toEqual([]);
  });

  it('rejects the documented bodies of the other API versions, naming the fix', () => {
    const pipedriveV1 = {
      subject: 'Call',
      type: 'call',
      user_id: 21844844,
      person_id: 146680,
      deal_id: 1024,
      done: 1,
    };
    expect(validateBody('pipedrive.activity', pipedriveV1).map((d) => [d.code, d.path])).toEqual([
      [TargetCodes.UNKNOWN_FIELD, '/user_id'],
      [TargetCodes.READ_ONLY, '/person_id'],
      [TargetCodes.TYPE, '/done'],
    ]);
  });

  it('accepts a correct HubSpot call', () => {
    expect(validateBody('hubspot.call', hubspotCall)).toEqual([]);
  });

  it('reports a missing hs_timestamp at its pointer, saying what HubSpot wants', () => {
    const { hs_timestamp: _t, ...properties } = hubspotCall.properties;
    const diagnostics = validateBody('hubspot.call', { ...hubspotCall, properties });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      code: TargetCodes.REQUIRED,
      path: '/properties/hs_timestamp',
      start: 0,
      end: 0,
    });
    expect(diagnostics[0]?.message).toMatch(/ISO-8601 UTC.*epoch milliseconds/);
  });

  it('accepts epoch milliseconds as text for hs_timestamp and rejects a bare date as one problem', () => {
    expect(validateBody('hubspot.note', { properties: { hs_timestamp: '1753965000000' } })).toEqual([]);
    const diagnostics = validateBody('hubspot.note', { properties: { hs_timestamp: '31/07/2025' } });
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      [TargetCodes.ALTERNATIVES, '/properties/hs_timestamp'],
    ]);
    const seconds = validateBody('hubspot.note', { properties: { hs_timestamp: '1753965000' } });
    expect(seconds[0]?.message).toContain('epoch seconds would land in 1970');
  });

  it('wants hs_call_duration as milliseconds text, not a number', () => {
    const body = { ...hubspotCall, properties: { ...hubspotCall.properties, hs_call_duration: 125 } };
    const [first] = validateBody('hubspot.call', body);
    expect(first).toMatchObject({ code: TargetCodes.TYPE, path: '/properties/hs_call_duration' });
    expect(first?.message).toContain('times: 1000 | string');
  });

  it('reports every problem at once with pointers into arrays', () => {
    const body = {
      properties: { hs_timestamp: '2025-07-31T12:30:00Z', hs_call_direction: 'outbound' },
      associations: [{ to: { id: null }, types: [] }],
    };
    expect(only('hubspot.call', body)).toEqual([
      { code: TargetCodes.ENUM, path: '/properties/hs_call_direction', severity: 'error' },
      { code: TargetCodes.TYPE, path: '/associations/0/to/id', severity: 'error' },
      { code: TargetCodes.LENGTH, path: '/associations/0/types', severity: 'error' },
    ]);
  });

  it('says a null value probably did not resolve', () => {
    const [first] = validateBody('close.note', { lead_id: null, note: 'x' });
    expect(first?.message).toMatch(
      /^\/lead_id is null \(did its mapped value resolve\?\) but must be string\. Map the Close lead id/,
    );
  });

  it('rejects associations on a call update, naming the field', () => {
    const diagnostics = only('hubspot.call.update', { properties: { hs_call_title: 'x' }, associations: [] });
    expect(diagnostics).toEqual([
      { code: TargetCodes.UNKNOWN_FIELD, path: '/associations', severity: 'warning' },
    ]);
    expect(only('hubspot.call.update', { properties: {} })).toEqual([
      { code: TargetCodes.LENGTH, path: '/properties', severity: 'error' },
    ]);
  });

  it('wants Salesforce ActivityDate as a date, not a date-time', () => {
    const [first] = validateBody('salesforce.task', {
      Subject: 'Call',
      ActivityDate: '2025-07-31T12:30:00Z',
    });
    expect(first).toMatchObject({ code: TargetCodes.FORMAT, path: '/ActivityDate' });
    expect(first?.message).toContain('YYYY-MM-DD');
    expect(
      validateBody('salesforce.task', { Subject: 'Call', ActivityDate: '2025-07-31', Custom__c: 'x' }),
    ).toEqual([]);
  });

  it('tells Pipedrive v2 users to send participants instead of person_id', () => {
    const [first] = validateBody('pipedrive.activity', {
      subject: 'Call',
      type: 'call',
      person_id: 5,
      done: 1,
    });
    expect(first).toMatchObject({ code: TargetCodes.READ_ONLY, path: '/person_id' });
    expect(first?.message).toContain('participants');
    expect(only('pipedrive.activity', { subject: 'Call', type: 'call', person_id: 5, done: 1 })[1]).toEqual({
      code: TargetCodes.TYPE,
      path: '/done',
      severity: 'error',
    });
  });

  it('needs a Pipedrive note parent, reported once', () => {
    const diagnostics = validateBody('pipedrive.note', { content: '<p>x</p>' });
    expect(diagnostics.map((d) => d.code)).toEqual([TargetCodes.ALTERNATIVES]);
    expect(diagnostics[0]?.message).toContain('deal_id, person_id');
    expect(validateBody('pipedrive.note', { content: '<p>x</p>', deal_id: 1024 })).toEqual([]);
  });

  it('explains the Zoho v2 note shape and string ids', () => {
    const v2 = {
      data: [{ Note_Title: 't', Note_Content: 'c', Parent_Id: '4150868000001234567', se_module: 'Contacts' }],
    };
    const diagnostics = validateBody('zoho.note', v2);
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      [TargetCodes.TYPE, '/data/0/Parent_Id'],
      [TargetCodes.READ_ONLY, '/data/0/se_module'],
    ]);
    expect(diagnostics[0]?.message).toContain('v3+');
  });

  it('checks Zoho call duration and start time forms', () => {
    const call = {
      Subject: 's',
      Call_Type: 'Outbound',
      Call_Start_Time: '2025-07-31T12:30:00Z',
      Call_Duration: 125,
    };
    expect(only('zoho.call', { data: [call] }).map((d) => d.path)).toEqual([
      '/data/0/Call_Start_Time',
      '/data/0/Call_Duration',
    ]);
  });

  it('requires https recordings and a lead for Close', () => {
    expect(only('close.call', { recording_url: 'http://example.com/a.mp3' })).toEqual([
      { code: TargetCodes.REQUIRED, path: '/lead_id', severity: 'error' },
      { code: TargetCodes.PATTERN, path: '/recording_url', severity: 'error' },
    ]);
  });

  it('needs all five Attio note fields inside data', () => {
    const diagnostics = only('attio.note', {
      data: { parent_object: 'people', parent_record_id: 'not-a-uuid', content: 'x' },
    });
    expect(diagnostics).toEqual([
      { code: TargetCodes.REQUIRED, path: '/data/title', severity: 'error' },
      { code: TargetCodes.REQUIRED, path: '/data/format', severity: 'error' },
      { code: TargetCodes.FORMAT, path: '/data/parent_record_id', severity: 'error' },
    ]);
  });

  it('parses text bodies as JSON and explains text that is not JSON', () => {
    expect(validateBody('slack.message', '{"text":"hi"}')).toEqual([]);
    const [first] = validateBody('slack.message', '{"text": "say "hi""}');
    expect(first).toMatchObject({ code: TargetCodes.NOT_JSON, path: '' });
    expect(first?.message).toContain('json filter');
  });

  it('checks Slack block limits', () => {
    const long = 'x'.repeat(151);
    expect(
      only('slack.message', {
        text: 't',
        blocks: [{ type: 'header', text: { type: 'plain_text', text: long } }],
      }),
    ).toEqual([{ code: TargetCodes.LENGTH, path: '/blocks/0/text/text', severity: 'error' }]);
  });

  it('names the known targets for an unknown id and a missing body', () => {
    const [first] = validateBody('hubspot.notes', {});
    expect(first).toMatchObject({ code: TargetCodes.UNKNOWN_TARGET });
    expect(first?.message).toContain('hubspot.note');
    expect(validateBody('close.note', undefined)[0]?.code).toBe(TargetCodes.NO_BODY);
  });
});
