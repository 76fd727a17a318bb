/** Monaco made ready for the template editor: languages, themes, completion and hover (once). */
import { findProvider } from '../catalog.js';
import { currentPayload } from '../samples/current.js';
import { getStore } from '../store.js';
import { monaco } from './env.js';
import { registerIntelligence } from './intelligence.js';
import { registerLanguages } from './language.js';

registerLanguages(monaco);
registerIntelligence(monaco, {
  context: () => currentPayload(getStore().getState()).context,
  schema: () => findProvider(getStore().getState().doc.providerId)?.schema,
  engine: () => getStore().getState().doc.engine,
});

export { monaco };
