import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRelayApi } from './api.js';
import { DELIVERY_STATUSES } from './types.js';
import type {
  DeliveryFilter,
  DeliveryStatus,
  DeliveryView,
  IntegrationView,
  ProviderInfo,
  SourceView,
} from './types.js';
import { integrationLabel } from './format.js';
import { DeliveryTable } from './DeliveryTable.js';
import { TestSender } from './TestSender.js';
import { RecentEvents } from './RecentEvents.js';
import { PublishDialog } from './PublishDialog.js';
import { ConnectionsDialog } from './ConnectionsDialog.js';
import { publishConnections } from './connection-state.js';
import { getStore, useStore } from '../store.js';
import { s } from './styles.js';

export interface LogsPanelProps {
  relayUrl: string;
  token: string;
}

const PAGE = 50;
const AUTO_REFRESH_MS = 3000;

/** Integration Logs: every delivery of a relay, its attempts (request and response), retries and "Send test". */
export function LogsPanel({ relayUrl, token }: LogsPanelProps) {
  const [conn, setConn] = useState({ url: relayUrl, token });
  useEffect(() => setConn({ url: relayUrl, token }), [relayUrl, token]);
  const api = useMemo(() => createRelayApi(conn.url, conn.token), [conn]);

  const [sources, setSources] = useState<SourceView[]>([]);
  const [integrations, setIntegrations] = useState<IntegrationView[]>([]);
  const [providers, setProviders] = useState<ProviderInfo[]>([]);
  const [filter, setFilter] = useState<DeliveryFilter>({});
  const [rows, setRows] = useState<DeliveryView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [auto, setAuto] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [showTest, setShowTest] = useState(false);
  const [showEvents, setShowEvents] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const closePublish = useCallback(() => setPublishing(false), []);
  const [showConnections, setShowConnections] = useState(false);
  // "Connect Salesforce" in the settings: the dialog opens with that connection filled in.
  const requested = useStore((state) => state.ui.connectionDraft);
  const [draft, setDraft] = useState<{ id: string; preset: string } | null>(null);
  const closeConnections = useCallback(() => {
    setShowConnections(false);
    setDraft(null);
  }, []);
  useEffect(() => {
    if (!requested) return;
    setDraft(requested);
    setShowConnections(true);
    getStore().updateUi({ connectionDraft: null });
  }, [requested]);

  const loadConfig = useCallback(async () => {
    const [src, ints, provs] = await Promise.all([api.sources(), api.integrations(), api.providers()]).catch(
      (e: unknown) => {
        publishConnections(null);
        throw e;
      },
    );
    setSources(src);
    setIntegrations(ints);
    setProviders(provs);
    // What the integration's connection setting checks its connection against (a relay without them: none).
    api.connections().then(publishConnections, () => publishConnections([]));
  }, [api]);

  const refresh = useCallback(async () => {
    try {
      const page = await api.deliveries(filter, { limit: PAGE });
      setRows(page.items);
      setNext(page.next);
      setVersion((v) => v + 1);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, filter]);

  useEffect(() => {
    loadConfig().catch((e: Error) => setError(e.message));
  }, [loadConfig]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (!auto) return;
    const timer = setInterval(() => void refresh(), AUTO_REFRESH_MS);
    return () => clearInterval(timer);
  }, [auto, refresh]);

  async function loadMore() {
    if (!next) return;
    try {
      const page = await api.deliveries(filter, { limit: PAGE, before: next });
      setRows((r) => [...r, ...page.items]);
      setNext(page.next);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function run(action: () => Promise<{ count: number }>, what: string) {
    try {
      const { count } = await action();
      setNotice(`${what}: ${count} deliver${count === 1 ? 'y' : 'ies'} queued`);
      setSelected(new Set());
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  /** SPEC §12: the delivery's event again, through the integration's live version; the new row is marked as a replay. */
  async function replay(d: DeliveryView) {
    try {
      const r = await api.replay(d.eventId, d.integrationId);
      setNotice(
        r.count > 0
          ? `Replayed event ${d.eventId} through the live version`
          : `A replay of event ${d.eventId} is already waiting`,
      );
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const byId = useMemo(() => new Map(integrations.map((i) => [i.id, i])), [integrations]);
  const shownIntegrations = filter.sourceId
    ? integrations.filter((i) => i.sourceId === filter.sourceId)
    : integrations;
  const needsLogin = !conn.token || error?.startsWith('unauthorized');

  return (
    <section aria-label="Integration Logs" style={s.panel} data-testid="logs-panel">
      {needsLogin && <Connection url={conn.url} token={conn.token} onChange={setConn} />}
      <div style={s.bar}>
        <select
          aria-label="Source"
          value={filter.sourceId ?? ''}
          onChange={(e) =>
            setFilter({ ...filter, sourceId: e.target.value || undefined, integrationId: undefined })
          }
        >
          <option value="">All sources</option>
          {sources.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Integration"
          value={filter.integrationId ?? ''}
          onChange={(e) => setFilter({ ...filter, integrationId: e.target.value || undefined })}
        >
          <option value="">All integrations</option>
          {shownIntegrations.map((i) => (
            <option key={i.id} value={i.id}>
              {integrationLabel(i)}
            </option>
          ))}
        </select>
        <select
          aria-label="Status"
          value={filter.status ?? ''}
          onChange={(e) =>
            setFilter({ ...filter, status: (e.target.value || undefined) as DeliveryStatus | undefined })
          }
        >
          <option value="">Any status</option>
          {DELIVERY_STATUSES.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void refresh()}>
          Refresh
        </button>
        <label style={s.label}>
          <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} /> auto
        </label>
      </div>
      <div style={s.bar}>
        <button
          type="button"
          disabled={selected.size === 0}
          onClick={() => void run(() => api.retryMany({ ids: [...selected] }), 'Retry selected')}
          data-testid="logs-retry-selected"
        >
          Retry selected ({selected.size})
        </button>
        <button
          type="button"
          onClick={() => void run(() => api.retryMany({ ...filter, status: 'failed' }), 'Retry failed')}
          data-testid="logs-retry-failed"
        >
          Retry all failed{filter.integrationId || filter.sourceId ? ' (filtered)' : ''}
        </button>
        <button
          type="button"
          onClick={() => void run(() => api.replayMany({ ...filter, status: 'failed' }), 'Replay failed')}
          title="New deliveries of the failed deliveries' events, through each integration's live version"
          data-testid="logs-replay-failed"
        >
          Replay all failed{filter.integrationId || filter.sourceId ? ' (filtered)' : ''}
        </button>
        <button
          type="button"
          className="primary"
          disabled={integrations.length === 0}
          onClick={() => setPublishing(true)}
          title="Plan the editor's integration over a relay integration's recent events, then publish it; version history and rollback"
          data-testid="logs-publish"
        >
          Publish…
        </button>
        <button
          type="button"
          onClick={() => setShowConnections(true)}
          title="The relay's connections: OAuth2 accounts and API keys that integrations use as connection.*"
          data-testid="logs-connections"
        >
          Connections…
        </button>
        {notice && <span style={s.muted}>{notice}</span>}
      </div>
      {error && (
        <div role="alert" style={s.error}>
          {error}
        </div>
      )}
      {shownIntegrations
        .filter((i) => !i.active && i.disabledReason)
        .map((i) => (
          <div key={i.id} style={s.error} data-testid="logs-disabled">
            “{integrationLabel(i)}” is disabled: {i.disabledReason}
          </div>
        ))}
      <div style={s.box}>
        <button
          type="button"
          aria-expanded={showTest}
          onClick={() => setShowTest(!showTest)}
          data-testid="logs-test-toggle"
        >
          {showTest ? '▾' : '▸'} Send test
        </button>
        {showTest && (
          <div style={{ marginTop: 6 }}>
            <TestSender
              api={api}
              sources={sources}
              integrations={shownIntegrations}
              providers={providers}
              onSent={() => void refresh()}
            />
          </div>
        )}
      </div>
      <div style={s.box}>
        <button
          type="button"
          aria-expanded={showEvents}
          onClick={() => setShowEvents(!showEvents)}
          data-testid="logs-events-toggle"
        >
          {showEvents ? '▾' : '▸'} Recent events as samples
        </button>
        {showEvents && (
          <div style={{ marginTop: 6 }}>
            <RecentEvents api={api} sources={sources} sourceId={filter.sourceId} version={version} />
          </div>
        )}
      </div>
      {publishing && (
        <PublishDialog
          api={api}
          integrations={shownIntegrations}
          initialId={filter.integrationId}
          onClose={closePublish}
          onChanged={() => void loadConfig().catch((e: Error) => setError(e.message))}
        />
      )}
      {showConnections && <ConnectionsDialog api={api} draft={draft} onClose={closeConnections} />}
      <DeliveryTable
        api={api}
        rows={rows}
        integrations={byId}
        selected={selected}
        expanded={expanded}
        version={version}
        onToggleSelect={(id) =>
          setSelected((old) => {
            const copy = new Set(old);
            if (!copy.delete(id)) copy.add(id);
            return copy;
          })
        }
        onExpand={setExpanded}
        onRetry={(id) => void run(() => api.retry(id), 'Retry')}
        onReplay={(d) => void replay(d)}
      />
      {next && (
        <button type="button" onClick={() => void loadMore()}>
          Load older
        </button>
      )}
    </section>
  );
}

/** Relay address and admin token, when the app was not configured with them (or they were refused). */
function Connection({
  url,
  token,
  onChange,
}: {
  url: string;
  token: string;
  onChange: (c: { url: string; token: string }) => void;
}) {
  const [draft, setDraft] = useState({ url, token });
  return (
    <form
      style={{ ...s.box, ...s.bar }}
      onSubmit={(e) => {
        e.preventDefault();
        onChange(draft);
      }}
    >
      <label style={s.label}>
        Relay
        <input value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} size={24} />
      </label>
      <label style={s.label}>
        Admin token
        <input
          type="password"
          value={draft.token}
          onChange={(e) => setDraft({ ...draft, token: e.target.value })}
          size={16}
          autoComplete="off"
        />
      </label>
      <button type="submit">Connect</button>
    </form>
  );
}
