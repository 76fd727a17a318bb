/**
 * Plan benchmark (SPEC §12, issue #19): 1 000 stored OSVI events re-rendered with the live version and
 * with a changed document, diffs included, as the admin route does it — without any network.
 *
 *   pnpm --filter @hookmap/relay bench:plan      (BENCH_PLAN_EVENTS=1000)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getProvider } from '@hookmap/providers';
import type { Integration } from '@hookmap/core';
import { planChange } from '../src/plan/plan.js';
import type { EventRecord } from '../src/store/types.js';

const EVENTS = Number(process.env.BENCH_PLAN_EVENTS ?? 1000);
const example = join(import.meta.dirname, '../../../examples/osvi-to-hubspot-call');
const live = JSON.parse(readFileSync(join(example, 'integration.json'), 'utf8')) as Integration;
const payload = JSON.parse(readFileSync(join(example, 'payload.json'), 'utf8')) as Record<string, unknown>;
const provider = getProvider('osvi') ?? undefined;

// The change a user plans: one property renamed in the body, one added.
const doc = structuredClone(live) as Integration & {
  body: { template: { properties?: Record<string, unknown> } };
};
const props = doc.body.template.properties ?? {};
props.hs_call_title = '{{ data_capture.customer_name ?? "Call" }} (planned)';
props.hs_call_direction = 'OUTBOUND';

const events: EventRecord[] = Array.from({ length: EVENTS }, (_, i) => ({
  id: `evt_${String(i).padStart(6, '0')}`,
  sourceId: 'src',
  idempotencyKey: null,
  body: JSON.stringify({ ...payload, call_summary: `${String(payload.call_summary ?? '')} #${i}` }),
  headers: {},
  receivedAt: new Date(Date.now() - i * 1000).toISOString(),
  test: false,
}));

const runs: number[] = [];
let changed = 0;
for (let run = 0; run < 4; run++) {
  const started = performance.now();
  const plan = await planChange({ live, doc, events, provider, secrets: { HUBSPOT_TOKEN: 'pat-na1-bench' } });
  runs.push(performance.now() - started);
  changed = plan.summary.changed;
}
const best = Math.min(...runs.slice(1));
console.log(
  `plan over ${EVENTS} events: ${changed} changed; best of 3 (after a warm-up) ${best.toFixed(0)} ms, runs ${runs.map((r) => r.toFixed(0)).join(' / ')} ms`,
);
console.log(best < 2000 ? 'meets the 2 s target' : 'MISSES the 2 s target');
