/**
 * The editor's single store. `doc` is the user's work (saved, shared, undoable); `ui` is how
 * the screen looks. Components read slices with `useStore(selector)`.
 */
import { useSyncExternalStore } from 'react';
import type { HttpMethod } from '@hookmap/core';

export type BodyMode = 'auto' | 'template' | 'text';

export interface HeaderRow {
  name: string;
  value: string;
}

/**
 * One step of a flow (SPEC §9) as the editor keeps it. The request fields have the same meaning as the
 * doc's own; the step being edited (`EditorDoc.activeStep`) lives in the doc's request fields instead
 * (see src/flow/steps.ts), so every single-request editor edits it unchanged.
 */
export interface StepDoc {
  id: string;
  name: string;
  /** One placeholder; empty: always runs. */
  when: string;
  /** The `result` template: a string, or JSON text when `resultJson`. Empty: none. */
  result: string;
  resultJson: boolean;
  /** Accepted statuses, comma separated ("200, 404"); empty: 200–299. */
  accept: string;
  method: HttpMethod;
  url: string;
  /** The step's own headers (over the flow's `headers`). */
  headers: HeaderRow[];
  bodyMode: BodyMode;
  sections: string[];
  templateText: string;
  textTemplate: string;
  contentType: string;
  engine: 'hookmap' | 'handlebars';
}

export interface EditorDoc {
  name: string;
  method: HttpMethod;
  url: string;
  headers: HeaderRow[];
  bodyMode: BodyMode;
  sections: string[];
  /** JSON text of the template body (template mode). */
  templateText: string;
  /** Text body template (text mode). */
  textTemplate: string;
  contentType: string;
  engine: 'hookmap' | 'handlebars';
  active: boolean;
  /** The provider events the integration is sent for (`Integration.events`); empty: every event. */
  events: string[];
  /** A condition on the payload (`Integration.when`); empty: always. */
  when: string;
  /** The relay connection its templates read as `connection.*` (`Integration.connection`, SPEC §10); empty or absent: none. */
  connection?: string;
  providerId: string;
  /** Sample id, or null when the payload was pasted / dropped. */
  sampleId: string | null;
  targetId: string | null;
  /**
   * A flow's steps (null: a single request). The active step's entry is stale: its request is in the
   * doc's own request fields above (`headers` stay the flow's shared headers).
   */
  steps: StepDoc[] | null;
  /** Index of the step being edited. */
  activeStep: number;
}

/** The sample response a preview assumes for a step: a target's sample ("found" / "not found") or pasted JSON. */
export type ResponseChoice = { kind: 'found' } | { kind: 'not-found' } | { kind: 'custom'; text: string };

export type Theme = 'light' | 'dark';

/** A connection as the relay listed it (no secret values): its id and whether it can be used. */
export interface RelayConnection {
  id: string;
  /** `not_connected`: an OAuth2 connection nobody has connected yet (no tokens). */
  state: 'ok' | 'refreshing' | 'needs_reauth' | 'not_connected';
}

export interface EditorUi {
  theme: Theme;
  allSamples: boolean;
  centerTab: 'mapping' | 'template';
  rightTab: 'preview' | 'logs';
  leftWidth: number;
  rightWidth: number;
  /** Text of a pasted or dropped payload (used when doc.sampleId is null). */
  customPayloadText: string | null;
  customPayloadName: string | null;
  /** Target field pointer picked in the mapping view, waiting for a payload field click. */
  pendingTarget: string | null;
  /** Payload path picked in the tree, waiting for a target field click. */
  pendingSource: string | null;
  toast: string | null;
  /** Body pointers of long preview strings shown whole. */
  expanded: string[];
  /** After a provider switch that kept the user's template: offer the new provider's starter. */
  offerStarter: boolean;
  /** The keyboard shortcuts popover is open. */
  help: boolean;
  /** The response each flow step is assumed to get, by step id (default: the targets' "found" samples). */
  responses: Record<string, ResponseChoice>;
  /** The relay's connections when the Logs tab last read them; null while no relay is connected. */
  relayConnections: RelayConnection[] | null;
  /** Open the Connections dialog with a new connection of this id and preset filled in ("Connect Salesforce"). */
  connectionDraft: { id: string; preset: string } | null;
}

export interface EditorState {
  doc: EditorDoc;
  ui: EditorUi;
  past: EditorDoc[];
  future: EditorDoc[];
}

type Listener = () => void;

const HISTORY_LIMIT = 200;
/** Edits of the same kind closer than this merge into one undo step (typing). */
const COALESCE_MS = 800;

export function createStore(initial: EditorState) {
  let state = initial;
  let lastEdit = { kind: '', at: 0 };
  const listeners = new Set<Listener>();
  const emit = (): void => listeners.forEach((listener) => listener());

  const set = (next: EditorState): void => {
    state = next;
    emit();
  };

  return {
    getState: (): EditorState => state,
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Changes the doc; `kind` groups quick successive edits (e.g. typing) into one undo step. */
    updateDoc(patch: Partial<EditorDoc>, kind = 'edit'): void {
      const now = Date.now();
      const merge = kind === lastEdit.kind && now - lastEdit.at < COALESCE_MS && kind !== 'edit';
      lastEdit = { kind, at: now };
      const past = merge ? state.past : [...state.past, state.doc].slice(-HISTORY_LIMIT);
      set({ ...state, doc: { ...state.doc, ...patch }, past, future: [] });
    },
    /** Replaces the doc without recording history (loading a saved or shared state). */
    replaceDoc(doc: EditorDoc): void {
      set({ ...state, doc, past: [], future: [] });
    },
    updateUi(patch: Partial<EditorUi>): void {
      set({ ...state, ui: { ...state.ui, ...patch } });
    },
    undo(): boolean {
      const previous = state.past[state.past.length - 1];
      if (!previous) return false;
      lastEdit = { kind: '', at: 0 };
      set({ ...state, doc: previous, past: state.past.slice(0, -1), future: [state.doc, ...state.future] });
      return true;
    },
    redo(): boolean {
      const next = state.future[0];
      if (!next) return false;
      lastEdit = { kind: '', at: 0 };
      set({ ...state, doc: next, past: [...state.past, state.doc], future: state.future.slice(1) });
      return true;
    },
  };
}

export type Store = ReturnType<typeof createStore>;

export const defaultUi: EditorUi = {
  theme: 'light',
  allSamples: false,
  centerTab: 'mapping',
  rightTab: 'preview',
  leftWidth: 300,
  rightWidth: 440,
  customPayloadText: null,
  customPayloadName: null,
  pendingTarget: null,
  pendingSource: null,
  toast: null,
  expanded: [],
  offerStarter: false,
  help: false,
  responses: {},
  relayConnections: null,
  connectionDraft: null,
};

let appStore: Store | null = null;

export function setAppStore(store: Store): void {
  appStore = store;
}

export function getStore(): Store {
  if (!appStore) throw new Error('store used before it was created');
  return appStore;
}

export function useStore<T>(selector: (state: EditorState) => T): T {
  const store = getStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
