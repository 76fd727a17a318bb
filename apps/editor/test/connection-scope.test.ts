/** What completion offers as `connection.*` (SPEC §10): from the relay's connections, else guessed from ids. */
import { afterEach, describe, expect, it } from 'vitest';
import { pathCompletions } from '../src/editor/completion.js';
import {
  connectionNames,
  knownConnectionIds,
  rememberConnections,
  withConnection,
} from '../src/connection-scope.js';
import type { ConnectionView } from '../src/logs/types.js';

const view = (id: string, kind: 'oauth2' | 'static', preset: string | null, set: string[]) =>
  ({ id, kind, preset, set, status: 'ok' }) as ConnectionView;

afterEach(() => rememberConnections([]));

describe('connection names for templates', () => {
  it("offers the access token and the preset's token-response fields", () => {
    rememberConnections([
      view('crm', 'oauth2', 'salesforce', ['clientId', 'accessToken', 'values.instance_url']),
      view('books', 'oauth2', 'zoho', ['clientId']),
      view('hub', 'oauth2', 'hubspot', ['clientId']),
      view('close-acme', 'static', null, ['values.api_key']),
    ]);
    expect(knownConnectionIds()).toEqual(['crm', 'books', 'hub', 'close-acme']);
    expect(connectionNames('crm')).toEqual(['access_token', 'instance_url']);
    expect(connectionNames('books')).toEqual(['access_token', 'api_domain']);
    expect(connectionNames('hub')).toEqual(['access_token']);
    expect(connectionNames('close-acme')).toEqual(['api_key']);
  });

  it('guesses the preset from the id or the target when the relay was not read', () => {
    expect(connectionNames('salesforce-acme')).toEqual(['access_token', 'instance_url']);
    expect(connectionNames('acme', 'zoho-crm-note')).toEqual(['access_token', 'api_domain']);
    expect(connectionNames('acme')).toEqual(['access_token']);
  });

  it('completes connection.* only when the integration names a connection, with stand-in values', () => {
    const base = { call_summary: 'ok' };
    expect(withConnection(base, '', null)).toBe(base);
    const context = withConnection(base, 'salesforce-acme', null);
    // The same object while nothing changed: completion tells the top level by identity.
    expect(withConnection(base, 'salesforce-acme', null)).toBe(context);
    expect(pathCompletions({ base: [], partial: 'conn' }, context).map((i) => i.label)).toEqual([
      'connection',
    ]);
    const items = pathCompletions({ base: ['connection'], partial: '' }, context);
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['access_token', '"<connection.access_token>"'],
      ['instance_url', '"<connection.instance_url>"'],
    ]);
  });
});
