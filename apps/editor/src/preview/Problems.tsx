/**
 * Problems: template syntax, render (unresolved, filter types) and target-schema errors, each
 * clickable to its place in the template, with a one-click fix where there is a common one.
 */
import { lineColumn, nearestLocation, scanJson } from '@hookmap/core/tooling';
import { revealOffsets, revealPointer } from '../editor/bridge.js';
import { applyEdit } from '../mapper/mapping.js';
import { bodyRange, suggestionFix, type QuickFix } from '../status/fixes.js';
import { getStore, type EditorDoc } from '../store.js';
import type { FieldDiagnostic } from '../worker/protocol.js';

/** The template text a body diagnostic's offsets refer to: the JSON template or the text body. */
function bodyText(doc: EditorDoc): { text: string; json: boolean } {
  return doc.bodyMode === 'text'
    ? { text: doc.textTemplate, json: false }
    : { text: doc.templateText, json: true };
}

function revealDiagnostic(d: FieldDiagnostic): void {
  const { doc } = getStore().getState();
  if (d.field !== 'body' || doc.bodyMode === 'auto') return;
  const { text, json } = bodyText(doc);
  const range = bodyRange(text, json, d);
  if (range) revealOffsets(range.start, Math.max(range.end, range.start + 1));
}

/** "line N" of a body diagnostic in the text it was found in; the part it belongs to otherwise. */
export function whereOf(d: FieldDiagnostic, doc: EditorDoc): string {
  if (d.step) return `step ${d.step}`;
  if (d.header) return `header ${d.header}`;
  if (d.field !== 'body' || doc.bodyMode === 'auto') return d.field;
  const { text, json } = bodyText(doc);
  const range = bodyRange(text, json, d) ?? { start: d.start };
  return `line ${lineColumn(text, range.start).line}`;
}

function targetLine(doc: EditorDoc, pointer: string): string {
  if (doc.bodyMode !== 'template') return '';
  const location = nearestLocation(scanJson(doc.templateText).locations, pointer);
  return location
    ? `line ${lineColumn(doc.templateText, location.keyStart ?? location.valueStart).line}`
    : '';
}

/** Target messages may start with the pointer already shown beside them. */
function withoutPointer(message: string, pointer: string): string {
  return pointer !== '' && message.startsWith(pointer) ? message.slice(pointer.length).trimStart() : message;
}

function applyFix(from: EditorDoc, fix: QuickFix): void {
  const store = getStore();
  const doc = store.getState().doc;
  // The fix was computed on the text the diagnostics came from; after further typing it waits for them.
  if (bodyText(doc).text !== bodyText(from).text) {
    store.updateUi({ toast: 'The template changed: try the fix again once the preview is updated.' });
    return;
  }
  if (doc.bodyMode === 'text')
    store.updateDoc({ textTemplate: applyEdit(doc.textTemplate, fix.edit) }, 'edit');
  else store.updateDoc({ templateText: applyEdit(doc.templateText, fix.edit) }, 'edit');
  store.updateUi({ toast: `Fixed: ${fix.label}` });
}

export function Problems({
  diagnostics,
  target,
  doc,
}: {
  diagnostics: FieldDiagnostic[];
  target: FieldDiagnostic[];
  /** The doc these diagnostics were rendered from (their offsets refer to its text). */
  doc: EditorDoc;
}) {
  if (diagnostics.length === 0 && target.length === 0) return null;
  const { text, json } = bodyText(doc);
  return (
    <div className="problems" data-testid="problems">
      {diagnostics.length > 0 && (
        <>
          <h3>Template ({diagnostics.length})</h3>
          <ul>
            {diagnostics.map((d, i) => {
              const fix = suggestionFix(text, json, d);
              return (
                <li key={`d${i}`} className={`sev-${d.severity}`}>
                  <button
                    className="problem"
                    onClick={() => revealDiagnostic(d)}
                    title="Show in the template"
                  >
                    <span className="code">{d.code}</span> {d.message}
                    {d.suggestion && !d.message.includes(d.suggestion) && (
                      <i> — did you mean “{d.suggestion}”?</i>
                    )}
                    <span className="where">{whereOf(d, doc)}</span>
                  </button>
                  {fix && (
                    <button className="fix" onClick={() => applyFix(doc, fix)} data-testid="quick-fix">
                      {fix.label}
                    </button>
                  )}
                </li>
              );
            })}
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
                  {d.suggestion && !d.message.includes(d.suggestion) && <i> — {d.suggestion}</i>}
                  <span className="where">{targetLine(doc, d.path)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
