/**
 * A plan renders without any connection's real values (SPEC §10: never in an API answer): every
 * `connection.<name>` a document reads renders as `<connection.<name>>`, and a value a URL starts with
 * (Salesforce `instance_url`, Zoho `api_domain`) as `https://connection.invalid/<name>`, so the URL, body
 * and diff show where each value goes (and which one), and no token can reach the answer. The stand-ins
 * are the editor's preview ones (`apps/editor/src/worker/render.ts`), so a plan shows what the preview did.
 */
import { compile, integrationTemplates, isFlow } from '@hookmap/core';
import type { IntegrationDocument } from '@hookmap/core';

/** `connection.x`, `$.connection.x`, `connection["x"]`, `$['connection']['x']` → `x`. */
const NAMED =
  /^(?:\$\.?)?(?:connection|\[\s*["']connection["']\s*\])(?:\.([A-Za-z_$][\w$-]*)|\[\s*["']([^"']+)["']\s*\])/;

/** `{{ connection.x }}` at the start of a URL. */
const LEADING = /^\s*\{\{\s*(?:\$\.)?connection\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/;

export function standInValue(name: string): string {
  return `<connection.${name}>`;
}

/** The stand-in of a value a URL starts with: a URL that can never be reached. */
export function standInUrl(name: string): string {
  return `https://connection.invalid/${name}`;
}

function urlsOf(doc: unknown): string[] {
  const d = doc as IntegrationDocument;
  const urls = isFlow(d) ? d.steps.map((s) => s.url) : [(d as { url?: unknown }).url];
  return urls.filter((u): u is string => typeof u === 'string');
}

/** `connection.x` anywhere in a template's text: the fallback for one the compiler does not take (Handlebars). */
const MENTIONED = /connection\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g;

/** The names of connection values the documents' templates read. */
export function connectionNamesRead(docs: readonly unknown[]): Set<string> {
  const names = new Set<string>();
  for (const doc of docs) {
    for (const t of integrationTemplates(doc)) {
      const text = typeof t.template === 'string' ? t.template : JSON.stringify(t.template);
      if (!text?.includes('connection')) continue;
      let references: readonly string[];
      try {
        references = compile(t.template as Parameters<typeof compile>[0]).references;
      } catch {
        for (const match of text.matchAll(MENTIONED)) names.add(match[1] as string);
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
  for (const url of docs.flatMap(urlsOf)) {
    const name = LEADING.exec(url)?.[1];
    if (name) scope[name] = standInUrl(name);
  }
  return scope;
}
