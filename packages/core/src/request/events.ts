import { truthy } from '../evaluate/operators.js';
import { compile } from '../template.js';
import type { CompiledTemplate, Integration, Provider } from '../types.js';
import { payloadContext } from './context.js';

/**
 * Which payloads an integration is meant for (not in SPEC §6, which is silent on it): `events`, the
 * provider events it is sent for, and `when`, a condition on the payload. renderRequest renders
 * regardless; skipping is the caller's decision (the relay makes no delivery, the CLI sends nothing).
 */

/**
 * The event of a payload as its provider names it: `common.event` of the provider's context (SPEC §7),
 * one of `provider.events`. Null without a provider or when the provider cannot tell.
 */
export function eventOf(payload: unknown, provider: Provider | undefined): string | null {
  return provider ? eventIn(provider.buildContext(payload)) : null;
}

function eventIn(context: Record<string, unknown>): string | null {
  const common = context.common as { event?: unknown } | null | undefined;
  return typeof common?.event === 'string' ? common.event : null;
}

/** The `events` that apply: none without a provider (the event is unknown, so the filter cannot apply). */
function eventsFilter(
  integration: Pick<Integration, 'events'>,
  provider: Provider | undefined,
): string[] | null {
  const events = integration.events;
  return events && events.length > 0 && provider ? events : null;
}

function whenFilter(integration: Pick<Integration, 'when'>): string | null {
  const when = integration.when;
  return when === undefined || when.trim() === '' ? null : when;
}

/**
 * True when the integration lists no `events`, or the payload's event is one of them. Without a provider
 * the event is unknown and the filter cannot apply, so the answer is true (the relay and the CLI always
 * know the provider of a source or an integration).
 */
export function handlesEvent(
  integration: Pick<Integration, 'events'>,
  payload: unknown,
  provider: Provider | undefined,
): boolean {
  return leftOutBy({ events: integration.events }, payload, provider) === null;
}

/**
 * True when the integration has no `when`, or its condition — one placeholder such as
 * `{{ data.new_state == 'ended' }}`, read against the body's context without secrets — is truthy for
 * this payload. Unresolved references are null, so a condition on a missing field is false.
 */
export function whenHolds(
  integration: Pick<Integration, 'when'>,
  payload: unknown,
  provider: Provider | undefined,
): boolean {
  return leftOutBy({ when: integration.when }, payload, provider) === null;
}

const conditions = new Map<string, CompiledTemplate>();

function condition(when: string): CompiledTemplate {
  let compiled = conditions.get(when);
  if (!compiled) {
    compiled = compile(when);
    if (conditions.size >= 1000) conditions.clear();
    conditions.set(when, compiled);
  }
  return compiled;
}

/** Why the integration leaves this payload out — its `events` or its `when` — or null when it applies. */
export type LeftOut = { by: 'events'; event: string | null } | { by: 'when' };

/** Both filters against one context of the payload (built only when a filter is set). */
export function leftOutBy(
  integration: Pick<Integration, 'events' | 'when'>,
  payload: unknown,
  provider: Provider | undefined,
): LeftOut | null {
  const events = eventsFilter(integration, provider);
  const when = whenFilter(integration);
  if (!events && !when) return null;
  const context = payloadContext(payload, provider);
  if (events) {
    const event = eventIn(context);
    if (event === null || !events.includes(event)) return { by: 'events', event };
  }
  if (when && !truthy(condition(when).render(context))) return { by: 'when' };
  return null;
}

/** Both filters: whether the relay sends this integration for this payload. */
export function integrationApplies(
  integration: Pick<Integration, 'events' | 'when'>,
  payload: unknown,
  provider: Provider | undefined,
): boolean {
  return leftOutBy(integration, payload, provider) === null;
}
