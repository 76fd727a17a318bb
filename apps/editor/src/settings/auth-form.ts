/**
 * How a starter signs in (SPEC §6, §10): a CRM with both forms (`target.auth`) is written with secrets
 * (`secrets.*`) or with the relay connection named after the CRM (`connection.*`, tokens the relay refreshes).
 * The choice is not a separate setting: it is what the doc reads — a doc naming a relay connection signs in
 * with it — so it is saved, shared, exported and undone with the doc, and survives a reload.
 */
import { findTarget, type CrmAuth, type StarterAuth } from '../catalog.js';
import type { EditorDoc } from '../store.js';

/** The target's two ways to sign in, or null when it has one (Slack) or there is no target. */
export function authFormsOf(targetId: string | null): CrmAuth | null {
  return findTarget(targetId)?.auth ?? null;
}

/** The way the doc signs in: `connection` when it names a relay connection, else `secrets`; null without forms. */
export function authFormOf(doc: Pick<EditorDoc, 'targetId' | 'connection'>): StarterAuth | null {
  if (authFormsOf(doc.targetId) === null) return null;
  return (doc.connection ?? '').trim() !== '' ? 'connection' : 'secrets';
}

/** The form a starter for `doc`'s target is loaded in so it keeps signing in the way the doc does. */
export function keptAuthForm(doc: Pick<EditorDoc, 'targetId' | 'connection'>): StarterAuth | undefined {
  return authFormOf(doc) ?? undefined;
}

/** The control's wording of each form. */
export const AUTH_FORM_LABELS: Record<StarterAuth, string> = {
  secrets: 'API key / secrets',
  connection: 'Relay connection (OAuth)',
};
