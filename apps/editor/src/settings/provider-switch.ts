/**
 * Switching the provider: nothing of the old provider stays (its sample, its event names, its Auto
 * sections), and the target's starter for the new provider is loaded when the template is still the
 * old provider's untouched starter, or offered when the user has changed it. Either starter signs in the
 * way the doc does (secrets or the relay connection, see auth-form.ts).
 */
import { findProvider, starterFor, type StarterAuth } from '../catalog.js';
import { currentSteps } from '../flow/steps.js';
import { integrationToDoc } from '../integration.js';
import type { EditorDoc } from '../store.js';
import { keptAuthForm } from './auth-form.js';

export interface ProviderSwitch {
  doc: EditorDoc;
  /** The new provider's starter was loaded in place of the old one's. */
  starterLoaded: boolean;
  /** The user's template was kept; the new provider's starter should be offered. */
  offerStarter: boolean;
}

/**
 * The doc a target's starter for `providerId` gives, or null when there is none. `auth` picks how it signs in
 * (the target's `auth.default` when left out).
 */
export function starterDocFor(
  doc: EditorDoc,
  targetId: string,
  providerId: string,
  auth?: StarterAuth,
): EditorDoc | null {
  try {
    const integration = starterFor(targetId, providerId, auth);
    return { ...integrationToDoc(integration, doc), targetId, providerId, sampleId: doc.sampleId };
  } catch {
    return null;
  }
}

/** Whether the doc's request is exactly what a starter gives (the user has not changed it). */
export function isUntouchedStarter(doc: EditorDoc, starter: EditorDoc | null): boolean {
  if (starter === null) return false;
  const request = (d: EditorDoc) =>
    JSON.stringify([
      d.method,
      d.url,
      d.headers,
      d.bodyMode,
      d.templateText,
      d.textTemplate,
      d.sections,
      d.events,
      d.when,
      d.connection ?? '',
      currentSteps(d),
    ]);
  return request(doc) === request(starter);
}

export function switchProvider(doc: EditorDoc, providerId: string): ProviderSwitch {
  const provider = findProvider(providerId);
  const own = new Set(provider?.sections.map((s) => s.id) ?? []);
  const kept = doc.sections.filter((id) => own.has(id));
  const sections = kept.length > 0 || doc.bodyMode !== 'auto' ? kept : [...own];
  const next: EditorDoc = {
    ...doc,
    providerId,
    sampleId: provider?.samples[0]?.id ?? null,
    events: [],
    sections,
  };
  if (doc.targetId === null || providerId === doc.providerId)
    return { doc: next, starterLoaded: false, offerStarter: false };
  // The starters sign in the way the doc does (a switch to the relay connection is kept).
  const auth = keptAuthForm(doc);
  const oldStarter = starterDocFor(doc, doc.targetId, doc.providerId, auth);
  const newStarter = starterDocFor(next, doc.targetId, providerId, auth);
  if (newStarter === null) return { doc: next, starterLoaded: false, offerStarter: false };
  if (isUntouchedStarter(doc, oldStarter))
    return { doc: newStarter, starterLoaded: true, offerStarter: false };
  return { doc: next, starterLoaded: false, offerStarter: !isUntouchedStarter(next, newStarter) };
}
