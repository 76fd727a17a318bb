/** The editor's client for the relay's connections (SPEC §10), against a fake fetch. */
import { describe, expect, it } from 'vitest';
import { fakeFetch } from './support/fake-fetch.js';
import { CONNECTION_PRESETS as RELAY_PRESETS } from '@hookmap/relay';
import { createRelayApi, RelayError } from '../src/logs/api.js';
import { CONNECTION_PRESETS, type ConnectionView } from '../src/logs/types.js';
import { connectionState } from '../src/logs/ConnectionsDialog.js';

const api = () => createRelayApi('http://relay.test/', 'tok');
const view = { id: 'hub/1', kind: 'oauth2', status: 'ok', set: ['clientId', 'clientSecret'] };

describe('relay client: connections (SPEC §10)', () => {
  it('lists, reads, creates, updates, authorizes and deletes on the right routes', async () => {
    const calls = fakeFetch((c) => {
      if (c.method === 'DELETE') return { status: 204 };
      if (c.url.endsWith('/authorize'))
        return { body: { url: 'https://app.hubspot.com/oauth/authorize?x=1' } };
      if (c.method === 'GET' && c.url.endsWith('/api/connections')) return { body: { items: [view] } };
      return { status: c.method === 'POST' ? 201 : 200, body: view };
    });
    expect(await api().connections()).toEqual([view]);
    expect(await api().connection('hub/1')).toEqual(view);
    const input = {
      id: 'hub/1',
      kind: 'oauth2' as const,
      preset: 'hubspot',
      clientId: 'cid',
      clientSecret: 'shh',
    };
    expect(await api().createConnection(input)).toEqual(view);
    await api().updateConnection('hub/1', { scope: 'crm.objects.contacts.read' });
    expect(await api().authorizeConnection('hub/1')).toEqual({
      url: 'https://app.hubspot.com/oauth/authorize?x=1',
    });
    await expect(api().deleteConnection('hub/1')).resolves.toBeUndefined();
    const at = (path: string) => `http://relay.test${path}`;
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['GET', at('/api/connections'), undefined],
      ['GET', at('/api/connections/hub%2F1'), undefined],
      ['POST', at('/api/connections'), input],
      ['PATCH', at('/api/connections/hub%2F1'), { scope: 'crm.objects.contacts.read' }],
      ['POST', at('/api/connections/hub%2F1/authorize'), {}],
      ['DELETE', at('/api/connections/hub%2F1'), undefined],
    ]);
    expect(calls.every((c) => c.auth === 'Bearer tok')).toBe(true);
  });

  it("answers the relay's message when it refuses", async () => {
    fakeFetch(() => ({
      status: 422,
      body: { error: 'not_authorizable', message: 'connection "c" is static: nothing to authorize' },
    }));
    const error = await api()
      .authorizeConnection('c')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RelayError);
    expect((error as RelayError).status).toBe(422);
    expect((error as RelayError).message).toBe('connection "c" is static: nothing to authorize');
  });

  it("offers exactly the relay's presets", () => {
    expect(Object.keys(CONNECTION_PRESETS).sort()).toEqual(Object.keys(RELAY_PRESETS).sort());
  });
});

describe('connection status shown', () => {
  const c = (over: Partial<ConnectionView>): ConnectionView =>
    ({ id: 'c', kind: 'oauth2', status: 'ok', set: ['clientId'], ...over }) as ConnectionView;
  it('says an OAuth2 connection without tokens is not connected, and passes the relay status through', () => {
    expect(connectionState(c({}))).toBe('not_connected');
    expect(connectionState(c({ set: ['clientId', 'refreshToken'] }))).toBe('ok');
    expect(connectionState(c({ status: 'needs_reauth', set: ['clientId', 'refreshToken'] }))).toBe(
      'needs_reauth',
    );
    expect(connectionState(c({ status: 'needs_reauth' }))).toBe('needs_reauth');
    expect(connectionState(c({ kind: 'static', set: ['values.api_key'] }))).toBe('ok');
  });
});
