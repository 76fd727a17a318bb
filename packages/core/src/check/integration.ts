import { withCustomFilters } from '../filters/index.js';
import { integrationTemplates, type IntegrationTemplate } from '../request/templates.js';
import type { Diagnostic, FilterFn } from '../types.js';
import { commonKeysOf, contextType, withIntegrationNames, type CheckProvider } from './context.js';
import type { CheckEnv, Probe } from './env.js';
import { checkedEvents } from './events.js';
import { FlowScope } from './flow.js';
import type { InferredValue } from './inferred.js';
import { inferString } from './strings.js';
import { inferTemplate } from './template.js';
import { checkUrl } from './url.js';
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
  /**
   * The body the target receives, or null when that request has none (GET, DELETE, no body). In a flow
   * (SPEC §9) that is the last step's: lookups come first, the write the target describes last.
   */
  body: InferredBody | null;
  /** A flow's bodies, step by step (absent for a single request). */
  steps?: { id: string; body: InferredBody | null }[];
  /** The context type the templates were checked against. */
  context: Type;
}

/**
 * SPEC §11: types every template of an integration (single request or flow) against the context of
 * each provider event it is sent for, without a payload. Pure and synchronous; never throws for a
 * document `validateIntegration` accepts (strings that do not parse are skipped: validate reports them).
 */
export function checkIntegration(
  doc: unknown,
  options: CheckOptions = {},
  probe: Probe | null = null,
): IntegrationCheck {
  const diagnostics: Diagnostic[] = [];
  const d =
    typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
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
  const payloadContext = provider
    ? contextType(provider, events.length > 0 ? events : provider.events)
    : unknown();
  const context = withIntegrationNames(payloadContext);
  const env: CheckEnv = { ...base, context, commonKeys: commonKeysOf(context) };
  const flow = Array.isArray(d.steps) ? new FlowScope(d.steps) : null;
  const bodies = new Map<number | undefined, InferredBody | null>();
  for (const t of integrationTemplates(d)) {
    // The integration's own `when` decided the events above.
    if (t.step === undefined && t.kind === 'when') continue;
    const at: CheckEnv = { ...env, pointer: t.pointer, context: flow ? flow.contextAt(context, t) : context };
    const value = inferPart(t, at, provider?.urlScope ?? null);
    if (value && t.kind === 'result' && flow && t.step !== undefined) flow.setResult(t.step, value.type);
    if (t.kind === 'body' || t.kind === 'text' || t.kind === 'handlebars')
      bodies.set(t.step, bodyOf(t, value));
  }
  if (!flow)
    return {
      diagnostics: dedupe(diagnostics),
      events,
      body: requestBody(d, bodies.get(undefined), provider),
      context,
    };
  const steps = (d.steps as unknown[]).map((step, i) => ({
    id: flow.idOf(i),
    body: requestBody(step, bodies.get(i), provider),
  }));
  return { diagnostics: dedupe(diagnostics), events, body: steps.at(-1)?.body ?? null, steps, context };
}

/** One template, by its kind (`request/templates.ts`): how the compiler would compile it. */
function inferPart(t: IntegrationTemplate, env: CheckEnv, urlScope: string | null): InferredValue | null {
  switch (t.kind) {
    case 'url':
      checkUrl(t.template as string, env, urlScope);
      return null;
    case 'header':
    case 'text':
      return inferString(t.template as string, env);
    case 'when':
      return inferString(t.template as string, env, true);
    case 'body':
    case 'result':
      return inferTemplate(t.template, env);
    default:
      return null;
  }
}

function bodyOf(t: IntegrationTemplate, value: InferredValue | null): InferredBody {
  if (t.kind === 'handlebars' || !value)
    return { kind: 'unchecked', reason: 'Handlebars text bodies are not typed' };
  if (t.kind === 'text') return { kind: 'text', value: { ...value, type: stringType() } };
  return { kind: 'json', value };
}

/** The body a request sends: none for GET and DELETE; auto mode is typed from its sections. */
function requestBody(
  request: unknown,
  inferred: InferredBody | null | undefined,
  provider: CheckProvider | undefined,
): InferredBody | null {
  const r = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  const method = typeof r.method === 'string' ? r.method : 'POST';
  if (method === 'GET' || method === 'DELETE') return null;
  if (inferred) return inferred;
  const body = r.body as Record<string, unknown> | undefined;
  if (body?.mode === 'auto' && Array.isArray(body.sections))
    return { kind: 'json', value: autoBody(body.sections, provider) };
  return null;
}

/** Auto mode: the enabled sections' keys, each present only when the payload has data for it. */
function autoBody(sections: unknown[], provider: CheckProvider | undefined): InferredValue {
  const props = new Map<string, Prop>();
  for (const section of provider?.sections ?? []) {
    if (!sections.includes(section.id)) continue;
    for (const field of section.fields) props.set(field, { type: unknown(), required: false });
  }
  return {
    type: objectType(props, provider?.sections ? null : unknown()),
    origin: { path: '/body/sections', start: 0, end: 0 },
    omittable: false,
    optional: null,
  };
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
