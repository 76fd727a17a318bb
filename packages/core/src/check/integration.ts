import { Codes } from '../codes.js';
import { escapePointer } from '../errors.js';
import { withCustomFilters } from '../filters/index.js';
import type { Diagnostic, FilterFn } from '../types.js';
import { commonKeysOf, contextType, withIntegrationNames, type CheckProvider } from './context.js';
import type { CheckEnv, Probe } from './env.js';
import { checkedEvents } from './events.js';
import type { InferredValue } from './inferred.js';
import { member } from './paths.js';
import { inferString } from './strings.js';
import { inferTemplate } from './template.js';
import { objectType, stringType, unknown, type Prop, type Type } from './type.js';

export interface CheckOptions {
  /** The provider whose event schemas type the context; without one every path is unknown. */
  provider?: CheckProvider;
  /** Custom filters the integration is rendered with (their results are unknown). */
  filters?: Record<string, FilterFn>;
}

/** The body an integration renders, as the checker infers it. */
export type InferredBody =
  | { kind: 'json'; value: InferredValue }
  | { kind: 'text'; value: InferredValue }
  | { kind: 'unchecked'; reason: string };

export interface IntegrationCheck {
  /** Static problems only (H5xx); syntax and shape problems are `validateIntegration`'s. */
  diagnostics: Diagnostic[];
  /** The provider events the integration is checked for (after `events` and `when`). */
  events: string[];
  /** The body, or null when the request has none (GET, DELETE, no body). */
  body: InferredBody | null;
  /** The context type the templates were checked against. */
  context: Type;
}

/**
 * SPEC §11: types every template of an integration against the context of each provider event it is
 * sent for, without a payload. Pure and synchronous; never throws for a document `validateIntegration`
 * accepts (strings that do not parse are skipped: validate reports them).
 */
export function checkIntegration(doc: unknown, options: CheckOptions = {}, probe: Probe | null = null): IntegrationCheck {
  const diagnostics: Diagnostic[] = [];
  const d = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
  const provider = options.provider;
  const base: CheckEnv = {
    context: unknown(),
    frames: [],
    filters: withCustomFilters(options.filters),
    mode: 'both',
    pointer: '',
    source: '',
    key: false,
    diagnostics,
    label: provider ? provider.name : 'payload',
    commonKeys: [],
    probe,
  };
  const events = provider ? checkedEvents(d, provider, base) : [];
  const payloadContext = provider && events.length > 0 ? contextType(provider, events) : provider ? contextType(provider, provider.events) : unknown();
  const context = withIntegrationNames(payloadContext, d);
  const env: CheckEnv = { ...base, context, commonKeys: commonKeysOf(context) };
  if (typeof d.url === 'string') checkUrl(d.url, env, provider?.urlScope ?? null);
  if (typeof d.headers === 'object' && d.headers !== null) {
    for (const [name, value] of Object.entries(d.headers as Record<string, unknown>)) {
      if (typeof value === 'string') inferString(value, { ...env, pointer: `/headers/${escapePointer(name)}` });
    }
  }
  const method = typeof d.method === 'string' ? d.method : 'POST';
  const body = method === 'GET' || method === 'DELETE' ? null : inferBody(d.body, env, provider);
  return { diagnostics: dedupe(diagnostics), events, body, context };
}

function inferBody(body: unknown, env: CheckEnv, provider: CheckProvider | undefined): InferredBody | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const at = { ...env, pointer: '/body/template' };
  if (b.mode === 'template') return { kind: 'json', value: inferTemplate(b.template, at) };
  if (b.mode === 'text' && b.engine === 'handlebars') return { kind: 'unchecked', reason: 'Handlebars text bodies are not typed' };
  if (b.mode === 'text' && typeof b.template === 'string') {
    const value = inferString(b.template, at);
    return { kind: 'text', value: { ...value, type: stringType() } };
  }
  if (b.mode === 'auto' && Array.isArray(b.sections)) return { kind: 'json', value: autoBody(b.sections, provider) };
  return null;
}

/** Auto mode: the enabled sections' keys, each present only when the payload has data for it. */
function autoBody(sections: unknown[], provider: CheckProvider | undefined): InferredValue {
  const props = new Map<string, Prop>();
  for (const section of provider?.sections ?? []) {
    if (!sections.includes(section.id)) continue;
    for (const field of section.fields) props.set(field, { type: unknown(), required: false });
  }
  return { type: objectType(props, provider?.sections ? null : unknown()), origin: { path: '/body/sections', start: 0, end: 0 }, omittable: false, optional: null };
}

/**
 * URL placeholders resolve against the URL scope first, then the context: a path is unknown only when
 * neither can have it, so the unknown-path warnings of the context pass are kept only when the scope
 * pass has them too.
 */
function checkUrl(url: string, env: CheckEnv, urlScope: string | null): void {
  const pointer = '/url';
  if (!urlScope) {
    inferString(url, { ...env, pointer });
    return;
  }
  const scope = member(env.context, urlScope).type;
  const scoped: Diagnostic[] = [];
  inferString(url, { ...env, pointer, context: scope.object ? scope : objectType(new Map(), null), diagnostics: scoped, probe: null });
  const own: Diagnostic[] = [];
  inferString(url, { ...env, pointer, diagnostics: own });
  const inScope = new Set(scoped.filter((x) => x.code === Codes.UNKNOWN_PATH).map((x) => `${x.start}:${x.end}`));
  for (const problem of own) {
    if (problem.code !== Codes.UNKNOWN_PATH || inScope.has(`${problem.start}:${problem.end}`)) env.diagnostics.push(problem);
  }
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const id = `${x.code}|${x.path}|${x.start}|${x.end}|${x.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
