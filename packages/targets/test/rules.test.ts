import { readFileSync } from 'node:fs';
import { renderRequest } from '@hookmap/core';
import { getProvider } from '@hookmap/providers';
import { describe, expect, it } from 'vitest';
import {
  TargetCodes,
  getTarget,
  starterIntegration,
  targetSchema,
  targets,
  validateBody,
  validateRequest,
} from '../src/index.js';
import { ruleCases } from './cases/rules.js';

const secrets = JSON.parse(
  readFileSync(new URL('../../../examples/secrets.json', import.meta.url), 'utf8'),
) as Record<string, string>;

describe('the rules of issue #16, one bad body each', () => {
  it.each(ruleCases.map((c) => [c.rule, c] as const))('%s', (_rule, c) => {
    const diagnostics = validateBody(c.target, c.body, c.options);
    expect(
      diagnostics.map((d) => [d.code, d.path]),
      c.rule,
    ).toEqual([[c.code, c.path]]);
    expect(diagnostics[0]?.message).toMatch(c.names);
    expect(diagnostics[0]?.message).toMatch(c.fix);
  });
});

describe('bodies the rules accept', () => {
  const now = '2026-12-01T12:00:00Z';
  it.each([
    [
      'zoho.call',
      { data: [{ Subject: 'c', Call_Type: 'Missed', Call_Start_Time: '2025-07-31T12:30:00+00:00' }] },
    ],
    [
      'zoho.call',
      {
        data: [
          {
            Subject: 'c',
            Call_Type: 'Outbound',
            Outbound_Call_Status: 'Scheduled',
            Call_Start_Time: '2027-07-31T12:30:00+00:00',
          },
        ],
      },
    ],
    [
      'zoho.call',
      {
        data: [
          {
            Subject: 'c',
            Call_Type: 'Outbound',
            Call_Start_Time: '2025-07-31T12:30:00+00:00',
            Call_Duration: '62:05',
            What_Id: { id: '41508680000' },
            $se_module: 'Leads',
          },
        ],
      },
    ],
    [
      'zoho.note',
      {
        data: [
          {
            Note_Content: 'c',
            Parent_Id: { module: { id: '4150868000000002175' }, id: '4150868000001234567' },
          },
        ],
      },
    ],
    [
      'hubspot.call',
      {
        properties: {
          hs_timestamp: '1753965000000',
          hs_call_recording_url: 'https://example.com/r/call.WAV?sig=1',
        },
        associations: [
          {
            to: { id: '1' },
            types: [
              { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 220 },
              { associationCategory: 'WORK', associationTypeId: 1234 },
              { associationCategory: 'USER_DEFINED', associationTypeId: 7 },
            ],
          },
        ],
      },
    ],
    [
      'hubspot.note',
      {
        properties: { hs_timestamp: '2025-07-31T12:30:00Z' },
        associations: [
          { to: { id: '1' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 228 }] },
        ],
      },
    ],
    [
      'close.call',
      {
        lead_id: 'lead_1',
        status: 'no-answer',
        duration: 604800,
        activity_at: '2025-07-31T12:30:00Z',
        outcome_id: 'outcome_abc',
        custom_fields: { cf_x: 1 },
        phone: '+16505551234',
      },
    ],
    [
      'attio.note',
      {
        data: {
          parent_object: 'people',
          parent_record_id: '891dcbfc-9141-415d-9b2a-2238a6cc012d',
          title: 't',
          format: 'markdown',
          content: 'c',
          created_at: '2026-12-01T12:00:00Z',
        },
      },
    ],
    ['salesforce.task', { Subject: 'Call', WhoId: '00QXXXXXXXXXXXX', Status: 'Anything' }],
    ['salesforce.event', { Subject: 'Day', IsAllDayEvent: true, ActivityDate: '2025-07-31' }],
    ['pipedrive.activity', {}],
    [
      'pipedrive.note',
      {
        content: 'c',
        task_id: 3,
        pinned_to_lead_flag: 1,
        pinned_to_organization_flag: 0,
        pinned_to_project_flag: 1,
        pinned_to_task_flag: 0,
      },
    ],
    ['slack.message', { text: 't', blocks: [{ type: 'markdown', text: 'x'.repeat(12000) }] }],
  ])('%s accepts %j', (targetId, body) => {
    expect(validateBody(targetId, body, { now })).toEqual([]);
  });

  it('accepts a configured picklist value and leaves unconfigured picklists free', () => {
    expect(
      validateBody(
        'salesforce.task',
        { Status: 'Completed' },
        { picklists: { Status: ['Open', 'Completed'] } },
      ),
    ).toEqual([]);
    expect(validateBody('salesforce.task', { Status: 'Whatever the org has' })).toEqual([]);
  });

  it('gives the static check the configured schema as plain JSON Schema', () => {
    const schema = targetSchema('salesforce.task', { picklists: { Status: ['Open'] } }) as {
      properties: { Status: { enum: string[] } };
    };
    expect(schema.properties.Status.enum).toEqual(['Open']);
    expect(
      (getTarget('salesforce.task')?.schema as { properties: { Status: { enum?: unknown } } }).properties
        .Status.enum,
    ).toBeUndefined();
    expect(targetSchema('nope')).toBeUndefined();
  });
});

describe('URLs and auth', () => {
  it('sends HubSpot to the date-versioned paths and still accepts v3', () => {
    for (const id of ['hubspot.note', 'hubspot.call', 'hubspot.call.update'])
      expect(getTarget(id)?.url).toContain('/crm/objects/2026-09/');
    const body = { properties: { hs_timestamp: '2025-07-31T12:30:00Z' } };
    const url = (u: string) =>
      validateRequest('hubspot.note', { method: 'POST', url: u, body }).map((d) => d.code);
    expect(url('https://api.hubapi.com/crm/objects/2026-09/notes')).toEqual([]);
    expect(url('https://api.hubapi.com/crm/v3/objects/notes')).toEqual([]);
    expect(url('https://api.hubapi.com/crm/v2/objects/notes')).toEqual([TargetCodes.URL]);
  });

  it('uses the current Salesforce API version and accepts older ones', () => {
    expect(getTarget('salesforce.task')?.url).toContain('/services/data/v68.0/');
    const request = {
      method: 'POST' as const,
      url: 'https://acme.my.salesforce.com/services/data/v62.0/sobjects/Task/',
      body: { Subject: 'x' },
    };
    expect(validateRequest('salesforce.task', request)).toEqual([]);
  });

  it("takes the Zoho host from the token response's api_domain", () => {
    for (const id of ['zoho.note', 'zoho.call'])
      expect(getTarget(id)?.url.startsWith('{{ connection.api_domain }}/crm/v8/')).toBe(true);
    const request = {
      method: 'POST' as const,
      url: 'https://www.zohoapis.eu/crm/v8/Notes',
      body: { data: [{ Note_Content: 'c', Parent_Id: { module: { api_name: 'Leads' }, id: '1' } }] },
    };
    expect(validateRequest('zoho.note', request)).toEqual([]);
  });

  it('offers Pipedrive API-token auth in the x-api-token header', () => {
    const auth = getTarget('pipedrive.note')?.alternativeAuth?.[0];
    expect(auth?.headers).toEqual({ 'x-api-token': '{{secrets.PIPEDRIVE_API_TOKEN}}' });
    expect(auth?.secrets).toContain('PIPEDRIVE_API_TOKEN');
  });
});

describe('starters keep the rules', () => {
  function render(targetId: string, providerId: string, payload: unknown) {
    const provider = getProvider(providerId) ?? undefined;
    return renderRequest(starterIntegration(targetId, providerId), payload, { provider, secrets });
  }
  const otoni = () =>
    structuredClone(getProvider('otonistark')?.samples[0]?.payload) as Record<string, unknown>;

  it('formats a Zoho call of 3 725 s as 62:05 and one of 125 s as 02:05', () => {
    for (const [seconds, text] of [
      [3725, '62:05'],
      [125, '02:05'],
      [59, '00:59'],
      [600, '10:00'],
    ] as const) {
      const payload = { ...otoni(), duration: seconds };
      for (const targetId of ['zoho.call']) {
        const body = render(targetId, 'otonistark', payload).body as { data: [{ Call_Duration: string }] };
        expect(body.data[0].Call_Duration, `${seconds}`).toBe(text);
      }
      const generic = renderRequest(starterIntegration('zoho.call'), payload, {
        provider: getProvider('otonistark') ?? undefined,
        secrets,
      });
      expect((generic.body as { data: [{ Call_Duration: string }] }).data[0].Call_Duration).toBe(text);
    }
  });

  it('escapes exactly &, < and > in Slack mrkdwn, so <!channel> does not ping', () => {
    const payload = {
      ...otoni(),
      extracted_variables: { summary: 'Tell <!channel> & see <https://x.test|this> "now"' },
    };
    const body = render('slack.message', 'otonistark', payload).body as {
      blocks: { type: string; text?: { text: string } }[];
    };
    const summary = body.blocks.find((b) => b.type === 'section')?.text?.text;
    expect(summary).toBe('Tell &lt;!channel&gt; &amp; see &lt;https://x.test|this&gt; "now"');
  });

  it('files meetings as Tasks without the Call subtype, calls with it', () => {
    const subtype = (providerId: string, generic = false) => {
      const integration = generic
        ? { ...starterIntegration('salesforce.task'), provider: providerId }
        : starterIntegration('salesforce.task', providerId);
      const sample = getProvider(providerId)?.samples[0]?.payload;
      return (
        renderRequest(integration, sample, { provider: getProvider(providerId) ?? undefined, secrets })
          .body as { TaskSubtype: string }
      ).TaskSubtype;
    };
    for (const meeting of ['otter', 'quil', 'attendee']) {
      expect(subtype(meeting), meeting).toBe('Task');
      expect(subtype(meeting, true), `${meeting} generic`).toBe('Task');
    }
    for (const call of ['otonistark', 'osvi']) expect(subtype(call, true), call).toBe('Call');
  });

  it('sends HubSpot only recordings it can play, linking others in the body', () => {
    const body = render('hubspot.call', 'otonistark', otoni()).body as { properties: Record<string, string> };
    expect(body.properties.hs_call_recording_url).toBeUndefined();
    expect(body.properties.hs_call_body).toContain('Recording: https://');
    const mp3 = render('hubspot.call', 'otonistark', { ...otoni(), recording_url: 'https://x.test/a.mp3' })
      .body as { properties: Record<string, string> };
    expect(mp3.properties.hs_call_recording_url).toBe('https://x.test/a.mp3');
  });
});

describe('rate limits', () => {
  it.each(targets.map((t) => [t.id, t] as const))('%s records its documented rate limit', (_id, target) => {
    expect(target.rateLimit.requests).toBeGreaterThan(0);
    expect(target.rateLimit.perMs).toBeGreaterThan(0);
    expect(['token', 'account', 'app', 'webhook']).toContain(target.rateLimit.scope);
    expect(target.rateLimit.source.length).toBeGreaterThan(10);
  });
});

describe('sources', () => {
  it.each([...new Set(targets.map((t) => t.crm))])(
    '%s has a SOURCES.md naming each of its targets and rules',
    (crm) => {
      const text = readFileSync(new URL(`../src/${crm}/SOURCES.md`, import.meta.url), 'utf8');
      for (const target of targets.filter((t) => t.crm === crm)) {
        expect(text, target.id).toContain(`\`${target.id}\``);
        for (const rule of target.rules ?? []) expect(text, rule.id).toContain(rule.id);
        for (const name of Object.keys(target.picklists ?? {})) expect(text, name).toContain(name);
      }
    },
  );
});
