import { useCallback, useEffect, useRef, useState } from 'react';
import type { RelayApi } from './api.js';
import type { ConnectionView } from './types.js';
import { ConnectionForm } from './ConnectionForm.js';
import { ModalDialog } from './ModalDialog.js';
import { badge, s } from './styles.js';
import { connectionState, publishConnections } from './connection-state.js';

interface Props {
  api: RelayApi;
  onClose: () => void;
  /** A new connection to fill in when the dialog opens ("Connect Salesforce" from the settings). */
  draft?: { id: string; preset: string } | null;
  /** How often a connection being authorized is read again. */
  pollMs?: number;
}

/** Gives up waiting for an authorization after this long (the relay's pending authorization lasts 10 min). */
const AUTHORIZE_WINDOW_MS = 10 * 60_000;

export { connectionState };

/** Connections of the relay (SPEC §10): list, create, connect (OAuth2 in a new tab), reconnect, delete. */
export function ConnectionsDialog({ api, onClose, draft = null, pollMs = 2000 }: Props) {
  const [list, setList] = useState<ConnectionView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [creating, setCreating] = useState(draft !== null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<Record<string, string | null>>({});
  const first = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      const items = await api.connections();
      setList(items);
      if (draft && items.some((c) => c.id === draft.id)) setCreating(false);
      setLoaded(true);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, draft]);

  useEffect(() => {
    void load();
  }, [load]);
  // The settings pane shows whether the integration's connection exists and is connected.
  useEffect(() => {
    if (loaded) publishConnections(list);
  }, [list, loaded]);

  // Connections being authorized in another tab: read again until the callback stored new tokens.
  const waitingRef = useRef(waiting);
  waitingRef.current = waiting;
  const waitingIds = Object.keys(waiting).join('\n');
  useEffect(() => {
    if (waitingIds === '') return;
    const started = Date.now();
    const timer = setInterval(() => {
      for (const id of waitingIds.split('\n')) {
        api.connection(id).then(
          (c) => {
            setList((old) => old.map((x) => (x.id === c.id ? c : x)));
            const before = waitingRef.current[id];
            if (before === undefined) return;
            const done = c.status === 'ok' && c.set.includes('accessToken') && c.lastRefreshAt !== before;
            if (!done && Date.now() - started < AUTHORIZE_WINDOW_MS) return;
            setWaiting((w) => Object.fromEntries(Object.entries(w).filter(([k]) => k !== id)));
            setNotice(done ? `“${id}” is connected` : `“${id}” was not authorized in time: connect again`);
          },
          (e: Error) => setError(e.message),
        );
      }
    }, pollMs);
    return () => clearInterval(timer);
  }, [api, waitingIds, pollMs]);

  async function connect(c: ConnectionView) {
    try {
      const { url } = await api.authorizeConnection(c.id);
      window.open(url, '_blank', 'noopener');
      setWaiting((w) => ({ ...w, [c.id]: c.lastRefreshAt }));
      setNotice(`Approve the access in the new tab; this list updates when “${c.id}” is connected.`);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function remove(id: string) {
    try {
      await api.deleteConnection(id);
      setConfirming(null);
      setNotice(`Deleted “${id}”`);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <ModalDialog name="connections" title="Connections" first={first} onClose={onClose}>
      <p style={{ ...s.muted, margin: 0 }}>
        Credentials the relay keeps and refreshes. An integration names one with{' '}
        <code style={s.mono}>"connection": "&lt;id&gt;"</code> and its templates read{' '}
        <code style={s.mono}>{'{{ connection.access_token }}'}</code>. Secret values are never shown.
      </p>
      <div style={s.bar}>
        <button
          ref={first}
          type="button"
          className="primary"
          aria-expanded={creating}
          onClick={() => setCreating(!creating)}
          data-testid="connections-new"
        >
          New connection
        </button>
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
        {notice && (
          <span style={s.muted} role="status" data-testid="connections-notice">
            {notice}
          </span>
        )}
      </div>
      {creating && (
        <ConnectionForm
          api={api}
          initial={draft}
          onCancel={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setNotice(
              c.kind === 'oauth2' ? `Created “${c.id}”: Connect it to get tokens` : `Created “${c.id}”`,
            );
            void load();
          }}
        />
      )}
      {error && (
        <div role="alert" style={s.error}>
          {error}
        </div>
      )}
      {loaded && list.length === 0 ? (
        <div style={s.muted}>This relay has no connection yet.</div>
      ) : (
        <table style={s.table}>
          <thead>
            <tr>
              {['Id', 'Kind', 'Status', 'Expires', 'Last error', 'Set', ''].map((h) => (
                <th key={h} style={s.th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <Row
                key={c.id}
                c={c}
                waiting={c.id in waiting}
                confirming={confirming === c.id}
                onConnect={() => void connect(c)}
                onDelete={() => setConfirming(c.id)}
                onConfirm={() => void remove(c.id)}
                onCancel={() => setConfirming(null)}
              />
            ))}
          </tbody>
        </table>
      )}
    </ModalDialog>
  );
}

const STATE_TEXT = {
  ok: ['ok', badge('succeeded')],
  refreshing: ['refreshing', badge('pending')],
  needs_reauth: ['needs reconnecting', badge('failed')],
  not_connected: ['not connected', badge('pending')],
} as const;

function Row(props: {
  c: ConnectionView;
  waiting: boolean;
  confirming: boolean;
  onConnect: () => void;
  onDelete: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { c } = props;
  const state = connectionState(c);
  const [text, style] = STATE_TEXT[state];
  const connectLabel = state === 'needs_reauth' ? 'Reconnect' : state === 'ok' ? 'Connect again' : 'Connect';
  return (
    <tr data-testid="connection-row" data-id={c.id}>
      <td style={{ ...s.td, ...s.mono, whiteSpace: 'nowrap' }}>{c.id}</td>
      <td style={s.td}>
        {c.kind}
        {c.preset ? ` · ${c.preset}` : ''}
      </td>
      <td style={s.td}>
        <span style={style} data-testid="connection-status">
          {props.waiting ? 'waiting for approval…' : text}
        </span>
        {state === 'needs_reauth' && (
          <div style={{ ...s.error, marginTop: 4 }} data-testid="connection-reauth">
            Deliveries that use it fail: reconnect, then retry the failed deliveries.
          </div>
        )}
      </td>
      <td style={s.td}>{c.expiresAt ? new Date(c.expiresAt).toLocaleString() : '—'}</td>
      <td style={s.td}>{c.lastError ?? '—'}</td>
      <td style={{ ...s.td, ...s.mono }} data-testid="connection-set">
        {c.set.length > 0 ? c.set.join(', ') : '—'}
      </td>
      <td style={{ ...s.td, whiteSpace: 'nowrap' }}>
        {c.kind === 'oauth2' && (
          <button
            type="button"
            className={state === 'needs_reauth' || state === 'not_connected' ? 'primary' : undefined}
            onClick={props.onConnect}
            data-testid="connection-connect"
          >
            {connectLabel}
          </button>
        )}{' '}
        {props.confirming ? (
          <>
            <button type="button" onClick={props.onConfirm} data-testid="connection-delete-confirm">
              Delete “{c.id}”
            </button>{' '}
            <button type="button" onClick={props.onCancel}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" onClick={props.onDelete} data-testid="connection-delete">
            Delete
          </button>
        )}
      </td>
    </tr>
  );
}
