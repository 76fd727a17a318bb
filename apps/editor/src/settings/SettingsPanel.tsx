/** Integration settings: name, method, URL, headers, body mode, active, and the target preset. */
import type { HttpMethod } from '@hookmap/core';
import { findProvider, targetList } from '../catalog.js';
import { METHODS } from '../integration.js';
import { getStore, useStore, type BodyMode } from '../store.js';
import { usePreview } from '../worker/client.js';
import { StepList } from '../flow/StepList.js';
import { Headers } from './Headers.js';
import { SendFilter } from './SendFilter.js';
import { ConnectionSetting } from './ConnectionSetting.js';
import { textExample } from './text-example.js';
import { AuthFormSetting } from './AuthFormSetting.js';
import { keptAuthForm } from './auth-form.js';
import { loadStarter } from './load-starter.js';

function update(patch: Parameters<ReturnType<typeof getStore>['updateDoc']>[0], kind = 'edit'): void {
  getStore().updateDoc(patch, kind);
}

/** After a provider switch kept the user's template: the new provider's starter, one click away. */
function StarterOffer() {
  const offer = useStore((s) => s.ui.offerStarter);
  const targetId = useStore((s) => s.doc.targetId);
  const providerId = useStore((s) => s.doc.providerId);
  const connection = useStore((s) => s.doc.connection);
  if (!offer || targetId === null) return null;
  const provider = findProvider(providerId)?.name ?? providerId;
  return (
    <div className="notice offer" role="status" data-testid="starter-offer">
      Your template was written for another provider.{' '}
      <button
        className="primary small"
        onClick={() => loadStarter(targetId, keptAuthForm({ targetId, connection }))}
      >
        Load the {provider} starter
      </button>{' '}
      <button className="small" onClick={() => getStore().updateUi({ offerStarter: false })}>
        Keep mine
      </button>
    </div>
  );
}

function BodyOptions() {
  const doc = useStore((s) => s.doc);
  const provider = findProvider(doc.providerId);
  if (doc.bodyMode === 'auto') {
    return (
      <div className="sections" role="group" aria-label="Auto sections">
        {provider?.sections.map((section) => (
          <label key={section.id} title={section.description} className="check">
            <input
              type="checkbox"
              checked={doc.sections.includes(section.id)}
              onChange={(e) =>
                update({
                  sections: e.target.checked
                    ? [...doc.sections, section.id]
                    : doc.sections.filter((id) => id !== section.id),
                })
              }
            />
            {section.name}
          </label>
        ))}
      </div>
    );
  }
  if (doc.bodyMode === 'text') {
    return (
      <div className="row">
        <label>
          Engine
          <select
            value={doc.engine}
            onChange={(e) => update({ engine: e.target.value as 'hookmap' | 'handlebars' })}
          >
            <option value="hookmap">hookmap</option>
            <option value="handlebars">Handlebars</option>
          </select>
        </label>
        <label className="grow">
          Content-Type
          <input
            value={doc.contentType}
            onChange={(e) => update({ contentType: e.target.value }, 'content-type')}
          />
        </label>
      </div>
    );
  }
  return null;
}

export function SettingsPanel() {
  const doc = useStore((s) => s.doc);
  const reply = usePreview((p) => p.reply);
  const urlErrors = reply?.diagnostics.filter((d) => d.field === 'url') ?? [];
  const setMode = (mode: BodyMode) => {
    const provider = findProvider(doc.providerId);
    const own = provider?.sections.map((s) => s.id) ?? [];
    const kept = doc.sections.filter((id) => own.includes(id));
    const sections = kept.length > 0 ? kept : own;
    // A text body never opens empty: an example that renders for every provider (the `common` view).
    const text =
      mode === 'text' && doc.textTemplate.trim() === '' ? { textTemplate: textExample(doc.engine) } : {};
    update({ bodyMode: mode, sections, ...text });
  };
  // What every request of a flow shares comes before its steps; a single request keeps its order.
  const shared = (
    <>
      <details>
        <summary>
          {doc.steps !== null ? 'Headers of every step' : 'Headers'} ({doc.headers.length})
        </summary>
        <Headers rows={doc.headers} onChange={(headers, kind) => update({ headers }, kind)} />
      </details>
      <SendFilter />
      <ConnectionSetting />
    </>
  );
  return (
    <section className="settings" aria-label="Integration settings">
      <div className="row">
        <label className="grow">
          Name
          <input
            value={doc.name}
            onChange={(e) => update({ name: e.target.value }, 'name')}
            data-testid="name-input"
          />
        </label>
        <label className="grow">
          Target (loads a starter)
          <select
            value={doc.targetId ?? ''}
            onChange={(e) => {
              if (e.target.value === '') update({ targetId: null });
              else loadStarter(e.target.value);
            }}
            data-testid="target-select"
            title="Choosing a target loads its starter template"
          >
            <option value="">None</option>
            {targetList().map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        {doc.targetId !== null && (
          <button
            className="icon reset"
            aria-label="Reset to the target's starter template"
            onClick={() => loadStarter(doc.targetId as string, keptAuthForm(doc))}
            title="Reset to the target's starter template"
          >
            ↺
          </button>
        )}
        <label className="check" title="Inactive integrations are kept but not sent">
          <input
            type="checkbox"
            checked={doc.active}
            onChange={(e) => update({ active: e.target.checked })}
          />
          Active
        </label>
      </div>
      <AuthFormSetting />
      <StarterOffer />
      {doc.steps !== null && shared}
      <StepList />
      {doc.steps !== null && (
        <div className="step-request-label" data-testid="step-request-label">
          Request of step <code>{doc.steps[doc.activeStep]?.id}</code>
        </div>
      )}
      <div className="row">
        <select
          value={doc.method}
          onChange={(e) => update({ method: e.target.value as HttpMethod })}
          aria-label="HTTP method"
          className="method"
        >
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <input
          className="grow url"
          value={doc.url}
          onChange={(e) => update({ url: e.target.value }, 'url')}
          aria-label="URL"
          spellCheck={false}
        />
      </div>
      {urlErrors.map((d, i) => (
        <div className="error small" key={i}>
          URL: {d.message} ({d.code})
        </div>
      ))}
      {doc.steps === null && shared}
      <div className="row body-mode">
        <span className="label">Body</span>
        {(['auto', 'template', 'text'] as const).map((mode) => (
          <label key={mode} className="radio">
            <input
              type="radio"
              name="body-mode"
              checked={doc.bodyMode === mode}
              onChange={() => setMode(mode)}
            />
            {mode === 'auto' ? 'Auto' : mode === 'template' ? 'JSON template' : 'Text'}
          </label>
        ))}
      </div>
      <BodyOptions />
    </section>
  );
}
