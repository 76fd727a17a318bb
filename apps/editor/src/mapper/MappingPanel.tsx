/** Target fields beside the payload tree: what each maps from, its value now, and its status. */
import { useMemo, useRef } from 'react';
import { editedTarget } from '../catalog.js';
import { editingContext } from '../flow/scope.js';
import { earlierStepIds } from '../flow/steps.js';
import { revealPointer } from '../editor/bridge.js';
import { currentPayload } from '../samples/current.js';
import { isError, problemsAt, problemsOf, type Problem } from '../status/problems.js';
import { getStore, useStore } from '../store.js';
import { usePreview } from '../worker/client.js';
import { rankCandidates } from './candidates.js';
import { useMapActions } from './actions.js';
import { FieldRow } from './FieldRow.js';
import { deriveMapping, extraPointers } from './mapping.js';

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
    if (!request?.bodyIsJson || request.bodyText === null) return undefined;
    try {
      return JSON.parse(request.bodyText);
    } catch {
      return undefined;
    }
  }, [request]);
}

/** The problems of the latest render, the same list the preview and the markers show. */
function useProblems(): { problems: Problem[]; failure: string | null } {
  const reply = usePreview((p) => p.reply);
  const localError = usePreview((p) => p.localError);
  return useMemo(
    () => ({ problems: reply ? problemsOf(reply) : [], failure: localError ?? reply?.failure ?? null }),
    [reply, localError],
  );
}

function Header({
  name,
  problems,
  failure,
  valid,
}: {
  name: string;
  problems: Problem[];
  failure: string | null;
  valid: boolean;
}) {
  const errors = problems.filter(isError).length + (failure !== null && !problems.some(isError) ? 1 : 0);
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  return (
    <div className="mapping-status" data-testid="mapping-status">
      <b>{name}</b> fields
      {errors > 0 ? (
        <span className="bad-text">
          {' '}
          · {errors} problem{errors > 1 ? 's' : ''} for this sample
        </span>
      ) : (
        <span className="ok"> · no problems for this sample</span>
      )}
      {warnings > 0 && (
        <span className="warn">
          {' '}
          · {warnings} warning{warnings > 1 ? 's' : ''}
        </span>
      )}
      {!valid && <span className="warn"> · template has a JSON error</span>}
    </div>
  );
}

/**
 * In a flow, what earlier steps leave for this one (SPEC §9): `steps.<id>.result` and the status, mapped
 * like a payload field (click it, then a field; or a field, then it).
 */
function StepSources() {
  const doc = useStore((s) => s.doc);
  const pendingSource = useStore((s) => s.ui.pendingSource);
  const { pickSource } = useMapActions();
  const ids = doc.steps === null ? [] : earlierStepIds(doc);
  if (ids.length === 0) return null;
  return (
    <div className="step-sources" role="group" aria-label="From earlier steps" data-testid="step-sources">
      <span className="muted">From earlier steps:</span>
      {ids.flatMap((id) =>
        ['result', 'status'].map((part) => {
          const expression = `steps.${id}.${part}`;
          return (
            <button
              key={expression}
              className={`chip${pendingSource === expression ? ' picked' : ''}`}
              onClick={() => pickSource(expression)}
              aria-pressed={pendingSource === expression}
              data-testid="step-source"
            >
              {expression}
            </button>
          );
        }),
      )}
    </div>
  );
}

export function MappingPanel() {
  const doc = useStore((s) => s.doc);
  const { bodyMode, templateText } = doc;
  const pendingSource = useStore((s) => s.ui.pendingSource);
  const pendingTarget = useStore((s) => s.ui.pendingTarget);
  const payloadContext = useStore((s) => currentPayload(s).context);
  const reply = usePreview((p) => p.reply);
  // The payload plus, in a flow, the earlier steps' values from the latest preview.
  const context = useMemo(
    () => (payloadContext ? editingContext(getStore().getState(), reply?.steps ?? null) : {}),
    [payloadContext, reply],
  );
  const target = editedTarget(doc);
  const picked = target?.fields.find((f) => f.pointer === pendingTarget);
  const template = useTemplateValue(templateText);
  const rendered = useRenderedBody();
  const { problems, failure } = useProblems();
  const fields = useMemo(() => target?.fields ?? [], [target]);
  const mappings = useMemo(() => deriveMapping(fields, template.value), [fields, template.value]);
  const extras = useMemo(() => extraPointers(fields, template.value), [fields, template.value]);

  if (!target) {
    return doc.steps === null ? (
      <div className="empty">Pick a target in the settings above to see its fields here.</div>
    ) : (
      <div className="empty">
        This step's request matches no CRM request hookmap knows: edit its body in the <b>JSON template</b>{' '}
        tab.
      </div>
    );
  }
  if (bodyMode !== 'template') {
    return (
      <div className="empty">
        The body is in {bodyMode === 'auto' ? 'Auto' : 'Text'} mode. Choose <b>JSON template</b> as the body
        above to map fields visually.
      </div>
    );
  }
  return (
    <div className="mapping-panel" data-testid="mapping-panel">
      <div className="mapping-head">
        <Header name={target.name} problems={problems} failure={failure} valid={template.valid} />
        <div className="hint">
          {pendingSource
            ? `Click a field to map {{${pendingSource}}} into it.`
            : 'Click a payload field on the left, then a field here (or drag it onto the field).'}
        </div>
        <StepSources />
      </div>
      {picked && (
        <div className="field-detail" data-testid="field-detail">
          <code>{picked.pointer}</code> {picked.description}
          <div className="muted">Now click a payload field on the left to map it here.</div>
        </div>
      )}
      <ul className="fields" aria-label={`${target.name} fields`}>
        {mappings.map((m) => (
          <FieldRow
            key={m.field.pointer}
            mapping={m}
            rendered={rendered}
            problems={problemsAt(problems, m.field.pointer)}
            candidates={m.missingRequired ? rankCandidates(m.field, context) : []}
          />
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
