/**
 * Flows across a crash (SPEC §9): the relay is killed with SIGKILL while a flow's last step is in
 * flight, after its first steps were recorded; the relay started again (embedded store: the same
 * directory; PostgreSQL: another process, once the lease ran out) resumes at that step. The recorded
 * steps — the contact lookup and its creation — are never sent again; only the step in flight is.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCrmSim } from '@hookmap/crm-sim';
import { adminCall, spawnRelay } from './helpers/child.js';
import type { ChildRelay } from './helpers/child.js';
import { startSink } from './helpers/sink.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { hubspotNoteFlow, otterMeeting, sent } from './helpers/flows.js';

const TOKEN = 'flow-crash-token';
const sim = await startCrmSim();
const children: ChildRelay[] = [];
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of children) await c.stop();
  for (const f of cleanup) await f();
  await sim.close();
});

const cases = [
  {
    name: 'embedded store',
    env: async (): Promise<Record<string, string>> => {
      const dir = await mkdtemp(join(tmpdir(), 'hookmap-flow-crash-'));
      cleanup.push(() => rm(dir, { recursive: true, force: true }));
      return { HOOKMAP_DATA_DIR: dir };
    },
  },
  {
    name: 'PostgreSQL store',
    env: async (): Promise<Record<string, string>> => {
      const schema = uniqueSchema('flowcrash');
      cleanup.push(() => dropSchema(schema));
      return { DATABASE_URL, HOOKMAP_PG_SCHEMA: schema };
    },
  },
];

describe.each(cases)('a flow across kill -9 ($name)', ({ env: storeEnv }) => {
  it(
    'resumes at the step in flight; the recorded steps are not sent again',
    { timeout: 60_000 },
    async () => {
      sim.reset();
      const env = {
        ...(await storeEnv()),
        HOOKMAP_ADMIN_TOKEN: TOKEN,
        HOOKMAP_ALLOW_PRIVATE: '127.0.0.1',
        HOOKMAP_POLL_MS: '20',
        HOOKMAP_BACKOFF_BASE_MS: '50',
        HOOKMAP_TIMEOUT_MS: '3000',
        HOOKMAP_LEASE_MS: '8000',
      };
      let first: ChildRelay | null = null;
      // The note goes to a sink: the first one kills the relay before it answers; later ones are filed.
      const notes = await startSink((_req, index) => {
        if (index === 0) {
          void first?.crash();
          return 'hang';
        }
        return { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"note-1"}' };
      });
      cleanup.push(() => notes.close());
      const flow = hubspotNoteFlow(sim, (f) => ({
        ...f,
        steps: f.steps.map((s) => (s.id === 'note' ? { ...s, url: `${notes.url}/notes` } : s)),
      }));

      first = await spawnRelay(env);
      children.push(first);
      const source = (await adminCall(first.url, TOKEN, 'POST', '/api/sources', {
        id: 'otter',
        provider: 'otter',
        verification: 'none',
      })) as { hookPath: string };
      const integration = await adminCall(first.url, TOKEN, 'POST', '/api/integrations', {
        sourceId: 'otter',
        doc: flow,
        secrets: sim.secrets(),
      });
      const ack = await fetch(`${first.url}${source.hookPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(otterMeeting('meeting-crash')),
      });
      expect(ack.status).toBe(202);
      await notes.waitFor(1, 20_000);
      await new Promise<void>((resolve) =>
        first!.proc.exitCode !== null || first!.proc.signalCode !== null
          ? resolve()
          : first!.proc.once('exit', () => resolve()),
      );
      expect(first.proc.signalCode).toBe('SIGKILL');
      expect(sent(sim, 'hubspot.contact.search')).toEqual({ all: 1, ok: 1 });
      expect(sent(sim, 'hubspot.contact.create')).toEqual({ all: 1, ok: 1 });

      const second = await spawnRelay(env);
      children.push(second);
      await notes.waitFor(2, 30_000);
      let delivery: {
        status: string;
        steps: { stepId: string; number: number; worker: string; result?: unknown }[];
      } | null = null;
      for (let i = 0; i < 200 && delivery?.status !== 'succeeded'; i++) {
        const list = await adminCall(
          second.url,
          TOKEN,
          'GET',
          `/api/deliveries?integrationId=${integration.id}`,
        );
        delivery = await adminCall(second.url, TOKEN, 'GET', `/api/deliveries/${list.items[0].id}`);
        if (delivery?.status !== 'succeeded') await new Promise((r) => setTimeout(r, 50));
      }
      expect(delivery?.status).toBe('succeeded');
      // Nothing recorded was sent again: one lookup, one create; only the note in flight at the kill went twice.
      expect(sent(sim, 'hubspot.contact.search').all).toBe(1);
      expect(sent(sim, 'hubspot.contact.create').all).toBe(1);
      expect(sim.people('hubspot')).toHaveLength(1);
      expect(notes.requests).toHaveLength(2);
      const contactId = sim.people('hubspot')[0]!.id;
      for (const note of notes.requests) expect(JSON.parse(note.body).associations[0].to.id).toBe(contactId);
      expect(delivery!.steps.map((s) => [s.stepId, s.number, s.worker])).toEqual([
        ['find', 1, first.worker],
        ['create', 1, first.worker],
        ['note', 1, second.worker],
      ]);
      expect(delivery!.steps[1]!.result).toBe(contactId);
    },
  );
});
