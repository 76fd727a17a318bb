/**
 * "Sign in with" (secrets or the relay connection): which form a doc is in, the starter reloaded in the other
 * form as one undoable edit that keeps the provider and sample, and provider switches keeping the form.
 */
import { describe, expect, it } from 'vitest';
import { targets } from '@hookmap/targets';
import { emptyDoc } from '../src/integration.js';
import { decodeShareHash, encodeShareHash } from '../src/persist.js';
import { authFormOf, authFormsOf, keptAuthForm } from '../src/settings/auth-form.js';
import { loadStarter } from '../src/settings/load-starter.js';
import { starterDocFor, switchProvider } from '../src/settings/provider-switch.js';
import { createStore, defaultUi, setAppStore, type EditorDoc } from '../src/store.js';

const base: EditorDoc = { ...emptyDoc, providerId: 'otter', sampleId: null };
const headerValues = (doc: EditorDoc) => doc.headers.map((h) => h.value).join('\n');

describe('which way a starter signs in', () => {
  it('knows the targets with both forms and their defaults (Slack has none)', () => {
    expect(authFormsOf('hubspot.note')?.default).toBe('secrets');
    expect(authFormsOf('salesforce.task')?.default).toBe('connection');
    expect(authFormsOf('slack.message')).toBeNull();
    expect(authFormsOf(null)).toBeNull();
    expect(targets.filter((t) => t.auth).map((t) => t.crm)).toEqual(
      expect.arrayContaining(['hubspot', 'salesforce', 'zoho', 'pipedrive', 'close', 'attio']),
    );
  });

  it('reads the form from the doc: naming a relay connection is the connection form', () => {
    const secrets = starterDocFor(base, 'hubspot.note', 'otter')!;
    expect(authFormOf(secrets)).toBe('secrets');
    expect(headerValues(secrets)).toContain('secrets.');
    const connection = starterDocFor(base, 'hubspot.note', 'otter', 'connection')!;
    expect(authFormOf(connection)).toBe('connection');
    expect(connection.connection).toBe('hubspot');
    expect(headerValues(connection)).toContain('connection.access_token');
    expect(headerValues(connection)).not.toContain('secrets.');
    expect(authFormOf(starterDocFor(base, 'salesforce.task', 'otter')!)).toBe('connection');
    expect(authFormOf(starterDocFor(base, 'salesforce.task', 'otter', 'secrets')!)).toBe('secrets');
    expect(authFormOf(starterDocFor(base, 'slack.message', 'otter')!)).toBeNull();
    expect(keptAuthForm({ targetId: 'slack.message', connection: '' })).toBeUndefined();
  });

  it('survives what keeps the doc (autosave and share links hold `connection`)', () => {
    const connection = starterDocFor(base, 'hubspot.note', 'otter', 'connection')!;
    const back = { ...emptyDoc, ...decodeShareHash(encodeShareHash(connection)) };
    expect(authFormOf(back)).toBe('connection');
    expect(JSON.parse(JSON.stringify(connection)) as EditorDoc).toEqual(connection);
  });

  it('reloads the starter in the picked form as one undoable edit, keeping provider and sample', () => {
    const start = { ...starterDocFor(base, 'hubspot.note', 'otter')!, sampleId: 'data-transcript-inferred' };
    const store = createStore({ doc: start, ui: defaultUi, past: [], future: [] });
    setAppStore(store);
    loadStarter('hubspot.note', 'connection');
    const { doc, ui } = store.getState();
    expect(authFormOf(doc)).toBe('connection');
    expect(doc.providerId).toBe('otter');
    expect(doc.sampleId).toBe('data-transcript-inferred');
    expect(headerValues(doc)).toContain('connection.access_token');
    expect(ui.toast).toContain('relay connection “hubspot”');
    expect(store.getState().past).toHaveLength(1);
    expect(store.undo()).toBe(true);
    expect(store.getState().doc).toEqual(start);
    expect(store.redo()).toBe(true);
    loadStarter('hubspot.note', 'secrets');
    expect(authFormOf(store.getState().doc)).toBe('secrets');
    expect(store.getState().doc.connection).toBe('');
  });

  it('keeps the connection form when the provider switch loads the new provider’s starter', () => {
    const connection = starterDocFor(base, 'hubspot.note', 'otter', 'connection')!;
    const switched = switchProvider(connection, 'attendee');
    expect(switched.starterLoaded).toBe(true);
    expect(switched.doc.providerId).toBe('attendee');
    expect(authFormOf(switched.doc)).toBe('connection');
    expect(headerValues(switched.doc)).toContain('connection.access_token');
  });
});
