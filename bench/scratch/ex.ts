import { loadExamples } from '../cases/examples.js';
import { requestOp, handOp } from '../harness/examples.js';
import { freshCopy } from '../harness/contexts.js';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
const name = process.argv[2] ?? 'osvi-to-hubspot-call';
const ex = loadExamples().find((e) => e.name === name)!;
const op = requestOp(ex);
const hand = handOp(ex);
const N = 2000;
const sink: unknown[] = new Array(8);
function slice(f: (x: object) => unknown) {
  const ctxs = Array.from({ length: N }, () => freshCopy(ex.payload as object));
  (globalThis as any).gc?.({ type: 'minor' });
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink[i & 7] = f(ctxs[i]!);
  return ((performance.now() - t0) / N) * 1e6;
}
const prof = process.argv.includes('--prof');
let session: Session | undefined;
for (let r = 0; r < 30; r++) {
  if (prof && r === 10) { session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start'); }
  const a = slice(op);
  const b = hand ? slice(hand) : 0;
  if (r % 10 === 9) console.log('renderRequest', a.toFixed(0), 'ns; hand', b.toFixed(0), 'ns');
}
if (session) {
  const { profile } = await session.post('Profiler.stop');
  const self = new Map<string, number>();
  const total = profile.samples!.length;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const id of profile.samples!) { const n = byId.get(id)!; const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\/work\/main\//, '')}:${n.callFrame.lineNumber + 1}`; self.set(k, (self.get(k) ?? 0) + 1); }
  for (const [k, v] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log((100 * v / total).toFixed(1).padStart(5) + '%', k);
}
