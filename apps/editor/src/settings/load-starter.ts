/** Loading a target's starter into the doc: one undoable edit, as picking a target, resetting or switching sign-in. */
import { starterFor, type StarterAuth } from '../catalog.js';
import { integrationToDoc } from '../integration.js';
import { getStore } from '../store.js';

/**
 * Replaces the doc's request with the target's starter for the current provider (the sample is kept).
 * `auth` picks how it signs in (secrets or the relay connection); left out, the target's `auth.default`.
 */
export function loadStarter(targetId: string, auth?: StarterAuth): void {
  const store = getStore();
  const { doc } = store.getState();
  try {
    const integration = starterFor(targetId, doc.providerId, auth);
    store.updateDoc(
      { ...integrationToDoc(integration, doc), targetId, providerId: doc.providerId, sampleId: doc.sampleId },
      'edit',
    );
    // A new starter previews with the targets' sample answers, not answers pasted for another flow.
    store.updateUi({
      toast: integration.connection
        ? `Loaded the ${integration.name ?? targetId} starter; it reads the relay connection “${integration.connection}”`
        : `Loaded the ${integration.name ?? targetId} starter`,
      centerTab: 'mapping',
      offerStarter: false,
      responses: {},
    });
  } catch (error) {
    store.updateUi({ toast: `No starter for ${targetId}: ${(error as Error).message}` });
  }
}
