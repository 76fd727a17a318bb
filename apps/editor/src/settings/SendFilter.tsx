/**
 * Which payloads the integration is sent for: the provider's events (`Integration.events`; shown for
 * providers with more than one, such as Attendee, which sends every trigger to one URL; none checked
 * means every event) and an optional condition (`Integration.when`), e.g. `{{ data.new_state == 'ended' }}`.
 */
import { findProvider } from '../catalog.js';
import { getStore, useStore } from '../store.js';

export function SendFilter() {
  const providerId = useStore((s) => s.doc.providerId);
  const events = useStore((s) => s.doc.events);
  const when = useStore((s) => s.doc.when);
  const provider = findProvider(providerId);
  const choices = provider && provider.events.length > 1 ? provider.events : [];
  const toggle = (event: string, on: boolean): void => {
    const next = on ? [...events, event] : events.filter((e) => e !== event);
    // Keep the provider's order, so the document does not depend on click order.
    getStore().updateDoc({ events: choices.filter((e) => next.includes(e)) });
  };
  const summary = [
    events.length === 0 ? 'every event' : events.join(', '),
    when.trim() === '' ? '' : `when ${when.trim()}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <details
      className="events-filter"
      data-testid="events-filter"
      open={events.length > 0 || when.trim() !== ''}
    >
      <summary>Send for: {summary}</summary>
      {choices.length > 0 && (
        <>
          <div className="sections" role="group" aria-label="Events">
            {choices.map((event) => (
              <label key={event} className="check">
                <input
                  type="checkbox"
                  checked={events.includes(event)}
                  onChange={(e) => toggle(event, e.target.checked)}
                />
                {event}
              </label>
            ))}
          </div>
          <div className="muted small">None checked: every event.</div>
        </>
      )}
      <label className="grow">
        Only when
        <input
          value={when}
          placeholder="{{ data.new_state == 'ended' }}"
          spellCheck={false}
          onChange={(e) => getStore().updateDoc({ when: e.target.value }, 'when')}
          data-testid="when-input"
        />
      </label>
    </details>
  );
}
