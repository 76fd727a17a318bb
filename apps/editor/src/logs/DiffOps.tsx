import type { PatchOperation } from './types.js';
import { pointerGet } from './json-diff.js';
import { short } from './plan-text.js';
import { s } from './styles.js';

const SIGN: Record<string, string> = { add: '+', remove: '−', replace: '~', move: '→', copy: '⇒', test: '?' };
const COLOR: Record<string, string> = {
  add: 'var(--good, #1b7f3b)',
  remove: 'var(--bad, #c42b2b)',
  replace: 'var(--warn, #9a6200)',
};

/** JSON Patch operations, one a line: `+ /body/name: "a"`, `~ /url: "old" → "new"`, `− /headers/x`. */
export function DiffOps({ ops, before, label }: { ops: PatchOperation[]; before: unknown; label: string }) {
  if (ops.length === 0) return <div style={s.muted}>No difference.</div>;
  return (
    <ul aria-label={label} style={{ ...s.pre, listStyle: 'none', maxHeight: 160 }} data-testid="diff-ops">
      {ops.map((op, i) => (
        <li key={i} style={{ color: COLOR[op.op] ?? 'inherit' }}>
          <span aria-hidden="true">{SIGN[op.op] ?? op.op} </span>
          <span className="sr-only">{op.op} </span>
          {op.path || '/'}
          {op.op === 'replace' && `: ${short(pointerGet(before, op.path))} → ${short(op.value)}`}
          {op.op === 'add' && `: ${short(op.value)}`}
          {op.op === 'remove' && ` (was ${short(pointerGet(before, op.path))})`}
          {(op.op === 'move' || op.op === 'copy') && ` from ${op.from ?? ''}`}
        </li>
      ))}
    </ul>
  );
}
