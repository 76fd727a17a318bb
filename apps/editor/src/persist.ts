/** Keeping work: autosave in localStorage and a shareable link with the doc in the URL hash. */
import type { EditorDoc, EditorUi } from './store.js';

const DOC_KEY = 'hookmap.editor.doc.v1';
const UI_KEY = 'hookmap.editor.ui.v1';
const HASH_PREFIX = '#s=';
/** Pasted payloads larger than this are not autosaved (localStorage holds ~5 MB). */
const MAX_SAVED_PAYLOAD = 1_000_000;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeShareHash(doc: EditorDoc): string {
  return HASH_PREFIX + toBase64Url(JSON.stringify(doc));
}

export function decodeShareHash(hash: string): Partial<EditorDoc> | null {
  if (!hash.startsWith(HASH_PREFIX)) return null;
  try {
    const value: unknown = JSON.parse(fromBase64Url(hash.slice(HASH_PREFIX.length)));
    return value !== null && typeof value === 'object' ? (value as Partial<EditorDoc>) : null;
  } catch {
    return null;
  }
}

function readJson(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

export function loadSavedDoc(): Partial<EditorDoc> | null {
  const value = readJson(DOC_KEY);
  return value !== null && typeof value === 'object' ? (value as Partial<EditorDoc>) : null;
}

export function loadSavedUi(): Partial<EditorUi> | null {
  const value = readJson(UI_KEY);
  return value !== null && typeof value === 'object' ? (value as Partial<EditorUi>) : null;
}

export function saveDoc(doc: EditorDoc): void {
  try {
    localStorage.setItem(DOC_KEY, JSON.stringify(doc));
  } catch {
    // Storage full or disabled: autosave is best effort.
  }
}

export function saveUi(ui: EditorUi): void {
  const payload = ui.customPayloadText !== null && ui.customPayloadText.length <= MAX_SAVED_PAYLOAD;
  const kept: Partial<EditorUi> = {
    theme: ui.theme,
    allSamples: ui.allSamples,
    centerTab: ui.centerTab,
    leftWidth: ui.leftWidth,
    rightWidth: ui.rightWidth,
    customPayloadText: payload ? ui.customPayloadText : null,
    customPayloadName: payload ? ui.customPayloadName : null,
  };
  try {
    localStorage.setItem(UI_KEY, JSON.stringify(kept));
  } catch {
    // best effort
  }
}

/** Calls `fn` at most once per `ms`, with the latest arguments. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
