import { toJsonValue, type RenderState } from '../evaluate/state.js';
import { contextPathOf } from './expression.js';
import { run, type Placeholder } from './run.js';
import { slotPath } from './slots/index.js';
import { OMIT, type CompileEnv, type RenderNode } from './env.js';
import type { WholeHooks } from './slots/kinds.js';

/**
 * SPEC §3 rule 1: a string that is one placeholder gives the raw value, counted against the output
 * limit. A plain context path (`{{ a.b.c }}`, the usual field) gets a generated slot that reads the
 * path and finishes the value in one call; anything else evaluates, then finishes.
 */
export function wholeValue(p: Placeholder, env: CompileEnv): RenderNode {
  const pointer = env.pointer;
  const raw = p.segment.raw;
  const evaluate = p.evaluate;
  const absent = (st: RenderState): unknown => {
    if (st.missing === 'omit') return OMIT;
    const v = st.missing === 'keep' ? raw : null;
    st.addValue(v);
    return v;
  };
  const finish = (x: unknown, st: RenderState): unknown => {
    let v = x;
    if (typeof v === 'string') {
      st.addOutput(v.length + 2);
      return v;
    }
    if (typeof v === 'object' && v !== null) return st.outputObject(v);
    if (typeof v === 'boolean' || v === OMIT) {
      st.output += 5;
      return v;
    }
    if (typeof v === 'number') {
      st.output += 5;
      return Number.isFinite(v) ? v : null;
    }
    if (v !== undefined) v = toJsonValue(v);
    if (v === undefined) return absent(st);
    st.addValue(v);
    return v;
  };
  const slow: RenderNode = (s, st) =>
    finish(st.pending === null ? evaluate(s, st) : run(p, pointer, s, st), st);
  const path = p.ast ? contextPathOf(p.ast, env) : null;
  const hooks: WholeHooks = { slow, absent, finish };
  return (path && slotPath(path.root, path.keys, () => undefined, hooks)) ?? slow;
}
