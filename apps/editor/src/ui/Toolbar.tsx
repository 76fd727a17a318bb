/** Top bar: undo/redo, import/export, share, theme, shortcuts help. */
import { useEffect, useRef } from 'react';
import { getStore, useStore } from '../store.js';
import { copyShareLink, exportIntegration, pickAndImport } from './files.js';
import { SHORTCUTS } from './shortcuts.js';

export function Toolbar() {
  const canUndo = useStore((s) => s.past.length > 0);
  const canRedo = useStore((s) => s.future.length > 0);
  const theme = useStore((s) => s.ui.theme);
  const name = useStore((s) => s.doc.name);
  const help = useStore((s) => s.ui.help);
  const store = getStore();
  const setHelp = (open: boolean) => store.updateUi({ help: open });
  const popover = useRef<HTMLDivElement>(null);
  const helpButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!help) return;
    // A click anywhere outside the popover (or its button) closes it; Esc is in shortcuts.ts.
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!popover.current?.contains(target) && !helpButton.current?.contains(target)) setHelp(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  });
  return (
    <header className="toolbar">
      <span className="logo">
        hook<b>map</b>
      </span>
      <span className="doc-name" title="Integration name">
        {name}
      </span>
      <span className="spacer" />
      <button onClick={() => store.undo()} disabled={!canUndo} title="Undo (Ctrl+Z)">
        ↶ Undo
      </button>
      <button onClick={() => store.redo()} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
        ↷ Redo
      </button>
      <button onClick={pickAndImport} title="Import an integration JSON file">
        Import
      </button>
      <button onClick={exportIntegration} title="Download the integration JSON (Ctrl+S)">
        Export
      </button>
      <button
        onClick={() => void copyShareLink()}
        title="Copy a link holding this integration (Ctrl+Shift+L)"
      >
        Share link
      </button>
      <button
        onClick={() => store.updateUi({ theme: theme === 'dark' ? 'light' : 'dark' })}
        title="Switch theme (Alt+T)"
        data-testid="theme-toggle"
      >
        {theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
      <button
        ref={helpButton}
        onClick={() => setHelp(!help)}
        title="Keyboard shortcuts (?)"
        aria-label="Keyboard shortcuts"
        aria-expanded={help}
        aria-controls="shortcuts"
        data-testid="shortcuts-button"
      >
        ?
      </button>
      {help && (
        <div
          className="shortcuts"
          id="shortcuts"
          role="dialog"
          aria-label="Keyboard shortcuts"
          ref={popover}
          data-testid="shortcuts"
        >
          <table>
            <tbody>
              {SHORTCUTS.map(([keys, what]) => (
                <tr key={keys}>
                  <th>{keys}</th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </header>
  );
}
