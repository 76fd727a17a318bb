import { useEffect, useState } from 'react';
import type { RelayApi } from './api.js';
import type { AttemptView as Attempt, DeliveryDetail } from './types.js';
import { AttemptView } from './AttemptView.js';
import { badge, s } from './styles.js';
import { statusText } from './format.js';

/** All attempts of one delivery, newest first; reloads when `version` changes. A flow shows its chain of steps first. */
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
        Delivery <span style={s.mono}>{detail.id}</span> · event <span style={s.mono}>{detail.eventId}</span>{' '}
        · {detail.attemptCount}/{detail.maxAttempts} attempts
        {detail.version != null && <> · version {detail.version}</>}
        {detail.replay && <> · replay</>}
        {detail.status === 'pending' && detail.attemptCount > 0 && (
          <> · next at {new Date(detail.nextAttemptAt).toLocaleTimeString()}</>
        )}
      </div>
      {detail.status === 'skipped' && (
        <div style={s.muted}>
          Skipped: the integration's events or condition leave this event out
          {detail.lastError ? ` (${detail.lastError})` : ''}.
        </div>
      )}
      {detail.steps?.length > 0 && <StepChain steps={detail.steps} />}
      {detail.attempts.length === 0 && detail.status !== 'skipped' && (
        <div style={s.muted}>No attempt yet.</div>
      )}
      {detail.attempts.map((a) => (
        <AttemptView key={a.id} attempt={a} />
      ))}
    </div>
  );
}

/** A flow's chain (SPEC §9): the latest row of each step, in order. */
export function StepChain({ steps }: { steps: Attempt[] }) {
  return (
    <ol
      aria-label="Flow steps"
      style={{ ...s.box, ...s.bar, listStyle: 'none', margin: 0 }}
      data-testid="logs-steps"
    >
      {steps.map((step, i) => (
        <li key={step.id} style={s.bar} data-testid="logs-step">
          {i > 0 && <span aria-hidden="true">→</span>}
          <strong style={s.mono}>{step.stepId ?? `step ${i + 1}`}</strong>
          <span style={badge(step.skipped ? 'skipped' : step.outcome)}>
            {step.skipped ? 'skipped' : step.outcome}
          </span>
          {!step.skipped && <span>HTTP {statusText(step.responseStatus, step.error)}</span>}
        </li>
      ))}
    </ol>
  );
}
