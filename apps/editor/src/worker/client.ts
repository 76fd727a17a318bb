/**
 * Main-thread side of the render worker: turns store changes into render jobs and keeps the
 * latest reply (with the doc it was rendered from) in a small store the preview reads.
 */
import { useSyncExternalStore } from 'react';
import { docToIntegration } from '../integration.js';
import type { EditorDoc, EditorUi, Store } from '../store.js';
import { keystrokeMetrics } from './metrics.js';
import type { PayloadSource, PreviewRequest, RenderJob, RenderReply } from './protocol.js';
import RenderWorker from './render.worker.ts?worker';

export interface PreviewState {
  reply: RenderReply | null;
  /** The doc the reply was rendered from (diagnostic offsets refer to its text). */
  doc: EditorDoc | null;
  /** The last successfully rendered request, kept visible while the template is broken. */
  lastGood: PreviewRequest | null;
  /** A problem found before rendering (template is not JSON). */
  localError: string | null;
  busy: boolean;
}

/** Performance mark set when the first rendered request is painted. */
export const FIRST_PREVIEW = 'hookmap:first-preview';

let state: PreviewState = { reply: null, doc: null, lastGood: null, localError: null, busy: false };
const listeners = new Set<() => void>();

function setPreview(patch: Partial<PreviewState>): void {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

export function usePreview<T>(selector: (s: PreviewState) => T): T {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => selector(state),
  );
}

export function getPreviewState(): PreviewState {
  return state;
}

export function startRenderer(store: Store): () => void {
  const worker = new RenderWorker();
  const sent = new Map<number, EditorDoc>();
  let nextId = 1;
  let latestId = 0;
  let payloadText: string | null = null;
  let payloadKey = '';

  worker.onmessage = (event: MessageEvent<RenderReply>) => {
    const reply = event.data;
    const doc = sent.get(reply.id) ?? null;
    for (const id of sent.keys()) if (id <= reply.id) sent.delete(id);
    setPreview({
      reply,
      doc,
      busy: reply.id < latestId,
      lastGood: reply.request ?? state.lastGood,
      localError: null,
    });
    requestAnimationFrame(() => {
      keystrokeMetrics.rendered(reply.id);
      // Cold-load metric (README, e2e): when the first rendered preview is on screen.
      if (reply.request !== null && performance.getEntriesByName(FIRST_PREVIEW).length === 0)
        performance.mark(FIRST_PREVIEW);
    });
  };

  const payloadSource = (doc: EditorDoc): PayloadSource | null => {
    const { customPayloadText } = store.getState().ui;
    if (doc.sampleId !== null) return { kind: 'sample', providerId: doc.providerId, sampleId: doc.sampleId };
    if (customPayloadText === null) return null;
    if (customPayloadText !== payloadText) {
      payloadText = customPayloadText;
      payloadKey = `custom-${nextId}`;
      worker.postMessage({ type: 'payload', key: payloadKey, text: customPayloadText });
    }
    return { kind: 'custom', key: payloadKey };
  };

  let lastDoc: EditorDoc | null = null;
  let lastAll: boolean | null = null;
  let lastPayload: string | null = null;
  let lastExpanded: string[] | null = null;
  let lastResponses: EditorUi['responses'] | null = null;
  const onChange = (): void => {
    const { doc, ui } = store.getState();
    if (
      doc === lastDoc &&
      ui.allSamples === lastAll &&
      ui.customPayloadText === lastPayload &&
      ui.expanded === lastExpanded &&
      ui.responses === lastResponses
    )
      return;
    lastExpanded = ui.expanded;
    lastResponses = ui.responses;
    lastDoc = doc;
    lastAll = ui.allSamples;
    lastPayload = ui.customPayloadText;
    const converted = docToIntegration(doc);
    const source = payloadSource(doc);
    if (converted.error !== null || source === null) {
      const localError = converted.error ?? 'Pick a sample or paste a payload.';
      // A flow keeps its last steps on screen (dimmed) while the edited step's template is not JSON yet.
      if (doc.steps !== null && state.reply?.steps) setPreview({ localError });
      else setPreview({ localError, doc, reply: null });
      return;
    }
    const job: RenderJob = {
      type: 'render',
      id: nextId++,
      integration: converted.integration,
      providerId: doc.providerId,
      payload: source,
      targetId: doc.targetId,
      allSamples: ui.allSamples,
      expanded: ui.expanded,
    };
    if (doc.steps !== null) job.flow = { activeStep: doc.activeStep, responses: ui.responses };
    latestId = job.id;
    sent.set(job.id, doc);
    keystrokeMetrics.sent(job.id);
    // Only touch the preview store when something visible changes: no re-render per keystroke here.
    if (state.localError !== null) setPreview({ localError: null });
    worker.postMessage(job);
  };
  const unsubscribe = store.subscribe(onChange);
  onChange();
  return () => {
    unsubscribe();
    worker.terminate();
  };
}
