/* eslint-disable @typescript-eslint/no-explicit-any -- tests read JSON answers loosely */
/**
 * Issue #17's "done when", through the relay: for every CRM, an Otter meeting becomes an activity on the
 * person found by email — created when missing — with the targets' flow starter, against the CRM simulator.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CANONICAL_HOSTS, startCrmSim, type CrmId } from '@hookmap/crm-sim';
import { integrationApplies, isFlow, type Flow, type Provider } from '@hookmap/core';
import { getProvider } from '@hookmap/providers';
import { starterFlow, targets } from '@hookmap/targets';
import { startTestRelay } from './helpers/relay.js';
import { otterMeeting } from './helpers/flows.js';

const sim = await startCrmSim();
const relay = await startTestRelay({ timeoutMs: 5_000 });
afterAll(async () => {
  await relay.close();
  await sim.close();
});

/** Every URL of the CRM's API (in the document and in the secrets) sent to the simulator instead. */
function toSim<T>(value: T, crm: CrmId): T {
  return JSON.parse(
    JSON.stringify(value).split(`https://${CANONICAL_HOSTS[crm]}`).join(`${sim.url}/${crm}`),
  ) as T;
}

/**
 * The relay connection a starter names (Salesforce, Zoho, Pipedrive read `connection.*`), made once as a static
 * connection holding the simulator's credentials under the connection's names (instance_url, api_domain, ...).
 */
const made = new Set<string>();
async function connectionFor(id: string, target: string, crm: CrmId): Promise<void> {
  if (made.has(id)) return;
  const auth = targets.find((t) => t.id === target)?.auth;
  if (!auth) throw new Error(`${target} names connection ${id} but has no auth forms`);
  const secrets = toSim(sim.secrets(), crm);
  const values = Object.fromEntries(
    auth.oauth.names.map((name, i) => [name, secrets[auth.secrets.names[i] ?? ''] ?? '']),
  );
  const answer = await relay.api('POST', '/api/connections', { id, kind: 'static', values });
  expect(answer.status, answer.text).toBe(201);
  made.add(id);
}

const otter = getProvider('otter') as unknown as Provider;
// Starters whose `when` leaves Otter's sample out (Salesforce Tasks: no action items) send nothing to check here.
const cases = targets
  .filter((t) => t.crm in CANONICAL_HOSTS && isFlow(starterFlow(t.id, 'otter')))
  .filter((t) => integrationApplies(starterFlow(t.id, 'otter'), otterMeeting('probe'), otter))
  .map((t) => ({ target: t.id, crm: t.crm as CrmId, email: `every.${t.id.replace('.', '-')}@test.com` }));

describe('an Otter meeting into every CRM through the relay', () => {
  it('covers every CRM', () => {
    expect(new Set(cases.map((c) => c.crm)).size).toBe(6);
  });

  it.each(cases)(
    '$target: the person is found or created once, the activity is filed on them',
    async ({ target, crm, email }) => {
      const source = await relay.api('POST', '/api/sources', {
        name: target,
        provider: 'otter',
        verification: 'none',
      });
      const doc = toSim(starterFlow(target, 'otter') as Flow, crm);
      if (doc.connection) await connectionFor(doc.connection, target, crm);
      const integration = await relay.api('POST', '/api/integrations', {
        sourceId: source.body.id,
        doc,
        secrets: toSim(sim.secrets(), crm),
      });
      expect(integration.status, integration.text).toBe(201);
      const before = sim.people(crm).length;
      const filedFor = () => sim.activities(crm).filter((a) => a.target === target).length;
      const perMeeting: number[] = [];
      for (const meeting of ['every-crm-1', 'every-crm-2']) {
        const already = filedFor();
        const ack = await relay.hook(source.body.id, otterMeeting(`${target}-${meeting}`, email));
        expect(ack.status).toBe(202);
        const event = await relay.until(
          () => relay.api('GET', `/api/events/${ack.body.eventId}`),
          (r) => r.body.deliveries.length === 1 && r.body.deliveries[0].status !== 'pending',
          20_000,
        );
        const delivery = (await relay.api('GET', `/api/deliveries/${event.body.deliveries[0].id}`)).body;
        expect(
          delivery.status,
          JSON.stringify(delivery.steps.map((s: any) => [s.stepId, s.responseStatus, s.error])),
        ).toBe('succeeded');
        perMeeting.push(filedFor() - already);
      }
      const people = sim.people(crm).filter((p) => p.email === email);
      expect(people).toHaveLength(1);
      expect(sim.people(crm).length).toBe(before + 1);
      // One activity per meeting (Salesforce Tasks: one per action item), all on that person.
      expect(perMeeting[0]).toBeGreaterThan(0);
      expect(perMeeting[1]).toBe(perMeeting[0]);
      const filed = sim
        .activities(crm)
        .filter((a) => a.target === target && a.personIds.includes(people[0]!.id));
      expect(filed).toHaveLength(perMeeting[0]! * 2);
    },
  );
});
