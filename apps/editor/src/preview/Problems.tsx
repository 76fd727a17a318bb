/** Problems: template syntax, render (unresolved, filter types) and target-schema errors, each clickable. */
import { revealOffsets, revealPointer } from '../editor/bridge.js';
import { diagnosticTextRange, lineColumn, scanJson } from '@hookmap/core/tooling';
import { getStore } from '../store.js';
import type { FieldDiagnostic } from '../worker/protocol.js';

function revealDiagnostic(d: FieldDiagnostic): void {
  const { doc } = getStore().getState();
  if (d.field !== 'body' || doc.bodyMode === 'auto') return;
  if (doc.bodyMode === 'text') {
    revealOffsets(d.start, Math.max(d.end, d.start + 1));
    return;
  }
  const text = doc.templateText;
  const range = diagnosticTextRange(text, scanJson(text).locations, d);
  revealOffsets(range.start, range.end);
}

function lineOf(d: FieldDiagnostic): string {
  const { doc } = getStore().getState();
  if (d.field !== 'body' || doc.bodyMode === 'auto') return d.field;
  const text = doc.templateText;
  if (doc.bodyMode === 'text') return `line ${lineColumn(text, d.start).line}`;
  const range = diagnosticTextRange(text, scanJson(text).locations, d);
  return `line ${lineColumn(text, range.start).line}`;
}

/** Target messages may start with the pointer already shown beside them. */
function withoutPointer(message: string, pointer: string): string {
  return pointer !== '' && message.startsWith(pointer) ? message.slice(pointer.length).trimStart() : message;
}

export function Problems({
  diagnostics,
  target,
}: {
  diagnostics: FieldDiagnostic[];
  target: FieldDiagnostic[];
}) {
  if (diagnostics.length === 0 && target.length === 0) return null;
  return (
    <div className="problems" data-testid="problems">
      {diagnostics.length > 0 && (
        <>
          <h3>Template ({diagnostics.length})</h3>
          <ul>
            {diagnostics.map((d, i) => (
              <li key={`d${i}`} className={`sev-${d.severity}`}>
                <button className="problem" onClick={() => revealDiagnostic(d)} title="Show in the template">
                  <span className="code">{d.code}</span> {d.message}
                  {d.suggestion && !d.message.includes(d.suggestion) && (
                    <i> — did you mean “{d.suggestion}”?</i>
                  )}
                  <span className="where">{d.header ? `header ${d.header}` : lineOf(d)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {target.length > 0 && (
        <>
          <h3>Target schema ({target.length})</h3>
          <ul data-testid="target-problems">
            {target.map((d, i) => (
              <li key={`t${i}`} className={`sev-${d.severity}`}>
                <button
                  className="problem"
                  onClick={() => revealPointer(getStore().getState().doc.templateText, d.path)}
                  title="Show the template line that produces this value"
                >
                  <span className="code">{d.code}</span> <code className="pointer">{d.path || '/'}</code>{' '}
                  {withoutPointer(d.message, d.path)}
                  {d.suggestion && <i> — {d.suggestion}</i>}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
