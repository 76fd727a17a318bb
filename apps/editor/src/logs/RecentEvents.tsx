import { useCallback, useEffect, useState } from 'react';
import { loadPayloadText } from '../samples/SamplePanel.js';
import type { RelayApi } from './api.js';
import type { DeliveryStatus, EventView, SourceView } from './types.js';
import { formatTime } from './format.js';
import { statusesByEvent } from './plan-text.js';
import { badge, s } from './styles.js';

interface Props {
  api: RelayApi;
  sources: SourceView[];
  /** The logs' source filter, preselected. */
  sourceId?: string;
  /** Bumped by the logs' refresh. */
  version: number;
}

const LIMIT = 20;

/** SPEC §12: the source's recent real events as samples, with how their deliveries went; one click loads one. */
export function RecentEvents({ api, sources, sourceId, version }: Props) {
  const [picked, setPicked] = useState(sourceId ?? '');
  useEffect(() => {
    if (sourceId) setPicked(sourceId);
  }, [sourceId]);
  const source = picked || sources[0]?.id || '';
  const [events, setEvents] = useState<EventView[]>([]);
  const [statuses, setStatuses] = useState<Map<string, DeliveryStatus[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!source) return;
    try {
      const [list, deliveries] = await Promise.all([
        api.events(source, LIMIT),
        api.deliveries({ sourceId: source }, { limit: 200 }),
      ]);
      setEvents(list.filter((e) => !e.test));
      setStatuses(statusesByEvent(deliveries.items));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, source]);
  useEffect(() => {
    void load();
  }, [load, version]);

  function use(e: EventView) {
    loadPayloadText(e.body, `Relay event ${e.id}`);
    setLoaded(e.id);
  }

  return (
    <div style={s.stack} data-testid="recent-events">
      <div style={s.bar}>
        <label style={s.label}>
          Source
          <select
            style={s.select}
            value={source}
            onChange={(e) => setPicked(e.target.value)}
            data-testid="recent-source"
          >
            {sources.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <span style={s.muted}>
          Its last {LIMIT} real webhooks; “Use as sample” loads one into the sample panel.
        </span>
      </div>
      {error && <div style={s.error}>{error}</div>}
      {!error && events.length === 0 && <div style={s.muted}>No webhook received on this source yet.</div>}
      {events.length > 0 && (
        <table style={s.table}>
          <thead>
            <tr>
              <th style={s.th}>Received</th>
              <th style={s.th}>Event</th>
              <th style={s.th}>Deliveries</th>
              <th style={s.th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const st = statuses.get(e.id) ?? [];
              const failed = st.includes('failed');
              return (
                <tr key={e.id} data-testid="recent-event" data-failed={failed ? 'true' : undefined}>
                  <td style={{ ...s.td, ...s.muted, whiteSpace: 'nowrap' }}>{formatTime(e.receivedAt)}</td>
                  <td style={{ ...s.td, ...s.mono }}>{e.id}</td>
                  <td style={s.td}>
                    {st.length === 0 ? (
                      <span style={s.muted}>none</span>
                    ) : (
                      st.map((x, i) => (
                        <span key={i} style={{ ...badge(x), marginRight: 4 }}>
                          {x}
                        </span>
                      ))
                    )}
                  </td>
                  <td style={{ ...s.td, whiteSpace: 'nowrap', textAlign: 'right' }}>
                    <button
                      type="button"
                      className={failed ? 'primary' : undefined}
                      onClick={() => use(e)}
                      aria-label={`Use event ${e.id} as the sample`}
                      data-testid="recent-use"
                    >
                      {loaded === e.id ? 'Loaded ✓' : failed ? 'Open failed payload' : 'Use as sample'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
