import { typeFromSchema } from './from-schema.js';
import { member } from './paths.js';
import { objectType, stringType, union, unknown, type Prop, type Type } from './type.js';

/**
 * What the checker needs of a provider: its events and, per event, a JSON Schema of the expression
 * context `buildContext` gives for such a payload (payload fields, named sources, `payload`, `common`).
 * `@hookmap/providers` gives every provider one; a structural type keeps core free of that package.
 */
export interface CheckProvider {
  id: string;
  name: string;
  events: string[];
  contextSchemas: Record<string, object>;
  /** Context key URL placeholders resolve against first (SPEC §6), or null. */
  urlScope?: string | null;
  /** Auto-mode sections: the body keys each one may contribute. */
  sections?: { id: string; fields: string[] }[];
}

const joined = new WeakMap<object, Map<string, Type>>();

/** The context type of some events of a provider, joined: a value any of those payloads may give. */
export function contextType(provider: CheckProvider, events: readonly string[]): Type {
  let byEvents = joined.get(provider.contextSchemas);
  if (!byEvents) joined.set(provider.contextSchemas, (byEvents = new Map()));
  const key = events.join('\n');
  const hit = byEvents.get(key);
  if (hit) return hit;
  const type = joinEvents(provider, events);
  if (byEvents.size < 256) byEvents.set(key, type);
  return type;
}

function joinEvents(provider: CheckProvider, events: readonly string[]): Type {
  let type: Type | null = null;
  for (const event of events) {
    const schema = provider.contextSchemas[event];
    const t = schema ? typeFromSchema(schema) : unknown();
    type = type ? union(type, t) : t;
  }
  return type ?? unknown();
}

/**
 * The names only the caller supplies (`request/context.ts`): `secrets` (text) and `connection` (its
 * values, typed unknown), found by name whatever the payload holds. A flow adds `steps` and `response`
 * per template (flow.ts).
 */
export function withIntegrationNames(context: Type): Type {
  const facet = context.object;
  if (!facet) return context;
  const props = new Map<string, Prop>(facet.props);
  props.set('secrets', { type: objectType(new Map(), stringType()), required: true });
  props.set('connection', { type: objectType(new Map(), unknown()), required: true });
  return { ...context, object: { ...facet, props } };
}

/** The keys of `common` in a context, for did-you-mean on root names. */
export function commonKeysOf(context: Type): string[] {
  const common = member(context, 'common').type.object;
  return common ? [...common.props.keys()] : [];
}
