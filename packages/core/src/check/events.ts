import { Codes } from '../codes.js';
import { contextType, withIntegrationNames, type CheckProvider } from './context.js';
import type { CheckEnv } from './env.js';
import { inferString } from './strings.js';
import { maybeTruthy } from './type.js';

/**
 * The provider events an integration is sent for: its `events` (when it lists any), less the events
 * whose context makes its `when` always false (e.g. `{{ trigger == 'bot.state_change' }}` leaves out
 * every other Attendee trigger). Names outside the provider's events, and a filter that leaves no event,
 * are warnings (H510). `when` itself is checked against the events `events` lets through.
 */
export function checkedEvents(
  doc: Record<string, unknown>,
  provider: CheckProvider,
  env: CheckEnv,
): string[] {
  let events = provider.events;
  if (Array.isArray(doc.events) && doc.events.length > 0) {
    doc.events.forEach((name, i) => {
      if (typeof name === 'string' && !provider.events.includes(name)) {
        env.diagnostics.push({
          severity: 'warning',
          code: Codes.NO_EVENT,
          message: `"${name}" is not an event of ${provider.name} (its events: ${provider.events.join(', ')}); the integration is never sent for it.`,
          path: `/events/${i}`,
          start: 0,
          end: 0,
        });
      }
    });
    events = provider.events.filter((e) => (doc.events as unknown[]).includes(e));
  }
  if (typeof doc.when === 'string' && events.length > 0) {
    const when = doc.when;
    const whole = withIntegrationNames(contextType(provider, events));
    inferString(when, { ...env, context: whole, pointer: '/when' }, true);
    // Decided per event, with no diagnostics (reported once above, against all of them).
    events = events.filter((event) => {
      const t = inferString(
        when,
        {
          ...env,
          context: withIntegrationNames(contextType(provider, [event])),
          pointer: '/when',
          diagnostics: [],
          probe: null,
        },
        true,
      ).type;
      return maybeTruthy(t);
    });
  }
  if (
    events.length === 0 &&
    ((Array.isArray(doc.events) && doc.events.length > 0) || typeof doc.when === 'string')
  ) {
    env.diagnostics.push({
      severity: 'warning',
      code: Codes.NO_EVENT,
      message: `No event of ${provider.name} passes this integration's "events" and "when": it is never sent. Its templates are checked against every event.`,
      path: typeof doc.when === 'string' ? '/when' : '/events',
      start: 0,
      end: 0,
    });
  }
  return events;
}
