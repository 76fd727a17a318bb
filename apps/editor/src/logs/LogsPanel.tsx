import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRelayClient } from './api.js';

export interface LogsPanelProps {
  relayUrl: string;
  token: string;
}

interface DeliveryRow {
  id: string;
  status: string;
  integrationId: string;
  attemptCount: number;
  lastStatus: number | null;
  updatedAt: string;
}

/** Integration Logs: deliveries of a relay, with their attempts and retry buttons. */
export function LogsPanel({ relayUrl, token }: LogsPanelProps) {
  const client = useMemo(() => createRelayClient(relayUrl, token), [relayUrl, token]);
  const [rows, setRows] = useState<DeliveryRow[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const page = await client.get<{ items: DeliveryRow[] }>('/api/deliveries?limit=50');
      setRows(page.items);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [client]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <section aria-label="Integration Logs">
      <h2>Integration Logs</h2>
      <button type="button" onClick={() => void refresh()}>
        Refresh
      </button>
      {error && <p role="alert">{error}</p>}
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.status}</td>
              <td>{row.lastStatus ?? '–'}</td>
              <td>{row.attemptCount}</td>
              <td>{row.updatedAt}</td>
              <td>
                <button type="button" onClick={() => void client.post(`/api/deliveries/${row.id}/retry`).then(refresh)}>
                  Retry
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
