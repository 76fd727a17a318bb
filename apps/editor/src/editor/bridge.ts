/** Lets panels outside the editor reveal a template location or insert text at the cursor. */
import type { editor } from 'monaco-editor/esm/vs/editor/editor.api.js';
import { nearestLocation, scanJson } from '@hookmap/core/tooling';

let current: editor.IStandaloneCodeEditor | null = null;
let onReveal: (() => void) | null = null;

export function attachEditor(instance: editor.IStandaloneCodeEditor | null): void {
  current = instance;
  // A handle for devtools and the browser tests: `hookmapEditor.setValue(text)` replaces the
  // template the way a paste does (no auto-closing), through the normal change path.
  (globalThis as { hookmapEditor?: editor.IStandaloneCodeEditor | null }).hookmapEditor = instance;
}

/** Called before revealing, so the app can switch to the template tab. */
export function setRevealHandler(handler: () => void): void {
  onReveal = handler;
}

export function revealOffsets(start: number, end: number): void {
  onReveal?.();
  // The editor may be mounting after the tab switch.
  setTimeout(() => {
    const model = current?.getModel();
    if (!current || !model) return;
    const from = model.getPositionAt(start);
    const to = model.getPositionAt(end);
    current.setSelection({
      startLineNumber: from.lineNumber,
      startColumn: from.column,
      endLineNumber: to.lineNumber,
      endColumn: to.column,
    });
    current.revealLineInCenter(from.lineNumber);
    current.focus();
  }, 30);
}

/** Reveals the template value at a JSON Pointer (or its nearest ancestor). */
export function revealPointer(templateText: string, pointer: string): void {
  const location = nearestLocation(scanJson(templateText).locations, pointer);
  if (location) revealOffsets(location.keyStart ?? location.valueStart, location.valueEnd);
}

/** Inserts text at the cursor; false when no editor is mounted. */
export function insertAtCursor(text: string): boolean {
  const selection = current?.getSelection();
  if (!current || !selection) return false;
  current.executeEdits('hookmap', [{ range: selection, text, forceMoveMarkers: true }]);
  current.focus();
  return true;
}
