import { useRef, useState } from 'react';
import type { RelayApi } from './api.js';
import type { IntegrationView } from './types.js';
import { HistoryView } from './HistoryView.js';
import { PlanView } from './PlanView.js';
import { integrationLabel } from './format.js';
import { s } from './styles.js';
import { ModalDialog } from './ModalDialog.js';
import { getStore } from '../store.js';

interface Props {
  api: RelayApi;
  integrations: IntegrationView[];
  /** The relay integration to preselect (e.g. the logs' filter). */
  initialId?: string;
  onClose: () => void;
  /** A publish or rollback changed an integration. */
  onChanged: () => void;
}

/** Publish to the relay (SPEC §12): pick the relay integration, Plan over its recent events, Publish; History with rollback. */
export function PublishDialog({ api, integrations, initialId, onClose, onChanged }: Props) {
  const [list, setList] = useState(integrations);
  const [id, setId] = useState(() =>
    defaultIntegration(integrations, initialId, getStore().getState().doc.name),
  );
  const [view, setView] = useState<'plan' | 'history'>('plan');
  const [reload, setReload] = useState(0);
  const first = useRef<HTMLSelectElement>(null);
  const integration = list.find((i) => i.id === id);

  function changed(saved: IntegrationView) {
    setList((old) => old.map((i) => (i.id === saved.id ? saved : i)));
    setReload((n) => n + 1);
    onChanged();
  }

  return (
    <ModalDialog name="publish" title="Publish to the relay" first={first} onClose={onClose}>
      <div style={s.bar}>
        <label style={s.label}>
          Relay integration to update
          <select
            ref={first}
            style={s.select}
            value={id}
            onChange={(e) => setId(e.target.value)}
            data-testid="publish-integration"
          >
            {list.map((i) => (
              <option key={i.id} value={i.id}>
                {integrationLabel(i)} · live v{i.version}
              </option>
            ))}
          </select>
        </label>
        {integration && (
          <span style={s.muted}>
            {integration.active ? 'active' : 'disabled'} · live version {integration.version} ·{' '}
            <span style={s.mono}>{integration.id}</span>
          </span>
        )}
      </div>
      <div role="tablist" aria-label="Publish views" className="tabs" style={{ padding: '0 0 0 0' }}>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'plan'}
          onClick={() => setView('plan')}
          data-testid="publish-tab-plan"
        >
          Plan &amp; publish
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'history'}
          onClick={() => setView('history')}
          data-testid="publish-tab-history"
        >
          History
        </button>
      </div>
      {!integration ? (
        <div style={s.muted}>
          This relay has no integration yet: create one (hookmap deploy or the admin API), then plan changes
          to it here.
        </div>
      ) : view === 'plan' ? (
        <PlanView key={integration.id} api={api} integration={integration} onPublished={changed} />
      ) : (
        <HistoryView api={api} integration={integration} reload={reload} onRolledBack={changed} />
      )}
    </ModalDialog>
  );
}

/** The logs' filter, else the one named like the editor's integration, else the first. */
export function defaultIntegration(
  list: IntegrationView[],
  initialId: string | undefined,
  editorName: string,
): string {
  if (initialId && list.some((i) => i.id === initialId)) return initialId;
  const named = list.find((i) => (i.name ?? (i.doc as { name?: string }).name) === editorName);
  return (named ?? list[0])?.id ?? '';
}
