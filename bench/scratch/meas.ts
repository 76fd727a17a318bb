import { RenderState } from '../../packages/core/src/evaluate/state.js';
import { DEFAULT_LIMITS } from '../../packages/core/src/limits.js';
import { freshCopy } from '../harness/contexts.js';
const base = { intent: 'appointment_confirmation', appointment: { date: '2026-06-12', time: '10:00' } };
const st = new RenderState(DEFAULT_LIMITS, 'null', null);
const N = 4000;
let acc = 0;
for (let r = 0; r < 20; r++) {
  const objs = Array.from({ length: N }, () => freshCopy(base));
  const t0 = performance.now();
  for (let i = 0; i < N; i++) { st.output = 0; acc += st.measure(objs[i]!); }
  if (r % 4 === 3) console.log(((performance.now() - t0) / N * 1e6).toFixed(1), 'ns', acc > 0);
}
