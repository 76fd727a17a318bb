/**
 * The relay connection the integration uses (`Integration.connection`, SPEC §10): its templates then read
 * `{{ connection.access_token }}` (completion offers it, the preview stands in for it). The ids the
 * Connections dialog last read from the relay are suggested.
 */
import { knownConnectionIds } from '../connection-scope.js';
import { getStore, useStore } from '../store.js';

export function ConnectionSetting() {
  const connection = useStore((s) => s.doc.connection ?? '');
  const ids = knownConnectionIds();
  return (
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
  );
}
