/** Lets panels outside the editor reveal a template location or insert text at the cursor. */
import type { editor } from 'monaco-editor/esm/vs/editor/editor.api.js';
import { nearestLocation, scanJson } from '@hookmap/core/tooling';

let current: editor.IStandaloneCodeEditor | null = null;
let onReveal: (() => void) | null = null;

/** A reveal asked for before the (lazily loaded) editor was mounted, applied when it mounts. */
let pendingReveal: { start: number; end: number } | null = null;

export function attachEditor(instance: editor.IStandaloneCodeEditor | null): void {
  current = instance;
  // A handle for devtools and the browser tests: `hookmapEditor.setValue(text)` replaces the
  // template the way a paste does (no auto-closing), through the normal change path.
  (globalThis as { hookmapEditor?: editor.IStandaloneCodeEditor | null }).hookmapEditor = instance;
  if (instance && pendingReveal) {
    const { start, end } = pendingReveal;
    pendingReveal = null;
    select(instance, start, end);
  }
}

/** Called before revealing, so the app can switch to the template tab. */
export function setRevealHandler(handler: () => void): void {
  onReveal = handler;
}

function select(instance: editor.IStandaloneCodeEditor, start: number, end: number): void {
  const model = instance.getModel();
  if (!model) return;
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  instance.setSelection({
    startLineNumber: from.lineNumber,
    startColumn: from.column,
    endLineNumber: to.lineNumber,
    endColumn: to.column,
  });
  instance.revealLineInCenter(from.lineNumber);
  instance.focus();
}

export function revealOffsets(start: number, end: number): void {
  onReveal?.();
  if (!current) {
    pendingReveal = { start, end };
    return;
  }
  const instance = current;
  // The tab switch makes the editor visible on the next frame; select after its layout.
  setTimeout(() => select(instance, start, end), 30);
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
