import { setOwn } from '../evaluate/paths.js';
import type { Provider } from '../types.js';

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
 * The expression context of a payload without secrets: the provider's (built fresh per call, so
 * callers may extend it in place), or the payload's own fields plus `payload` without a provider.
 */
export function payloadContext(payload: unknown, provider: Provider | undefined): Record<string, unknown> {
  const isObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  const context: Record<string, unknown> = provider ? provider.buildContext(payload) : isObject ? { ...payload } : {};
  if (!provider || context.payload === undefined) setOwn(context, 'payload', payload);
  return context;
}

export interface RequestScope {
  secrets?: Record<string, string> | undefined;
  connection?: Record<string, unknown> | undefined;
}

/**
 * The context a request renders against: the payload's, with `secrets` and `connection` taken only from
 * the options (a payload field of the same name is shadowed) and reachable only by naming them.
 */
export function requestContext(payload: unknown, provider: Provider | undefined, scope: RequestScope): Record<string, unknown> {
  const context = payloadContext(payload, provider);
  defineScope(context, 'secrets', { ...scope.secrets });
  defineScope(context, 'connection', { ...scope.connection });
  return context;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The provider's URL scope (OSVI: `call_trigger_data`), which URL placeholders read first. It is payload
 * data, so where it has a field named like a scope name, a copy is made with the context's real one laid
 * over it (again non-enumerable): `{{ secrets.X }}` never reads the payload, and `{{ $ }}` never
 * serialises a secret. Null when the provider has no URL scope or the payload no object there.
 */
export function urlScopeOf(context: Record<string, unknown>, provider: Provider | undefined): Record<string, unknown> | null {
  const name = provider?.urlScope;
  const value = name ? context[name] : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const scope = value as Record<string, unknown>;
  const shadowed = SCOPE_NAMES.filter((n) => hasOwn.call(scope, n) && hasOwn.call(context, n));
  if (shadowed.length === 0) return scope;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(scope)) setOwn(copy, key, scope[key]);
  for (const n of shadowed) {
    delete copy[n];
    defineScope(copy, n, context[n]);
  }
  return copy;
}
