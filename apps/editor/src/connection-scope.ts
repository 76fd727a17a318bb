/**
 * What `connection.*` offers in templates (SPEC §10) when the integration names a relay connection:
 * `access_token` for OAuth2, the token-response fields of its preset (Salesforce `instance_url`, Zoho and
 * Pipedrive `api_domain`) and a static connection's value names. The Connections dialog records what it
 * read from the relay; a connection it has not seen is guessed from its id and the target's (e.g.
 * `salesforce-acme`). Values are the preview's stand-ins, never real ones.
 */
import type { ConnectionView } from './logs/types.js';
import { CONNECTION_PRESETS } from './logs/types.js';

interface Known {
  kind: 'oauth2' | 'static';
  preset: string | null;
  values: string[];
}

const known = new Map<string, Known>();

/** Remembers the relay's connections (no secret values: only kinds, presets and which values are set). */
export function rememberConnections(list: readonly ConnectionView[]): void {
  known.clear();
  for (const c of list) {
    const values = c.set.filter((f) => f.startsWith('values.')).map((f) => f.slice('values.'.length));
    known.set(c.id, { kind: c.kind, preset: c.preset, values });
  }
}

/** The ids the relay had when the Connections dialog last read it. */
export function knownConnectionIds(): string[] {
  return [...known.keys()];
}

/** The names a template can read as `connection.<name>` for connection `id`. */
export function connectionNames(id: string, targetId: string | null = null): string[] {
  const c = known.get(id);
  if (c?.kind === 'static') return c.values;
  const preset = c?.preset ?? guessPreset(`${id} ${targetId ?? ''}`);
  const fields = preset ? (CONNECTION_PRESETS[preset] ?? []) : [];
  return [...new Set(['access_token', ...fields, ...(c?.values ?? [])])];
}

/** The preset of connection `id`: the relay's answer, else guessed from the id and the target's ("salesforce-acme"). */
export function connectionPreset(id: string, targetId: string | null = null): string | null {
  return known.get(id)?.preset ?? guessPreset(`${id} ${targetId ?? ''}`);
}

function guessPreset(text: string): string | null {
  const lower = text.toLowerCase();
  return Object.keys(CONNECTION_PRESETS).find((p) => lower.includes(p)) ?? null;
}

/** The stand-in scope completion and hover show: `<connection.NAME>` for every name. */
export function connectionStandIn(id: string, targetId: string | null = null): Record<string, string> {
  return Object.fromEntries(connectionNames(id, targetId).map((n) => [n, `<connection.${n}>`]));
}

let cache: { base: object; key: string; value: Record<string, unknown> } | null = null;

/**
 * The editing context with `connection` added when the doc names one. The same object comes back while
 * nothing changed (completion compares contexts by identity to tell the top level).
 */
export function withConnection(
  base: Record<string, unknown>,
  connection: string | undefined,
  targetId: string | null,
): Record<string, unknown> {
  const id = connection?.trim() ?? '';
  if (id === '') return base;
  const key = `${id}\n${targetId ?? ''}\n${connectionNames(id, targetId).join(',')}`;
  if (cache && cache.base === base && cache.key === key) return cache.value;
  const value = { ...base, connection: connectionStandIn(id, targetId) };
  cache = { base, key, value };
  return value;
}
