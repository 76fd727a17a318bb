/**
 * How a CRM's requests authenticate (SPEC §6, §10): with secrets the user sets, or with a relay connection whose
 * tokens the relay refreshes. Every preset of a CRM is written in its default form; a starter asked for the other
 * form gets its URLs' account-specific base and its auth headers swapped, and names the connection.
 */
import type { IntegrationDocument } from '@hookmap/core';

/** Where a starter's credentials come from: `secrets.*`, or the integration's relay connection (`connection.*`). */
export type StarterAuth = 'secrets' | 'connection';

/** One way to authenticate: the template opening every URL of an account-specific API, and the auth headers. */
export interface AuthForm {
  /** Template opening every URL when the API host is the account's (Salesforce's instance URL), else null. */
  base: string | null;
  headers: Record<string, string>;
  /** Secret names (secrets) or connection value names (connection) the base and headers read. */
  names: string[];
}

/** A CRM's two ways to authenticate, and which one its presets and starters use unless told otherwise. */
export interface CrmAuth {
  default: StarterAuth;
  /**
   * The connection id starters name: the relay's OAuth2 preset of the same name, which the editor's Connections
   * dialog proposes as the id of a connection made with that preset.
   */
  connection: string;
  secrets: AuthForm;
  /** The OAuth2 connection's: `access_token`, and the token answer's fields (`instance_url`, `api_domain`). */
  oauth: AuthForm;
}

/** The form a CRM's presets are written in. */
export function defaultForm(auth: CrmAuth): AuthForm {
  return auth.default === 'secrets' ? auth.secrets : auth.oauth;
}

/** What an auth form needs set, in words: the secrets, or the connection to create and connect. */
export function authNeeds(auth: CrmAuth, which: StarterAuth = auth.default): string {
  if (which === 'secrets') return `the secrets ${auth.secrets.names.join(', ')}`;
  return `a relay connection "${auth.connection}" (OAuth2, preset ${auth.connection}), connected`;
}

function rebase(url: string, from: AuthForm, to: AuthForm): string {
  return from.base !== null && to.base !== null && url.startsWith(from.base)
    ? to.base + url.slice(from.base.length)
    : url;
}

function swapHeaders(
  headers: Record<string, string> | undefined,
  from: AuthForm,
  to: AuthForm,
): Record<string, string> {
  const drop = new Set(Object.keys(from.headers).map((name) => name.toLowerCase()));
  const kept = Object.entries(headers ?? {}).filter(([name]) => !drop.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), ...to.headers };
}

/**
 * A starter (written in the CRM's default form) authenticating the way `which` says: URLs rebased, auth headers
 * swapped, and `connection` naming the CRM's connection when it reads one.
 */
export function withAuth<T extends IntegrationDocument>(doc: T, auth: CrmAuth, which: StarterAuth): T {
  const out: IntegrationDocument = { ...doc };
  if (which !== auth.default) {
    const from = defaultForm(auth);
    const to = which === 'secrets' ? auth.secrets : auth.oauth;
    out.headers = swapHeaders(out.headers, from, to);
    if ('steps' in out) out.steps = out.steps.map((step) => ({ ...step, url: rebase(step.url, from, to) }));
    else out.url = rebase(out.url, from, to);
  }
  // `connection` right after `target`, where a reader of the document looks for what it writes to.
  const entries = Object.entries(out).filter(([key]) => key !== 'connection');
  const at = entries.findIndex(([key]) => key === 'target') + 1 || entries.length;
  if (which === 'connection') entries.splice(at, 0, ['connection', auth.connection]);
  return Object.fromEntries(entries) as T;
}
