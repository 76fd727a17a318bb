import type { Integration, Provider } from '../types.js';

/**
 * The event of a payload as its provider names it: `common.event` of the provider's context (SPEC §7),
 * one of `provider.events`. Null without a provider or when the provider cannot tell.
 */
export function eventOf(payload: unknown, provider: Provider | undefined): string | null {
  if (!provider) return null;
  const common = provider.buildContext(payload).common as { event?: unknown } | null | undefined;
  return typeof common?.event === 'string' ? common.event : null;
}

/**
 * Whether the integration is meant for this payload: true when it lists no `events`, else when the
 * payload's event is one of them. Without a provider the event is unknown and the filter cannot apply,
 * so the answer is true (the relay and the CLI always know the provider of a source or an integration).
 */
export function handlesEvent(integration: Pick<Integration, 'events'>, payload: unknown, provider: Provider | undefined): boolean {
  const events = integration.events;
  if (!events || events.length === 0 || !provider) return true;
  const event = eventOf(payload, provider);
  return event !== null && events.includes(event);
}
