/** The HubSpot "note on the contact found by email, created if missing" starter, aimed at the CRM simulator. */
import type { Flow, JsonValue } from '@hookmap/core';
import { getProvider } from '@hookmap/providers';
import { starterFlow } from '@hookmap/targets';
import type { CrmSim } from '@hookmap/crm-sim';

/** The starter for Otter, every `https://api.hubapi.com` URL sent to the simulator instead (`<sim>/hubspot/...`). */
export function hubspotNoteFlow(sim: CrmSim, rewrite: (flow: Flow) => Flow = (f) => f): Flow {
  const flow = starterFlow('hubspot.note', 'otter') as Flow;
  const text = JSON.stringify(flow).split('https://api.hubapi.com').join(`${sim.url}/hubspot`);
  return rewrite(JSON.parse(text) as Flow);
}

/** Otter's first sample as a meeting `id` with `email` as its first participant. */
export function otterMeeting(id: string, email = 'john@test.com'): JsonValue {
  const sample = structuredClone(getProvider('otter')?.samples[0]?.payload) as {
    data: Record<string, unknown>;
  };
  sample.data.id = id;
  const json = JSON.stringify(sample).split('john@test.com').join(email);
  return JSON.parse(json) as JsonValue;
}

/** How many requests the simulator got for a preset (e.g. `hubspot.contact.create`), and how many it accepted. */
export function sent(sim: CrmSim, preset: string): { all: number; ok: number } {
  const hits = sim.received.filter((r) => r.preset === preset);
  return { all: hits.length, ok: hits.filter((r) => r.status < 400).length };
}
