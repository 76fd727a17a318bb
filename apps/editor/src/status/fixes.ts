/**
 * One-click fixes for common diagnostics, as text edits of the template the diagnostic was found in.
 * Pure: the preview and the mapping view show them as buttons; applying one is an ordinary edit.
 */
import { diagnosticTextRange, scanJson } from '@hookmap/core/tooling';
import type { TextEdit } from '../mapper/mapping.js';
import type { FieldDiagnostic } from '../worker/protocol.js';

export interface QuickFix {
  /** What the button says, e.g. `Use "upper"`. */
  label: string;
  edit: TextEdit;
}

/** Where a body diagnostic sits in the template text: JSON templates through their pointers, text bodies as is. */
export function bodyRange(
  text: string,
  json: boolean,
  d: FieldDiagnostic,
): { start: number; end: number } | null {
  if (d.field !== 'body') return null;
  if (!json) return d.end > d.start ? { start: d.start, end: d.end } : null;
  const scan = scanJson(text);
  if (scan.error) return null;
  return diagnosticTextRange(text, scan.locations, d);
}

/**
 * The did-you-mean fix: a diagnostic with a `suggestion` (an unknown filter, an unknown name) whose
 * range covers exactly one identifier gets "replace it with the suggestion".
 */
export function suggestionFix(text: string, json: boolean, d: FieldDiagnostic): QuickFix | null {
  const suggestion = d.suggestion;
  if (suggestion === undefined || !/^[A-Za-z_][\w.]*$/.test(suggestion)) return null;
  const range = bodyRange(text, json, d);
  if (range === null) return null;
  const written = text.slice(range.start, range.end);
  if (!/^[A-Za-z_][\w.]*$/.test(written) || written === suggestion) return null;
  return { label: `Use “${suggestion}”`, edit: { ...range, text: suggestion } };
}
