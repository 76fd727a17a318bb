import { readFileSync } from 'node:fs';
import { targets } from '../../src/index.js';

/** The example secrets (examples/secrets.json): fake tokens and instance URLs. */
export const secrets = JSON.parse(
  readFileSync(new URL('../../../../examples/secrets.json', import.meta.url), 'utf8'),
) as Record<string, string>;

/**
 * The values of relay connection `id` as a test renders with them: the example secrets of the CRM whose
 * connection it is, under the connection's names (`instance_url` ← SALESFORCE_INSTANCE_URL, ...).
 */
export function connectionValues(id: string): Record<string, string> {
  const auth = targets.find((t) => t.auth?.connection === id)?.auth;
  if (!auth) throw new Error(`no CRM uses the connection "${id}"`);
  return Object.fromEntries(
    auth.oauth.names.map((name, i) => [name, secrets[auth.secrets.names[i] ?? ''] ?? '']),
  );
}

/** Render options with the credentials a starter reads: the secrets, and its connection's values when it names one. */
export function credentials(doc: { connection?: string }): {
  secrets: Record<string, string>;
  connection?: Record<string, string>;
} {
  return doc.connection ? { secrets, connection: connectionValues(doc.connection) } : { secrets };
}
