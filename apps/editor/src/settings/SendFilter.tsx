/**
 * Which of the provider's events the integration is sent for (`Integration.events`). Shown only for
 * providers with more than one event (Attendee sends every trigger to one URL); none checked means
 * every event, as in the document.
 */
import { findProvider } from '../catalog.js';
import { getStore, useStore } from '../store.js';

export function EventsFilter() {
  const providerId = useStore((s) => s.doc.providerId);
  const events = useStore((s) => s.doc.events);
  const provider = findProvider(providerId);
  if (!provider || provider.events.length < 2) return null;
  const toggle = (event: string, on: boolean): void => {
    const next = on ? [...events, event] : events.filter((e) => e !== event);
    // Keep the provider's order, so the document does not depend on click order.
    getStore().updateDoc({ events: provider.events.filter((e) => next.includes(e)) });
  };
  return (
    <details className="events-filter" data-testid="events-filter" open={events.length > 0}>
      <summary>
        Send for: {events.length === 0 ? 'every event' : events.join(', ')}
      </summary>
      <div className="sections" role="group" aria-label="Events">
        {provider.events.map((event) => (
          <label key={event} className="check">
            <input type="checkbox" checked={events.includes(event)} onChange={(e) => toggle(event, e.target.checked)} />
            {event}
          </label>
        ))}
      </div>
      <div className="muted small">None checked: every event.</div>
    </details>
  );
}
