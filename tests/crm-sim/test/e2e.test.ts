/**
 * End to end, through the real HTTP requests of the starters: an Otter or Quil meeting ends up as an activity on the
 * right person in every CRM — found when it exists, created when not — and the same event twice, or a retry after
 * a failed write, never creates the person twice.
 */
import { integrationApplies, isFlow, runFlow } from '@hookmap/core';
import type { Flow, FlowFetch, FlowResult, Provider } from '@hookmap/core';
import { getProvider } from '@hookmap/providers';
import { getStepPreset, getTarget, starterFlow, targets } from '@hookmap/targets';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { simFetch, startCrmSim } from '../src/index.js';
import type { CrmId, SimPerson } from '../src/index.js';

const sim = await startCrmSim();
const fetch = simFetch(sim) as unknown as FlowFetch;
afterAll(() => sim.close());
beforeEach(() => sim.reset());

/** Who each provider's first sample is about, as the lookup finds them. */
const MEETINGS = {
  otter: {
    person: { email: 'john@test.com', name: 'John Doe' },
    matches: (p: SimPerson) => p.email === 'john@test.com',
  },
  quil: {
    person: { phone: '+12345678900' },
    matches: (p: SimPerson) => (p.phone ?? '').replace(/\D/g, '') === '12345678900',
  },
} as const;

const flowTargets = targets.filter((t) => isFlow(starterFlow(t.id, 'otter')));
const cases = flowTargets.flatMap((target) =>
  (['otter', 'quil'] as const).flatMap((providerId) => {
    const provider = getProvider(providerId) as Provider;
    const flow = starterFlow(target.id, providerId) as Flow;
    const payload = provider.samples[0]?.payload;
    return integrationApplies(flow, payload, provider)
      ? [{ target: target.id, crm: target.crm as CrmId, providerId, provider, flow, payload }]
      : [];
  }),
);

/**
 * The values of the relay connection a starter names (Salesforce, Pipedrive, Zoho: OAuth2), as the relay would
 * pass them: the simulator's token and instance URL under the connection's names (`access_token`, `instance_url`).
 */
function connectionOf(c: (typeof cases)[number]): { connection?: Record<string, string> } {
  const auth = getTarget(c.target)?.auth;
  if (!c.flow.connection || !auth) return {};
  const secrets = sim.secrets();
  const values = auth.oauth.names.map((name, i) => [name, secrets[auth.secrets.names[i] ?? ''] ?? '']);
  return { connection: Object.fromEntries(values) };
}

function run(c: (typeof cases)[number], resume?: FlowResult['steps']): Promise<FlowResult> {
  return runFlow(c.flow, c.payload, {
    provider: c.provider,
    secrets: sim.secrets(),
    ...connectionOf(c),
    fetch,
    ...(resume ? { resume } : {}),
  });
}

function activitiesOf(c: (typeof cases)[number]) {
  return sim.activities(c.crm).filter((a) => a.target === c.target);
}

describe('Otter and Quil meetings into every CRM, through the simulator', () => {
  it('covers every CRM, by email (Otter) and by phone (Quil)', () => {
    const crms = new Set(cases.map((c) => c.crm));
    expect([...crms].sort()).toEqual(['attio', 'close', 'hubspot', 'pipedrive', 'salesforce', 'zoho']);
    for (const crm of crms)
      expect(new Set(cases.filter((c) => c.crm === crm).map((c) => c.providerId)), crm).toEqual(
        new Set(['otter', 'quil']),
      );
  });

  it.each(cases.map((c) => [`${c.providerId} → ${c.target}`, c] as const))(
    '%s: created when missing, found the second time',
    async (_, c) => {
      const first = await run(c);
      expect(first.stoppedAt, JSON.stringify(first.steps.at(-1)?.response)).toBeUndefined();
      expect(first.steps.every((s) => s.skipped || s.accepted)).toBe(true);
      const people = sim.people(c.crm);
      expect(people).toHaveLength(1);
      const person = people[0] as SimPerson;
      expect(MEETINGS[c.providerId].matches(person), JSON.stringify(person)).toBe(true);
      const filed = activitiesOf(c);
      expect(filed.length).toBeGreaterThan(0);
      for (const activity of filed) expect(activity.personIds).toEqual([person.id]);

      const second = await run(c);
      expect(second.stoppedAt).toBeUndefined();
      expect(sim.people(c.crm), 'the same event twice creates the person once').toHaveLength(1);
      expect(activitiesOf(c)).toHaveLength(filed.length * 2);
      for (const activity of activitiesOf(c)) expect(activity.personIds).toEqual([person.id]);
      expect(
        sim.received.every((r) => r.status < 400),
        'no request was refused',
      ).toBe(true);
    },
  );

  it.each(cases.map((c) => [`${c.providerId} → ${c.target}`, c] as const))(
    '%s: files on the person the CRM already holds',
    async (_, c) => {
      const kind = c.crm === 'salesforce' ? 'Contact' : 'person';
      const existing = sim.seed(c.crm, { kind, ...MEETINGS[c.providerId].person, name: 'Existing Person' });
      const result = await run(c);
      expect(result.stoppedAt).toBeUndefined();
      expect(sim.people(c.crm)).toEqual([existing]);
      expect(activitiesOf(c).map((a) => a.personIds)).toEqual(activitiesOf(c).map(() => [existing.id]));
    },
  );

  it.each(cases.map((c) => [`${c.providerId} → ${c.target}`, c] as const))(
    '%s: a failed write is retried from that step, the person created once',
    async (_, c) => {
      sim.fail(c.crm, { status: 429, retryAfter: 1, preset: c.target });
      const failed = await run(c);
      expect(failed.stoppedAt).toBe(c.flow.steps.at(-1)?.id);
      expect(failed.stopReason).toBe('not-accepted');
      expect(failed.steps.at(-1)?.response?.headers['retry-after']).toBe('1');
      expect(activitiesOf(c)).toHaveLength(0);
      const retried = await run(c, failed.steps.slice(0, -1));
      expect(retried.stoppedAt).toBeUndefined();
      expect(retried.steps.filter((s) => s.resumed).length).toBe(c.flow.steps.length - 1);
      expect(sim.people(c.crm)).toHaveLength(1);
      expect(activitiesOf(c).map((a) => a.personIds)).toEqual(
        activitiesOf(c).map(() => [sim.people(c.crm)[0]?.id]),
      );
    },
  );

  it('HubSpot: a contact the search index does not show yet is found through the 409 of the create', async () => {
    const lagging = await startCrmSim({ hubspotSearchLagMs: 60_000 });
    try {
      const c = cases.find((x) => x.target === 'hubspot.note' && x.providerId === 'otter');
      if (!c) throw new Error('no hubspot.note × otter case');
      const options = {
        provider: c.provider,
        secrets: lagging.secrets(),
        fetch: simFetch(lagging) as unknown as FlowFetch,
      };
      await runFlow(c.flow, c.payload, options);
      const again = await runFlow(c.flow, c.payload, options);
      expect(again.steps.map((s) => [s.id, s.response?.status])).toEqual([
        ['find', 200],
        ['create', 409],
        ['note', 201],
      ]);
      expect(lagging.people('hubspot')).toHaveLength(1);
      const id = lagging.people('hubspot')[0]?.id;
      expect(lagging.activities('hubspot').map((a) => a.personIds)).toEqual([[id], [id]]);
    } finally {
      await lagging.close();
    }
  });

  it('every request the starters sent matched a preset the simulator checked against its schema', async () => {
    for (const c of cases) await run(c);
    const presets = new Set(sim.received.map((r) => r.preset));
    expect(presets.has(null)).toBe(false);
    for (const preset of presets)
      expect(getTarget(String(preset)) ?? getStepPreset(String(preset)), String(preset)).toBeDefined();
    expect(sim.received.every((r) => r.status < 400)).toBe(true);
  });
});
