import { describe, expect, it } from 'vitest';
import { createStore, defaultUi } from '../src/store.js';
import { emptyDoc } from '../src/integration.js';

function fresh() {
  return createStore({ doc: emptyDoc, ui: defaultUi, past: [], future: [] });
}

describe('store history', () => {
  it('undoes and redoes doc edits', () => {
    const store = fresh();
    store.updateDoc({ name: 'A' });
    store.updateDoc({ url: 'https://b.test' });
    expect(store.undo()).toBe(true);
    expect(store.getState().doc).toMatchObject({ name: 'A', url: emptyDoc.url });
    expect(store.redo()).toBe(true);
    expect(store.getState().doc.url).toBe('https://b.test');
    expect(store.redo()).toBe(false);
  });

  it('merges quick typing of one kind into one step, but not separate edits', () => {
    const store = fresh();
    store.updateDoc({ templateText: '{"a' }, 'type-template');
    store.updateDoc({ templateText: '{"ab' }, 'type-template');
    store.updateDoc({ templateText: '{"abc' }, 'type-template');
    expect(store.getState().past).toHaveLength(1);
    store.undo();
    expect(store.getState().doc.templateText).toBe(emptyDoc.templateText);
  });

  it('a new edit clears the redo stack; ui changes are not history', () => {
    const store = fresh();
    store.updateDoc({ name: 'A' });
    store.undo();
    store.updateUi({ theme: 'dark' });
    expect(store.getState().future).toHaveLength(1);
    store.updateDoc({ name: 'B' });
    expect(store.getState().future).toHaveLength(0);
  });

  it('notifies subscribers until they unsubscribe', () => {
    const store = fresh();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.updateUi({ allSamples: true });
    off();
    store.updateUi({ allSamples: false });
    expect(calls).toBe(1);
  });
});
