/** Monaco made ready for the template editor: languages, themes, completion and hover (once). */
import { findProvider } from '../catalog.js';
import { editingContext } from '../flow/scope.js';
import { getStore } from '../store.js';
import { getPreviewState } from '../worker/client.js';
import { monaco } from './env.js';
import { registerIntelligence } from './intelligence.js';
import { registerLanguages } from './language.js';

registerLanguages(monaco);
registerIntelligence(monaco, {
  context: () => editingContext(getStore().getState(), getPreviewState().reply?.steps ?? null),
  schema: () => findProvider(getStore().getState().doc.providerId)?.schema,
  engine: () => getStore().getState().doc.engine,
});

export { monaco };
