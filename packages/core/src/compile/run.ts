import { Codes } from '../codes.js';
import { RenderError } from '../errors.js';
import type { RenderState } from '../evaluate/state.js';
import type { ExprNode } from '../syntax/ast.js';
import type { ExprSegment } from '../syntax/scan.js';
import type { Diagnostic } from '../types.js';
import type { Evaluator, Scope } from './env.js';

/** A compiled placeholder: its evaluator plus what is needed to report on it. */
export interface Placeholder {
  evaluate: Evaluator;
  segment: ExprSegment;
  /** The parsed expression (absent when it did not parse, in validate mode). */
  ast?: ExprNode;
}

/** Runs a placeholder and turns its pending misses into diagnostics (or an error). */
export function run(
  p: Placeholder,
  pointer: string,
  s: Scope,
  st: RenderState,
  key = false,
  strict = true,
): unknown {
  if (st.pending === null) return p.evaluate(s, st);
  if (st.pending.length !== 0) st.pending.length = 0;
  const value = p.evaluate(s, st);
  if (value !== undefined && st.pending.length === 0) return value;
  const before = st.diagnostics?.length ?? 0;
  flush(p, pointer, value, st, strict);
  if (key && st.diagnostics)
    for (let i = before; i < st.diagnostics.length; i++) (st.diagnostics[i] as Diagnostic).key = true;
  return value;
}

function flush(p: Placeholder, pointer: string, value: unknown, st: RenderState, strict: boolean): void {
  const misses = st.pending ?? [];
  const unresolved = value === undefined && strict;
  if (unresolved && st.missing === 'error') {
    const first = misses[0];
    const ref = first?.reference ?? p.segment.source.trim();
    const err = new RenderError(
      Codes.UNRESOLVED,
      `${ref} did not resolve${first?.message ? ` (${first.message})` : ''}` +
        (pointer ? ` at ${pointer}` : '') +
        '.',
      { path: pointer, start: first?.start ?? p.segment.start, end: first?.end ?? p.segment.end },
    );
    err.reference = ref;
    throw err;
  }
  if (!st.diagnostics) return;
  if (unresolved && misses.length === 0) {
    st.report({
      severity: 'warning',
      code: Codes.UNRESOLVED,
      message: `${p.segment.source.trim()} produced no value.`,
      path: pointer,
      start: p.segment.start,
      end: p.segment.end,
      reference: p.segment.source.trim(),
    });
  }
  for (const m of misses) {
    st.report({
      severity: unresolved ? 'warning' : 'info',
      code: Codes.UNRESOLVED,
      message:
        `${m.reference} did not resolve${m.message ? `: ${m.message}` : ''}` +
        (unresolved ? '' : value === undefined ? ' (treated as false)' : ' (a fallback was used)'),
      path: pointer,
      start: m.start,
      end: m.end,
      reference: m.reference,
      ...(m.suggestion ? { suggestion: m.suggestion } : {}),
    });
  }
}
