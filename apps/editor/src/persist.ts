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

/** Links with a pasted payload: the doc and the payload, deflated (browsers' CompressionStream), base64url. */
const ZIP_PREFIX = '#z=';
/** The longest link hash we make: longer links break in chat apps, mail clients and some servers. */
export const MAX_SHARE_HASH = 64_000;

export interface SharedState {
  doc: Partial<EditorDoc>;
  payload: { text: string; name: string } | null;
}

export type ShareLink =
  { hash: string; payloadLeftOut: false } | { hash: string; payloadLeftOut: true; reason: string };

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(encoded: string): Uint8Array {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

async function zip(state: SharedState): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  return ZIP_PREFIX + bytesToBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

/**
 * The share link's hash: the doc, and the pasted payload when there is one and it fits within
 * MAX_SHARE_HASH compressed; past that the link holds the doc only and says why.
 */
export async function encodeShareLink(doc: EditorDoc, payload: SharedState['payload']): Promise<ShareLink> {
  if (payload === null) return { hash: await zip({ doc, payload: null }), payloadLeftOut: false };
  const full = await zip({ doc, payload });
  if (full.length <= MAX_SHARE_HASH) return { hash: full, payloadLeftOut: false };
  const kb = (n: number) => `${Math.ceil(n / 1000)} KB`;
  return {
    hash: await zip({ doc, payload: null }),
    payloadLeftOut: true,
    reason: `The pasted payload is too large for a link (${kb(full.length)} compressed, the limit is ${kb(MAX_SHARE_HASH)}): the link holds the integration only — send the payload as a file.`,
  };
}

/** What a share link holds (both the old `#s=` doc-only links and `#z=` ones), or null. */
export async function decodeShareLink(hash: string): Promise<SharedState | null> {
  if (hash.startsWith(HASH_PREFIX)) {
    const doc = decodeShareHash(hash);
    return doc ? { doc, payload: null } : null;
  }
  if (!hash.startsWith(ZIP_PREFIX)) return null;
  try {
    const bytes = await pipe(
      base64UrlToBytes(hash.slice(ZIP_PREFIX.length)),
      new DecompressionStream('deflate-raw'),
    );
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<SharedState> | null;
    if (value === null || typeof value !== 'object' || value.doc === null || typeof value.doc !== 'object')
      return null;
    const payload = value.payload;
    const valid = payload && typeof payload.text === 'string' && typeof payload.name === 'string';
    return { doc: value.doc, payload: valid ? { text: payload.text, name: payload.name } : null };
  } catch {
    return null;
  }
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
