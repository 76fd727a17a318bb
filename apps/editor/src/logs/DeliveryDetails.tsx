import { useEffect, useState } from 'react';
import type { RelayApi } from './api.js';
import type { DeliveryDetail } from './types.js';
import { AttemptView } from './AttemptView.js';
import { s } from './styles.js';

/** All attempts of one delivery, newest first; reloads when `version` changes. */
export function DeliveryDetails({ api, id, version }: { api: RelayApi; id: string; version: number }) {
  const [detail, setDetail] = useState<DeliveryDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.delivery(id).then(
      (d) => live && (setDetail(d), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [api, id, version]);
  if (error) return <div style={s.error}>{error}</div>;
  if (!detail) return <div style={s.muted}>Loading…</div>;
  return (
    <div style={s.stack}>
      <div style={s.muted}>
        Delivery <span style={s.mono}>{detail.id}</span> · event <span style={s.mono}>{detail.eventId}</span> ·{' '}
        {detail.attemptCount}/{detail.maxAttempts} attempts
        {detail.status === 'pending' && detail.attemptCount > 0 && <> · next at {new Date(detail.nextAttemptAt).toLocaleTimeString()}</>}
      </div>
      {detail.attempts.length === 0 && <div style={s.muted}>No attempt yet.</div>}
      {detail.attempts.map((a) => (
        <AttemptView key={a.id} attempt={a} />
      ))}
    </div>
  );
}
