/** The first state: the shared link in the URL hash, else the autosaved work, else OSVI → HubSpot call. */
import { defaultTargetId, findProvider, starterFor } from './catalog.js';
import { emptyDoc, integrationToDoc } from './integration.js';
import { loadSavedDoc, loadSavedUi, type SharedState } from './persist.js';
import { defaultUi, type EditorDoc, type EditorState } from './store.js';

export function starterDoc(): EditorDoc {
  const providerId = 'osvi';
  const sampleId = findProvider(providerId)?.samples[0]?.id ?? null;
  const base: EditorDoc = { ...emptyDoc, providerId, sampleId };
  const targetId = defaultTargetId();
  if (targetId === null) return base;
  try {
    return { ...integrationToDoc(starterFor(targetId, providerId), base), targetId, providerId, sampleId };
  } catch {
    return { ...base, targetId };
  }
}

/** A saved flow's steps, or none when they are not a list (an older or hand-made doc); the edited index within them. */
function sanitizeSteps(input: EditorDoc): Pick<EditorDoc, 'steps' | 'activeStep'> {
  if (!Array.isArray(input.steps) || input.steps.length === 0) return { steps: null, activeStep: 0 };
  const active = Number.isInteger(input.activeStep) ? input.activeStep : 0;
  return { steps: input.steps, activeStep: Math.max(0, Math.min(active, input.steps.length - 1)) };
}

/** Keeps only a saved doc whose provider and sample still exist. */
function sanitize(input: EditorDoc): EditorDoc {
  const provider = findProvider(input.providerId);
  if (!provider) return starterDoc();
  // A saved or shared doc may come from an older version (no events) or be hand-made.
  const own = new Set(provider.sections.map((s) => s.id));
  const doc = {
    ...input,
    sections: Array.isArray(input.sections) ? input.sections.filter((id) => own.has(id)) : [],
    events: Array.isArray(input.events) ? input.events.filter((e) => provider.events.includes(e)) : [],
    when: typeof input.when === 'string' ? input.when : '',
    connection: typeof input.connection === 'string' ? input.connection : '',
    ...sanitizeSteps(input),
  };
  if (doc.sampleId !== null && !provider.samples.some((s) => s.id === doc.sampleId)) {
    return { ...doc, sampleId: provider.samples[0]?.id ?? null };
  }
  return doc;
}

/** The first state: a share link's (decoded by main.tsx), else the autosaved work, else the starter. */
export function initialState(shared: SharedState | null): EditorState {
  const saved = shared?.doc ?? loadSavedDoc();
  const ui = { ...defaultUi, ...(loadSavedUi() ?? {}) };
  if (shared) {
    ui.customPayloadText = shared.payload?.text ?? null;
    ui.customPayloadName = shared.payload?.name ?? null;
  }
  let doc = saved ? sanitize({ ...emptyDoc, ...saved }) : starterDoc();
  if (doc.sampleId === null && ui.customPayloadText === null) {
    doc = { ...doc, sampleId: findProvider(doc.providerId)?.samples[0]?.id ?? null };
  }
  if (window.matchMedia?.('(prefers-color-scheme: dark)').matches && loadSavedUi() === null)
    ui.theme = 'dark';
  return {
    doc,
    ui: {
      ...ui,
      pendingSource: null,
      pendingTarget: null,
      toast: null,
      rightTab: 'preview',
      expanded: [],
      offerStarter: false,
      help: false,
    },
    past: [],
    future: [],
  };
}
