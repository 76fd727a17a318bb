import type { AttemptView as Attempt } from './types.js';
import { badge, s } from './styles.js';
import { formatBody, formatHeaders, formatTime, statusText } from './format.js';

/** One attempt: what was sent, what came back, how long it took, what went wrong. */
export function AttemptView({ attempt }: { attempt: Attempt }) {
  const req = attempt.request;
  return (
    <div style={{ ...s.box, ...s.stack }} data-testid="logs-attempt">
      <div style={s.bar}>
        <strong>Attempt {attempt.number}</strong>
        <span style={badge(attempt.outcome)}>{attempt.outcome}</span>
        <span>HTTP {statusText(attempt.responseStatus, attempt.error)}</span>
        <span style={s.muted}>
          {attempt.durationMs} ms · {formatTime(attempt.startedAt)} · {attempt.worker}
          {attempt.version != null && <> · version {attempt.version}</>}
        </span>
      </div>
      {attempt.error && <div style={s.error}>{attempt.error}</div>}
      {req ? (
        <details open>
          <summary>
            Request{' '}
            <span style={s.mono}>
              {req.method} {req.url}
            </span>
          </summary>
          <pre style={s.pre}>{formatHeaders(req.headers)}</pre>
          {req.body !== null && <pre style={s.pre}>{formatBody(req.body)}</pre>}
        </details>
      ) : (
        <div style={s.muted}>No request was sent.</div>
      )}
      {attempt.responseStatus !== null && (
        <details>
          <summary>Response {attempt.responseStatus}</summary>
          <pre style={s.pre}>{formatHeaders(attempt.responseHeaders)}</pre>
          <pre style={s.pre}>{formatBody(attempt.responseBody)}</pre>
        </details>
      )}
    </div>
  );
}
