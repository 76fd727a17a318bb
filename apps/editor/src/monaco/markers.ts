/** Diagnostics (core `validate`, render problems, JSON syntax) as Monaco markers on the template model. */
import type { editor } from 'monaco-editor/esm/vs/editor/editor.api.js';
import { diagnosticTextRange, scanJson, type TextRange } from '@hookmap/core/tooling';
import type { FieldDiagnostic } from '../worker/protocol.js';
import type { Monaco } from './env.js';

export const MARKER_OWNER = 'hookmap';

export interface MarkerInput {
  start: number;
  end: number;
  message: string;
  code: string;
  severity: 'error' | 'warning' | 'info';
}

/** Text ranges of body diagnostics in a JSON template text (or a text template when `json` is false). */
export function templateMarkers(text: string, diagnostics: FieldDiagnostic[], json: boolean): MarkerInput[] {
  const out: MarkerInput[] = [];
  const scan = json ? scanJson(text) : null;
  if (scan?.error) {
    const end = Math.min(text.length, scan.error.offset + 1);
    out.push({ start: scan.error.offset, end, message: scan.error.message, code: 'JSON', severity: 'error' });
    return out;
  }
  for (const d of diagnostics) {
    if (d.field !== 'body') continue;
    const range: TextRange = scan
      ? diagnosticTextRange(text, scan.locations, d)
      : { start: d.start, end: Math.max(d.end, d.start + 1) };
    const target = (d as { source?: string }).source === 'target';
    const message = target
      ? `Target schema at ${d.path || '/'}: ${d.message}`
      : d.suggestion && !d.message.includes(d.suggestion)
        ? `${d.message} (did you mean "${d.suggestion}"?)`
        : d.message;
    out.push({ start: range.start, end: range.end, message, code: d.code, severity: d.severity });
  }
  return out;
}

export function applyMarkers(monaco: Monaco, model: editor.ITextModel, markers: MarkerInput[]): void {
  const severities = {
    error: monaco.MarkerSeverity.Error,
    warning: monaco.MarkerSeverity.Warning,
    info: monaco.MarkerSeverity.Info,
  };
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    markers.map((m) => {
      const start = model.getPositionAt(m.start);
      const end = model.getPositionAt(Math.max(m.end, m.start + 1));
      return {
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
        message: m.message,
        code: m.code,
        severity: severities[m.severity],
        source: 'hookmap',
      };
    }),
  );
}
