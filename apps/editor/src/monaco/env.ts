/**
 * Monaco from the local package, never a CDN: workers come from Vite `?worker` imports and
 * @monaco-editor/react is pointed at this instance with `loader.config({ monaco })`. Only the
 * template editor imports this module, and the app loads that lazily (dynamic import), so nothing
 * of Monaco is fetched before the template tab is opened.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import './features.js';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

loader.config({ monaco });

/**
 * Monaco cancels its own pending work (hover, highlights, diffing) when a model is swapped or disposed,
 * by rejecting a promise with an error named "Canceled" that nothing awaits any more. It is expected,
 * not a fault, so it is not left to surface as an unhandled rejection; every other rejection is.
 */
globalThis.addEventListener?.('unhandledrejection', (event: PromiseRejectionEvent) => {
  const reason = event.reason as { name?: unknown; message?: unknown } | null;
  if (reason?.name === 'Canceled' || reason?.message === 'Canceled') event.preventDefault();
});

export { monaco };
export type Monaco = typeof monaco;
