/** Sample panel: provider and sample pickers, paste or drop a payload, and the payload tree. */
import { useState } from 'react';
import { detect, findProvider, providerList } from '../catalog.js';
import { getStore, useStore } from '../store.js';
import { currentPayload, parsePayloadText } from './current.js';
import { PayloadTree } from './PayloadTree.js';
import { switchProvider } from '../settings/provider-switch.js';

function selectProvider(providerId: string): void {
  const store = getStore();
  const { doc } = store.getState();
  if (providerId === doc.providerId) return;
  const switched = switchProvider(doc, providerId);
  store.updateDoc(switched.doc, 'edit');
  const name = findProvider(providerId)?.name ?? providerId;
  store.updateUi({
    offerStarter: switched.offerStarter,
    toast: switched.starterLoaded ? `Loaded the ${name} starter (Undo to go back)` : null,
    ...(switched.starterLoaded ? { responses: {} } : {}),
  });
}

/** Loads pasted or dropped JSON, switching to the provider `detectProvider` names. */
export function loadPayloadText(text: string, name: string): void {
  const store = getStore();
  const parsed = parsePayloadText(text);
  const detected = parsed.error ? null : detect(parsed.value);
  store.updateUi({
    customPayloadText: text,
    customPayloadName: name,
    toast: parsed.error
      ? `Invalid JSON at line ${parsed.error.line}, column ${parsed.error.column}: ${parsed.error.message}`
      : detected
        ? `Detected ${detected.name} payload`
        : 'Provider not recognised: the payload is read as is',
  });
  const { doc } = store.getState();
  if (detected !== null && detected.id !== doc.providerId) {
    const switched = switchProvider(doc, detected.id);
    store.updateDoc({ ...switched.doc, sampleId: null }, 'edit');
    store.updateUi({ offerStarter: switched.offerStarter });
  } else {
    store.updateDoc({ sampleId: null }, 'edit');
  }
}

function PasteBox({ onDone }: { onDone: () => void }) {
  const [text, setText] = useState('');
  const parsed = text.trim() === '' ? null : parsePayloadText(text);
  return (
    <div className="paste-box">
      <textarea
        autoFocus
        placeholder="Paste a webhook payload (JSON)…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="Payload JSON"
        spellCheck={false}
      />
      {parsed?.error && (
        <div className="error" data-testid="paste-error">
          Line {parsed.error.line}, column {parsed.error.column}: {parsed.error.message}
        </div>
      )}
      <div className="row">
        <button
          className="primary"
          disabled={!parsed || parsed.error !== null}
          onClick={() => {
            loadPayloadText(text, 'Pasted payload');
            onDone();
          }}
        >
          Use this payload
        </button>
        <button onClick={onDone}>Cancel</button>
      </div>
    </div>
  );
}

export function SamplePanel() {
  const providerId = useStore((s) => s.doc.providerId);
  const sampleId = useStore((s) => s.doc.sampleId);
  const current = useStore(currentPayload);
  const customName = useStore((s) => s.ui.customPayloadName);
  const [pasting, setPasting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const provider = current.provider;

  const onDrop = (event: React.DragEvent) => {
    const file = event.dataTransfer.files[0];
    setDragging(false);
    if (!file) return;
    event.preventDefault();
    void file.text().then((text) => loadPayloadText(text, file.name));
  };

  return (
    <section
      className={`panel sample-panel${dragging ? ' dragging' : ''}`}
      aria-label="Sample payload"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="panel-head">
        <h2>Sample</h2>
        <button
          className="small"
          onClick={() => setPasting(!pasting)}
          title="Paste a payload, or drop a .json file on this panel"
        >
          Paste JSON
        </button>
      </header>
      <div className="pickers">
        <label>
          Provider
          <select
            value={providerId}
            onChange={(e) => selectProvider(e.target.value)}
            data-testid="provider-select"
          >
            {providerList().map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sample
          <select
            value={sampleId ?? '__custom'}
            onChange={(e) =>
              getStore().updateDoc(
                { sampleId: e.target.value === '__custom' ? null : e.target.value },
                'edit',
              )
            }
            data-testid="sample-select"
          >
            {provider?.samples.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            {(sampleId === null || customName !== null) && (
              <option value="__custom">{customName ?? 'Pasted payload'}</option>
            )}
          </select>
        </label>
      </div>
      {pasting && <PasteBox onDone={() => setPasting(false)} />}
      {current.foreign && (
        <div className="notice small" data-testid="payload-foreign">
          Not recognised as a {provider?.name ?? 'provider'} payload: shown and rendered as is, without{' '}
          {provider?.name}'s names.
        </div>
      )}
      {current.error && (
        <div className="error" data-testid="payload-error">
          Invalid JSON at line {current.error.line}, column {current.error.column}: {current.error.message}
        </div>
      )}
      <div className="panel-body">
        <PayloadTree root={current.context} />
      </div>
      <footer className="panel-foot muted">Drop a .json file here · click a field to map it</footer>
    </section>
  );
}
