import { setOwn } from '../evaluate/paths.js';
import type { Provider } from '../types.js';
import { mayContainPlaceholder } from '../syntax/scan.js';
import { contextRoots } from './context-roots.js';
import { integrationTemplates } from './templates.js';
import { exposesRoot } from './root-exposure.js';

/**
 * Names that only the caller supplies — `secrets`, `connection` (SPEC §6, §10) and, in flows, `steps` and
 * `response` (§9) — never the payload. They are non-enumerable own properties of the context root: a
 * template that names them (`{{ secrets.TOKEN }}`, `{{ $.connection.access_token }}`) finds them, and
 * everything that enumerates a value (a whole-context `{{ $ }}`, `$..*`, `$each` or `$merge` over the
 * root, `keys`/`values`, JSON text, Handlebars `{{json this}}` or `#each`) skips them. So a value naming
 * none of them can never carry a secret, whatever filters or directives it goes through.
 */
export const SCOPE_NAMES = ['secrets', 'connection', 'steps', 'response'] as const;
export type ScopeName = (typeof SCOPE_NAMES)[number];

/** Adds one of the scope names to a context: found by name, skipped by every enumeration. */
export function defineScope(target: Record<string, unknown>, name: ScopeName, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: false, writable: true, configurable: true });
}

/**
 * Adds a scope name, non-enumerable when some template of the document can yield the context root
 * (`hidden`, see root-exposure.ts), else as a plain property: no template can enumerate the root then,
 * and a plain store costs a few nanoseconds where `defineProperty` costs a runtime call per render.
 */
export function setScope(
  target: Record<string, unknown>,
  name: ScopeName,
  value: unknown,
  hidden: boolean,
): void {
  if (hidden) defineScope(target, name, value);
  else target[name] = value;
}

/**
 * The expression context of a payload without secrets: the provider's (built fresh per call, so
 * callers may extend it in place), or the payload's own fields plus `payload` without a provider.
 */
export function payloadContext(payload: unknown, provider: Provider | undefined): Record<string, unknown> {
  const isObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  const context: Record<string, unknown> = provider
    ? provider.buildContext(payload)
    : isObject
      ? { ...payload }
      : {};
  if (!provider || context.payload === undefined) setOwn(context, 'payload', payload);
  return context;
}

export interface RequestScope {
  secrets?: Record<string, string> | undefined;
  connection?: Record<string, unknown> | undefined;
}

/** Decided once per document: which of `secrets` and `connection` it names, and whether the scope names must be hidden. */
export interface ScopeUse {
  secrets: boolean;
  connection: boolean;
  /** Some template can yield the context root (`{{ $ }}`, `$..*`, Handlebars `this`): scope names are non-enumerable. */
  hidden: boolean;
  /**
   * Builds the payload's context holding only the names the document's templates can read
   * (context-roots.ts), or null when it must be the whole context (`payloadContext`).
   */
  reader: ((payload: unknown) => Record<string, unknown>) | null;
}

/**
 * Conservative: a document whose text never contains the word cannot name the scope in any template
 * (path, JSONPath, Handlebars `lookup`), so its renders need not define it.
 */
export function scopeUse(doc: unknown, provider: Provider | undefined): ScopeUse {
  const text = JSON.stringify(doc) ?? '';
  const roots = contextRoots(doc);
  return {
    secrets: text.includes('secrets'),
    connection: text.includes('connection'),
    // Templates that read only by name (known roots) cannot yield the root: no second walk needed.
    hidden: roots === null && exposesRoot(doc),
    reader: roots && contextReader(roots, provider, urlsHavePlaceholders(doc)),
  };
}

/** Whether the document's URL, or a flow step's, has a placeholder (which reads the provider's URL scope first). */
function urlsHavePlaceholders(doc: unknown): boolean {
  for (const t of integrationTemplates(doc))
    if (t.kind === 'url' && mayContainPlaceholder(t.template as string, 'both')) return true;
  return false;
}

const SCOPE_SET: ReadonlySet<string> = new Set(SCOPE_NAMES);

/**
 * The context of a payload restricted to `roots`: each value is the one the whole context
 * (`payloadContext`) has under that name, and a name it lacks is absent here too. The provider's URL
 * scope is kept when a URL has a placeholder (URL placeholders read it first). A provider without `contextReader` gets null:
 * only it knows what its `buildContext` computes.
 */
function contextReader(
  roots: string[],
  provider: Provider | undefined,
  urlScope: boolean,
): ((payload: unknown) => Record<string, unknown>) | null {
  const names = roots.filter((n) => !SCOPE_SET.has(n));
  if (urlScope && provider?.urlScope && !names.includes(provider.urlScope)) names.push(provider.urlScope);
  const wantsPayload = names.includes('payload');
  if (provider) {
    if (!provider.contextReader) return null;
    const read = provider.contextReader(names);
    if (!wantsPayload) return read;
    return (payload) => {
      const context = read(payload);
      if (context.payload === undefined) setOwn(context, 'payload', payload);
      return context;
    };
  }
  const fields = names.filter((n) => n !== 'payload');
  return (payload) => {
    const context: Record<string, unknown> = {};
    if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
      const record = payload as Record<string, unknown>;
      for (let i = 0; i < fields.length; i++) {
        const name = fields[i] as string;
        if (hasOwn.call(record, name)) setOwn(context, name, record[name]);
      }
    }
    if (wantsPayload) setOwn(context, 'payload', payload);
    return context;
  };
}

const EMPTY: Record<string, never> = Object.freeze({});
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The context a request renders against: the payload's, with `secrets` and `connection` taken only from
 * the options (a payload field of the same name is shadowed) and reachable only by naming them. A scope
 * the document never names is left out (defining a property costs a runtime call per render), unless the
 * payload has a field of that name to shadow: either way no template can tell.
 */
export function requestContext(
  payload: unknown,
  provider: Provider | undefined,
  scope: RequestScope,
  use: ScopeUse,
): Record<string, unknown> {
  const context = use.reader ? use.reader(payload) : payloadContext(payload, provider);
  if (use.secrets || hasOwn.call(context, 'secrets'))
    setScope(context, 'secrets', scope.secrets ?? EMPTY, use.hidden);
  if (use.connection || hasOwn.call(context, 'connection'))
    setScope(context, 'connection', scope.connection ?? EMPTY, use.hidden);
  return context;
}

/**
 * The provider's URL scope (OSVI: `call_trigger_data`), which URL placeholders read first. It is payload
 * data, so where it has a field named like a scope name, a copy is made with the context's real one laid
 * over it (again non-enumerable): `{{ secrets.X }}` never reads the payload, and `{{ $ }}` never
 * serialises a secret. Null when the provider has no URL scope or the payload no object there.
 */
export function urlScopeOf(
  context: Record<string, unknown>,
  provider: Provider | undefined,
  hidden = true,
): Record<string, unknown> | null {
  const name = provider?.urlScope;
  const value = name ? context[name] : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const scope = value as Record<string, unknown>;
  for (const n of SCOPE_NAMES)
    if (hasOwn.call(scope, n) && hasOwn.call(context, n)) return shadowedCopy(scope, context, hidden);
  return scope;
}

function shadowedCopy(
  scope: Record<string, unknown>,
  context: Record<string, unknown>,
  hidden: boolean,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(scope)) setOwn(copy, key, scope[key]);
  for (const n of SCOPE_NAMES) {
    if (!hasOwn.call(scope, n) || !hasOwn.call(context, n)) continue;
    delete copy[n];
    setScope(copy, n, context[n], hidden);
  }
  return copy;
}
