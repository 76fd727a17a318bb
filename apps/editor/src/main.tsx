import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { initialState } from './boot.js';
import { debounce, decodeShareLink, saveDoc, saveUi } from './persist.js';
import { createStore, setAppStore } from './store.js';
import { installShortcuts } from './ui/shortcuts.js';
import { startRenderer } from './worker/client.js';
import { setRevealHandler } from './editor/bridge.js';
import './styles.css';

const store = createStore(initialState(await decodeShareLink(location.hash)));
setAppStore(store);

setRevealHandler(() => store.updateUi({ centerTab: 'template' }));
// A read-only handle for devtools and the browser tests (e.g. "a splitter drag changed nothing").
(globalThis as { hookmapDoc?: () => unknown }).hookmapDoc = () => store.getState().doc;

const autosave = debounce(() => {
  const { doc, ui } = store.getState();
  saveDoc(doc);
  saveUi(ui);
}, 400);
store.subscribe(autosave);
startRenderer(store);
installShortcuts();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
