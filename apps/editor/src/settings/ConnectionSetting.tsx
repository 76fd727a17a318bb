/**
 * The relay connection the integration uses (`Integration.connection`, SPEC §10): its templates then read
 * `{{ connection.access_token }}` (completion offers it, the preview stands in for it). The ids the
 * Connections dialog last read from the relay are suggested. A starter for a CRM that uses OAuth names its
 * connection (e.g. "salesforce"): when the connected relay lacks it, "Connect Salesforce" opens the
 * Connections dialog with it filled in; with no relay connected a note says what to create.
 */
import { connectionPreset, knownConnectionIds } from '../connection-scope.js';
import { PRESET_LABELS } from '../logs/types.js';
import { getStore, useStore, type RelayConnection } from '../store.js';

export function ConnectionSetting() {
  const connection = useStore((s) => s.doc.connection ?? '');
  const ids = knownConnectionIds();
  return (
    <>
      <label
        className="grow"
        title="A connection of the relay (Logs → Connections…): OAuth2 tokens that refresh, or API keys"
      >
        Relay connection
        <input
          value={connection}
          placeholder="none, e.g. hubspot-acme"
          spellCheck={false}
          list="known-connections"
          onChange={(e) => getStore().updateDoc({ connection: e.target.value }, 'connection')}
          data-testid="connection-input"
        />
        <datalist id="known-connections">
          {ids.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      </label>
      {connection.trim() !== '' && <ConnectionStatus id={connection.trim()} />}
    </>
  );
}

const NEEDS_CONNECT: readonly RelayConnection['state'][] = ['not_connected', 'needs_reauth'];

/** Whether the relay has the connection, and the one click that makes it usable when it has not. */
function ConnectionStatus({ id }: { id: string }) {
  const relay = useStore((s) => s.ui.relayConnections);
  const targetId = useStore((s) => s.doc.targetId);
  const preset = connectionPreset(id, targetId);
  const crm = preset ? (PRESET_LABELS[preset] ?? preset) : null;
  const found = relay?.find((c) => c.id === id);
  if (relay === null)
    return (
      <div className="muted" role="note" data-testid="connection-note">
        Reads the relay connection “{id}”{preset ? ` (OAuth2, preset ${preset})` : ''}: connect a relay in the
        Logs tab, then create and connect it under Connections…
      </div>
    );
  if (found && !NEEDS_CONNECT.includes(found.state))
    return (
      <div className="muted" role="status" data-testid="connection-note">
        “{id}” is on the relay ({found.state}).
      </div>
    );
  // The dialog fills in a new connection only when the relay lacks it; otherwise its row has "Connect".
  const open = () => getStore().updateUi({ rightTab: 'logs', connectionDraft: { id, preset: preset ?? '' } });
  return (
    <div className="notice offer" role="status" data-testid="connection-cta">
      {found ? `“${id}” is not connected yet.` : `The relay has no connection “${id}”.`}{' '}
      <button type="button" className="primary small" onClick={open} data-testid="connection-cta-button">
        Connect {crm ?? `“${id}”`}
      </button>
    </div>
  );
}
