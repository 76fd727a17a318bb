/** What the editor shows of the relay's connections: each one's state, shared with the settings pane. */
import { rememberConnections } from '../connection-scope.js';
import { getStore, type RelayConnection } from '../store.js';
import type { ConnectionView } from './types.js';

/** What a row's status says: an OAuth2 connection without tokens is not connected yet. */
export function connectionState(c: ConnectionView): RelayConnection['state'] {
  if (
    c.kind === 'oauth2' &&
    c.status === 'ok' &&
    !c.set.includes('accessToken') &&
    !c.set.includes('refreshToken')
  )
    return 'not_connected';
  return c.status;
}

/**
 * Records what the relay answered (null: no relay connected): completion's `connection.*` names, and the
 * list the integration's connection setting checks its connection against.
 */
export function publishConnections(list: readonly ConnectionView[] | null): void {
  if (list) rememberConnections(list);
  getStore().updateUi({
    relayConnections: list ? list.map((c) => ({ id: c.id, state: connectionState(c) })) : null,
  });
}
