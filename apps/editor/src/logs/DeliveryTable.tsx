import { Fragment } from 'react';
import type { RelayApi } from './api.js';
import type { DeliveryView, IntegrationView } from './types.js';
import { DeliveryDetails } from './DeliveryDetails.js';
import { badge, s } from './styles.js';
import { formatTime, integrationLabel, integrationUrl, statusText } from './format.js';

interface Props {
  api: RelayApi;
  rows: DeliveryView[];
  integrations: Map<string, IntegrationView>;
  selected: Set<string>;
  expanded: string | null;
  version: number;
  onToggleSelect: (id: string) => void;
  onExpand: (id: string | null) => void;
  onRetry: (id: string) => void;
  onReplay: (d: DeliveryView) => void;
}

/** Deliveries, newest first: status, destination, attempts, last answer; click a row for its attempts. */
export function DeliveryTable(p: Props) {
  if (p.rows.length === 0) return <div style={s.muted}>No deliveries match.</div>;
  return (
    <table style={s.table} data-testid="logs-table">
      <thead>
        <tr>
          <th style={s.th} />
          <th style={s.th}>Status</th>
          <th style={s.th}>Integration</th>
          <th style={s.th}>Attempts</th>
          <th style={s.th}>Last</th>
          <th style={s.th}>Updated</th>
          <th style={s.th} />
        </tr>
      </thead>
      <tbody>
        {p.rows.map((d) => {
          const integration = p.integrations.get(d.integrationId);
          const open = p.expanded === d.id;
          return (
            <Fragment key={d.id}>
              <tr style={s.row} onClick={() => p.onExpand(open ? null : d.id)} data-testid="logs-row">
                <td style={s.td} onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label="Select delivery"
                    checked={p.selected.has(d.id)}
                    onChange={() => p.onToggleSelect(d.id)}
                  />
                </td>
                <td style={{ ...s.td, whiteSpace: 'nowrap' }}>
                  <span style={badge(d.status)}>{d.status}</span>
                  {d.replay && (
                    <>
                      {' '}
                      <span
                        style={badge('replay')}
                        data-testid="logs-replay-badge"
                        title="A replay of a stored event"
                      >
                        replay
                      </span>
                    </>
                  )}
                </td>
                <td style={s.td} title={integration ? integrationUrl(integration) : undefined}>
                  {integration ? (
                    integrationLabel(integration)
                  ) : (
                    <span style={s.mono}>{d.integrationId}</span>
                  )}
                  {d.version != null && (
                    <span style={s.muted} data-testid="logs-version">
                      {' '}
                      · v{d.version}
                    </span>
                  )}
                </td>
                <td style={s.td}>
                  {d.attemptCount}/{d.maxAttempts}
                </td>
                <td style={s.td} title={d.lastError ?? undefined}>
                  {statusText(d.lastStatus, d.lastError)}
                </td>
                <td style={{ ...s.td, ...s.muted, whiteSpace: 'nowrap' }}>{formatTime(d.updatedAt)}</td>
                <td style={{ ...s.td, whiteSpace: 'nowrap' }} onClick={(e) => e.stopPropagation()}>
                  <button
                    type="button"
                    disabled={d.status === 'pending'}
                    onClick={() => p.onRetry(d.id)}
                    data-testid="logs-retry"
                  >
                    Retry
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() => p.onReplay(d)}
                    title="Send this delivery's event again, through the integration's live version"
                    aria-label={`Replay event ${d.eventId} through the live version`}
                    data-testid="logs-replay"
                  >
                    Replay
                  </button>
                </td>
              </tr>
              {open && (
                <tr>
                  <td style={s.td} colSpan={7}>
                    <DeliveryDetails api={p.api} id={d.id} version={p.version} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
