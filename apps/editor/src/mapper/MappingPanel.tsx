/** Target fields beside the payload tree: what each maps from, required ones still missing. */
import { useMemo, useRef } from 'react';
import { findTarget } from '../catalog.js';
import { revealPointer } from '../editor/bridge.js';
import { describeValue } from '../editor/values.js';
import { PATH_MIME } from '../samples/PayloadTree.js';
import { useStore } from '../store.js';
import { usePreview } from '../worker/client.js';
import { useMapActions, mapField, unmapField } from './actions.js';
import { deriveMapping, extraPointers, valueAtPointer, type FieldMapping } from './mapping.js';

function useTemplateValue(text: string): { value: unknown; valid: boolean } {
  const lastValid = useRef<unknown>(undefined);
  return useMemo(() => {
    try {
      lastValid.current = JSON.parse(text);
      return { value: lastValid.current, valid: true };
    } catch {
      return { value: lastValid.current, valid: false };
    }
  }, [text]);
}

function useRenderedBody(): unknown {
  const request = usePreview((p) => p.lastGood);
  return useMemo(() => {
    if (!request?.bodyIsJson || request.truncated || request.bodyText === null) return undefined;
    try {
      return JSON.parse(request.bodyText);
    } catch {
      return undefined;
    }
  }, [request]);
}

function depthOf(pointer: string): number {
  return pointer.split('/').length - 2;
}

function FieldRow({ mapping, rendered }: { mapping: FieldMapping; rendered: unknown }) {
  const pendingTarget = useStore((s) => s.ui.pendingTarget);
  const pendingSource = useStore((s) => s.ui.pendingSource);
  const templateText = useStore((s) => s.doc.templateText);
  const { pickTarget } = useMapActions();
  const { field } = mapping;
  const now = valueAtPointer(rendered, field.pointer);
  const name = field.pointer.split('/').pop() ?? field.pointer;
  const container = field.type === 'object' || field.type === 'array';
  const nullNow =
    mapping.state === 'mapped' && !container && rendered !== undefined && (!now.found || now.value === null);
  const classes = [
    nullNow && field.required ? 'null-now' : '',
    'field-row',
    mapping.state,
    mapping.missingRequired ? 'missing' : '',
    pendingTarget === field.pointer ? 'picked' : '',
    pendingSource && !container ? 'droppable' : '',
  ];
  return (
    <li
      className={classes.join(' ')}
      style={{ paddingLeft: 8 + depthOf(field.pointer) * 14 }}
      data-pointer={field.pointer}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(PATH_MIME)) e.preventDefault();
      }}
      onDrop={(e) => {
        const expression = e.dataTransfer.getData(PATH_MIME);
        if (expression) {
          e.preventDefault();
          mapField(field.pointer, expression);
        }
      }}
    >
      <button
        className="field-name"
        onClick={() => pickTarget(field.pointer)}
        title={[field.pointer, field.description, field.hint].filter(Boolean).join('\n')}
      >
        {name}
        {field.required && (
          <span className="required" title="required">
            *
          </span>
        )}
      </button>
      <span className="field-type">{Array.isArray(field.type) ? field.type.join('|') : field.type}</span>
      <span className="field-source">
        {mapping.state === 'mapped' && !container && (
          <button
            className="link expr"
            onClick={() => revealPointer(templateText, field.pointer)}
            title={`${mapping.expressions.join('\n')}\n(click to show in the template)`}
          >
            ← {mapping.expressions.join(', ')}
          </button>
        )}
        {mapping.state === 'literal' && !container && (
          <span className="literal">= {describeValue(mapping.value, 40)}</span>
        )}
        {mapping.state === 'unmapped' && !container && (
          <span className={mapping.missingRequired ? 'warn' : 'muted'}>
            {mapping.missingRequired ? 'required — not mapped' : 'not mapped'}
          </span>
        )}
      </span>
      {!container && mapping.state !== 'unmapped' && rendered !== undefined && (
        <span
          className={`field-now${nullNow && field.required ? ' warn' : ''}`}
          title={nullNow ? 'Null or left out for this sample' : 'Value in the preview now'}
        >
          {now.found ? describeValue(now.value, 36) : 'left out'}
        </span>
      )}
      {mapping.state !== 'unmapped' && (
        <button
          className="icon unmap"
          title={`Remove ${field.pointer} from the template`}
          onClick={() => unmapField(field.pointer)}
        >
          ×
        </button>
      )}
    </li>
  );
}

export function MappingPanel() {
  const targetId = useStore((s) => s.doc.targetId);
  const bodyMode = useStore((s) => s.doc.bodyMode);
  const templateText = useStore((s) => s.doc.templateText);
  const pendingSource = useStore((s) => s.ui.pendingSource);
  const pendingTarget = useStore((s) => s.ui.pendingTarget);
  const target = findTarget(targetId);
  const picked = target?.fields.find((f) => f.pointer === pendingTarget);
  const template = useTemplateValue(templateText);
  const rendered = useRenderedBody();
  const fields = target?.fields ?? [];
  const mappings = useMemo(() => deriveMapping(fields, template.value), [fields, template.value]);
  const extras = useMemo(() => extraPointers(fields, template.value), [fields, template.value]);
  const missing = mappings.filter((m) => m.missingRequired).length;
  const nullRequired = mappings.filter((m) => {
    if (!m.field.required || m.state !== 'mapped' || rendered === undefined) return false;
    const at = valueAtPointer(rendered, m.field.pointer);
    return !at.found || at.value === null;
  }).length;

  if (!target)
    return <div className="empty">Pick a target in the settings above to see its fields here.</div>;
  if (bodyMode !== 'template') {
    return (
      <div className="empty">
        The body is in {bodyMode} mode. Switch the body to <b>Template</b> to map fields visually.
      </div>
    );
  }
  return (
    <div className="mapping-panel" data-testid="mapping-panel">
      <div className="mapping-head">
        <b>{target.name}</b> fields
        {missing > 0 ? (
          <span className="warn"> · {missing} required not mapped</span>
        ) : (
          <span className="ok"> · all required fields set</span>
        )}
        {nullRequired > 0 && <span className="warn"> · {nullRequired} required null for this sample</span>}
        {!template.valid && <span className="warn"> · template has a JSON error</span>}
        <div className="hint">
          {pendingSource
            ? `Click a field to map {{${pendingSource}}} into it.`
            : 'Click a payload field on the left, then a field here (or drag it onto the field).'}
        </div>
      </div>
      {picked && (
        <div className="field-detail" data-testid="field-detail">
          <code>{picked.pointer}</code> {picked.description}
          {picked.hint && <div className="muted">{picked.hint}</div>}
          <div className="muted">Now click a payload field on the left to map it here.</div>
        </div>
      )}
      <ul className="fields">
        {mappings.map((m) => (
          <FieldRow key={m.field.pointer} mapping={m} rendered={rendered} />
        ))}
      </ul>
      {extras.length > 0 && (
        <div className="extras">
          <div className="muted">Also in the template (not in the {target.crm} schema):</div>
          <ul>
            {extras.map((p) => (
              <li key={p}>
                <button className="link" onClick={() => revealPointer(templateText, p)}>
                  {p}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
