import { useCallback, useEffect, useState } from 'react';
import type { RelayApi } from './api.js';
import type { IntegrationView, VersionList } from './types.js';
import { DiffOps } from './DiffOps.js';
import { formatTime } from './format.js';
import { diffJson } from './json-diff.js';
import { badge, s } from './styles.js';

interface Props {
  api: RelayApi;
  integration: IntegrationView;
  /** Bumped when the integration changed elsewhere (a publish), to reload the list. */
  reload: number;
  onRolledBack: (saved: IntegrationView) => void;
}

/** SPEC §12: the integration's versions, newest first, the live one marked; diff to live and roll back. */
export function HistoryView({ api, integration, reload, onRolledBack }: Props) {
  const [list, setList] = useState<VersionList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<{ version: number; before: unknown; after: unknown } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setList(await api.versions(integration.id));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, integration.id]);
  useEffect(() => {
    setOpen(null);
    void load();
  }, [load, reload]);

  async function showDiff(version: number) {
    if (open?.version === version) return setOpen(null);
    try {
      const [live, other] = await Promise.all([
        api.version(integration.id, list?.live ?? integration.version),
        api.version(integration.id, version),
      ]);
      // Read as "what rolling back to this version would change": from the live document to this one.
      setOpen({ version, before: live.doc, after: other.doc });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function rollback(version: number) {
    setBusy(true);
    try {
      const saved = await api.rollback(integration.id, version);
      setNotice(`Rolled back: version ${version}'s document is live again, as version ${saved.version}.`);
      onRolledBack(saved);
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!list) return error ? <div style={s.error}>{error}</div> : <div style={s.muted}>Loading versions…</div>;
  const items = [...list.items].reverse();
  // "By" names the admin token's label; a relay without labels has none to show.
  const authors = items.some((v) => v.author !== null);
  return (
    <div style={s.stack} data-testid="history-view">
      {error && (
        <div role="alert" style={s.error}>
          {error}
        </div>
      )}
      {notice && (
        <div role="status" style={s.muted} data-testid="history-notice">
          {notice}
        </div>
      )}
      <table style={s.table} data-testid="history-table">
        <thead>
          <tr>
            <th style={s.th}>Version</th>
            <th style={s.th}>Saved</th>
            <th style={s.th}>Message</th>
            {authors && <th style={s.th}>By</th>}
            <th style={s.th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((v) => (
            <VersionRow
              key={v.version}
              v={v}
              diff={open?.version === v.version ? open : null}
              busy={busy}
              authors={authors}
              onDiff={() => void showDiff(v.version)}
              onRollback={() => void rollback(v.version)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  v: VersionList['items'][number];
  diff: { before: unknown; after: unknown } | null;
  busy: boolean;
  authors: boolean;
  onDiff: () => void;
  onRollback: () => void;
}

function VersionRow({ v, diff, busy, authors, onDiff, onRollback }: RowProps) {
  return (
    <>
      <tr data-testid="history-row" aria-current={v.live ? 'true' : undefined}>
        <td style={{ ...s.td, whiteSpace: 'nowrap' }}>
          <strong>v{v.version}</strong> {v.live && <span style={badge('succeeded')}>live</span>}
        </td>
        <td style={{ ...s.td, ...s.muted, whiteSpace: 'nowrap' }}>{formatTime(v.createdAt)}</td>
        <td style={s.td}>{v.message ?? <span style={s.muted}>(no message)</span>}</td>
        {authors && <td style={{ ...s.td, ...s.muted }}>{v.author ?? '–'}</td>}
        <td style={{ ...s.td, whiteSpace: 'nowrap', textAlign: 'right' }}>
          {v.live ? (
            <span style={s.muted}>what the relay sends now</span>
          ) : (
            <>
              <button type="button" aria-expanded={diff !== null} onClick={onDiff} data-testid="history-diff">
                {diff ? 'Hide diff' : 'Diff to live'}
              </button>{' '}
              <button
                type="button"
                disabled={busy}
                onClick={onRollback}
                data-testid="history-rollback"
                aria-label={`Roll back to version ${v.version}`}
              >
                Roll back
              </button>
            </>
          )}
        </td>
      </tr>
      {diff && (
        <tr>
          <td style={s.td} colSpan={authors ? 5 : 4}>
            <div style={{ ...s.muted, marginBottom: 4 }}>
              From the live document to version {v.version} (what a rollback would change):
            </div>
            <DiffOps
              ops={diffJson(diff.before, diff.after)}
              before={diff.before}
              label={`Differences between the live document and version ${v.version}`}
            />
          </td>
        </tr>
      )}
    </>
  );
}
