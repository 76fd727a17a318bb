/** Monaco made ready for the template editor: languages, themes, completion and hover (once). */
import { findProvider } from '../catalog.js';
import { editingContext } from '../flow/scope.js';
import { withConnection } from '../connection-scope.js';
import { getStore } from '../store.js';
import { getPreviewState } from '../worker/client.js';
import { monaco } from './env.js';
import { registerIntelligence } from './intelligence.js';
import { registerLanguages } from './language.js';
import { docToIntegration } from '../integration.js';
import { checkProviderOf, pathType, templateTypeAt } from '../editor/types-at.js';

registerLanguages(monaco);
registerIntelligence(monaco, {
  context: () => {
    const state = getStore().getState();
    return withConnection(
      editingContext(state, getPreviewState().reply?.steps ?? null),
      state.doc.connection,
      state.doc.targetId,
    );
  },
  schema: () => findProvider(getStore().getState().doc.providerId)?.schema,
  engine: () => getStore().getState().doc.engine,
  typeAt: (text, offset, json) => {
    const { doc } = getStore().getState();
    return templateTypeAt(
      docToIntegration(doc).integration,
      text,
      offset,
      json,
      checkProviderOf(findProvider(doc.providerId)),
      doc.activeStep,
    );
  },
  pathType: (path) => pathType(path, checkProviderOf(findProvider(getStore().getState().doc.providerId))),
});

export { monaco };
