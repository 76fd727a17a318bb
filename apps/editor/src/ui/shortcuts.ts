/** Keyboard shortcuts. Inside Monaco, its own undo/redo and find run; elsewhere the store's. */
import { getStore } from '../store.js';
import { exportIntegration, copyShareLink } from './files.js';

export const SHORTCUTS: [string, string][] = [
  ['Ctrl/⌘ Z', 'Undo'],
  ['Ctrl/⌘ Shift Z · Ctrl Y', 'Redo'],
  ['Ctrl/⌘ S', 'Export integration JSON'],
  ['Ctrl/⌘ Shift L', 'Copy share link'],
  ['Alt 1 / Alt 2', 'Mapping / Template tab'],
  ['Alt A', 'All-samples mode'],
  ['Alt T', 'Light / dark theme'],
  ['Ctrl Space', 'Complete paths and filters (in the template)'],
  ['?', 'This list (Esc closes it)'],
  ['← → on a separator', 'Resize the panes (Shift: faster)'],
  ['↑ ↓ ← → in the payload tree', 'Move, open and close; Enter maps the field'],
];

function inMonaco(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.monaco-editor') !== null;
}

function inTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent): void => {
    const store = getStore();
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const typing = inMonaco(e.target) || inTextField(e.target);
    if (e.key === 'Escape' && store.getState().ui.help) {
      e.preventDefault();
      store.updateUi({ help: false });
    } else if (e.key === '?' && !mod && !e.altKey && !typing) {
      e.preventDefault();
      store.updateUi({ help: !store.getState().ui.help });
    } else if (mod && key === 'z' && !inMonaco(e.target) && !inTextField(e.target)) {
      e.preventDefault();
      if (e.shiftKey) store.redo();
      else store.undo();
    } else if (mod && key === 'y' && !inMonaco(e.target) && !inTextField(e.target)) {
      e.preventDefault();
      store.redo();
    } else if (mod && key === 's') {
      e.preventDefault();
      exportIntegration();
    } else if (mod && e.shiftKey && key === 'l') {
      e.preventDefault();
      void copyShareLink();
    } else if (e.altKey && (e.code === 'Digit1' || e.code === 'Digit2')) {
      e.preventDefault();
      store.updateUi({ centerTab: e.code === 'Digit1' ? 'mapping' : 'template' });
    } else if (e.altKey && e.code === 'KeyA') {
      e.preventDefault();
      store.updateUi({ allSamples: !store.getState().ui.allSamples });
    } else if (e.altKey && e.code === 'KeyT') {
      e.preventDefault();
      store.updateUi({ theme: store.getState().ui.theme === 'dark' ? 'light' : 'dark' });
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
