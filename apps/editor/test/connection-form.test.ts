/**
 * Starters and the Connections dialog agree on connection ids (SPEC §10): the dialog proposes a preset's
 * name as the id, which is the id a starter for that CRM names; Close and Attio take an API key as a
 * static connection with their preset; the settings learn which connections the relay has.
 */
import { describe, expect, it } from 'vitest';
import { targets } from '@hookmap/targets';
import { starterFor } from '../src/catalog.js';
import { connectionPreset } from '../src/connection-scope.js';
import { integrationToDoc, emptyDoc } from '../src/integration.js';
import { connectionInput, freshDraft, withPreset } from '../src/logs/ConnectionForm.js';
import { publishConnections } from '../src/logs/connection-state.js';
import { CONNECTION_PRESETS, type ConnectionView } from '../src/logs/types.js';
import { createStore, defaultUi, setAppStore } from '../src/store.js';

describe('the id the Connections dialog proposes', () => {
  it("is the preset's name, and follows the preset until one is typed", () => {
    expect(freshDraft().id).toBe('hubspot');
    expect(withPreset(freshDraft(), 'salesforce').id).toBe('salesforce');
    const typed = { ...freshDraft(), id: 'salesforce-acme' };
    expect(withPreset(typed, 'zoho').id).toBe('salesforce-acme');
    expect(freshDraft({ id: 'zoho', preset: 'zoho' })).toMatchObject({ id: 'zoho', preset: 'zoho' });
  });

  it('is the connection every OAuth starter names, for every CRM that has one', () => {
    for (const target of targets.filter((t) => t.auth?.default === 'connection')) {
      const doc = integrationToDoc(starterFor(target.id, 'otter'), emptyDoc);
      expect(doc.connection, target.id).toBe(target.crm);
      const preset = connectionPreset(doc.connection ?? '', target.id);
      expect(preset, target.id).toBe(target.crm);
      expect(withPreset(freshDraft(), preset ?? '').id).toBe(doc.connection);
    }
    for (const target of targets.filter((t) => t.auth))
      expect(Object.keys(CONNECTION_PRESETS), target.id).toContain(target.auth?.connection);
  });
});

describe('a static connection with a preset', () => {
  it("names Close's API key api_key and Attio's token access_token, and sends the preset", () => {
    const close = withPreset({ ...freshDraft(), kind: 'static' }, 'close');
    expect(connectionInput(close)).toEqual({
      id: 'close',
      kind: 'static',
      preset: 'close',
      values: { api_key: '' },
    });
    const attio = withPreset(close, 'attio');
    expect(connectionInput({ ...attio, values: [{ name: 'access_token', value: 'k' }] })).toEqual({
      id: 'attio',
      kind: 'static',
      preset: 'attio',
      values: { access_token: 'k' },
    });
    // Values of one's own: no preset.
    const own = { ...withPreset({ ...freshDraft(), kind: 'static' }, ''), id: 'mine' };
    expect(connectionInput(own)).toEqual({ id: 'mine', kind: 'static', values: { api_key: '' } });
  });
});

describe('what the settings know of the relay', () => {
  it('records each connection and whether it is usable; null when no relay answered', () => {
    const store = createStore({ doc: emptyDoc, ui: defaultUi, past: [], future: [] });
    setAppStore(store);
    expect(store.getState().ui.relayConnections).toBeNull();
    const view = (id: string, set: string[]) =>
      ({ id, kind: 'oauth2', preset: 'salesforce', status: 'ok', set }) as unknown as ConnectionView;
    publishConnections([view('salesforce', ['clientId']), view('zoho', ['clientId', 'refreshToken'])]);
    expect(store.getState().ui.relayConnections).toEqual([
      { id: 'salesforce', state: 'not_connected' },
      { id: 'zoho', state: 'ok' },
    ]);
    publishConnections(null);
    expect(store.getState().ui.relayConnections).toBeNull();
  });
});
