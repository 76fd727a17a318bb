/** The three panes: sample | settings + mapping/template | preview (and logs). */
import { lazy, Suspense, useEffect, useState } from 'react';
import { MappingPanel } from './mapper/MappingPanel.js';
import { PreviewPanel } from './preview/PreviewPanel.js';
import { SamplePanel } from './samples/SamplePanel.js';
import { SettingsPanel } from './settings/SettingsPanel.js';
import { getStore, useStore } from './store.js';
import {
  clampWidths,
  fitWidths,
  MAX_LEFT,
  MAX_RIGHT,
  MIN_CENTER,
  MIN_LEFT,
  MIN_RIGHT,
  SPLITTER_PX,
} from './layout/widths.js';
import { Splitter } from './ui/Splitter.js';
import { Toolbar } from './ui/Toolbar.js';

// Monaco is loaded only when the template tab is first opened (issue #13: the first preview must not wait for it).
const TemplateEditor = lazy(() =>
  import('./editor/TemplateEditor.js').then((m) => ({ default: m.TemplateEditor })),
);
const LogsPanel = lazy(() => import('./logs/index.js').then((m) => ({ default: m.LogsPanel })));

const RELAY_URL = (import.meta.env.VITE_RELAY_URL as string | undefined) ?? 'http://127.0.0.1:8787';
const RELAY_TOKEN = (import.meta.env.VITE_RELAY_TOKEN as string | undefined) ?? '';

function Toast() {
  const toast = useStore((s) => s.ui.toast);
  useEffect(() => {
    if (toast === null) return;
    const timer = setTimeout(() => getStore().updateUi({ toast: null }), 4000);
    return () => clearTimeout(timer);
  }, [toast]);
  return toast ? (
    <div className="toast" role="status" data-testid="toast">
      {toast}
    </div>
  ) : null;
}

function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

export function App() {
  const ui = useStore((s) => s.ui);
  const bodyMode = useStore((s) => s.doc.bodyMode);
  const store = getStore();
  const tab = ui.centerTab;
  const { leftWidth, rightWidth } = fitWidths(ui, useWindowWidth());
  // Once opened, the editor stays mounted (hidden), keeping Monaco's own undo stack and view state.
  const [editorOpened, setEditorOpened] = useState(tab === 'template');
  useEffect(() => {
    if (tab === 'template') setEditorOpened(true);
  }, [tab]);
  useEffect(() => {
    document.documentElement.dataset.theme = ui.theme;
  }, [ui.theme]);
  return (
    <div
      className="app"
      style={{
        gridTemplateColumns: `${leftWidth}px ${SPLITTER_PX}px minmax(${MIN_CENTER}px, 1fr) ${SPLITTER_PX}px ${rightWidth}px`,
      }}
    >
      <Toolbar />
      <SamplePanel />
      <Splitter
        label="Resize the sample panel"
        testId="splitter-left"
        value={leftWidth}
        min={MIN_LEFT}
        max={MAX_LEFT}
        direction={1}
        onChange={(width) => store.updateUi(clampWidths(width, rightWidth))}
      />
      <main className="panel center">
        <SettingsPanel />
        <div className="tabs" role="tablist">
          <button
            role="tab"
            aria-selected={tab === 'mapping'}
            onClick={() => store.updateUi({ centerTab: 'mapping' })}
            data-testid="tab-mapping"
          >
            Mapping
          </button>
          <button
            role="tab"
            aria-selected={tab === 'template'}
            onClick={() => store.updateUi({ centerTab: 'template' })}
            data-testid="tab-template"
          >
            {bodyMode === 'text' ? 'Text template' : 'JSON template'}
          </button>
        </div>
        <div className="tab-body" hidden={tab !== 'mapping'}>
          {tab === 'mapping' && <MappingPanel />}
        </div>
        <div className="tab-body editor-body" hidden={tab !== 'template'}>
          {bodyMode === 'auto' ? (
            <div className="empty">
              Auto mode builds the body from the provider's sections — pick them above. Choose{' '}
              <b>JSON template</b> or <b>Text</b> as the body above to write your own.
            </div>
          ) : (
            editorOpened && (
              <Suspense fallback={<div className="muted loading">Loading the template editor…</div>}>
                <TemplateEditor />
              </Suspense>
            )
          )}
        </div>
      </main>
      <Splitter
        label="Resize the preview panel"
        testId="splitter-right"
        value={rightWidth}
        min={MIN_RIGHT}
        max={MAX_RIGHT}
        direction={-1}
        onChange={(width) => store.updateUi(clampWidths(leftWidth, width))}
      />
      <section className="panel right" aria-label="Preview">
        <div className="tabs" role="tablist">
          <button
            role="tab"
            aria-selected={ui.rightTab === 'preview'}
            onClick={() => store.updateUi({ rightTab: 'preview' })}
          >
            Request preview
          </button>
          <button
            role="tab"
            aria-selected={ui.rightTab === 'logs'}
            onClick={() => store.updateUi({ rightTab: 'logs' })}
            data-testid="tab-logs"
          >
            Logs
          </button>
        </div>
        <div className="panel-body">
          {ui.rightTab === 'preview' ? (
            <PreviewPanel />
          ) : (
            <Suspense fallback={<div className="muted">Loading logs…</div>}>
              <LogsPanel relayUrl={RELAY_URL} token={RELAY_TOKEN} />
            </Suspense>
          )}
        </div>
      </section>
      <Toast />
    </div>
  );
}
