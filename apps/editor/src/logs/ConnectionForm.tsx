import { useState, type FormEvent } from 'react';
import type { RelayApi } from './api.js';
import {
  CONNECTION_PRESETS,
  STATIC_PRESET_VALUES,
  type ConnectionInput,
  type ConnectionView,
} from './types.js';
import { s } from './styles.js';

interface Props {
  api: RelayApi;
  /** The id and preset to start with (the settings' "Connect Salesforce"); else the first preset's. */
  initial?: { id: string; preset: string } | null;
  onCreated: (created: ConnectionView) => void;
  onCancel: () => void;
}

export interface Draft {
  id: string;
  kind: 'oauth2' | 'static';
  /** A preset name, or '' for a token URL of one's own (static: for no preset). */
  preset: string;
  tokenUrl: string;
  authorizeUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  values: { name: string; value: string }[];
}

/**
 * A fresh draft. Its id is the preset's name: the id the targets' starters name (`"connection": "salesforce"`),
 * so a connection made with the proposed id is the one a starter reads.
 */
export function freshDraft(initial?: { id: string; preset: string } | null): Draft {
  return initial ? { ...EMPTY, id: initial.id, preset: initial.preset } : EMPTY;
}

const EMPTY: Draft = {
  id: 'hubspot',
  kind: 'oauth2',
  preset: 'hubspot',
  tokenUrl: '',
  authorizeUrl: '',
  clientId: '',
  clientSecret: '',
  scope: '',
  values: [{ name: 'api_key', value: '' }],
};

/** The body of `POST /api/connections` for a draft: only what was filled in. */
export function connectionInput(d: Draft): ConnectionInput {
  const id = d.id.trim();
  if (d.kind === 'static') {
    const values: Record<string, string> = {};
    for (const v of d.values) if (v.name.trim() !== '') values[v.name.trim()] = v.value;
    // A preset that takes an API key checks the value its templates read is given.
    return d.preset in STATIC_PRESET_VALUES
      ? { id, kind: 'static', preset: d.preset, values }
      : { id, kind: 'static', values };
  }
  const input: ConnectionInput = { id, kind: 'oauth2' };
  if (d.preset) input.preset = d.preset;
  if (d.tokenUrl.trim()) input.tokenUrl = d.tokenUrl.trim();
  if (d.authorizeUrl.trim()) input.authorizeUrl = d.authorizeUrl.trim();
  if (d.clientId.trim()) input.clientId = d.clientId.trim();
  if (d.clientSecret) input.clientSecret = d.clientSecret;
  if (d.scope.trim()) input.scope = d.scope.trim();
  return input;
}

/**
 * "New connection" (SPEC §10): an OAuth2 client (a preset, or token and authorize URLs) or static values.
 * Secret fields are write-only: the draft is emptied as soon as the relay has it, and the secrets also
 * when it refuses it.
 */
/** The draft after picking a preset: a proposed id follows it; a static key's default name becomes the preset's. */
export function withPreset(d: Draft, preset: string): Draft {
  const proposed = d.id.trim() === '' || d.id === d.preset;
  const name = STATIC_PRESET_VALUES[preset] ?? 'api_key';
  const defaultValues =
    d.values.length === 1 &&
    Object.values(STATIC_PRESET_VALUES)
      .concat('api_key')
      .includes(d.values[0]?.name ?? '');
  return {
    ...d,
    preset,
    ...(proposed ? { id: preset } : {}),
    ...(defaultValues ? { values: [{ name, value: d.values[0]?.value ?? '' }] } : {}),
  };
}

export function ConnectionForm({ api, initial = null, onCreated, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(() =>
    withPreset(freshDraft(initial), freshDraft(initial).preset),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await api.createConnection(connectionInput(draft));
      setDraft(EMPTY);
      setError(null);
      onCreated(created);
    } catch (err) {
      // Refused: the rest stays for a fix, the secrets are typed again (never kept after a submit).
      setDraft((d) => ({ ...d, clientSecret: '', values: d.values.map((v) => ({ ...v, value: '' })) }));
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form style={{ ...s.box, ...s.stack }} onSubmit={(e) => void submit(e)} data-testid="connection-form">
      <div style={s.bar}>
        <label style={s.label}>
          Id
          <input
            required
            value={draft.id}
            onChange={(e) => set({ id: e.target.value })}
            placeholder="hubspot-acme"
            data-testid="connection-id"
          />
        </label>
        <label style={s.label}>
          Kind
          <select
            value={draft.kind}
            onChange={(e) => set({ kind: e.target.value as Draft['kind'] })}
            data-testid="connection-kind"
          >
            <option value="oauth2">OAuth2 (tokens that refresh)</option>
            <option value="static">Static values (API key)</option>
          </select>
        </label>
      </div>
      {draft.kind === 'oauth2' ? (
        <>
          <div style={s.bar}>
            <label style={s.label}>
              Preset
              <select
                value={draft.preset}
                onChange={(e) => setDraft((d) => withPreset(d, e.target.value))}
                data-testid="connection-preset"
              >
                {Object.keys(CONNECTION_PRESETS).map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
                <option value="">none: my own token URL</option>
              </select>
            </label>
            <label style={s.label}>
              Token URL
              <input
                value={draft.tokenUrl}
                onChange={(e) => set({ tokenUrl: e.target.value })}
                placeholder={draft.preset ? "the preset's" : 'https://…/oauth/token'}
                required={!draft.preset}
                size={28}
                data-testid="connection-token-url"
              />
            </label>
            <label style={s.label}>
              Authorize URL
              <input
                value={draft.authorizeUrl}
                onChange={(e) => set({ authorizeUrl: e.target.value })}
                placeholder={draft.preset ? "the preset's" : 'https://…/oauth/authorize'}
                size={28}
                data-testid="connection-authorize-url"
              />
            </label>
          </div>
          <div style={s.bar}>
            <label style={s.label}>
              Client id
              <input
                required
                value={draft.clientId}
                onChange={(e) => set({ clientId: e.target.value })}
                autoComplete="off"
                data-testid="connection-client-id"
              />
            </label>
            <label style={s.label}>
              Client secret
              <input
                type="password"
                value={draft.clientSecret}
                onChange={(e) => set({ clientSecret: e.target.value })}
                autoComplete="new-password"
                data-testid="connection-client-secret"
              />
            </label>
            <label style={s.label}>
              Scope
              <input
                value={draft.scope}
                onChange={(e) => set({ scope: e.target.value })}
                placeholder={draft.preset ? "the preset's" : ''}
                size={24}
                data-testid="connection-scope"
              />
            </label>
          </div>
        </>
      ) : (
        <div style={s.stack}>
          <label style={s.label}>
            Preset
            <select
              value={draft.preset in STATIC_PRESET_VALUES ? draft.preset : ''}
              onChange={(e) => setDraft((d) => withPreset(d, e.target.value))}
              data-testid="connection-static-preset"
            >
              {Object.keys(STATIC_PRESET_VALUES).map((p) => (
                <option key={p} value={p}>
                  {p}: its API key
                </option>
              ))}
              <option value="">none: values of my own</option>
            </select>
          </label>
          {draft.values.map((v, i) => (
            <div key={i} style={s.bar}>
              <label style={s.label}>
                Name
                <input
                  value={v.name}
                  onChange={(e) =>
                    set({
                      values: draft.values.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
                    })
                  }
                  data-testid="connection-value-name"
                />
              </label>
              <label style={s.label}>
                Value
                <input
                  type="password"
                  value={v.value}
                  onChange={(e) =>
                    set({
                      values: draft.values.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)),
                    })
                  }
                  autoComplete="new-password"
                  data-testid="connection-value"
                />
              </label>
            </div>
          ))}
          <div>
            <button type="button" onClick={() => set({ values: [...draft.values, { name: '', value: '' }] })}>
              Add value
            </button>
          </div>
        </div>
      )}
      <div style={s.bar}>
        <button type="submit" className="primary" disabled={busy} data-testid="connection-create">
          Create connection
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <span style={s.muted}>
          Secrets go to the relay only (encrypted at rest there); they are never shown again.
        </span>
      </div>
      {error && (
        <div role="alert" style={s.error}>
          {error}
        </div>
      )}
    </form>
  );
}
