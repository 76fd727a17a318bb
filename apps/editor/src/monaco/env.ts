/**
 * Monaco from the local package, never a CDN: workers come from Vite `?worker` imports and
 * @monaco-editor/react is pointed at this instance with `loader.config({ monaco })`.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/editor/editor.all.js';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

loader.config({ monaco });

export { monaco };
export type Monaco = typeof monaco;
