/**
 * A plan renders without any connection's real values (SPEC §10: never in an API answer): every
 * `connection.<name>` a document reads renders as `[connection.<name>]`, so the URL, body and diff show
 * where each value goes (and which one), and no token can reach the answer.
 */
import { compile, integrationTemplates } from '@hookmap/core';

/** `connection.x`, `$.connection.x`, `connection["x"]`, `$['connection']['x']` → `x`. */
const NAMED =
  /^(?:\$\.?)?(?:connection|\[\s*["']connection["']\s*\])(?:\.([A-Za-z_$][\w$-]*)|\[\s*["']([^"']+)["']\s*\])/;

export function standInValue(name: string): string {
  return `[connection.${name}]`;
}

/** The names of connection values the documents' templates read (a template that does not compile reads none). */
export function connectionNamesRead(docs: readonly unknown[]): Set<string> {
  const names = new Set<string>();
  for (const doc of docs) {
    for (const t of integrationTemplates(doc)) {
      if (typeof t.template !== 'string' || !t.template.includes('connection')) continue;
      let references: readonly string[];
      try {
        references = compile(t.template).references;
      } catch {
        continue;
      }
      for (const reference of references) {
        const match = NAMED.exec(reference);
        const name = match?.[1] ?? match?.[2];
        if (name) names.add(name);
      }
    }
  }
  return names;
}

/**
 * The `connection` scope a plan renders with: a stand-in for every name the documents read and every
 * name the named connections hold (names only: `access_token` for OAuth2, static values, token-response
 * fields), so templates that reach values another way (Handlebars) find one too.
 */
export function standInConnection(
  docs: readonly unknown[],
  heldNames: Iterable<string> = [],
): Record<string, string> {
  const scope: Record<string, string> = {};
  for (const name of [...connectionNamesRead(docs), ...heldNames]) scope[name] = standInValue(name);
  return scope;
}
